/**
 * Writes the README's gallery, docs/gallery/: the sell screen with a few lines in the cart and
 * the receipt of that sale, at phone (390×844), tablet (1280×800) and kiosk (1920×1080)
 * sizes, in English (the demo store, dollars) and German (the Berlin store, euros). A
 * generator, not a test: playwright.config.ts runs it only when asked (`npm run screenshots`).
 */
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from '@playwright/test';
import { DEMO_PRODUCTS, expect, signIn, test } from './fixtures.ts';
import { signInBerlin } from './support/sign-in.ts';

const GALLERY = fileURLToPath(new URL('../../docs/gallery/', import.meta.url));

const SIZES = {
  phone: { width: 390, height: 844 },
  tablet: { width: 1280, height: 800 },
  kiosk: { width: 1920, height: 1080 },
} as const;

const LANGUAGES = {
  en: { field: 'Barcode or SKU', pay: 'Payment', exact: 'Exact', complete: 'Complete sale' },
  de: {
    field: 'Barcode oder Art.-Nr.',
    pay: 'Zahlung',
    exact: 'Passend',
    complete: 'Verkauf abschließen',
  },
} as const;

const PICKS = ['StudioSound', 'USB-C to USB-C Cable 1 m', '65 W GaN', 'Pixel Nova 8 Clear Case'];

async function signInAs(page: Page, language: keyof typeof LANGUAGES): Promise<void> {
  await page.goto('/');
  await (language === 'en' ? signIn(page) : signInBerlin(page));
}

for (const [language, words] of Object.entries(LANGUAGES)) {
  for (const [size, viewport] of Object.entries(SIZES)) {
    test(`gallery: ${size}, ${language}`, async ({ page }) => {
      mkdirSync(GALLERY, { recursive: true });
      await page.setViewportSize(viewport);
      await signInAs(page, language as keyof typeof LANGUAGES);
      const field = page.getByLabel(words.field);
      await expect(field).toBeEditable({ timeout: 20_000 });
      for (const start of PICKS) {
        const product = DEMO_PRODUCTS.find((p) => p.title.startsWith(start) && !p.serialized);
        if (product === undefined) continue;
        await field.fill(product.barcode);
        await field.press('Enter');
        await expect(page.getByTestId('sell.message')).toContainText(product.title);
      }
      // The resting state: the "just added" highlight faded, the pointer off the buttons.
      await page.mouse.move(1, viewport.height - 10);
      await page.waitForTimeout(1_500);
      await page.screenshot({ path: `${GALLERY}sell-${size}-${language}.png` });

      await page.getByTestId('sell.pay').click();
      const payment = page.getByRole('dialog', { name: words.pay });
      await payment.getByRole('button', { name: words.exact }).click();
      await payment.getByRole('button', { name: words.complete }).click();
      await expect(page.getByTestId('receipt.total')).toBeVisible();
      await page.mouse.move(1, viewport.height - 10);
      await page.screenshot({ path: `${GALLERY}receipt-${size}-${language}.png` });
    });
  }
}
