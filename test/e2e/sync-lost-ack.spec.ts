/**
 * Lost acknowledgements (issue 5, T1): the server commits a push but its answer never reaches
 * the device (connection reset after the commit) for about half of the pushes. The device
 * sends those mutations again; the server answers `duplicate` and applies nothing twice.
 * Invariant on both sides: as many orders on the server as sales on the device, the same ids,
 * and an empty outbox.
 */
import type { PushResponse } from '../../src/protocol/sync-protocol.ts';
import { DEMO_PRODUCTS, expect, signIn, test } from './fixtures.ts';
import { readDevice, readDeviceId } from './support/device-db.ts';
import { sellOne } from './support/sell.ts';
import { readServerDevice } from './support/server-db.ts';

const SALES = 20;

test('answers lost after the commit: every sale reaches the server exactly once', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const items = DEMO_PRODUCTS.filter((p) => !p.serialized);
  await page.goto('/');
  await signIn(page);
  await expect(page.getByLabel('Barcode or SKU')).toBeEditable({ timeout: 20_000 });
  const deviceId = await readDeviceId(page);

  let pushes = 0;
  const statuses: string[] = [];
  await page.route('**/v0/sync/push', async (route) => {
    pushes += 1;
    const dropAnswer = pushes % 2 === 1;
    let response;
    try {
      response = await route.fetch();
    } catch {
      return; // the page went away
    }
    if (response.status() === 200) {
      const body = (await response.json()) as PushResponse;
      statuses.push(...body.results.map((result) => result.status));
    }
    // The server has committed; the device never hears about it.
    if (dropAnswer) await route.abort('connectionreset');
    else await route.fulfill({ response });
  });

  const sold: string[] = [];
  for (let i = 0; i < SALES; i += 1) {
    const item = items[i % items.length]!;
    sold.push(await sellOne(page, item.sku));
  }

  await expect(page.getByTestId('sync.pending')).toHaveText('All sales synced', {
    timeout: 45_000,
  });

  const device = await readDevice(page);
  const server = readServerDevice(deviceId);
  expect(device.outbox.filter((entry) => entry.status !== 'done')).toEqual([]);
  expect(device.sales.map((sale) => sale.sync.state)).toEqual(Array(SALES).fill('synced'));
  expect(server.orderExternalIds).toHaveLength(SALES);
  expect(server.orderExternalIds).toEqual([...sold].sort());
  expect(server.lastAppliedSeq).toBe(Math.max(...device.outbox.map((entry) => entry.seq)));
  // The device really did resend committed mutations, and the server recognised them.
  expect(statuses.filter((status) => status === 'duplicate').length).toBeGreaterThan(0);
  expect(statuses.filter((status) => status === 'applied')).toHaveLength(SALES);
});
