/**
 * Returns bench (issue 12, DESIGN §8): a fresh real server on temporary SQLite takes N store
 * orders (default 50 000, each a serialized unit and a plain one) through the sync push; then,
 * in headless Chromium, an associate signs in and the first download of the store's history
 * is timed until the device holds every order; finding a sale by its receipt code and by a
 * serial, and a return's commit (sale checked again + outbox in one transaction), are timed
 * through the app's own repository.
 *
 *   npm run bench:returns [-- --orders 50000 --batch 200 --finds 300 --returns 100
 *                             --json bench/results/returns.json]
 */
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { DEMO_PRODUCTS } from '../server/src/seed/demo-catalog.ts';
import { PROTOCOL_VERSION } from '../src/protocol/wire-constants.ts';
import { launchChromium } from '../test/e2e/support/chromium.ts';
import { REPO_ROOT } from '../test/e2e/support/env.ts';
import { DEMO_STORE_ID, signIn } from '../test/e2e/support/sign-in.ts';
import { intFlag, parseFlags } from './lib/args.ts';
import { seededRandom } from './lib/catalog-gen.ts';
import { buildPageProbe } from './lib/page-bundle.ts';
import { environment, formatTable, writeReport, type ResultRow } from './lib/report.ts';
import type { AisleReturnsProbe } from './lib/returns-probe.ts';
import { ensureBuilt, startServer, type BenchServer } from './lib/server.ts';
import { summarize } from './lib/stats.ts';

const flags = parseFlags(process.argv.slice(2));
const ORDERS = intFlag(flags, 'orders', 50_000);
const BATCH = intFlag(flags, 'batch', 200);
const FINDS = intFlag(flags, 'finds', 300);
const RETURNS = intFlag(flags, 'returns', 100);
const JSON_FILE = flags.get('json') ?? join(REPO_ROOT, 'bench', 'results', 'returns.json');
const DOWNLOAD_TIMEOUT_MS = 900_000;

const serialized = DEMO_PRODUCTS.filter((product) => product.serialized);
const plain = DEMO_PRODUCTS.filter((product) => !product.serialized);
const serialOf = (n: number): string => `BR${String(n).padStart(12, '0')}`;
const money = (value: number): number => Math.round(value * 100) / 100;

function order(n: number, externalId: string) {
  const units = [serialized[n % serialized.length]!, plain[n % plain.length]!];
  const items = units.map((product, i) => ({
    external_item_id: String(i + 1),
    product_id: product.product_id,
    price: {
      item_price: product.price,
      item_list_price: product.price,
      item_tax_lines: [{ amount: money(product.price * 0.08), rate: 0.08 }],
    },
    shipping_type: 'in_store_handover',
    ...(product.serialized ? { serial_number: serialOf(n) } : {}),
  }));
  const total = money(
    items.reduce(
      (sum, item) => sum + item.price.item_price + item.price.item_tax_lines[0]!.amount,
      0,
    ),
  );
  return {
    external_id: externalId,
    store_id: DEMO_STORE_ID,
    channel_type: 'store',
    currency: 'USD',
    price_method: 'tax_excluded',
    placed_at: new Date().toISOString(),
    items,
    payments: [{ method: 'card', amount: total, reference: `BR-${n}` }],
  };
}

async function seedOrders(server: BenchServer): Promise<{ ids: string[]; seconds: number }> {
  const post = async (path: string, body: unknown): Promise<Record<string, unknown>> => {
    const response = await fetch(`${server.baseUrl}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${server.adminToken}` },
      body: JSON.stringify(body),
    });
    const json = (await response.json()) as Record<string, unknown>;
    if (!response.ok) throw new Error(`${path}: ${response.status} ${JSON.stringify(json)}`);
    return json;
  };
  const device = await post('/v0/devices', { store_id: DEMO_STORE_ID, name: 'bench-returns' });
  const ids: string[] = [];
  const start = performance.now();
  let seq = 0;
  while (seq < ORDERS) {
    const mutations = [];
    for (let i = 0; i < BATCH && seq < ORDERS; i += 1) {
      seq += 1;
      const externalId = randomUUID();
      ids.push(externalId);
      mutations.push({
        seq,
        id: randomUUID(),
        type: 'order.create',
        payload: order(seq, externalId),
      });
    }
    const reply = await post('/v0/sync/push', {
      device_id: device.device_id,
      protocol_version: PROTOCOL_VERSION,
      mutations,
    });
    const results = reply.results as Array<{ status: string }>;
    if (results.some((result) => result.status !== 'applied'))
      throw new Error('an order was not applied');
  }
  return { ids, seconds: (performance.now() - start) / 1000 };
}

