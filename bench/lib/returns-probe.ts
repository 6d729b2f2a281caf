/**
 * Runs INSIDE the app's page during the returns bench (bundled by page-bundle.ts, injected
 * with addScriptTag): the app's own ReturnRepository over the app's own IndexedDB database, so
 * finding a sale and committing a return are timed through the production code path.
 */
import { AisleDb, DEFAULT_DB_NAME } from '../../src/data/db.ts';
import { createRepositories } from '../../src/data/repositories.ts';

export interface FindTiming {
  timesMs: number[];
  /** Codes that found no sale or another sale than expected. */
  wrong: string[];
}

export interface AisleReturnsProbe {
  historyCount(): Promise<number>;
  timeFind(codes: readonly { code: string; externalId: string }[]): Promise<FindTiming>;
  /** Returns the first plain unit of each sale (cash), timing each commit. */
  timeReturns(externalIds: readonly string[]): Promise<number[]>;
}

function createProbe(): AisleReturnsProbe {
  const db = new AisleDb(DEFAULT_DB_NAME);
  const repos = createRepositories(db);
  return {
    historyCount: () => db.storeOrders.count(),
    async timeFind(codes) {
      const timesMs: number[] = [];
      const wrong: string[] = [];
      for (const { code, externalId } of codes) {
        const start = performance.now();
        const found = await repos.returns.findSales(code);
        timesMs.push(performance.now() - start);
        if (!found.some((order) => order.externalId === externalId)) wrong.push(code);
      }
      return { timesMs, wrong };
    },
    async timeReturns(externalIds) {
      const session = await repos.sessions.current();
      if (session === undefined) throw new Error('sign in first');
      const timesMs: number[] = [];
      for (const externalId of externalIds) {
        const order = await repos.returns.getSale(externalId);
        const item = order?.items.find((unit) => unit.serial === null);
        if (order === undefined || item === undefined)
          throw new Error(`no plain unit in ${externalId}`);
        const start = performance.now();
        await repos.returns.commitReturn({
          order,
          orderExternalId: order.externalId,
          storeId: order.storeId,
          currency: order.currency,
          returnedAt: new Date().toISOString(),
          associateId: session.associateId,
          deviceId: session.deviceId,
          units: [
            {
              externalItemId: item.externalItemId,
              productId: item.productId,
              serial: null,
              condition: 'resellable',
              reason: 'Changed mind',
              refund: item.paid,
            },
          ],
          titles: [item.title],
          refunds:
            order.payments.length === 0 ? [] : [{ ...order.payments[0]!, amount: item.paid }],
          approval: null,
        });
        timesMs.push(performance.now() - start);
      }
      return timesMs;
    },
  };
}

declare global {
  interface Window {
    aisleReturns?: AisleReturnsProbe;
  }
}

window.aisleReturns = createProbe();
