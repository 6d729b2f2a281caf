/**
 * Sync bench (DESIGN §8), against a fresh real server on temporary SQLite:
 *
 * 1. Checkout commit: on a device of its own (a second browser context) whose pushes are
 *    refused, sales are completed through the app's own repositories (bench/lib/sync-probe.ts:
 *    a discounted plain product and a serialized unit with its serial, a discount on the sale,
 *    paid by card and cash with change), each `completeSale` timed: the first ones of the
 *    day, then with N sales already waiting in the outbox (DESIGN §8 asks for the commit with
 *    the queue of a long offline day).
 * 2. Drain: in headless Chromium the demo associate signs in; N such sales are queued on the
 *    device while pushes are refused; then the server is reachable again and the app's own
 *    sync engine drains the outbox through POST /v0/sync/push. Timed from the `online` event
 *    to an empty outbox.
 * 3. Ingest: orders per second the server takes through /v0/sync/push, pushed directly from
 *    Node in batches of 50 (3 items each, one serialized with its serial).
 * 4. Offline reload: with the service worker installed and the browser offline, reloads timed
 *    until the sell screen's barcode field is ready for a scan.
 *
 * Sales are queued in chunks of 100, one page.evaluate each. An earlier version queued 1 000
 * serialized sales in one call: each commit then read every unsent sale to check its serial
 * (before the serial index of Dexie version 4), so the call grew quadratically into minutes
 * and the run was killed from outside ("page closed") before it could report anything.
 *
 *   npm run bench:sync [-- --sales 1000 --commits 200 --orders 2000 --reloads 7
 *                          --json bench/results/sync.json]
 */
import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { build, type Rollup } from 'vite';
import { DEMO_PRODUCTS, DEMO_SERIAL_SAMPLE } from '../server/src/seed/demo-catalog.ts';
import { launchChromium } from '../test/e2e/support/chromium.ts';
import { REPO_ROOT } from '../test/e2e/support/env.ts';
import { DEMO_STORE_ID, signIn } from '../test/e2e/support/sign-in.ts';
import { intFlag, parseFlags } from './lib/args.ts';
import { environment, formatTable, writeReport, type ResultRow } from './lib/report.ts';
import { ensureBuilt, startServer, type BenchServer } from './lib/server.ts';
import { summarize } from './lib/stats.ts';
import type { AisleSyncProbe, QueuedSales } from './lib/sync-probe.ts';
import { PROTOCOL_VERSION } from '../src/protocol/wire-constants.ts';

const flags = parseFlags(process.argv.slice(2));
const SALES = intFlag(flags, 'sales', 1_000);
const COMMITS = intFlag(flags, 'commits', 200);
/** The first commits of a day (nothing waiting yet), timed for comparison. */
const FIRST_COMMITS = 100;
const QUEUE_CHUNK = 100;
if (SALES < FIRST_COMMITS) {
  throw new Error(`--sales must be at least ${FIRST_COMMITS} (the first sales are timed apart)`);
}
const ORDERS = intFlag(flags, 'orders', 2_000);
const RELOADS = intFlag(flags, 'reloads', 7);
const BATCH = 50;
const JSON_FILE = flags.get('json') ?? join(REPO_ROOT, 'bench', 'results', 'sync.json');
const DRAIN_TIMEOUT_MS = 180_000;

/** The in-page probe (the app's data layer) as one classic script. */
async function buildSyncProbe(): Promise<string> {
  const entry = fileURLToPath(new URL('./lib/sync-probe.ts', import.meta.url));
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    publicDir: false,
    build: {
      write: false,
      outDir: fileURLToPath(new URL('../.tmp/bench/sync-probe', import.meta.url)),
      emptyOutDir: false,
      minify: false,
      lib: { entry, formats: ['iife'], name: 'aisleSyncProbe', fileName: 'sync-probe' },
    },
  });
  const outputs = Array.isArray(output) ? output : [output as Rollup.RollupOutput];
  for (const result of outputs) {
    const chunk = result.output.find((item) => item.type === 'chunk');
    if (chunk !== undefined) return chunk.code;
  }
  throw new Error('sync probe bundle produced no script');
}

const pendingOf = (page: Page) =>
  page.evaluate(() => (window.aisleSyncProbe as AisleSyncProbe).pending());

/**
 * Completes `count` sales on the device in chunks of QUEUE_CHUNK, numbered from `from` (their
 * serials start with `serialPrefix`); returns each commit's time.
 */
