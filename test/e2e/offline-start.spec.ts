/**
 * Offline start (issue 5): after one visit the service worker holds the app, so a reload with
 * no network at all starts it, the associate's session is still there, a sale goes through,
 * and back online exactly one order reaches the server. Invariants are read on both sides: the
 * device's IndexedDB and the server's database.
 */
import { DEMO_PRODUCTS, expect, signIn, test } from './fixtures.ts';
import { readDevice, readDeviceId } from './support/device-db.ts';
import { sellOne, waitForServiceWorker } from './support/sell.ts';
import { readServerDevice } from './support/server-db.ts';

test('the app starts and sells with no network after one visit; the sale syncs once', async ({
  page,
  context,
}) => {
  const item = DEMO_PRODUCTS.find((p) => !p.serialized && p.price < 40);
  if (item === undefined) throw new Error('the demo catalog lacks a cheap plain product');
  await page.goto('/');
  await signIn(page);
  await expect(page.getByLabel('Barcode or SKU')).toBeEditable({ timeout: 20_000 });
  await waitForServiceWorker(page);
  const deviceId = await readDeviceId(page);

  // The scanner chunk and the decoder's .wasm are precached with the shell.
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) {
      for (const request of await (await caches.open(name)).keys()) urls.push(request.url);
    }
    return urls;
  });
  const wasm = cached.find((url) => /\/assets\/[^/]+\.wasm(\?|$)/.test(url));
  expect(wasm, 'zxing-wasm precached').toBeDefined();
  expect(cached.some((url) => /\/assets\/pos-scanner-[^/]+\.js/.test(url))).toBe(true);

  await context.setOffline(true);
  await page.reload();

  // Signed in still (the session lives on the device), and offline as the status bar says.
  await expect(page.getByLabel('Barcode or SKU')).toBeEditable({ timeout: 10_000 });
  await expect(page.getByTestId('sync.connection')).toHaveText('Offline');
  // The decoder's .wasm comes from the precache, not the network.
  const wasmStatus = await page.evaluate(
    async (url) => (await fetch(url)).status,
    new URL(wasm!).pathname,
  );
  expect(wasmStatus).toBe(200);

  const saleId = await sellOne(page, item.sku);
  await expect(page.getByTestId('sync.pending')).toHaveText('1 sale waiting');
  const offline = await readDevice(page);
  expect(offline.outbox.filter((entry) => entry.status === 'pending').map((e) => e.ref)).toEqual([
    saleId,
  ]);
  expect(readServerDevice(deviceId).orderExternalIds).not.toContain(saleId);

  await context.setOffline(false);
  await expect(page.getByTestId('sync.pending')).toHaveText('All sales synced', {
    timeout: 15_000,
  });

  const server = readServerDevice(deviceId);
  expect(server.orderExternalIds.filter((id) => id === saleId)).toHaveLength(1);
  const device = await readDevice(page);
  expect(device.outbox.filter((entry) => entry.status === 'pending')).toEqual([]);
  expect(device.sales.find((sale) => sale.saleId === saleId)?.sync.state).toBe('synced');
  // Every sale the device holds is on the server, once.
  expect(server.orderExternalIds).toEqual(device.sales.map((sale) => sale.saleId).sort());
});
