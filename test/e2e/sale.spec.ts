/**
 * A complete in-store sale as a new associate on a new device: sign in, scan by keyboard
 * wedge, change a quantity, pay cash, see the receipt, and find the order on the server with
 * the same lines and totals.
 */
import type { Page } from '@playwright/test';
import type { Order } from '../../src/protocol/schemas.ts';
import { DEMO_PRODUCTS, DEMO_STORE, expect, signIn, test, type DemoProduct } from './fixtures.ts';

const product = (predicate: (p: DemoProduct) => boolean): DemoProduct => {
  const found = DEMO_PRODUCTS.find(predicate);
  if (found === undefined) throw new Error('the demo catalog lacks a product this spec needs');
  return found;
};

/** A hardware scanner: digits typed fast into whatever has focus, then Enter. */
async function wedgeScan(page: Page, code: string): Promise<void> {
  await page.keyboard.type(code);
  await page.keyboard.press('Enter');
}

const cents = (decimal: number) => Math.round(decimal * 100);
/** Sales tax per unit, half up, as a store would compute it by hand. */
const unitTax = (priceCents: number) => Math.floor(priceCents * DEMO_STORE.tax_rate + 0.5);
const usd = (amountCents: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(amountCents / 100);

test('a new associate sells for cash and the server records the order', async ({ page, api }) => {
  const upcItem = product((p) => !p.serialized && p.barcode.length === 12);
  const eanItem = product(
    (p) => !p.serialized && p.barcode.length === 13 && p.product_id !== upcItem.product_id,
  );

  await page.goto('/');
  await signIn(page);
  const field = page.getByLabel('Barcode or SKU');
  await expect(field).toBeFocused();

  // The 12-digit UPC-A read as a 13-digit EAN (leading zero), as many scanners send it.
  await wedgeScan(page, `0${upcItem.barcode}`);
  await expect(
    page.getByRole('status').filter({ hasText: `Added ${upcItem.title}` }),
  ).toBeVisible();
  await wedgeScan(page, eanItem.barcode);
  await expect(page.getByTestId('sell.message')).toHaveText(
    `Added ${eanItem.title} — ${usd(cents(eanItem.price))}.`,
  );
  await wedgeScan(page, eanItem.barcode);
  await expect(page.getByTestId('sell.message')).toContainText('(now 2)');
  const lines = page.getByRole('list', { name: 'Cart lines' }).getByRole('listitem');
  await expect(lines).toHaveCount(2);
  await expect(page.getByLabel(`Quantity of ${eanItem.title}`)).toHaveValue('2');

  // Raise the UPC item to 3 by typing, then lower the EAN item back to 1 with −.
  await page.getByLabel(`Quantity of ${upcItem.title}`).fill('3');
  await page.getByLabel(`Quantity of ${upcItem.title}`).press('Enter');
  await expect(page.getByLabel(`Quantity of ${upcItem.title}`)).toHaveValue('3');
  await page.getByRole('button', { name: `One less ${eanItem.title}` }).click();
  await expect(page.getByLabel(`Quantity of ${eanItem.title}`)).toHaveValue('1');

  const upcCents = cents(upcItem.price);
  const eanCents = cents(eanItem.price);
  const subtotal = 3 * upcCents + eanCents;
  const tax = 3 * unitTax(upcCents) + unitTax(eanCents);
  const total = subtotal + tax;
  await expect(page.getByTestId('totals.subtotal')).toHaveText(usd(subtotal));
  await expect(page.getByTestId('totals.tax')).toHaveText(usd(tax));
  await expect(page.getByTestId('totals.total')).toHaveText(usd(total));

  // Pay cash: less than the total is only a part payment (split tender), a round amount
  // gives change.
  await page.getByRole('button', { name: `Pay ${usd(total)}` }).click();
  const dialog = page.getByRole('dialog', { name: 'Payment' });
  await expect(dialog.getByTestId('tender.due')).toHaveText(usd(total));
  await expect(dialog.getByLabel('Cash given')).toBeFocused();
  await dialog.getByLabel('Cash given').fill(((total - 1) / 100).toFixed(2));
  await expect(dialog.getByText(`A part payment: ${usd(1)} left to pay`)).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Add part payment' })).toBeVisible();
  await expect(dialog).toBeVisible();

  const given = Math.ceil(total / 10_000) * 10_000 + 10_000;
  await dialog.getByLabel('Cash given').fill(String(given / 100));
  await expect(dialog.getByTestId('tender.change')).toHaveText(usd(given - total));
  await dialog.getByRole('button', { name: 'Complete sale' }).click();

  // The receipt.
  await expect(page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
  const saleId = /#\/receipt\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
  expect(saleId).toBeDefined();
  await expect(page.getByTestId('receipt.sale-id')).toHaveText(saleId!.slice(0, 8).toUpperCase());
  await expect(page.getByTestId('receipt.total')).toHaveText(usd(total));
  await expect(page.getByTestId('receipt.change')).toHaveText(usd(given - total));
  // Before the receipt, large: what to hand back while counting coins.
  await expect(page.getByTestId('receipt.give')).toHaveText(`Give ${usd(given - total)} change`);
  await expect(page.getByText(`3 × ${usd(upcCents)}`)).toBeVisible();
  await expect(page.getByTestId('receipt.sync')).toHaveText('Synced with the store server', {
    timeout: 15_000,
  });
  await expect(page.getByTestId('sync.pending')).toHaveText('All sales synced');

  // The server holds the order: one item per unit, same prices, tax and payment.
  const response = await api.get(`/v0/orders?external_id=${saleId!}`);
  expect(response.status()).toBe(200);
  const order = (await response.json()) as Order;
  expect(order.store_id).toBe(DEMO_STORE.store_id);
  expect(order.items.map((item) => item.product_id).sort()).toEqual(
    [upcItem.product_id, upcItem.product_id, upcItem.product_id, eanItem.product_id].sort(),
  );
  expect(new Set(order.items.map((item) => item.external_item_id)).size).toBe(4);
  expect(order.items.every((item) => item.shipping_type === 'in_store_handover')).toBe(true);
  expect(cents(order.totals.subtotal)).toBe(subtotal);
  expect(cents(order.totals.tax)).toBe(tax);
  expect(cents(order.totals.total)).toBe(total);
  expect(order.payments).toEqual([
    expect.objectContaining({
      method: 'cash',
      amount: total / 100,
      tendered: given / 100,
      change: (given - total) / 100,
    }),
  ]);
  // The server reckons the sale itself (catalog prices, the store's 8 %): the app's own sale
  // adds up, so it carries no flag, and it is recorded as this associate's.
  expect(order.flags).toEqual([]);
  expect(order.associate_id).not.toBeNull();

  // New sale: back to an empty cart with the field focused.
  await page.getByRole('button', { name: 'New sale' }).click();
  await expect(page.getByText('The cart is empty.')).toBeVisible();
  await expect(field).toBeFocused();
});

test('a card sale needs the terminal reference', async ({ page, api }) => {
  const item = product((p) => !p.serialized && p.price < 50);
  await page.goto('/');
  await signIn(page);
  // The first sign-in downloads the catalog before the sell screen takes scans.
  await expect(page.getByLabel('Barcode or SKU')).toBeFocused();
  await wedgeScan(page, item.sku);
  await page.getByTestId('sell.pay').click();
  const dialog = page.getByRole('dialog', { name: 'Payment' });
  await dialog.getByRole('button', { name: 'Card' }).click();
  await dialog.getByRole('button', { name: 'Complete sale' }).click();
  await expect(dialog.getByRole('alert')).toHaveText(
    'Type the reference printed by the card terminal.',
  );
  await dialog.getByLabel('Card terminal reference').fill('AUTH-778812');
  await dialog.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByTestId('receipt.tender')).toContainText('Card · reference AUTH-778812');
  await expect(page.getByTestId('receipt.sync')).toHaveText('Synced with the store server', {
    timeout: 15_000,
  });
  const saleId = page.url().split('/').at(-1)!;
  const order = (await (await api.get(`/v0/orders?external_id=${saleId}`)).json()) as Order;
  expect(order.payments).toEqual([
    expect.objectContaining({ method: 'card', reference: 'AUTH-778812' }),
  ]);
  expect(order.flags).toEqual([]);
});

test('a sale made while the server is unreachable waits, blocks sign-out, then syncs', async ({
  page,
  api,
}) => {
  const item = product((p) => !p.serialized && p.price < 30);
  await page.goto('/');
  await signIn(page);
  await expect(page.getByLabel('Barcode or SKU')).toBeFocused();

  // The store server stops answering pushes (the catalog is already on the device).
  await page.route('**/v0/sync/push', (route) => route.abort('internetdisconnected'));
  await wedgeScan(page, item.sku);
  await page.getByTestId('sell.pay').click();
  const dialog = page.getByRole('dialog', { name: 'Payment' });
  await dialog.getByRole('button', { name: 'Exact' }).click();
  await dialog.getByRole('button', { name: 'Complete sale' }).click();

  await expect(page.getByTestId('receipt.sync')).toHaveText(
    'Waiting to sync — kept safely on this device',
  );
  await expect(page.getByTestId('sync.pending')).toHaveText('1 sale waiting');
  await expect(page.getByRole('status').filter({ hasText: 'No connection' })).toBeVisible();
  const saleId = page.url().split('/').at(-1)!;
  expect((await api.get(`/v0/orders?external_id=${saleId}`)).status()).toBe(404);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('alert')).toContainText('1 sale has not reached the server yet');
  await expect(page.getByRole('button', { name: 'Sign out' })).toBeVisible();

  // Back online: the browser's `online` event flushes at once.
  await page.unroute('**/v0/sync/push');
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect(page.getByTestId('receipt.sync')).toHaveText('Synced with the store server');
  await expect(page.getByTestId('sync.pending')).toHaveText('All sales synced');
  expect((await api.get(`/v0/orders?external_id=${saleId}`)).status()).toBe(200);

  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
});

