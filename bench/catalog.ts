/**
 * Catalog bench (DESIGN §8): a fresh real server on temporary SQLite takes a generated catalog
 * of 100 000 products through POST /v0/d/import; then, in headless Chromium, the demo associate
 * signs in (the first catalog sync runs through the real pull path into IndexedDB), barcode
 * lookups are timed through the app's own repository, and keyboard-wedge scans are timed from
 * the first keydown to the cart line on screen.
 *
 *   npm run bench:catalog [-- --products 100000 --batch 2000 --lookups 500 --scans 100
 *                             --cart-size 10
 *                             --json bench/results/catalog.json --server-only]
 */
import { join } from 'node:path';
import type { Browser } from '@playwright/test';
import { launchChromium } from '../test/e2e/support/chromium.ts';
import { REPO_ROOT } from '../test/e2e/support/env.ts';
import { DEMO_STORE_ID, signIn } from '../test/e2e/support/sign-in.ts';
import { intFlag, parseFlags } from './lib/args.ts';
import { generateCatalog, seededRandom, type GeneratedProduct } from './lib/catalog-gen.ts';
import { buildPageProbe } from './lib/page-bundle.ts';
import type { AisleBenchProbe } from './lib/page-probe.ts';
import { environment, formatTable, writeReport, type ResultRow } from './lib/report.ts';
import { timeWedgeScans } from './lib/wedge-scan.ts';
import { summarize } from './lib/stats.ts';
import { ensureBuilt, startServer, type BenchServer } from './lib/server.ts';

const flags = parseFlags(process.argv.slice(2));
const PRODUCTS = intFlag(flags, 'products', 100_000);
const BATCH = intFlag(flags, 'batch', 2_000);
const LOOKUPS = intFlag(flags, 'lookups', 500);
const SCANS = intFlag(flags, 'scans', 100);
const CART_SIZE = intFlag(flags, 'cart-size', 10);
const SERVER_ONLY = flags.get('server-only') === 'true';
const JSON_FILE = flags.get('json') ?? join(REPO_ROOT, 'bench', 'results', 'catalog.json');
const SYNC_TIMEOUT_MS = 300_000;

async function importAll(
  server: BenchServer,
  entity: 'products' | 'prices',
  head: Record<string, string>,
  items: readonly unknown[],
): Promise<number> {
  const start = performance.now();
  for (let offset = 0; offset < items.length; offset += BATCH) {
    const response = await fetch(`${server.baseUrl}/v0/d/import`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${server.adminToken}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        entity,
        mode: 'partial',
        head,
        items: items.slice(offset, offset + BATCH),
      }),
    });
    if (!response.ok) {
      const text = (await response.text()).slice(0, 500);
      throw new Error(`import of ${entity} at ${offset} failed: ${response.status} ${text}`);
    }
  }
  return performance.now() - start;
}

async function storeCurrency(server: BenchServer): Promise<string> {
  const response = await fetch(`${server.baseUrl}/v0/stores`, {
    headers: { authorization: `Bearer ${server.adminToken}` },
  });
  if (!response.ok) throw new Error(`GET /v0/stores failed: ${response.status}`);
  const stores = (await response.json()) as { store_id: string; currency: string }[];
  const demo = stores.find((store) => store.store_id === DEMO_STORE_ID);
  if (demo === undefined) throw new Error(`the server has no ${DEMO_STORE_ID} (AISLE_DEMO=1?)`);
  return demo.currency;
}

async function importCatalog(
  server: BenchServer,
  catalog: readonly GeneratedProduct[],
): Promise<ResultRow[]> {
  const currency = await storeCurrency(server);
  const productMs = await importAll(
    server,
    'products',
    { catalog: 'storefront-catalog-en', locale: 'en-US' },
    catalog.map((item) => item.product),
  );
  const priceMs = await importAll(
    server,
    'prices',
    { pricebook: 'default', catalog: 'storefront-catalog-en', currency },
    catalog.map((item) => item.price),
  );
  return [
    {
      name: `import ${PRODUCTS.toLocaleString('en-US')} products (batches of ${BATCH})`,
      value: productMs / 1000,
      unit: 's',
      details: { products_per_s: Math.round(PRODUCTS / (productMs / 1000)) },
    },
    { name: `import ${PRODUCTS.toLocaleString('en-US')} prices`, value: priceMs / 1000, unit: 's' },
  ];
}

