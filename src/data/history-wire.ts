/**
 * The store's orders and returns as the pull delivers them (DESIGN §10.5), written over the
 * device's copies: the server's copy has the server's ids; titles this device wrote on its own
 * returns are kept. Loaded with the first page that carries any, off the first paint.
 */
import {
  historyOrderFromWire,
  historyReturnFromWire,
  serialsOf,
  type HistoryReturn,
} from '../domain/store-history.ts';
import type { ReturnRecord } from '../protocol/returns.ts';
import type { Order } from '../protocol/schemas.ts';
import type { AisleDb } from './db.ts';
import type { HistoryOrderRecord, HistoryReturnRecord } from './types.ts';

export function historyRecordOfOrder(wire: Order): HistoryOrderRecord {
  const order = historyOrderFromWire(wire);
  return { ...order, serials: serialsOf(order.items), source: 'server' };
}

/** A pulled return; an own return the server now holds keeps nothing but what it said. */
export function historyRecordOfReturn(wire: ReturnRecord): HistoryReturnRecord {
  const record: HistoryReturn = historyReturnFromWire(wire);
  return {
    ...record,
    serials: serialsOf(record.items),
    source: 'server',
    sync: { state: 'synced', error: null, returnRecordId: wire.id },
    flags: wire.flags.map((flag) => ({ kind: flag.kind, message: flag.message })),
  };
}

/** Writes a pulled page's orders and returns; call inside the page's transaction. */
export async function putHistory(
  db: AisleDb,
  orders: readonly Order[],
  returns: readonly ReturnRecord[],
): Promise<void> {
  if (orders.length > 0) await db.storeOrders.bulkPut(orders.map(historyRecordOfOrder));
  if (returns.length === 0) return;
  const known = await db.storeReturns.bulkGet(returns.map((record) => record.x_external_id));
  await db.storeReturns.bulkPut(
    returns.map((wire, index) => {
      const record = historyRecordOfReturn(wire);
      const mine = known[index];
      if (mine === undefined) return record;
      return {
        ...record,
        items: record.items.map((item, i) => ({ ...item, title: mine.items[i]?.title ?? null })),
        ...(mine.seq === undefined ? {} : { seq: mine.seq }),
      };
    }),
  );
}
