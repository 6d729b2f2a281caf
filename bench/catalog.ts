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
import { intFlag, parseFlags } from './lib/args.ts';
import { generateCatalog, seededRandom } from './lib/catalog-gen.ts';
import { importCatalog, timeFirstSync } from './lib/catalog-setup.ts';
import { buildPageProbe } from './lib/page-bundle.ts';
import type { AisleBenchProbe } from './lib/page-probe.ts';
import {
  environment,
  formatTable,
  screenshotFailure,
  writeReport,
  type ResultRow,
} from './lib/report.ts';
import { timeWedgeScans } from './lib/wedge-scan.ts';
import { summarize } from './lib/stats.ts';
import { ensureBuilt, startServer } from './lib/server.ts';

const flags = parseFlags(process.argv.slice(2));
const PRODUCTS = intFlag(flags, 'products', 100_000);
const BATCH = intFlag(flags, 'batch', 2_000);
const LOOKUPS = intFlag(flags, 'lookups', 500);
const SCANS = intFlag(flags, 'scans', 100);
const CART_SIZE = intFlag(flags, 'cart-size', 10);
const SERVER_ONLY = flags.get('server-only') === 'true';
const JSON_FILE = flags.get('json') ?? join(REPO_ROOT, 'bench', 'results', 'catalog.json');

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
    rows.push(...(await importCatalog(server, catalog, BATCH)));

    if (!SERVER_ONLY) {
      const probeScript = await buildPageProbe();
      browser = await launchChromium();
      env.chromium = browser.version();
      console.log('bench: signing in, first catalog sync …');
      const { page, syncMs, products } = await timeFirstSync(
        browser,
        server,
        probeScript,
        PRODUCTS,
      );
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
    await screenshotFailure(browser, 'catalog');
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
