/**
 * Runs INSIDE the app's page during the sync bench (bundled by bench/sync.ts, injected with
 * addScriptTag): queues sales through the app's own repositories over the app's own IndexedDB
 * database (cart, then `completeSale`: the same transaction as a checkout), and reports what
 * the outbox still holds. No hook is compiled into the app. Each sale holds a plain line and
 * a serialized unit with its serial, so the timed commit writes sale, serials and outbox.
 */
import { AisleDb, DEFAULT_DB_NAME } from '../../src/data/db.ts';
import { createRepositories } from '../../src/data/repositories.ts';

export interface QueuedSales {
  readonly ids: string[];
  /** Milliseconds of each `completeSale` call (the one checkout transaction). */
  readonly commitMs: number[];
}

export interface AisleSyncProbe {
  /** Completes `count` card sales: a plain product and a serialized unit with its serial. */
  queueSales(count: number): Promise<QueuedSales>;
  pending(): Promise<number>;
  close(): void;
}

function createProbe(): AisleSyncProbe {
  const db = new AisleDb(DEFAULT_DB_NAME);
  const repos = createRepositories(db);
  return {
    async queueSales(count) {
      const session = await repos.sessions.current();
      if (session === undefined) throw new Error('sign in first');
      const store = await repos.sessions.store(session.storeId);
      if (store === undefined) throw new Error('no store on the device');
      const products = await db.products.limit(200).toArray();
      const product = products.find((p) => !p.serialized && p.price !== null);
      const serialized = products.find((p) => p.serialized && p.price !== null);
      if (product === undefined || serialized === undefined) {
        throw new Error('the catalog needs a sellable plain and a sellable serialized product');
      }
      const ids: string[] = [];
      const commitMs: number[] = [];
      const run = Date.now().toString(36).toUpperCase().slice(-6);
      for (let i = 0; i < count; i += 1) {
        const now = new Date().toISOString();
        await repos.carts.addProduct(session.deviceId, product, now);
        // 14 letters and digits, unique per sale: valid for the demo pattern ^[A-Z0-9]{14}$.
        const serial = `BN${run}${String(i).padStart(6, '0')}`;
        await repos.carts.addProduct(session.deviceId, serialized, now, {
          serial,
          method: 'scanner',
          capturedAt: now,
          valid: true,
          configVersion: null,
        });
        const start = performance.now();
        const sale = await repos.sales.completeSale({
          deviceId: session.deviceId,
          associateId: session.associateId,
          associateName: session.displayName,
          store,
          tender: { method: 'card', reference: `BENCH-${i}` },
          now,
        });
        commitMs.push(performance.now() - start);
        ids.push(sale.saleId);
      }
      return { ids, commitMs };
    },
    async pending() {
      return (await repos.outbox.counts()).pending;
    },
    close() {
      db.close();
    },
  };
}

declare global {
  interface Window {
    aisleSyncProbe?: AisleSyncProbe;
  }
}

window.aisleSyncProbe = createProbe();
