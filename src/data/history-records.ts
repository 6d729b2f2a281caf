/**
 * The device's history records (DESIGN §10.5) built from the domain's history shapes, with
 * the index fields the history tables need (every serial a record holds).
 */
import type { Sale } from '../domain/sale.ts';
import {
  historyOrderFromSale,
  historyOrderFromWire,
  historyReturnFromWire,
  serialsOf,
  type HistoryReturn,
} from '../domain/store-history.ts';
import type { ReturnRecord } from '../protocol/returns.ts';
import type { Order } from '../protocol/schemas.ts';
import type { HistoryOrderRecord, HistoryReturnRecord } from './types.ts';

export function historyRecordOfSale(sale: Sale): HistoryOrderRecord {
  const order = historyOrderFromSale(sale);
  return { ...order, serials: serialsOf(order.items), source: 'device' };
}

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
