/**
 * Every main screen at home on a phone (390×844, 360×740), a tablet (1280×800) and a counter
 * kiosk (1920×1080), measured rather than photographed: on each screen and dialog, every
 * visible interactive element is at least 44×44 px and nothing — box or text — leaves the
 * viewport (`support/layout-audit.ts`). The tour covers sign-in, choosing a PIN, the sell
 * screen with a full cart (a long paste into the barcode field included), the serial prompt,
 * payment with large quick-cash amounts, the receipt, orders, pick, settings, status,
 * exceptions (manager), the phone's menu and the lock with its "someone else" sign-in.
 */
import type { Page } from '@playwright/test';
import { DEMO_PRODUCTS, expect, signIn, test } from './fixtures.ts';
import { layoutProblems } from './support/layout-audit.ts';
import { freshSerial, serialPrompt, serializedProduct } from './support/serials.ts';
import { webOrder } from './support/web-orders.ts';
import { LAST_ACTIVE_KEY } from '../../src/controllers/idle-controller.ts';

export const FORM_FACTORS = [
  { name: 'phone 390×844', width: 390, height: 844, phone: true },
  { name: 'phone 360×740', width: 360, height: 740, phone: true },
  { name: 'tablet 1280×800', width: 1280, height: 800, phone: false },
  { name: 'kiosk 1920×1080', width: 1920, height: 1080, phone: false },
] as const;

const plain = DEMO_PRODUCTS.filter((p) => !p.serialized);
/** The dearest unserialized products: quick-cash amounts in the thousands. */
const dear = [...plain].sort((a, b) => b.price - a.price).slice(0, 4);

/** AISLE_LAYOUT_SHOTS=DIR also saves a picture of each measured screen there, to look at. */
const SHOTS = process.env.AISLE_LAYOUT_SHOTS;

async function expectFits(page: Page, label: string): Promise<void> {
  if (SHOTS !== undefined && SHOTS !== '') {
    const { width } = page.viewportSize() ?? { width: 0 };
    await page.screenshot({ path: `${SHOTS}/${width}-${label.replace(/\W+/g, '-')}.png` });
  }
  expect.soft(await layoutProblems(page, label), label).toEqual([]);
}

/** Opens a screen from the header's links, or the phone's menu. */
async function openScreen(page: Page, phone: boolean, link: string): Promise<void> {
  if (phone) await page.getByTestId('app.menu').click();
  await page.getByRole('link', { name: link, exact: true }).click();
}

async function addCode(page: Page, code: string): Promise<void> {
  const field = page.getByLabel('Barcode or SKU');
  await field.fill(code);
  await field.press('Enter');
}

