/**
 * Search bench (DESIGN §8: product search by name, 100 000 products, each keystroke → results
 * shown, p95 ≤ 50 ms). A fresh real server on temporary SQLite takes the generated catalog
 * (titles of a shop's words, bench/lib/catalog-gen.ts); in headless Chromium the demo
 * associate signs in and the first sync pulls it, feeding the search index with every page.
 * On the sell screen, queries are typed at a person's pace with real key events, and every
 * keystroke that changes what is searched is timed from its keydown to the suggestions for
 * the field's new text on screen. Beside it, the repository's share (CatalogRepository.search
 * alone on the same texts), how many of its answers fall short of the products that match
 * (counted in Node from the generated catalog, bench/lib/search-reference.ts), and the build
 * of the index from the stored catalog that each start of the app runs in the background
 * (each read timed: what a scan arriving meanwhile may wait).
 *
 *   npm run bench:search [-- --products 100000 --queries 60 --seed 13
 *                            --json bench/results/search.json]
 */
import { join } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { queryWords } from '../src/domain/product-search.ts';
import { launchChromium } from '../test/e2e/support/chromium.ts';
import { REPO_ROOT } from '../test/e2e/support/env.ts';
import { intFlag, parseFlags } from './lib/args.ts';
import {
  CATALOG_WORDS,
  generateCatalog,
  seededRandom,
  type GeneratedProduct,
} from './lib/catalog-gen.ts';
import { importCatalog, timeFirstSync } from './lib/catalog-setup.ts';
import { searchReference, type SearchReference } from './lib/search-reference.ts';
import { buildPageProbe } from './lib/page-bundle.ts';
import type { AisleBenchProbe } from './lib/page-probe.ts';
import {
  environment,
  formatTable,
  screenshotFailure,
  writeReport,
  type ResultRow,
} from './lib/report.ts';
import { ensureBuilt, startServer } from './lib/server.ts';
import { summarize } from './lib/stats.ts';

const flags = parseFlags(process.argv.slice(2));
const PRODUCTS = intFlag(flags, 'products', 100_000);
const QUERIES = intFlag(flags, 'queries', 60);
const SEED = intFlag(flags, 'seed', 13);
const BATCH = 2_000;
const LIMIT = 8;
const JSON_FILE = flags.get('json') ?? join(REPO_ROOT, 'bench', 'results', 'search.json');
/** A person's pace: the next key 90–220 ms after the one before. */
const KEY_GAP_MS = [90, 220] as const;

type QueryKind = 'kind' | 'feature kind' | 'brand model' | 'model colour' | 'sku' | 'miss';
const KINDS: readonly QueryKind[] = [
  'kind',
  'feature kind',
  'brand model',
  'model colour',
  'sku',
  'miss',
];

interface Query {
  readonly kind: QueryKind;
  readonly text: string;
}

/** What an associate types for a product: its kind, a feature and its kind, its SKU … */
function makeQueries(catalog: readonly GeneratedProduct[], count: number, seed: number): Query[] {
  const random = seededRandom(seed);
  const pickOf = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  // Accents typed without them, as a person at a till would.
  const plain = (text: string) => text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
  return Array.from({ length: count }, (_, index): Query => {
    const kind = KINDS[index % KINDS.length] ?? 'kind';
    const { product } = pickOf(catalog);
    const title = product.title;
    const productKind = CATALOG_WORDS.kinds.find((k) => title.includes(` ${k} `)) ?? 'Charger';
    const model = /\b([AMQSXZ]\d{2})\b/.exec(title)?.[1] ?? 'X10';
    const colour = title.split(', ').at(-1) ?? 'Black';
    const feature = CATALOG_WORDS.features.find((f) => title.startsWith(f)) ?? 'Wireless';
    const sku = product.external_identifiers.find((i) => i.type === 'sku')?.value ?? '';
    const text = {
      kind: productKind,
      'feature kind': `${feature} ${productKind}`,
      'brand model': `${product.brand ?? ''} ${model}`,
      'model colour': `${model} ${colour.slice(0, 4)}`,
      sku,
      miss: Array.from({ length: 5 }, () => pickOf([...'qxzjvkw'])).join(''),
    }[kind];
    return { kind, text: plain(text) };
  });
}

interface Keystroke {
  readonly kind: QueryKind;
  readonly text: string;
  readonly ms: number;
  readonly sentMs: number;
}

/** Types each query into the sell screen's field, one key at a time, timing each keystroke. */
async function typeQueries(page: Page, queries: readonly Query[], seed: number) {
  const random = seededRandom(seed + 1);
  const field = page.getByRole('combobox', { name: 'Barcode or SKU' });
  await field.click();
  const strokes: Keystroke[] = [];
  for (const [index, query] of queries.entries()) {
    let typed = '';
    let searched = '';
    for (const char of query.text) {
      typed += char;
      const text = typed.trim();
      // A key that changes nothing searched (a space, the first letter) is typed, not timed.
      const timed = text !== searched && queryWords(text).length > 0;
      const pressedAt = performance.now();
      if (timed) {
        await page.evaluate(
          (t) => (window.aisleBench as AisleBenchProbe).searchWatch().arm(t),
          text,
        );
      }
      await page.keyboard.press(char === ' ' ? 'Space' : char);
      if (timed) {
        const times = await page.evaluate(() =>
          (window.aisleBench as AisleBenchProbe).searchWatch().result(10_000),
        );
        strokes.push({ kind: query.kind, text, ms: times.shownMs, sentMs: times.sentMs });
        searched = text;
      }
      const gap = KEY_GAP_MS[0] + random() * (KEY_GAP_MS[1] - KEY_GAP_MS[0]);
      const left = gap - (performance.now() - pressedAt);
      if (left > 0) await page.waitForTimeout(left);
    }
    await field.press('ControlOrMeta+a');
    await field.press('Backspace');
    if ((index + 1) % 10 === 0)
      console.log(`bench: ${index + 1} of ${queries.length} queries typed`);
  }
  return strokes;
}

