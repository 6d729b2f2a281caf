/**
 * Several tabs of one device (issue 5, T10): each tab sells, yet the device's pushes never
 * overlap (one tab holds the Web Lock while it flushes) and every sale reaches the server once.
 * Push start and end times are recorded at the browser's network layer for all tabs at once.
 */
import { DEMO_PRODUCTS, expect, signIn, test } from './fixtures.ts';
import { readDevice, readDeviceId } from './support/device-db.ts';
import { sellOne } from './support/sell.ts';
import { readServerDevice } from './support/server-db.ts';

const TABS = 3;
const SALES_PER_TAB = 3;

test('three tabs of one device: no overlapping pushes, every sale synced once', async ({
  context,
}) => {
  test.setTimeout(90_000);
  const items = DEMO_PRODUCTS.filter((p) => !p.serialized);
  const first = await context.newPage();
  await first.goto('/');
  await signIn(first);
  await expect(first.getByLabel('Barcode or SKU')).toBeEditable({ timeout: 20_000 });
  const deviceId = await readDeviceId(first);
  const pages = [first];
  for (let i = 1; i < TABS; i += 1) {
    const page = await context.newPage();
    await page.goto('/');
    await expect(page.getByLabel('Barcode or SKU')).toBeEditable({ timeout: 20_000 });
    pages.push(page);
  }

  const windows: Array<{ start: number; end: number }> = [];
  await context.route('**/v0/sync/push', async (route) => {
    const start = Date.now();
    try {
      const response = await route.fetch();
      // Hold the answer a little so that overlapping pushes could not hide.
      await new Promise((resolve) => setTimeout(resolve, 150));
      await route.fulfill({ response });
    } catch {
      return;
    }
    windows.push({ start, end: Date.now() });
  });

  // One device has one cart (shared by its tabs), so the tabs take turns selling; every sale
  // makes its tab flush, and every other tab sees the new pending mutation and tries too.
  const sold: string[] = [];
  for (let round = 0; round < SALES_PER_TAB; round += 1) {
    for (const [tab, page] of pages.entries()) {
      const item = items[(round * TABS + tab) % items.length]!;
      sold.push(await sellOne(page, item.sku));
    }
  }

  for (const page of pages) {
    await expect(page.getByTestId('sync.pending')).toHaveText('All sales synced', {
      timeout: 30_000,
    });
  }
  const sorted = [...windows].sort((a, b) => a.start - b.start);
  for (let i = 1; i < sorted.length; i += 1) {
    expect(sorted[i]!.start, `push ${i} started before push ${i - 1} ended`).toBeGreaterThanOrEqual(
      sorted[i - 1]!.end,
    );
  }
  expect(windows.length).toBeGreaterThan(1);

  const server = readServerDevice(deviceId);
  const device = await readDevice(first);
  expect(server.orderExternalIds).toEqual([...sold].sort());
  expect(device.sales.map((sale) => sale.saleId).sort()).toEqual([...sold].sort());
  expect(device.outbox.filter((entry) => entry.status !== 'done')).toEqual([]);
});
