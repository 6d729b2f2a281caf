/**
 * An app the server no longer speaks (issue 10): the push's protocol_version is rewritten to
 * an old one on its way to the REAL server, which answers 426. The device says the app must be
 * updated, keeps the sale in its outbox, and sends it once it speaks the server's version again
 * (the reload stands for the updated app).
 */
import { DEMO_PRODUCTS, expect, signIn, test } from './fixtures.ts';
import { readDevice, readDeviceId } from './support/device-db.ts';
import { sellOne } from './support/sell.ts';
import { readServerDevice } from './support/server-db.ts';

test('an outdated app is told to update, keeps its sales, and sends them once updated', async ({
  page,
}) => {
  const item = DEMO_PRODUCTS.find((p) => !p.serialized)!;
  await page.goto('/');
  await signIn(page);
  await expect(page.getByLabel('Barcode or SKU')).toBeEditable({ timeout: 20_000 });
  const deviceId = await readDeviceId(page);

  let refused = 0;
  await page.route('**/v0/sync/push', async (route) => {
    const body = JSON.parse(route.request().postData() ?? '{}') as Record<string, unknown>;
    const reply = await route.fetch({ postData: JSON.stringify({ ...body, protocol_version: 0 }) });
    if (reply.status() === 426) refused += 1;
    await route.fulfill({ response: reply });
  });

  const saleId = await sellOne(page, item.sku);
  await expect(page.getByTestId('sync.message')).toContainText('This app must be updated');
  await expect(page.getByTestId('sync.pending')).toHaveText('1 sale waiting');
  expect(refused).toBeGreaterThan(0);
  expect(readServerDevice(deviceId).orderExternalIds).not.toContain(saleId);
  const device = await readDevice(page);
  expect(device.outbox.filter((entry) => entry.status === 'pending').map((e) => e.ref)).toEqual([
    saleId,
  ]);

  await page.unroute('**/v0/sync/push');
  await page.reload();
  await expect(page.getByTestId('sync.pending')).toHaveText('All sales synced', {
    timeout: 20_000,
  });
  expect(readServerDevice(deviceId).orderExternalIds).toContain(saleId);
});