/**
 * How many answers hold fewer products than they should: every product that matches when
 * fewer than LIMIT do, else LIMIT of them (the reference counts the matches in Node).
 */
function completeness(
  texts: readonly string[],
  found: readonly number[],
  reference: SearchReference,
): ResultRow {
  const short = texts.flatMap((text, index) => {
    const expected = Math.min(LIMIT, reference.matchCount(text));
    const got = found[index] ?? 0;
    return got < expected ? [{ text, got, expected }] : [];
  });
  const first = short[0];
  return {
    name: `  answers short of the products that match, of ${texts.length}`,
    value: short.length,
    unit: 'answers',
    goal: { op: '<=', value: 0 },
    details: {
      empty_though_matching: short.filter((answer) => answer.got === 0).length,
      ...(first === undefined
        ? {}
        : { example: `"${first.text}": ${first.got} of ${first.expected}` }),
    },
  };
}

async function main(): Promise<void> {
  ensureBuilt();
  console.log(`bench: seed ${SEED} (--seed to repeat or vary the queries)`);
  const catalog = generateCatalog(PRODUCTS);
  const queries = makeQueries(catalog, QUERIES, SEED);
  const server = await startServer({ name: 'search' });
  const rows: ResultRow[] = [];
  let browser: Browser | undefined;
  const env: Record<string, string | number> = {};
  try {
    console.log(`bench: server at ${server.baseUrl}, importing ${PRODUCTS} products …`);
    await importCatalog(server, catalog, BATCH);
    const probeScript = await buildPageProbe();
    browser = await launchChromium();
    env.chromium = browser.version();
    console.log('bench: signing in, first catalog sync (with the search index) …');
    const { page, syncMs, products } = await timeFirstSync(browser, server, probeScript, PRODUCTS);
    rows.push({
      name: `first catalog sync (${products.toLocaleString('en-US')} products, search index fed as pages arrive)`,
      value: syncMs / 1000,
      unit: 's',
      goal: { op: '<=', value: 20 },
    });

    await page.getByRole('combobox', { name: 'Barcode or SKU' }).waitFor();
    console.log(`bench: typing ${queries.length} queries on the sell screen …`);
    const strokes = await typeQueries(page, queries, SEED);
    const shown = summarize(strokes.map((stroke) => stroke.ms));
    const sent = summarize(strokes.map((stroke) => stroke.sentMs));
    const byKind = Object.fromEntries(
      KINDS.map((kind) => {
        const times = strokes.filter((stroke) => stroke.kind === kind).map((stroke) => stroke.ms);
        return [`p95_${kind.replace(' ', '_')}`, times.length === 0 ? 0 : summarize(times).p95];
      }),
    );
    rows.push({
      name: `search by name, keystroke → suggestions shown, p95 of ${shown.count}`,
      value: shown.p95,
      unit: 'ms',
      goal: { op: '<=', value: 50 },
      details: { p50: shown.p50, max: shown.max, ...byKind },
    });
    rows.push({
      name: '  of which keystroke → the field sends its text, p95',
      value: sent.p95,
      unit: 'ms',
      details: { p50: sent.p50, max: sent.max },
    });

    const texts = strokes.map((stroke) => stroke.text);
    const searches = await page.evaluate(
      ([list, limit]) => (window.aisleBench as AisleBenchProbe).timeSearches(list, limit),
      [texts, LIMIT] as const,
    );
    const repository = summarize(searches.timesMs);
    rows.push({
      name: `  of which CatalogRepository.search alone, p95 of ${repository.count}`,
      value: repository.p95,
      unit: 'ms',
      details: {
        p50: repository.p50,
        max: repository.max,
        share_of_p95: Math.round((repository.p95 / shown.p95) * 100) / 100,
        empty_answers: searches.found.filter((count) => count === 0).length,
      },
    });
    rows.push(completeness(texts, searches.found, searchReference(catalog)));

    console.log('bench: the search index built again from the stored catalog, as at start …');
    const probeQuery = queries.find((query) => query.kind === 'feature kind')?.text ?? 'charger';
    const build = await page.evaluate(
      (probe) => (window.aisleBench as AisleBenchProbe).timeIndexBuild(probe),
      probeQuery,
    );
    if (build.found.length === 0) throw new Error(`the new index found nothing for ${probeQuery}`);
    const chunks = summarize(build.chunkMs);
    rows.push({
      name: `search index built at start from ${build.products.toLocaleString('en-US')} stored products (no pauses)`,
      value: build.buildMs / 1000,
      unit: 's',
      details: {
        chunks: chunks.count,
        chunk_p95_ms: chunks.p95,
        chunk_max_ms: chunks.max,
      },
    });
  } catch (error) {
    await screenshotFailure(browser, 'search');
    throw error;
  } finally {
    await browser?.close();
    await server.stop();
  }

  console.log(
    '\n' + formatTable(`Search bench, ${PRODUCTS.toLocaleString('en-US')} products`, rows),
  );
  writeReport(JSON_FILE, {
    bench: 'search',
    started_at: new Date().toISOString(),
    environment: environment(env),
    parameters: { products: PRODUCTS, queries: QUERIES, seed: SEED, limit: LIMIT },
    results: rows,
  });
  console.log(`\nbench: JSON written to ${JSON_FILE}`);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exitCode = 1;
});
