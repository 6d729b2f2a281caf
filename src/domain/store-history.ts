/**
 * The store's recent sales and returns as a device holds them (DESIGN §10.5): its own sales
 * and the store's orders and returns pulled from the server, in one shape, so a return, an
 * exchange, a serial lookup and the "already sold here" check work offline on any device of
 * the store. Pure: built from a device's sale or a pulled order / return, and read back as
 * "which units of this sale are still returnable" and "where does this serial stand".
 */
import type { Order, Payment } from '../protocol/schemas.ts';
import type { ReturnRecord } from '../protocol/returns.ts';
import type { ReceiptEmailState, ReturnCondition } from '../protocol/wire-constants.ts';
import type { PriceMethod } from './cart-totals.ts';
import { fromDecimal, type Minor } from './money.ts';
import { receiptNumber } from './receipt-number.ts';
import { unitPaid, type RefundTenderMethod, type TenderAmount } from './refund.ts';
import { cleanScannedText } from './serial-cleaning.ts';

// A sale made on this device enters the history at once, on the first paint's code path.
export { historyOrderFromSale, serialsOf } from './sale-history.ts';

export interface HistoryItem {
  /** The order's own item number (`external_item_id`): known on every device, synced or not. */
  readonly externalItemId: string;
  /** The server's order item id, once the server has the order. */
  readonly itemId: string | null;
  readonly productId: string;
  readonly title: string;
  /** After the unit's discounts, before tax when the store adds tax. */
  readonly price: Minor;
  readonly tax: Minor;
  /** What the customer paid for the unit (see `unitPaid`). */
  readonly paid: Minor;
  readonly serial: string | null;
  readonly shippingType: string;
}

export interface HistoryOrder {
  /** The sale's id on the device that made it: the order's `external_id`, on its receipt. */
  readonly externalId: string;
  readonly orderId: string | null;
  readonly receipt: string;
  readonly storeId: string;
  readonly placedAt: string;
  readonly deviceId: string | null;
  readonly associateId: string | null;
  readonly currency: string;
  readonly priceMethod: PriceMethod;
  readonly items: readonly HistoryItem[];
  /** The tenders, net of change given. */
  readonly payments: readonly TenderAmount[];
  readonly total: Minor;
  /** Where its e-mailed receipt stands, as the server last said (pulled orders only). */
  readonly receiptEmail?: ReceiptEmailReport;
}

/** The server's word on an order's e-mailed receipt (`receipt_email` of the wire order). */
export interface ReceiptEmailReport {
  readonly state: ReceiptEmailState;
  readonly error: string | null;
  readonly sentAt: string | null;
}

export interface HistoryReturnItem {
  readonly externalItemId: string | null;
  readonly productId: string;
  readonly title: string | null;
  readonly serial: string | null;
  readonly condition: ReturnCondition;
  readonly reason: string;
  readonly refund: Minor;
}

export interface HistoryReturn {
  /** The return's own id (`x_external_id`), made on the device that took it. */
  readonly returnId: string;
  readonly orderExternalId: string | null;
  readonly storeId: string;
  readonly returnedAt: string;
  readonly deviceId: string | null;
  readonly associateId: string | null;
  readonly currency: string;
  readonly items: readonly HistoryReturnItem[];
  readonly refunds: readonly TenderAmount[];
  readonly approvedBy: string | null;
}

const tenderMethod = (method: string): RefundTenderMethod =>
  method === 'card' || method === 'exchange' ? method : 'cash';

function tendersOf(payments: readonly Payment[], currency: string): TenderAmount[] {
  return payments.map((payment) => ({
    method: tenderMethod(payment.method),
    reference: payment.method === 'cash' ? null : (payment.reference ?? null),
    amount: fromDecimal(payment.amount, currency),
  }));
}

/** An order of the store as the server sent it. */
export function historyOrderFromWire(order: Order): HistoryOrder {
  const { currency } = order;
  const priceMethod: PriceMethod =
    order.price_method === 'tax_included' ? 'tax_included' : 'tax_excluded';
  return {
    externalId: order.external_id,
    orderId: order.id,
    receipt: receiptNumber(order.external_id),
    storeId: order.store_id,
    placedAt: order.placed_at ?? order.created_at,
    deviceId: order.device_id,
    associateId: order.associate_id,
    currency,
    priceMethod,
    items: order.items.map((item) => {
      const price = fromDecimal(item.item_price, currency);
      const tax = fromDecimal(item.tax, currency);
      return {
        externalItemId: item.external_item_id,
        itemId: item.id,
        productId: item.product_id,
        title: item.title ?? item.product_id,
        price,
        tax,
        paid: unitPaid({ price, tax }, priceMethod),
        serial: item.serial_number,
        shippingType: item.shipping_type,
      };
    }),
    payments: tendersOf(order.payments, currency),
    total: fromDecimal(order.totals.total, currency),
    ...(order.receipt_email === undefined
      ? {}
      : {
          receiptEmail: {
            state: order.receipt_email.state,
            error: order.receipt_email.last_error,
            sentAt: order.receipt_email.sent_at,
          },
        }),
  };
}