async function main(): Promise<void> {
  ensureBuilt();
  const server = await startServer({ name: 'returns' });
  const rows: ResultRow[] = [];
  const env: Record<string, string | number> = {};
  let browser: Browser | undefined;
  try {
    console.log(`bench: server at ${server.baseUrl}, pushing ${ORDERS} orders …`);
    const { ids, seconds } = await seedOrders(server);
    rows.push({
      name: `seed ${ORDERS.toLocaleString('en-US')} store orders through the sync push`,
      value: seconds,
      unit: 's',
      details: { orders_per_s: Math.round(ORDERS / seconds) },
    });

    const probe = await buildPageProbe(
      fileURLToPath(new URL('./lib/returns-probe.ts', import.meta.url)),
    );
    browser = await launchChromium();
    env.chromium = browser.version();
    const context = await browser.newContext({ baseURL: server.baseUrl, bypassCSP: true });
    const page = await context.newPage();
    await page.goto('/');
    await page.addScriptTag({ content: probe });
    const start = performance.now();
    await signIn(page, 'associate');
    let held = 0;
    while (held < ORDERS) {
      if (performance.now() - start > DOWNLOAD_TIMEOUT_MS)
        throw new Error(`history download stuck at ${held}`);
      await page.waitForTimeout(250);
      held = await page.evaluate(() => (window.aisleReturns as AisleReturnsProbe).historyCount());
    }
    rows.push({
      name: `first download of the store history (${held.toLocaleString('en-US')} orders, with the catalog)`,
      value: (performance.now() - start) / 1000,
      unit: 's',
    });

    const random = seededRandom(2026_12_01);
    const pick = () => Math.floor(random() * ids.length);
    const byCode = Array.from({ length: FINDS }, () => {
      const i = pick();
      return { code: ids[i]!, externalId: ids[i]! };
    });
    const bySerial = Array.from({ length: FINDS }, () => {
      const i = pick();
      return { code: serialOf(i + 1), externalId: ids[i]! };
    });
    for (const [label, codes] of [
      ['receipt code', byCode],
      ['serial', bySerial],
    ] as const) {
      const timing = await page.evaluate(
        (list) => (window.aisleReturns as AisleReturnsProbe).timeFind(list),
        codes,
      );
      if (timing.wrong.length > 0)
        throw new Error(`find by ${label} missed ${timing.wrong.slice(0, 3).join(', ')}`);
      const stats = summarize(timing.timesMs);
      rows.push({
        name: `find a sale by ${label}, ${ORDERS.toLocaleString('en-US')} orders on the device, p95 of ${stats.count}`,
        value: stats.p95,
        unit: 'ms',
        goal: { op: '<=', value: 20 },
        details: { p50: stats.p50, max: stats.max },
      });
    }
    const toReturn = Array.from({ length: RETURNS }, (_, i) => ids[(i * 7919) % ids.length]!);
    const commits = summarize(
      await page.evaluate(
        (list) => (window.aisleReturns as AisleReturnsProbe).timeReturns(list),
        toReturn,
      ),
    );
    rows.push({
      name: `return commit (checked again + outbox, one transaction), p95 of ${commits.count}`,
      value: commits.p95,
      unit: 'ms',
      details: { p50: commits.p50, max: commits.max },
    });
    await context.close();
  } finally {
    await browser?.close();
    await server.stop();
  }
  console.log(`\n${formatTable('Returns bench', rows)}\n`);
  writeReport(JSON_FILE, {
    bench: 'returns',
    started_at: new Date().toISOString(),
    environment: environment(env),
    parameters: { orders: ORDERS, batch: BATCH, finds: FINDS, returns: RETURNS },
    results: rows,
  });
  console.log(`bench: wrote ${JSON_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