async function queueSales(
  page: Page,
  count: number,
  from: number,
  serialPrefix: string,
): Promise<number[]> {
  const commitMs: number[] = [];
  for (let done = 0; done < count; done += QUEUE_CHUNK) {
    const request = { count: Math.min(QUEUE_CHUNK, count - done), from: from + done, serialPrefix };
    const chunk: QueuedSales = await page.evaluate(
      (r) => (window.aisleSyncProbe as AisleSyncProbe).queueSales(r),
      request,
    );
    commitMs.push(...chunk.commitMs);
    if (count > QUEUE_CHUNK)
      console.log(`bench:   ${done + chunk.queued} of ${count} sales queued`);
  }
  return commitMs;
}

/** A fresh device of its own: signed in, the probe injected, pushes refused. */
async function openDevice(browser: Browser, server: BenchServer, probeScript: string) {
  // The app's CSP (script-src 'self') would refuse the injected probe script.
  const context = await browser.newContext({ baseURL: server.baseUrl, bypassCSP: true });
  const page = await context.newPage();
  await page.goto('/');
  await signIn(page, 'associate');
  await page.getByLabel('Barcode or SKU').waitFor({ state: 'visible', timeout: 60_000 });
  await page.addScriptTag({ content: probeScript });
  await page.route('**/v0/sync/push', (route) => route.abort('internetdisconnected'));
  return { context, page };
}

async function timeCheckout(
  browser: Browser,
  server: BenchServer,
  probeScript: string,
): Promise<ResultRow[]> {
  const { context, page } = await openDevice(browser, server, probeScript);
  console.log(`bench: checkout commit, the first ${FIRST_COMMITS} sales of the day …`);
  const first = summarize(await queueSales(page, FIRST_COMMITS, 0, 'CO'));
  console.log(`bench: queueing up to ${SALES} waiting sales …`);
  await queueSales(page, SALES - FIRST_COMMITS, FIRST_COMMITS, 'CO');
  const waiting = await pendingOf(page);
  if (waiting < SALES) throw new Error(`only ${waiting} sales are waiting`);
  console.log(`bench: checkout commit with ${waiting} sales waiting …`);
  const loaded = summarize(await queueSales(page, COMMITS, SALES, 'CO'));
  await context.close();
  return [
    {
      name: `checkout commit (sale + serials + discounts + tenders + outbox), ${waiting.toLocaleString('en-US')} sales waiting, p95 of ${loaded.count}`,
      value: loaded.p95,
      unit: 'ms',
      goal: { op: '<=', value: 30 },
      details: {
        p50: loaded.p50,
        max: loaded.max,
        waiting,
        p95_vs_first_sales: loaded.p95 / first.p95,
      },
    },
    {
      name: `  the first ${first.count} sales of the day (0–${first.count - 1} waiting), p95`,
      value: first.p95,
      unit: 'ms',
      details: { p50: first.p50, max: first.max },
    },
  ];
}

async function timeDrain(page: Page): Promise<ResultRow> {
  await page.route('**/v0/sync/push', (route) => route.abort('internetdisconnected'));
  console.log(`bench: queueing ${SALES} sales on the device …`);
  const queueStart = performance.now();
  await queueSales(page, SALES, 0, 'DR');
  const queueMs = performance.now() - queueStart;
  const queued = await pendingOf(page);
  if (queued < SALES) throw new Error(`only ${queued} sales are waiting`);

  await page.unroute('**/v0/sync/push');
  const start = performance.now();
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  let left = queued;
  while (left > 0) {
    if (performance.now() - start > DRAIN_TIMEOUT_MS) throw new Error(`${left} sales still wait`);
    await page.waitForTimeout(25);
    left = await pendingOf(page);
  }
  const drainMs = performance.now() - start;
  return {
    name: `drain ${queued.toLocaleString('en-US')} queued sales (browser → local server)`,
    value: drainMs / 1000,
    unit: 's',
    goal: { op: '<=', value: 10 },
    details: { sales: queued, queue_ms_per_sale: queueMs / SALES, batch: BATCH },
  };
}