/** Signs in and waits for the first catalog sync to finish; returns its duration in ms. */
async function timeFirstSync(browser: Browser, server: BenchServer, probeScript: string) {
  // The app's CSP (script-src 'self') would refuse the injected probe script; bypassing it
  // changes nothing the measured code does.
  const context = await browser.newContext({ baseURL: server.baseUrl, bypassCSP: true });
  const page = await context.newPage();
  await page.goto('/');
  await page.addScriptTag({ content: probeScript });
  const before = await page.evaluate(() =>
    (window.aisleBench as AisleBenchProbe).catalogProgress(),
  );
  if (before.products > 0) throw new Error('the browser profile is not fresh: catalog not empty');

  const start = performance.now();
  await signIn(page, 'associate');
  let progress = before;
  while (!(progress.complete && progress.products >= PRODUCTS)) {
    if (performance.now() - start > SYNC_TIMEOUT_MS) {
      throw new Error(
        `first sync not done after ${SYNC_TIMEOUT_MS} ms: ${progress.products} products`,
      );
    }
    await page.waitForTimeout(100);
    progress = await page.evaluate(() => (window.aisleBench as AisleBenchProbe).catalogProgress());
  }
  const syncMs = performance.now() - start;
  return { context, page, syncMs, products: progress.products };
}

function pickRandom<T>(items: readonly T[], count: number, seed: number): T[] {
  const random = seededRandom(seed);
  return Array.from({ length: count }, () => items[Math.floor(random() * items.length)] as T);
}

async function main(): Promise<void> {
  // The import needs no app; only the browser part does.
  if (!SERVER_ONLY) ensureBuilt();
  const catalog = generateCatalog(PRODUCTS);
  const server = await startServer({ name: 'catalog' });
  const rows: ResultRow[] = [];
  let browser: Browser | undefined;
  const env: Record<string, string | number> = {};
  try {
    console.log(`bench: server at ${server.baseUrl}, importing ${PRODUCTS} products …`);
    rows.push(...(await importCatalog(server, catalog)));

    if (!SERVER_ONLY) {
      const probeScript = await buildPageProbe();
      browser = await launchChromium();
      env.chromium = browser.version();
      console.log('bench: signing in, first catalog sync …');
      const { page, syncMs, products } = await timeFirstSync(browser, server, probeScript);
      rows.push({
        name: `first catalog sync (${products.toLocaleString('en-US')} products in IndexedDB)`,
        value: syncMs / 1000,
        unit: 's',
        goal: { op: '<=', value: 20 },
      });

      const codes = pickRandom(catalog, LOOKUPS, 7).map((item) => ({
        code: item.ean13,
        productId: item.product.product_id,
      }));
      const lookups = await page.evaluate(
        (list) => (window.aisleBench as AisleBenchProbe).timeLookups(list),
        codes,
      );
      if (lookups.wrong.length > 0) {
        throw new Error(`lookup found the wrong product for ${lookups.wrong.join(', ')}`);
      }
      const lookup = summarize(lookups.timesMs);
      rows.push({
        name: `lookup by EAN-13 in IndexedDB, p95 of ${lookup.count}`,
        value: lookup.p95,
        unit: 'ms',
        goal: { op: '<=', value: 5 },
        details: { p50: lookup.p50, max: lookup.max },
      });

      const scanTargets = pickRandom(
        catalog.filter((item) => !item.product.serialized_inventory),
        SCANS,
        11,
      );
      const timings = await timeWedgeScans(
        page,
        scanTargets.map((item) => item.ean13),
        CART_SIZE,
      );
      const scans = summarize(timings.map((t) => t.fromFirstKeyMs));
      const afterEnter = summarize(timings.map((t) => t.fromEnterMs));
      rows.push(
        {
          name: `wedge scan, first key → cart line shown, p95 of ${scans.count}`,
          value: scans.p95,
          unit: 'ms',
          goal: { op: '<=', value: 50 },
          details: { p50: scans.p50, max: scans.max },
        },
        {
          name: `  of which Enter → cart line shown, p95`,
          value: afterEnter.p95,
          unit: 'ms',
          details: { p50: afterEnter.p50, max: afterEnter.max },
        },
      );
    }
  } catch (error) {
    // What the screen showed when it went wrong, for whoever reads the failure.
    const pages = browser?.contexts().flatMap((context) => context.pages()) ?? [];
    const shot = join(REPO_ROOT, '.tmp', 'bench', 'catalog-failure.png');
    await pages[0]?.screenshot({ path: shot }).then(
      () => console.error(`bench: screenshot of the failure in ${shot}`),
      () => undefined,
    );
    throw error;
  } finally {
    await browser?.close();
    await server.stop();
  }

  console.log(
    '\n' + formatTable(`Catalog bench, ${PRODUCTS.toLocaleString('en-US')} products`, rows),
  );
  writeReport(JSON_FILE, {
    bench: 'catalog',
    started_at: new Date().toISOString(),
    environment: environment(env),
    parameters: {
      products: PRODUCTS,
      batch: BATCH,
      lookups: LOOKUPS,
      scans: SCANS,
      cart_size: CART_SIZE,
    },
    results: rows,
  });
  console.log(`\nbench: JSON written to ${JSON_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