for (const size of FORM_FACTORS) {
  test.describe(size.name, () => {
    test.use({ viewport: { width: size.width, height: size.height } });

    test(`every screen fits and every target is at least 44×44 px (${size.name})`, async ({
      page,
      api,
    }) => {
      test.setTimeout(120_000);
      // Something to pick, and a serial sold twice for the manager's exceptions.
      const phoneProduct = serializedProduct(2);
      const twice = freshSerial();
      for (const [n, shipping] of [
        [1, 'traditional_carrier'],
        [2, 'in_store_handover'],
        [3, 'in_store_handover'],
      ] as const) {
        const injected = await api.post('/v0/d/fulfill_order', {
          data: webOrder(`layout-${twice}-${n}`, [
            {
              product: phoneProduct,
              shipping,
              ...(shipping === 'in_store_handover' ? { serial: twice } : {}),
            },
          ]),
        });
        expect(injected.status()).toBe(201);
      }

      await page.goto('/');
      await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
      await expectFits(page, 'sign-in');

      await signIn(page, 'manager');
      const field = page.getByLabel('Barcode or SKU');
      await expect(field).toBeFocused({ timeout: 20_000 });
      await expectFits(page, 'sell, empty');

      for (const product of dear) await addCode(page, product.sku);
      await addCode(page, phoneProduct.sku);
      await expect(serialPrompt(page)).toBeVisible();
      await expectFits(page, 'serial prompt');
      await serialPrompt(page).getByRole('button', { name: 'Later' }).click();
      await expect(serialPrompt(page)).toBeHidden();
      await page
        .getByRole('checkbox', { name: `Ship to customer: ${dear[0]?.title ?? ''}` })
        .check();
      // A document pasted into the barcode field: cut at the limit, refused in words that wrap.
      await field.fill('X'.repeat(3000));
      await field.press('Enter');
      await expect(page.getByTestId('sell.message')).toContainText('No product with barcode');
      await expectFits(page, 'sell, full cart, long paste');

      // The phone's cart is the screen: the last line and its buttons are on it, not under the
      // totals bar.
      const last = page.getByRole('button', { name: `Remove ${phoneProduct.title}` });
      await expect(last).toBeInViewport();
      const box = await last.boundingBox();
      if (box === null) throw new Error('no box for the last line');
      const hit = await page.evaluate(
        ({ x, y }) => {
          let el = document.elementFromPoint(x, y);
          while (
            el?.shadowRoot?.elementFromPoint(x, y) &&
            el.shadowRoot.elementFromPoint(x, y) !== el
          ) {
            el = el.shadowRoot.elementFromPoint(x, y);
          }
          return el?.getAttribute('aria-label') ?? el?.localName ?? null;
        },
        { x: box.x + box.width / 2, y: box.y + box.height / 2 },
      );
      expect(hit, 'the last line is not covered').toBe(`Remove ${phoneProduct.title}`);

      await page.getByRole('button', { name: `Remove ${phoneProduct.title}` }).click();
      await page.getByTestId('sell.pay').click();
      const payment = page.getByRole('dialog', { name: 'Payment' });
      await expect(payment).toBeVisible();
      await expectFits(page, 'payment, cash');
      await payment.getByRole('button', { name: 'Exact' }).click();
      await payment.getByRole('button', { name: 'Complete sale' }).click();
      await expect(page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
      await expectFits(page, 'receipt');

      await openScreen(page, size.phone, 'Orders');
      await expect(page.getByRole('heading', { name: 'Order history' })).toBeVisible();
      await expectFits(page, 'orders');

      await openScreen(page, size.phone, 'Pick');
      await expect(page.getByRole('heading', { name: /pick/i }).first()).toBeVisible();
      await expectFits(page, 'pick');

      await openScreen(page, size.phone, 'Shift');
      await expect(page.getByRole('heading', { name: 'X report' })).toBeVisible();
      await expectFits(page, 'shift, X report');
      await page.getByTestId('shift.all').click();
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectFits(page, "every till's shifts");

      await openScreen(page, size.phone, 'Settings');
      await expect(page.getByRole('heading', { name: 'Settings' })).toBeVisible();
      await expectFits(page, 'settings');

      await openScreen(page, size.phone, 'Exceptions');
      await expect(page.getByRole('heading', { name: 'Serial exceptions' })).toBeVisible();
      await expect(page.getByRole('article').filter({ hasText: twice }).first()).toBeVisible({
        timeout: 15_000,
      });
      await expectFits(page, 'exceptions');

      await page.getByTestId('sync.pending').click();
      await expect(page.getByRole('heading', { name: /status/i }).first()).toBeVisible();
      await expectFits(page, 'status');

      if (size.phone) {
        await page.getByTestId('app.menu').click();
        await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();
        await expectFits(page, 'menu');
        await page.keyboard.press('Escape');
      }

      // Locked (reopened after the idle time), and the form for another associate.
      await page.evaluate(
        (key) => localStorage.setItem(key, String(Date.now() - 3_600_000)),
        LAST_ACTIVE_KEY,
      );
      await page.reload();
      const lock = page.getByRole('dialog', { name: 'Aisle is locked' });
      await expect(lock).toBeVisible({ timeout: 10_000 });
      await expectFits(page, 'lock');
      await lock.getByRole('button', { name: 'Someone else' }).click();
      await expect(lock.getByLabel('Username')).toBeVisible();
      await expectFits(page, 'lock, someone else');
    });
  });
}