/** A return of the store as the server sent it. */
export function historyReturnFromWire(record: ReturnRecord): HistoryReturn {
  const { currency } = record;
  return {
    returnId: record.x_external_id,
    orderExternalId: record.order_external_id,
    storeId: record.store_id,
    returnedAt: record.returned_at,
    deviceId: record.device_id,
    associateId: record.associate_id,
    currency,
    items: record.items.map((item) => ({
      externalItemId: item.external_item_id,
      productId: item.product_id,
      title: null,
      serial: item.serial_number,
      condition: item.condition,
      reason: item.reason,
      refund: fromDecimal(item.refund_amount, currency),
    })),
    refunds: record.refunds.map((refund) => ({
      method: refund.method,
      reference: refund.reference ?? null,
      amount: fromDecimal(refund.amount, currency),
    })),
    approvedBy: record.approval?.manager_id ?? null,
  };
}

export interface ReturnableUnit {
  readonly item: HistoryItem;
  /** The return that already took this unit back, or null when it may come back now. */
  readonly returnedBy: HistoryReturn | null;
}

/** Each unit of an order with the return that took it back, if one did. */
export function returnableUnits(
  order: HistoryOrder,
  returns: readonly HistoryReturn[],
): ReturnableUnit[] {
  const taken = new Map<string, HistoryReturn>();
  for (const record of [...returns].sort((a, b) => a.returnedAt.localeCompare(b.returnedAt))) {
    if (record.orderExternalId !== order.externalId) continue;
    for (const item of record.items) {
      if (item.externalItemId !== null && !taken.has(item.externalItemId)) {
        taken.set(item.externalItemId, record);
      }
    }
  }
  return order.items.map((item) => ({ item, returnedBy: taken.get(item.externalItemId) ?? null }));
}

/** All refunds the order's earlier returns paid out, for the tenders still refundable. */
export function refundsOf(order: HistoryOrder, returns: readonly HistoryReturn[]): TenderAmount[] {
  return returns
    .filter((record) => record.orderExternalId === order.externalId)
    .flatMap((record) => record.refunds);
}

export const SerialTimelineKinds = {
  sold: 'sold',
  returned: 'returned',
  quarantined: 'quarantined',
} as const;
export type SerialTimelineKind = (typeof SerialTimelineKinds)[keyof typeof SerialTimelineKinds];

export interface SerialEvent {
  readonly kind: SerialTimelineKind;
  readonly at: string;
  readonly productId: string;
  readonly storeId: string;
  readonly deviceId: string | null;
  readonly orderExternalId: string | null;
  readonly returnId: string | null;
  readonly receipt: string | null;
}

/**
 * What the device knows of one serial: its sales and returns, oldest first, and where it
 * stands now (the last event; null when the device knows nothing of it).
 */
export function serialTimeline(
  serial: string,
  orders: readonly HistoryOrder[],
  returns: readonly HistoryReturn[],
): { readonly events: SerialEvent[]; readonly state: SerialTimelineKind | null } {
  const wanted = cleanScannedText(serial).text;
  const same = (value: string | null) => value !== null && cleanScannedText(value).text === wanted;
  const events: SerialEvent[] = [];
  for (const order of orders) {
    for (const item of order.items) {
      if (!same(item.serial) || item.shippingType !== 'in_store_handover') continue;
      events.push({
        kind: 'sold',
        at: order.placedAt,
        productId: item.productId,
        storeId: order.storeId,
        deviceId: order.deviceId,
        orderExternalId: order.externalId,
        returnId: null,
        receipt: order.receipt,
      });
    }
  }
  for (const record of returns) {
    for (const item of record.items) {
      if (!same(item.serial)) continue;
      events.push({
        kind: item.condition === 'resellable' ? 'returned' : 'quarantined',
        at: record.returnedAt,
        productId: item.productId,
        storeId: record.storeId,
        deviceId: record.deviceId,
        orderExternalId: record.orderExternalId,
        returnId: record.returnId,
        receipt: record.orderExternalId === null ? null : receiptNumber(record.orderExternalId),
      });
    }
  }
  events.sort((a, b) => a.at.localeCompare(b.at));
  return { events, state: events.at(-1)?.kind ?? null };
}

/** The sale a serial was last sold in and not returned since: what the till warns about. */
export function lastUnreturnedSale(
  productId: string,
  serial: string,
  orders: readonly HistoryOrder[],
  returns: readonly HistoryReturn[],
): SerialEvent | null {
  const { events } = serialTimeline(serial, orders, returns);
  const mine = events.filter((event) => event.productId === productId);
  const last = mine.at(-1);
  return last?.kind === 'sold' ? last : null;
}

/** Warranty end: `months` after the sale, same day of month (clamped to the month's end). */
export function warrantyEnd(soldAt: string, months: number | null): string | null {
  if (months === null || months <= 0) return null;
  const sold = new Date(soldAt);
  if (Number.isNaN(sold.getTime())) return null;
  const end = new Date(Date.UTC(sold.getUTCFullYear(), sold.getUTCMonth() + months, 1));
  const lastDay = new Date(Date.UTC(end.getUTCFullYear(), end.getUTCMonth() + 1, 0)).getUTCDate();
  end.setUTCDate(Math.min(sold.getUTCDate(), lastDay));
  return end.toISOString().slice(0, 10);
}