async function timeOfflineReload(page: Page): Promise<ResultRow> {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.context().setOffline(true);
  const field = page.getByLabel('Barcode or SKU');
  const times: number[] = [];
  for (let i = 0; i < RELOADS; i += 1) {
    const start = performance.now();
    await page.reload({ waitUntil: 'commit' });
    await field.waitFor({ state: 'visible' });
    await page.waitForFunction(
      () => {
        const input = document
          .querySelector('pos-app')
          ?.shadowRoot?.querySelector('pos-view-sell')
          ?.shadowRoot?.querySelector('pos-scan-field')
          ?.shadowRoot?.querySelector('input');
        return input instanceof HTMLInputElement && !input.disabled;
      },
      undefined,
      { polling: 'raf' },
    );
    times.push(performance.now() - start);
  }
  await page.context().setOffline(false);
  const summary = summarize(times);
  return {
    name: 'offline reload to a ready barcode field (service worker), median',
    value: summary.p50 / 1000,
    unit: 's',
    goal: { op: '<=', value: 1 },
    details: { reloads: RELOADS, p95_ms: summary.p95, max_ms: summary.max },
  };
}

function order(n: number): unknown {
  const serialized = DEMO_PRODUCTS.find((p) => p.serialized);
  const plain = DEMO_PRODUCTS.filter((p) => !p.serialized).slice(0, 2);
  const products = serialized === undefined ? plain : [...plain, serialized];
  return {
    external_id: `bench-sync-${n}`,
    store_id: DEMO_STORE_ID,
    currency: 'USD',
    items: products.map((product, i) => ({
      external_item_id: String(i + 1),
      product_id: product.product_id,
      price: {
        item_price: product.price,
        item_tax_lines: [{ amount: Math.round(product.price * 8) / 100, rate: 0.08 }],
      },
      shipping_type: 'in_store_handover',
      ...(product.serialized
        ? { serial_number: `${DEMO_SERIAL_SAMPLE.slice(0, -6)}${String(n).padStart(6, '0')}` }
        : {}),
    })),
    payments: [{ method: 'card', amount: 1, reference: `B-${n}` }],
  };
}

async function timeIngest(server: BenchServer): Promise<ResultRow> {
  const post = async (path: string, body: unknown): Promise<Record<string, unknown>> => {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${server.adminToken}`,
      },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const device = await post('/v0/devices', { store_id: DEMO_STORE_ID, name: 'bench-ingest' });
  let seq = 0;
  let applied = 0;
  const start = performance.now();
  while (seq < ORDERS) {
    const mutations = [];
    for (let i = 0; i < BATCH && seq < ORDERS; i += 1) {
      seq += 1;
      mutations.push({ seq, id: randomUUID(), type: 'order.create', payload: order(seq) });
    }
    const reply = await post('/v0/sync/push', {
      device_id: device.device_id,
      protocol_version: PROTOCOL_VERSION,
      mutations,
    });
    const results = reply.results as Array<{ status: string }>;
    applied += results.filter((result) => result.status === 'applied').length;
  }
  const seconds = (performance.now() - start) / 1000;
  if (applied !== ORDERS) throw new Error(`only ${applied} of ${ORDERS} orders were applied`);
  return {
    name: `server ingest, SQLite (${ORDERS.toLocaleString('en-US')} orders, batches of ${BATCH})`,
    value: Math.round(ORDERS / seconds),
    unit: 'orders/s',
    goal: { op: '>=', value: 500 },
    details: { orders: ORDERS, seconds, items_per_order: 3 },
  };
}

async function main(): Promise<void> {
  ensureBuilt();
  const server = await startServer({ name: 'sync' });
  const rows: ResultRow[] = [];
  let browser: Browser | undefined;
  const env: Record<string, string | number> = {};
  try {
    const probeScript = await buildSyncProbe();
    browser = await launchChromium();
    env.chromium = browser.version();
    rows.push(...(await timeCheckout(browser, server, probeScript)));
    const { context, page } = await openDevice(browser, server, probeScript);
    rows.push(await timeDrain(page));
    rows.push(await timeOfflineReload(page));
    await context.close();
    console.log('bench: direct pushes for the ingest rate …');
    rows.push(await timeIngest(server));
  } finally {
    await browser?.close();
    await server.stop();
  }
  console.log(`\n${formatTable('Sync bench', rows)}\n`);
  writeReport(JSON_FILE, {
    bench: 'sync',
    started_at: new Date().toISOString(),
    environment: environment(env),
    parameters: { sales: SALES, commits: COMMITS, orders: ORDERS, reloads: RELOADS, batch: BATCH },
    results: rows,
  });
  console.log(`bench: wrote ${JSON_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
