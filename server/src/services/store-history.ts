/**
 * The store's recent orders and returns for the sync pull (DESIGN §10.5): every device of a
 * store holds the last `capabilities.returns.history_days` (default 90) of them, delivered
 * after a cursor by their history change number (taken under the counter's row lock in the
 * order's or return's own transaction, so numbers become visible in order). An order takes a
 * new number when its e-mailed receipt is settled (sent, failed, uncertain), so devices see
 * that too; the customer's contact details are left out of what devices receive.
 */
import { minor, toDecimal } from '../../../src/domain/money.ts';
import type { Order } from '../../../src/protocol/schemas.ts';
import type { StoreDb } from '../db/database.ts';
import { effectiveConfig } from './config.ts';
import { orderHeader } from './orders.ts';
import { receiptEmailStatuses } from './receipt-email-queue.ts';

export const DEFAULT_HISTORY_DAYS = 90;
/** Orders per pull page: a first download of a busy store's 90 days comes in many pages. */
export const HISTORY_PAGE = 500;

/** The history window of a store: its configured days, or the default. */
export async function historyDays(db: StoreDb['db'], storeId: string): Promise<number> {
  const envelope = await effectiveConfig(db, storeId);
  const days = envelope.config.capabilities?.returns?.history_days;
  return typeof days === 'number' && Number.isSafeInteger(days) && days > 0
    ? days
    : DEFAULT_HISTORY_DAYS;
}

export const historySince = (days: number, now = Date.now()): string =>
  new Date(now - days * 24 * 60 * 60 * 1000).toISOString();

/** Orders after a history change number, of the window, in the wire shape of `GET /v0/orders/{id}`. */
export async function changedOrders(
  db: StoreDb['db'],
  storeId: string,
  after: number,
  since: string,
  limit: number,
): Promise<{ orders: Order[]; last: number | null; more: boolean }> {
  const rows = await db
    .selectFrom('orders')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('history_change', '>', after)
    .where('created_at', '>=', since)
    .orderBy('history_change')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  const ids = page.map((row) => row.id);
  const items =
    ids.length === 0
      ? []
      : await db
          .selectFrom('order_items')
          .leftJoin('products', 'products.product_id', 'order_items.product_id')
          .select([
            'order_items.id',
            'order_items.order_id',
            'order_items.external_item_id',
            'order_items.product_id',
            'products.title',
            'order_items.item_price_minor',
            'order_items.tax_minor',
            'order_items.shipping_type',
            'order_items.serial_number',
          ])
          .where('order_items.order_id', 'in', ids)
          .orderBy('order_items.order_id')
          .orderBy('order_items.position')
          .execute();
  // The receipt's e-mail state, not the customer: devices keep no customers' contact details.
  const receiptEmails = await receiptEmailStatuses(db, ids);
  const byOrder = new Map<string, typeof items>();
  for (const item of items) {
    const list = byOrder.get(item.order_id) ?? [];
    list.push(item);
    byOrder.set(item.order_id, list);
  }
  const orders = page.map((row): Order => {
    const decimal = (value: number): number => toDecimal(minor(Number(value)), row.currency);
    return {
      ...orderHeader(row),
      items: (byOrder.get(row.id) ?? []).map((item) => ({
        id: item.id,
        external_item_id: item.external_item_id,
        product_id: item.product_id,
        title: item.title,
        item_price: decimal(item.item_price_minor),
        tax: decimal(item.tax_minor),
        shipping_type: item.shipping_type as Order['items'][number]['shipping_type'],
        serial_number: item.serial_number,
      })),
      ...(receiptEmails.has(row.id) ? { receipt_email: receiptEmails.get(row.id) } : {}),
    };
  });
  return {
    orders,
    last: page.length === 0 ? null : Number(page.at(-1)?.history_change),
    more: rows.length > limit,
  };
}
