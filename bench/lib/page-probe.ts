/**
 * Runs INSIDE the app's page during a bench (bundled by page-bundle.ts, injected with
 * addScriptTag): the app's own CatalogRepository over the app's own IndexedDB database, so
 * lookups and searches are timed through the production code path without compiling any
 * hook into the app; and the build of the search index from the stored catalog, as at start.
 */
import { AisleDb, DEFAULT_DB_NAME } from '../../src/data/db.ts';
import { CatalogRepository } from '../../src/data/catalog-repository.ts';
import { CatalogSearch } from '../../src/data/catalog-search.ts';
import { createScanWatch, type ScanWatch } from './page-scan-watch.ts';
import { createSearchWatch, type SearchWatch } from './page-search-watch.ts';

export interface CatalogProgress {
  products: number;
  complete: boolean;
}

export interface LookupTiming {
  timesMs: number[];
  /** Codes whose lookup found no product or another product than expected. */
  wrong: string[];
}

export interface SearchTiming {
  timesMs: number[];
  /** How many products each search returned. */
  found: number[];
}

export interface IndexBuildTiming {
  /** The whole build from the stored catalog, with no pause between reads. */
  buildMs: number;
  /** Each read and its words: what a scan arriving meanwhile may wait. */
  chunkMs: number[];
  products: number;
  /** What a search over the new index found for `probe` (its product ids). */
  found: string[];
}

export interface AisleBenchProbe {
  catalogProgress(): Promise<CatalogProgress>;
  timeLookups(codes: readonly { code: string; productId: string }[]): Promise<LookupTiming>;
  /** `CatalogRepository.search` alone, each text once, in order, once its index is built. */
  timeSearches(texts: readonly string[], limit: number): Promise<SearchTiming>;
  /** A new search index built from the stored catalog, as at start, timed read by read. */
  timeIndexBuild(probe: string): Promise<IndexBuildTiming>;
  /** The cart watcher for wedge-scan timing, made on first use (one keydown listener). */
  scanWatch(lineTag: string): ScanWatch;
  /** The suggestion watcher of the screen's barcode field, made on first use. */
  searchWatch(): SearchWatch;
  close(): void;
}

function createProbe(): AisleBenchProbe {
  const db = new AisleDb(DEFAULT_DB_NAME);
  const catalog = new CatalogRepository(db);
  let watch: ScanWatch | undefined;
  let search: SearchWatch | undefined;
  return {
    async catalogProgress() {
      const [products, state] = await Promise.all([catalog.count(), catalog.state()]);
      return { products, complete: state.complete };
    },
    async timeLookups(codes) {
      const timesMs: number[] = [];
      const wrong: string[] = [];
      for (const { code, productId } of codes) {
        const start = performance.now();
        const product = await catalog.findByCode(code);
        timesMs.push(performance.now() - start);
        if (product?.productId !== productId) wrong.push(code);
      }
      return { timesMs, wrong };
    },
    async timeSearches(texts, limit) {
      const index = await catalog.searchIndex();
      await index.build();
      const timesMs: number[] = [];
      const found: number[] = [];
      for (const text of texts) {
        const start = performance.now();
        const { products } = await index.search(text, limit);
        timesMs.push(performance.now() - start);
        found.push(products.length);
      }
      return { timesMs, found };
    },
    async timeIndexBuild(probe) {
      const index = new CatalogSearch(db);
      const chunkMs: number[] = [];
      const start = performance.now();
      let chunkStart = start;
      await index.build(async () => {
        const now = performance.now();
        chunkMs.push(now - chunkStart);
        chunkStart = now;
      });
      const buildMs = performance.now() - start;
      chunkMs.push(performance.now() - chunkStart);
      const { products: hits } = await index.search(probe, 8);
      return {
        buildMs,
        chunkMs,
        products: index.size,
        found: hits.map((product) => product.productId),
      };
    },
    scanWatch(lineTag) {
      watch ??= createScanWatch(lineTag);
      return watch;
    },
    searchWatch() {
      search ??= createSearchWatch();
      return search;
    },
    close() {
      db.close();
    },
  };
}

declare global {
  interface Window {
    aisleBench?: AisleBenchProbe;
  }
}

window.aisleBench = createProbe();
