/**
 * Writes docs/screenshot-sell.png for the README: the sell screen of a landscape tablet
 * (1280×800) with a few lines in the cart. playwright.config.ts ignores it unless asked:
 * AISLE_SCREENSHOT=1 npx playwright test test/e2e/screenshot-sell.spec.ts
 */
import { fileURLToPath } from 'node:url';
import { DEMO_PRODUCTS, expect, signIn, test } from './fixtures.ts';

const OUTPUT = fileURLToPath(new URL('../../docs/screenshot-sell.png', import.meta.url));

test.use({ viewport: { width: 1280, height: 800 } });

test('sell screen screenshot', async ({ page }) => {
  await page.goto('/');
  await signIn(page);
  const field = page.getByLabel('Barcode or SKU');
  await expect(field).toBeFocused();
  const picks = [
    DEMO_PRODUCTS.find((p) => p.title.startsWith('StudioSound')),
    DEMO_PRODUCTS.find((p) => p.title.startsWith('USB-C to USB-C Cable 1 m')),
    DEMO_PRODUCTS.find((p) => p.title.startsWith('65 W GaN')),
    DEMO_PRODUCTS.find((p) => p.title.startsWith('Pixel Nova 8 Clear Case')),
  ];
  for (const product of picks) {
    if (product === undefined) continue;
    await field.fill(product.barcode);
    await field.press('Enter');
  }
  const cable = picks[1];
  if (cable !== undefined) {
    await page.getByRole('button', { name: `One more ${cable.title}` }).click();
  }
  await field.fill(picks[3]?.barcode ?? '');
  await field.press('Enter');
  // Let the "just added" highlight fade and move the pointer off the buttons, so the picture
  // shows the resting state.
  await page.mouse.move(1, 790);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: OUTPUT });
});
