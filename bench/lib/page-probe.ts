/**
 * Runs INSIDE the app's page during a bench (bundled by page-bundle.ts, injected with
 * addScriptTag): the app's own CatalogRepository over the app's own IndexedDB database, so
 * lookups are timed through the production code path without compiling any hook into the app.
 */
import { AisleDb, DEFAULT_DB_NAME } from '../../src/data/db.ts';
import { CatalogRepository } from '../../src/data/catalog-repository.ts';
import { createScanWatch, type ScanWatch } from './page-scan-watch.ts';

export interface CatalogProgress {
  products: number;
  complete: boolean;
}

export interface LookupTiming {
  timesMs: number[];
  /** Codes whose lookup found no product or another product than expected. */
  wrong: string[];
}

export interface AisleBenchProbe {
  catalogProgress(): Promise<CatalogProgress>;
  timeLookups(codes: readonly { code: string; productId: string }[]): Promise<LookupTiming>;
  /** The cart watcher for wedge-scan timing, made on first use (one keydown listener). */
  scanWatch(lineTag: string): ScanWatch;
  close(): void;
}

function createProbe(): AisleBenchProbe {
  const db = new AisleDb(DEFAULT_DB_NAME);
  const catalog = new CatalogRepository(db);
  let watch: ScanWatch | undefined;
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
    scanWatch(lineTag) {
      watch ??= createScanWatch(lineTag);
      return watch;
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
