/**
 * Runs INSIDE the app's page during the sync bench (bundled by bench/sync.ts, injected with
 * addScriptTag): queues sales through the app's own repositories over the app's own IndexedDB
 * database (cart, then `completeSale`: the same transaction as a checkout), and reports what
 * the outbox still holds. No hook is compiled into the app.
 */
import { AisleDb, DEFAULT_DB_NAME } from '../../src/data/db.ts';
import { createRepositories } from '../../src/data/repositories.ts';

export interface AisleSyncProbe {
  /** Completes `count` one-line card sales of the first sellable plain product. */
  queueSales(count: number): Promise<string[]>;
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
      if (product === undefined) throw new Error('no sellable plain product in the catalog');
      const ids: string[] = [];
      for (let i = 0; i < count; i += 1) {
        const now = new Date().toISOString();
        await repos.carts.addProduct(session.deviceId, product, now);
        const sale = await repos.sales.completeSale({
          deviceId: session.deviceId,
          associateId: session.associateId,
          associateName: session.displayName,
          store,
          tenders: [{ method: 'card', reference: `BENCH-${i}` }],
          now,
        });
        ids.push(sale.saleId);
      }
      return ids;
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
