/**
 * Runs INSIDE the app's page during the sync bench (bundled by bench/sync.ts, injected with
 * addScriptTag): queues sales through the app's own repositories over the app's own IndexedDB
 * database (cart, then `completeSale`: the same transaction as a checkout), timing each
 * commit, and reports what the outbox still holds. No hook is compiled into the app.
 *
 * Each sale is what DESIGN §8's checkout commit covers: a plain product with a 5 % line
 * discount and a serialized unit with its serial (so the commit checks the serial against
 * every unsent sale and indexes it), $1 off the whole sale, paid part by card and part in
 * cash with change. The bench calls `queueSales` in chunks: one
 * page.evaluate per chunk keeps each call short and shows progress, where one call for a
 * thousand sales ran for minutes with nothing to show.
 */
import { AisleDb, DEFAULT_DB_NAME } from '../../src/data/db.ts';
import { createRepositories } from '../../src/data/repositories.ts';
import type { Discount } from '../../src/domain/discounts.ts';
import { minor } from '../../src/domain/money.ts';

export interface QueueRequest {
  /** Sales to complete in this call. */
  readonly count: number;
  /** Number of the first sale of this call, for its serial and card reference. */
  readonly from: number;
  /** Letters and digits that start every serial of this device (the rest is the number). */
  readonly serialPrefix: string;
}

export interface QueuedSales {
  readonly queued: number;
  /** Milliseconds of each `completeSale` (the one checkout transaction), in order. */
  readonly commitMs: number[];
}

export interface AisleSyncProbe {
  queueSales(request: QueueRequest): Promise<QueuedSales>;
  pending(): Promise<number>;
  close(): void;
}

const LINE_DISCOUNT: Discount = { kind: 'percentage', value: 5, reason: 'Loyalty', approval: null };
const ORDER_DISCOUNT: Discount = {
  kind: 'fixed',
  value: 100,
  reason: 'Price match',
  approval: null,
};

/** Serials the demo pattern (`^[A-Z0-9]{14}$`) accepts: the prefix, then the number. */
function benchSerial(prefix: string, n: number): string {
  const width = 14 - prefix.length;
  const digits = String(n).padStart(width, '0');
  if (!/^[A-Z0-9]+$/.test(prefix) || digits.length !== width) {
    throw new Error(`serial ${prefix}${digits} does not fit 14 letters and digits`);
  }
  return `${prefix}${digits}`;
}

function createProbe(): AisleSyncProbe {
  const db = new AisleDb(DEFAULT_DB_NAME);
  const repos = createRepositories(db);
  return {
    async queueSales({ count, from, serialPrefix }) {
      const session = await repos.sessions.current();
      if (session === undefined) throw new Error('sign in first');
      const store = await repos.sessions.store(session.storeId);
      if (store === undefined) throw new Error('no store on the device');
      const products = await db.products.limit(200).toArray();
      const plain = products.find((p) => !p.serialized && p.price !== null);
      const serialized = products.find((p) => p.serialized && p.price !== null);
      if (plain === undefined || serialized === undefined) {
        throw new Error('the catalog needs a sellable plain and a sellable serialized product');
      }
      const commitMs: number[] = [];
      for (let n = from; n < from + count; n += 1) {
        const now = new Date().toISOString();
        const line = await repos.carts.addProduct(session.deviceId, plain, now);
        // Within an associate's limit (10 %): no approval, as at most tills most days.
        await repos.carts.setLineDiscount(line.lineId, LINE_DISCOUNT, now);
        await repos.carts.setOrderDiscount(session.deviceId, ORDER_DISCOUNT, now);
        await repos.carts.addProduct(session.deviceId, serialized, now, {
          serial: benchSerial(serialPrefix, n),
          method: 'scanner',
          capturedAt: now,
          valid: true,
          configVersion: null,
        });
        const start = performance.now();
        await repos.sales.completeSale({
          deviceId: session.deviceId,
          associateId: session.associateId,
          associateName: session.displayName,
          store,
          // $10 on a card, the rest in cash with change: two tenders on every sale.
          tenders: [
            { method: 'card', amount: minor(1_000), reference: `BENCH-${n}` },
            { method: 'cash', tendered: minor(1_000_000) },
          ],
          now,
        });
        commitMs.push(performance.now() - start);
      }
      return { queued: count, commitMs };
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
