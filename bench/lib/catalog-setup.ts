/**
 * What the benches that need a full catalog on the device share: the generated catalog
 * imported into a fresh server through POST /v0/d/import (products, then prices), and the
 * demo associate's first sign-in in Chromium, which pulls it into IndexedDB through the
 * app's own sync.
 */
import type { Browser } from '@playwright/test';
import { DEMO_STORE_ID, signIn } from '../../test/e2e/support/sign-in.ts';
import type { GeneratedProduct } from './catalog-gen.ts';
import type { AisleBenchProbe } from './page-probe.ts';
import type { ResultRow } from './report.ts';
import type { BenchServer } from './server.ts';

const SYNC_TIMEOUT_MS = 300_000;

async function importAll(
  batch: number,
  server: BenchServer,
  entity: 'products' | 'prices',
  head: Record<string, string>,
  items: readonly unknown[],
): Promise<number> {
  const start = performance.now();
  for (let offset = 0; offset < items.length; offset += batch) {
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
        items: items.slice(offset, offset + batch),
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

/** Imports the catalog (products, then prices) and returns the two rows of their timings. */
export async function importCatalog(
  server: BenchServer,
  catalog: readonly GeneratedProduct[],
  batch: number,
): Promise<ResultRow[]> {
  const currency = await storeCurrency(server);
  const productMs = await importAll(
    batch,
    server,
    'products',
    { catalog: 'storefront-catalog-en', locale: 'en-US' },
    catalog.map((item) => item.product),
  );
  const priceMs = await importAll(
    batch,
    server,
    'prices',
    { pricebook: 'default', catalog: 'storefront-catalog-en', currency },
    catalog.map((item) => item.price),
  );
  return [
    {
      name: `import ${catalog.length.toLocaleString('en-US')} products (batches of ${batch})`,
      value: productMs / 1000,
      unit: 's',
      details: { products_per_s: Math.round(catalog.length / (productMs / 1000)) },
    },
    {
      name: `import ${catalog.length.toLocaleString('en-US')} prices`,
      value: priceMs / 1000,
      unit: 's',
    },
  ];
}

/** Signs in and waits for the first catalog sync to finish; returns its duration in ms. */
export async function timeFirstSync(
  browser: Browser,
  server: BenchServer,
  probeScript: string,
  products: number,
) {
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
  while (!(progress.complete && progress.products >= products)) {
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
