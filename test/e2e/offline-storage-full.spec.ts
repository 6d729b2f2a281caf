/**
 * Storage full (issue 5, T14). Paying is refused whole: no sale, no outbox entry, the cart
 * exactly as it was, and a message that says why. A sale that was already waiting still
 * drains to the server.
 *
 * The full disk is simulated in the page: an init script makes IndexedDB refuse new records
 * in the `sales` store with the browser's own QuotaExceededError. Chromium's
 * `Storage.overrideQuotaForOrigin` (DevTools protocol) was tried first: in Chromium 156
 * headless it is accepted but changes neither `estimate()` nor what IndexedDB accepts.
 */
import { DEMO_PRODUCTS, expect, signIn, test } from './fixtures.ts';
import { readDevice, readDeviceId } from './support/device-db.ts';
import { sellOne } from './support/sell.ts';
import { readServerDevice } from './support/server-db.ts';

/** Test-only: flips `globalThis.aisleTestDiskFull` to make writes to `sales` fail. */
function simulateFullDisk(): void {
  const refuse = (original: typeof IDBObjectStore.prototype.add) =>
    function (this: IDBObjectStore, ...args: Parameters<IDBObjectStore['add']>) {
      if (
        (globalThis as { aisleTestDiskFull?: boolean }).aisleTestDiskFull &&
        this.name === 'sales'
      ) {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return original.apply(this, args);
    };
  IDBObjectStore.prototype.add = refuse(IDBObjectStore.prototype.add);
  IDBObjectStore.prototype.put = refuse(IDBObjectStore.prototype.put);
}

test('a full disk refuses the sale atomically with a visible message; the outbox drains', async ({
  page,
}) => {
  const [first, second] = DEMO_PRODUCTS.filter((p) => !p.serialized);
  if (first === undefined || second === undefined) throw new Error('demo catalog too small');
  await page.addInitScript(simulateFullDisk);
  await page.goto('/');
  await signIn(page);
  await expect(page.getByLabel('Barcode or SKU')).toBeEditable({ timeout: 20_000 });
  const deviceId = await readDeviceId(page);

  // One sale waits for the server (which stops answering for now).
  await page.route('**/v0/sync/push', (route) => route.abort('internetdisconnected'));
  const waitingSale = await sellOne(page, first.sku);
  await expect(page.getByTestId('sync.pending')).toHaveText('1 sale waiting');

  const field = page.getByLabel('Barcode or SKU');
  await field.fill(second.sku);
  await field.press('Enter');
  await expect(page.getByRole('list', { name: 'Cart lines' }).getByRole('listitem')).toHaveCount(1);
  const before = await readDevice(page);

  // The disk is full from now on.
  await page.evaluate(
    () => ((globalThis as { aisleTestDiskFull?: boolean }).aisleTestDiskFull = true),
  );

  await page.getByTestId('sell.pay').click();
  const dialog = page.getByRole('dialog', { name: 'Payment' });
  await dialog.getByRole('button', { name: 'Exact' }).click();
  await dialog.getByRole('button', { name: 'Complete sale' }).click();
  await expect(dialog.getByRole('alert')).toContainText('out of storage');
  await expect(page.getByRole('heading', { name: 'Sale complete' })).toHaveCount(0);

  // Nothing half-written: same sales, same outbox, the cart still holds its line.
  const after = await readDevice(page);
  expect(after.sales).toEqual(before.sales);
  expect(after.outbox).toEqual(before.outbox);
  expect(after.cartLines).toBe(1);
  await dialog.getByRole('button', { name: 'Back' }).click();
  await expect(
    page.getByRole('alert').filter({ hasText: 'Storage on this device is full' }),
  ).toBeVisible();

  // The server is back: the waiting sale still goes out while the disk is full.
  await page.unroute('**/v0/sync/push');
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect
    .poll(() => readServerDevice(deviceId).orderExternalIds, { timeout: 20_000 })
    .toEqual([waitingSale]);
  await expect(page.getByTestId('sync.pending')).toHaveText('All sales synced', {
    timeout: 20_000,
  });
  // The till's shift opening went first, then the sale: both answered.
  expect((await readDevice(page)).outbox.map((entry) => [entry.type, entry.status])).toEqual([
    ['shift.open', 'done'],
    ['order.create', 'done'],
  ]);

  // Space again: the sale's own record takes the answer its outbox entry kept.
  await page.evaluate(
    () => ((globalThis as { aisleTestDiskFull?: boolean }).aisleTestDiskFull = false),
  );
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  await expect
    .poll(async () => (await readDevice(page)).sales.map((sale) => sale.sync.state))
    .toEqual(['synced']);
});
