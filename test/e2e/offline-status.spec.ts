/**
 * The status screen and the always-visible indicator (issue 5): with the server unreachable a
 * sale waits, the header says how many and for how long, the status screen shows the same
 * with the problem in plain words, the storage used and whether it is kept, the device id as
 * the device stored it; once the server answers, "Send now" clears it.
 */
import { DEMO_PRODUCTS, expect, signIn, test } from './fixtures.ts';
import { readDevice, readDeviceId } from './support/device-db.ts';
import { sellOne } from './support/sell.ts';
import { readServerDevice } from './support/server-db.ts';

test('the status screen tells what waits, why, and what storage the device holds', async ({
  page,
}) => {
  const item = DEMO_PRODUCTS.find((p) => !p.serialized);
  if (item === undefined) throw new Error('demo catalog too small');
  await page.goto('/');
  await signIn(page);
  await expect(page.getByLabel('Barcode or SKU')).toBeEditable({ timeout: 20_000 });
  const deviceId = await readDeviceId(page);

  await page.route('**/v0/sync/push', (route) => route.abort('internetdisconnected'));
  const saleId = await sellOne(page, item.sku);
  await expect(page.getByTestId('sync.pending')).toHaveText('1 sale waiting');
  await expect(page.getByTestId('sync.oldest')).toHaveText('oldest under a minute');

  await page.getByTestId('sync.pending').click();
  await expect(page.getByRole('heading', { name: 'Device status' })).toBeVisible();
  await expect(page.getByTestId('status.pending')).toHaveText('1');
  await expect(page.getByTestId('status.oldest')).toContainText('ago');
  await expect(page.getByTestId('status.error')).toContainText(
    'Sales are kept on this device and sent later',
  );
  await expect(page.getByTestId('status.device')).toHaveText(deviceId);
  await expect(page.getByTestId('status.usage')).toContainText(/\d(\.\d)? (KB|MB|GB) of /);
  await expect(page.getByTestId('status.persisted')).toContainText(/Yes|Not guaranteed/);
  await expect(page.getByTestId('status.offline-ready')).toContainText('Yes');
  await expect(page.getByTestId('status.version')).toHaveText(/^\d+\.\d+\.\d+$/);

  await page.unroute('**/v0/sync/push');
  await page.getByRole('button', { name: 'Send waiting sales now' }).click();
  await expect(page.getByTestId('status.pending')).toHaveText('0');
  await expect(page.getByTestId('status.error')).toHaveText('None');
  await expect(page.getByTestId('status.last-sync')).toContainText('ago');
  expect(readServerDevice(deviceId).orderExternalIds).toContain(saleId);
  const device = await readDevice(page);
  expect(device.sales.find((sale) => sale.saleId === saleId)?.sync.state).toBe('synced');
});
