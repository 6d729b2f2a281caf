/**
 * The lock (issue 7): after an online sign-in the associate chooses a PIN; when the till sits
 * idle the app locks over the open screen, and the PIN unlocks it with no network at all —
 * also after a reload. The open cart survives the lock untouched, and a scan while locked
 * changes nothing. Time is moved with Playwright's clock instead of waiting five minutes.
 */
import type { Page } from '@playwright/test';
import { DEMO_PRODUCTS, expect, signIn, test } from './fixtures.ts';
import { waitForServiceWorker } from './support/sell.ts';
import { DEMO_PIN } from './support/sign-in.ts';
import { LAST_ACTIVE_KEY } from '../../src/controllers/idle-controller.ts';

const plain = DEMO_PRODUCTS.filter((p) => !p.serialized);
const cartLines = (page: Page) =>
  page.getByRole('list', { name: 'Cart lines' }).getByRole('listitem');
const lockDialog = (page: Page) => page.getByRole('dialog', { name: 'Aisle is locked' });

async function scan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

async function unlock(page: Page, pin: string): Promise<void> {
  const dialog = lockDialog(page);
  await dialog.getByLabel('PIN').fill(pin);
  await dialog.getByRole('button', { name: 'Unlock' }).click();
}

test('the PIN unlocks the app offline after an online sign-in, also after a reload', async ({
  page,
  context,
}) => {
  await page.clock.install();
  await page.goto('/');
  await signIn(page);
  const field = page.getByLabel('Barcode or SKU');
  await expect(field).toBeFocused({ timeout: 20_000 });
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await page.clock.fastForward('05:30');
  await expect(lockDialog(page)).toBeVisible();
  await expect(page.getByTestId('sync.connection')).toHaveText('Offline');

  await unlock(page, '0000');
  await expect(lockDialog(page).getByRole('alert')).toHaveText('Wrong PIN. 4 tries left.');
  await unlock(page, DEMO_PIN);
  await expect(lockDialog(page)).toBeHidden();
  await expect(field).toBeFocused();

  // Closed, and reopened long after its last use, still offline: it opens locked. (The page
  // clock restarts on a reload, so the last use is dated back instead of time moved on.)
  await page.evaluate(
    (key) => localStorage.setItem(key, String(Date.now() - 3_600_000)),
    LAST_ACTIVE_KEY,
  );
  await page.reload();
  await expect(lockDialog(page)).toBeVisible({ timeout: 10_000 });
  await unlock(page, DEMO_PIN);
  await expect(lockDialog(page)).toBeHidden();
  await expect(page.getByLabel('Barcode or SKU')).toBeEditable();
  await context.setOffline(false);
});

test('five wrong PINs leave only the password', async ({ page }) => {
  await page.clock.install();
  await page.goto('/');
  await signIn(page);
  await expect(page.getByLabel('Barcode or SKU')).toBeFocused({ timeout: 20_000 });
  await page.clock.fastForward('05:30');
  const dialog = lockDialog(page);
  for (const left of ['4 tries left.', '3 tries left.', '2 tries left.']) {
    await unlock(page, '9999');
    await expect(dialog.getByRole('alert')).toHaveText(`Wrong PIN. ${left}`);
  }
  await unlock(page, '9999');
  await expect(dialog.getByRole('alert')).toHaveText(
    'Wrong PIN. 1 try left before the password is needed.',
  );
  await unlock(page, '9999');
  await expect(dialog).toContainText('Too many wrong PINs');
  await expect(dialog.getByLabel('PIN')).toHaveCount(0);
  await dialog.getByLabel('Password for associate').fill('associate123');
  // Exact: "Someone else: sign in" is a button of this form too.
  await dialog.getByRole('button', { name: 'Sign in', exact: true }).click();
  // A password sign-in asks for a new PIN, then the sell screen is back.
  await expect(page.getByRole('dialog', { name: 'Choose a PIN' })).toBeVisible();
});

test('an idle lock keeps the open cart, and a scan while locked changes nothing', async ({
  page,
}) => {
  await page.clock.install();
  await page.goto('/');
  await signIn(page);
  const field = page.getByLabel('Barcode or SKU');
  await expect(field).toBeFocused({ timeout: 20_000 });
  const [first, second, third] = plain;
  if (first === undefined || second === undefined || third === undefined) {
    throw new Error('the demo catalog lacks plain products');
  }
  await scan(page, first.sku);
  await expect(cartLines(page)).toHaveCount(1);
  await scan(page, second.sku);
  await expect(cartLines(page)).toHaveCount(2);
  const totalBefore = await page.getByTestId('sell.pay').textContent();

  await page.clock.fastForward('05:30');
  await expect(lockDialog(page)).toBeVisible();
  // A hardware scanner fires while locked: the keys go nowhere near the cart, and a code that
  // is no PIN does not count as a wrong one.
  await page.keyboard.type(third.sku, { delay: 5 });
  await page.keyboard.press('Enter');
  await expect(lockDialog(page).getByRole('alert')).toHaveText('A PIN is 4 to 6 digits.');

  await unlock(page, DEMO_PIN);
  await expect(lockDialog(page)).toBeHidden();
  await expect(cartLines(page)).toHaveCount(2);
  await expect(cartLines(page).nth(0)).toContainText(first.title);
  await expect(cartLines(page).nth(1)).toContainText(second.title);
  await expect(page.getByTestId('sell.pay')).toHaveText(totalBefore ?? '');
  await expect(field).toBeFocused();
});
