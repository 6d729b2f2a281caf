/**
 * What the layout promises beyond sizes: the header keeps one height (online, offline, a sale
 * waiting, a manager's five links at 1280 px — one row, no wrap; in German, whose links are
 * longer, they move into the Menu instead), the "Ready to work offline" notice never covers
 * Total or Pay, a disabled Pay looks disabled under the pointer, and a kiosk shows larger
 * type and targets than a tablet.
 */
import type { Locator, Page } from '@playwright/test';
import { DEMO_USERS_DE } from '../../server/src/seed/demo-catalog.ts';
import { DEMO_PRODUCTS, expect, signIn, test } from './fixtures.ts';
import { DEMO_PIN } from './support/sign-in.ts';
import { sellOne, waitForServiceWorker } from './support/sell.ts';

const plain = DEMO_PRODUCTS.filter((p) => !p.serialized);

const heightOf = async (locator: Locator): Promise<number> =>
  (await locator.boundingBox())?.height ?? Number.NaN;

/** True when every shown child of the header is centred on the header's middle (one row). */
async function headerIsOneRow(page: Page): Promise<boolean> {
  return page.evaluate(() => {
    const header = document.querySelector('pos-app')?.shadowRoot?.querySelector('header');
    if (header === null || header === undefined) return false;
    const box = header.getBoundingClientRect();
    const middle = box.top + box.height / 2;
    return [...header.children]
      .map((child) => child.getBoundingClientRect())
      .filter((rect) => rect.width > 0)
      .every((rect) => Math.abs(rect.top + rect.height / 2 - middle) <= 4);
  });
}

async function boxesOverlap(a: Locator, b: Locator): Promise<boolean> {
  const [x, y] = [await a.boundingBox(), await b.boundingBox()];
  if (x === null || y === null) return false;
  return x.x < y.x + y.width && y.x < x.x + x.width && x.y < y.y + y.height && y.y < x.y + x.height;
}

test.describe('tablet 1280×800', () => {
  test.use({ viewport: { width: 1280, height: 800 } });

  test('the header keeps one height and one row, online, offline, with a sale waiting, for a manager', async ({
    page,
    context,
  }) => {
    await page.goto('/');
    await signIn(page, 'manager');
    const header = page.locator('header');
    await expect(page.getByLabel('Barcode or SKU')).toBeFocused({ timeout: 20_000 });
    await expect(page.getByRole('link', { name: 'Exceptions' })).toBeVisible();
    const online = await heightOf(header);
    expect(await headerIsOneRow(page)).toBe(true);

    // The offline-ready notice takes its own row: Total and Pay stay uncovered.
    const notice = page.getByTestId('update.toast');
    await waitForServiceWorker(page);
    await expect(notice).toBeVisible();
    await page.getByLabel('Barcode or SKU').fill(plain[0]?.sku ?? '');
    await page.getByLabel('Barcode or SKU').press('Enter');
    expect(await boxesOverlap(notice, page.getByTestId('sell.pay'))).toBe(false);
    expect(await boxesOverlap(notice, page.getByTestId('totals.total'))).toBe(false);
    await page.getByRole('button', { name: 'Clear cart' }).click();
    await page.getByRole('button', { name: 'Tap again to clear the cart' }).click();

    await context.setOffline(true);
    await expect(page.getByTestId('sync.connection')).toHaveText('Offline');
    await sellOne(page, plain[1]?.sku ?? '');
    await expect(page.getByTestId('sync.pending')).toHaveText('1 sale waiting');
    expect(await heightOf(header)).toBe(online);
    expect(await headerIsOneRow(page)).toBe(true);

    await context.setOffline(false);
    await page.evaluate(() => window.dispatchEvent(new Event('online')));
    await expect(page.getByTestId('sync.pending')).toHaveText('All sales synced', {
      timeout: 20_000,
    });
    expect(await heightOf(header)).toBe(online);
  });

  test('in German a manager’s longer links move into the Menu; the row and its height stay', async ({
    page,
  }) => {
    const { username, password } = DEMO_USERS_DE.manager;
    await page.goto('/');
    await page.getByLabel('Username').fill(username);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const pin = page.getByRole('dialog', { name: 'PIN festlegen' });
    await pin.getByLabel('Neue PIN').fill(DEMO_PIN);
    await pin.getByLabel('PIN wiederholen').fill(DEMO_PIN);
    await pin.getByRole('button', { name: 'PIN speichern' }).click();
    await expect(page.getByLabel('Barcode oder Art.-Nr.')).toBeFocused({ timeout: 20_000 });

    // Seven German links and Abmelden leave the sync status no room: the Menu holds them.
    const header = page.locator('header');
    const menu = page.getByTestId('app.menu');
    await expect(menu).toBeVisible();
    await expect(header.getByRole('link', { name: 'Ausnahmen' })).toBeHidden();
    await expect(page.getByTestId('sync.pending')).toHaveText('Alles gesendet');
    expect(await boxesOverlap(page.getByTestId('sync.pending'), menu)).toBe(false);
    expect(await headerIsOneRow(page)).toBe(true);
    const german = await heightOf(header);
    await menu.click();
    await page.getByRole('link', { name: 'Einstellungen' }).click();
    await expect(page.getByRole('heading', { name: 'Einstellungen', level: 1 })).toBeVisible();

    // In English the same links fit in the row again, at the same height.
    await page.getByRole('combobox', { name: 'Sprache' }).selectOption({ label: 'English' });
    await expect(header.getByRole('link', { name: 'Exceptions' })).toBeVisible();
    await expect(menu).toBeHidden();
    expect(await headerIsOneRow(page)).toBe(true);
    expect(await heightOf(header)).toBe(german);
  });

  test('a disabled Pay keeps its disabled colours under the pointer', async ({ page }) => {
    await page.goto('/');
    await signIn(page);
    const pay = page.getByTestId('sell.pay');
    await expect(pay).toBeDisabled({ timeout: 20_000 });
    const colours = () =>
      pay.evaluate((el) => {
        const style = getComputedStyle(el);
        return `${style.backgroundColor} ${style.color}`;
      });
    const resting = await colours();
    await pay.hover({ force: true });
    expect(await colours()).toBe(resting);
  });
});

test('a kiosk shows larger type and targets than a tablet', async ({ page }) => {
  const measure = async () => ({
    field: await page
      .getByLabel('Barcode or SKU')
      .evaluate((el) => Number.parseFloat(getComputedStyle(el).fontSize)),
    add: await heightOf(page.getByRole('button', { name: 'Add', exact: true })),
  });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto('/');
  await signIn(page);
  await expect(page.getByLabel('Barcode or SKU')).toBeFocused({ timeout: 20_000 });
  const tablet = await measure();
  await page.setViewportSize({ width: 1920, height: 1080 });
  const kiosk = await measure();
  expect(kiosk.field).toBeGreaterThanOrEqual(tablet.field * 1.2);
  expect(kiosk.add).toBeGreaterThanOrEqual(tablet.add * 1.2);
});
