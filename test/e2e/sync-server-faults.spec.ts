/**
 * A store server in trouble (issue 5): 500 and 503 answers, a request that hangs and then
 * drops, an answer that is not JSON, a 200 that answers other mutations. The device keeps the
 * sales, says in plain words what is wrong, retries with backoff (no request storm), and once
 * the server is healthy everything drains. Nothing lost, nothing doubled.
 */
import type { Route } from '@playwright/test';
import { DEMO_PRODUCTS, expect, signIn, test } from './fixtures.ts';
import { readDevice, readDeviceId } from './support/device-db.ts';
import { sellOne } from './support/sell.ts';
import { readServerDevice } from './support/server-db.ts';

type Fault = (route: Route) => Promise<void>;

const json =
  (status: number, body: string): Fault =>
  (route) =>
    route.fulfill({ status, contentType: 'application/json', body });

const FAULTS: readonly Fault[] = [
  json(500, '{"error":"internal","message":"boom","details":[]}'),
  json(503, ''),
  // A request the server never answers; the connection drops after a while.
  async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 1_500));
    await route.abort('timedout');
  },
  json(200, '{"results": [tr'),
  json(200, '{"results":[{"seq":999,"id":"x","status":"applied"}],"last_applied_seq":999}'),
];

test('500s, timeouts and garbled answers: retried with backoff, then everything drains', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const items = DEMO_PRODUCTS.filter((p) => !p.serialized);
  await page.goto('/');
  await signIn(page);
  await expect(page.getByLabel('Barcode or SKU')).toBeEditable({ timeout: 20_000 });
  const deviceId = await readDeviceId(page);

  const attempts: number[] = [];
  let faultsLeft = [...FAULTS];
  await page.route('**/v0/sync/push', async (route) => {
    attempts.push(Date.now());
    const fault = faultsLeft.shift();
    if (fault !== undefined) {
      await fault(route);
      return;
    }
    await route.continue();
  });

  const sold = [await sellOne(page, items[0]!.sku)];
  await expect(page.getByTestId('sync.pending')).toHaveText(/sales? waiting|Syncing/);
  await expect(page.getByTestId('sync.message')).toContainText(/store server|connection/);
  sold.push(await sellOne(page, items[1]!.sku));
  sold.push(await sellOne(page, items[2]!.sku));

  await expect(page.getByTestId('sync.pending')).toHaveText('All sales synced', {
    timeout: 60_000,
  });
  expect(faultsLeft).toEqual([]);
  faultsLeft = [];

  const device = await readDevice(page);
  const server = readServerDevice(deviceId);
  expect(device.outbox.filter((entry) => entry.status !== 'done')).toEqual([]);
  expect(server.orderExternalIds).toEqual([...sold].sort());
  expect(device.sales.every((sale) => sale.sync.state === 'synced')).toBe(true);
  // Backoff, not a loop: one attempt per fault, one per sale trigger, and a few successes.
  expect(attempts.length).toBeLessThanOrEqual(FAULTS.length + sold.length + 3);
  // The message is gone once the server answers again.
  await expect(page.getByTestId('sync.message')).toHaveText('');
});

test('a server that cannot be reached while the device is online is retried with growing waits', async ({
  page,
}) => {
  // Backoff with full jitter; a fixed "random" makes its waits known: 0.5 s, 1 s, 2 s…
  await page.addInitScript(() => {
    Math.random = () => 0.5;
  });
  await page.goto('/');
  await signIn(page);
  await expect(page.getByLabel('Barcode or SKU')).toBeEditable({ timeout: 20_000 });
  // With the service worker in place, Background Sync is there to wake the app.
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });

  const attempts: number[] = [];
  await page.route('**/v0/sync/push', async (route) => {
    attempts.push(Date.now());
    await route.abort('connectionrefused');
  });
  const [item] = DEMO_PRODUCTS.filter((p) => !p.serialized);
  await sellOne(page, item!.sku);
  await expect.poll(() => attempts.length, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);

  // A wake-up from the browser (it believes the network is fine) must not skip the wait.
  const gaps = attempts.slice(1, 3).map((at, index) => at - (attempts[index] ?? at));
  expect(gaps[0]).toBeGreaterThanOrEqual(450);
  expect(gaps[1]).toBeGreaterThanOrEqual(950);
  await expect(page.getByTestId('sync.pending')).toHaveText('1 sale waiting');
});