test('when the server ends the session, sales wait until the associate signs in again', async ({
  page,
  api,
}) => {
  const item = product((p) => !p.serialized && p.price < 30);
  await page.goto('/');
  await signIn(page);
  await expect(page.getByLabel('Barcode or SKU')).toBeFocused();

  // The token is refused from now on (expired or revoked on the server).
  await page.route('**/v0/sync/push', (route) =>
    route.fulfill({
      status: 401,
      contentType: 'application/json',
      body: JSON.stringify({ error: 'unauthorized', message: 'Token expired.', details: [] }),
    }),
  );
  await wedgeScan(page, item.sku);
  await page.getByTestId('sell.pay').click();
  const dialog = page.getByRole('dialog', { name: 'Payment' });
  await dialog.getByRole('button', { name: 'Exact' }).click();
  await dialog.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
  const saleId = /#\/receipt\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
  expect(saleId).not.toBe('');
  await expect(page.getByRole('alert').filter({ hasText: 'Your session ended' })).toBeVisible();
  await expect(page.getByTestId('receipt.sync')).toHaveText(
    'Waiting to sync — kept safely on this device',
  );

  await page.unroute('**/v0/sync/push');
  await page.getByRole('button', { name: 'Sign in again' }).click();
  await expect(page.getByText('Your session ended. Sign in again')).toBeVisible();
  await expect(page.getByLabel('Username')).toHaveValue('associate');
  await signIn(page);

  // Back on the sell screen, the waiting sale goes out with the new token.
  await expect(page.getByTestId('sync.pending')).toHaveText('All sales synced');
  expect((await api.get(`/v0/orders?external_id=${saleId}`)).status()).toBe(200);
});
