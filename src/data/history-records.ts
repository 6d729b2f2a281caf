/**
 * The device's history records (DESIGN §10.5) built from the domain's history shapes, with
 * the index fields the history tables need (every serial a record holds).
 */
import type { Sale } from '../domain/sale.ts';
import { historyOrderFromSale, serialsOf } from '../domain/sale-history.ts';
import type { HistoryOrderRecord } from './types.ts';

export function historyRecordOfSale(sale: Sale): HistoryOrderRecord {
  const order = historyOrderFromSale(sale);
  return { ...order, serials: serialsOf(order.items), source: 'device' };
}
