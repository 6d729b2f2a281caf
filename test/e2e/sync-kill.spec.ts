/**
 * Killed mid-sync (issue 5, T2): a browser with a persistent profile is SIGKILLed at random
 * points of a flush (before the push, with it in flight, after the server committed but before
 * the device recorded the answer), then relaunched on the same profile. Invariant: the
 * server's sale ids equal the device's, no order twice, no outbox entry left behind.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import { DEMO_PRODUCTS, expect, signIn, test } from './fixtures.ts';
import { BASE_ARGS, resolveChromium } from './support/chromium.ts';
import { readDevice, readDeviceId } from './support/device-db.ts';
import { E2E_BASE_URL } from './support/env.ts';
import { seededRandom } from './support/seeded-random.ts';
import { sellOne } from './support/sell.ts';
import { readServerDevice } from './support/server-db.ts';

const KILLS = 3;
const SALES_PER_ROUND = 3;

async function launch(profile: string): Promise<{ context: BrowserContext; page: Page }> {
  const context = await chromium.launchPersistentContext(profile, {
    headless: true,
    executablePath: resolveChromium().executablePath,
    args: [...BASE_ARGS],
    baseURL: E2E_BASE_URL,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  return { context, page };
}

/** SIGKILL every process of the browser running on `profile` (no graceful shutdown). */
function killBrowser(profile: string): number {
  let pids: string[] = [];
  try {
    pids = execFileSync('pgrep', ['-f', `user-data-dir=${profile}`], { encoding: 'utf8' })
      .split('\n')
      .filter((pid) => pid.trim() !== '');
  } catch {
    return 0; // already gone
  }
  for (const pid of pids) {
    try {
      process.kill(Number(pid), 'SIGKILL');
    } catch {
      // exited between pgrep and kill
    }
  }
  return pids.length;
}

test('killed at random points of a flush: server and device agree, nothing doubled', async () => {
  test.setTimeout(120_000);
  const items = DEMO_PRODUCTS.filter((p) => !p.serialized);
  const profile = mkdtempSync(join(tmpdir(), 'aisle-kill-'));
  const rng = seededRandom('sync-kill');
  test.info().annotations.push({ type: 'seed', description: String(rng.seed) });
  const random = (max: number) => rng.int(max);
  try {
    let { context, page } = await launch(profile);
    await page.goto('/');
    await signIn(page);
    await expect(page.getByLabel('Barcode or SKU')).toBeEditable({ timeout: 20_000 });
    const deviceId = await readDeviceId(page);
    const sold: string[] = [];

    // One handler per page, switched by `serverDown` (re-routing after an unroute is not
    // reliable). Down: the push fails. Up but slow: the request reaches the server 0-200 ms
    // late and the answer comes back 0-400 ms after its commit, so a kill lands before,
    // during or after the server's commit.
    let serverDown = true;
    // Each browser launch is a generation; a kill ends the current one.
    let generation = 0;
    const routePushes = (target: Page, launched: number) =>
      target.route('**/v0/sync/push', async (route) => {
        if (serverDown) {
          await route.abort('internetdisconnected').catch(() => undefined);
          return;
        }
        try {
          await new Promise((resolve) => setTimeout(resolve, random(200)));
          // Playwright, not the browser, sends route.fetch: a request the dead browser had
          // not sent yet must not reach the server.
          if (launched !== generation) return;
          const response = await route.fetch();
          await new Promise((resolve) => setTimeout(resolve, random(400)));
          await route.fulfill({ response });
        } catch {
          // The browser was killed under the request.
        }
      });
    await routePushes(page, generation);

    for (let round = 0; round < KILLS; round += 1) {
      serverDown = true;
      for (let i = 0; i < SALES_PER_ROUND; i += 1) {
        sold.push(await sellOne(page, items[(round * SALES_PER_ROUND + i) % items.length]!.sku));
      }
      const before = readServerDevice(deviceId).orderExternalIds.length;
      serverDown = false;
      await page.evaluate(() => window.dispatchEvent(new Event('online')));
      await new Promise((resolve) => setTimeout(resolve, random(700)));
      generation += 1;
      expect(killBrowser(profile), 'browser processes killed').toBeGreaterThan(0);
      await context.close().catch(() => undefined);
      // Where the kill landed: how many of this round's sales the server had committed.
      const committed = readServerDevice(deviceId).orderExternalIds.length - before;
      test.info().annotations.push({
        type: 'kill',
        description: `round ${round + 1}: server committed ${committed} of ${SALES_PER_ROUND}`,
      });

      ({ context, page } = await launch(profile));
      await routePushes(page, generation);
      await page.goto('/');
      await expect(page.getByLabel('Barcode or SKU')).toBeEditable({ timeout: 20_000 });
    }
    serverDown = false;

    // The last relaunch drains whatever the kills left. The header counts the outbox itself:
    // once it says all synced, no entry may still wait (it said so early once, before it had
    // counted the outbox after a restart).
    await expect(page.getByTestId('sync.pending')).toHaveText('All sales synced', {
      timeout: 30_000,
    });
    const device = await readDevice(page);
    expect(device.outbox.filter((entry) => entry.status === 'pending')).toEqual([]);
    const server = readServerDevice(deviceId);
    expect(device.sales.map((sale) => sale.saleId).sort()).toEqual([...sold].sort());
    expect(server.orderExternalIds).toEqual([...sold].sort());
    expect(new Set(server.orderExternalIds).size).toBe(server.orderExternalIds.length);
    expect(device.outbox.filter((entry) => entry.status !== 'done')).toEqual([]);
    // Every mutation the device queued was applied once: the shift's opening, then each sale.
    expect(device.outbox.map((entry) => entry.type)).toEqual([
      'shift.open',
      ...sold.map(() => 'order.create'),
    ]);
    expect(server.lastAppliedSeq).toBe(device.outbox.length);
    await context.close();
  } finally {
    killBrowser(profile);
    rmSync(profile, { recursive: true, force: true });
  }
});
