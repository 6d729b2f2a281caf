/**
 * Orders: `createOrder` is the single way an order enters the database — from
 * `POST /v0/d/fulfill_order` and from the `order.create` sync mutation — so later work (the
 * serial registry, exceptions) hooks in at one place. Idempotent on (store, external_id) by
 * a hash of the canonical request: same content answers the stored order, other content is a
 * 409. Everything is checked before the first write, so a refused order leaves no rows.
 */
import {
  addMinor,
  currencyDigits,
  fromDecimal,
  minor,
  toDecimal,
  type Minor,
} from '../../../src/domain/money.ts';
import type {
  DiscountInfo,
  ErrorDetail,
  Order,
  OrderCreated,
  OrderRequest,
  Payment,
} from '../../../src/protocol/schemas.ts';
import { newId } from '../auth.ts';
import type { StoreDb, Trx } from '../db/database.ts';
import { ApiError } from '../errors.ts';
import { contentHash } from './canonical.ts';
import { Counters, nextValue } from './counters.ts';
import { createFulfillmentRequests } from './fulfillment.ts';
import {
  registerOrderSerials,
  storedVerdicts,
  type SerialMemo,
  type SerialVerdict,
} from './serial-registry.ts';

export interface OrderContext {
  /** `sync` keeps items whose product is unknown: a sale that took money is a fact. */
  source: 'api' | 'sync';
  /** The device that pushed the sale, when it came through sync. */
  deviceId: string | null;
  /** Who sent it; recorded as the associate when the order names none. */
  associateId?: string | null;
  /** The order's store when the caller already read it (a push reads it once per batch). */
  knownStore?: { store_id: string; currency: string };
  /** Serial registry reads shared by the orders of one transaction (a push's batch). */
  serialMemo?: SerialMemo;
}

export interface OrderOutcome {
  created: boolean;
  order: OrderCreated;
}

const invalid = (code: string, message: string, details: ErrorDetail[]): ApiError =>
  new ApiError(422, code, message, details);

function fits(value: number, digits: number): boolean {
  const scaled = value * 10 ** digits;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

/** Amounts with more decimals than the currency has would lose money when stored in minor units. */
function precisionErrors(input: OrderRequest): ErrorDetail[] {
  const digits = currencyDigits(input.currency);
  const details: ErrorDetail[] = [];
  const check = (value: number | undefined, field: string): void => {
    if (value !== undefined && !fits(value, digits)) {
      details.push({ field, message: `has more than ${digits} decimals for ${input.currency}` });
    }
  };
  input.items.forEach((item, i) => {
    check(item.price.item_price, `items[${i}].price.item_price`);
    check(item.price.item_list_price, `items[${i}].price.item_list_price`);
    item.price.item_tax_lines?.forEach((line, j) =>
      check(line.amount, `items[${i}].price.item_tax_lines[${j}].amount`),
    );
  });
  input.payments?.forEach((payment, i) => {
    check(payment.amount, `payments[${i}].amount`);
    check(payment.tendered, `payments[${i}].tendered`);
    check(payment.change, `payments[${i}].change`);
  });
  return details;
}

/** An answer item with the serial registry's verdict on it. */
function answerItem(
  item: { id: string; external_item_id: string; product_id: string; serial_number: string | null },
  verdict: SerialVerdict | undefined,
): OrderCreated['items'][number] {
  return {
    id: item.id,
    external_item_id: item.external_item_id,
    product_id: item.product_id,
    serial_number: item.serial_number,
    serial_state: verdict?.state ?? null,
    serial_exception_ids: verdict?.exceptionIds ?? [],
  };
}

async function storedAnswer(trx: Trx, orderId: string, externalId: string): Promise<OrderCreated> {
  const items = await trx
    .selectFrom('order_items')
    .select(['id', 'external_item_id', 'product_id', 'serial_number'])
    .where('order_id', '=', orderId)
    .orderBy('position')
    .execute();
  const verdicts = await storedVerdicts(trx, orderId);
  return {
    id: orderId,
    external_id: externalId,
    items: items.map((item) => answerItem(item, verdicts.get(item.id))),
  };
}

/** The name a picker calls the customer by: the order's, else the shipping address's. */
function customerName(input: OrderRequest): string | null {
  if (input.customer_name !== undefined && input.customer_name !== '') return input.customer_name;
  const address = input.shipping_address;
  const name = [address?.first_name, address?.last_name].filter(Boolean).join(' ');
  return name === '' ? null : name;
}

export async function createOrder(
  trx: Trx,
  input: OrderRequest,
  context: OrderContext,
): Promise<OrderOutcome> {
  const store =
    context.knownStore?.store_id === input.store_id
      ? context.knownStore
      : await trx
          .selectFrom('stores')
          .select(['store_id', 'currency'])
          .where('store_id', '=', input.store_id)
          .executeTakeFirst();
  if (store === undefined) {
    throw invalid('unknown_store', `There is no store ${input.store_id}.`, [
      { field: 'store_id', message: `no store ${input.store_id} exists` },
    ]);
  }

  const hash = contentHash(input);
  const existing = await trx
    .selectFrom('orders')
    .select(['id', 'content_hash'])
    .where('store_id', '=', input.store_id)
    .where('external_id', '=', input.external_id)
    .executeTakeFirst();
  if (existing !== undefined) {
    if (existing.content_hash !== hash) {
      throw new ApiError(
        409,
        'same_order_injection_with_different_data',
        `Order ${input.external_id} was already injected with different data.`,
        [{ field: 'external_id', message: 'already used by an order with other content' }],
      );
    }
    return { created: false, order: await storedAnswer(trx, existing.id, input.external_id) };
  }

  const details: ErrorDetail[] = [];
  if (input.currency !== store.currency) {
    details.push({ field: 'currency', message: `must be the store currency ${store.currency}` });
  }
  const itemIds = new Map<string, number>();
  input.items.forEach((item, i) => {
    const first = itemIds.get(item.external_item_id);
    if (first === undefined) itemIds.set(item.external_item_id, i);
    else
      details.push({
        field: `items[${i}].external_item_id`,
        message: `duplicates items[${first}]`,
      });
  });
  details.push(...precisionErrors(input));
  if (details.length > 0) throw invalid('invalid_order', 'The order is not valid.', details);

  if (context.source === 'api') {
    const ids = [...new Set(input.items.map((item) => item.product_id))];
    const known = await trx
      .selectFrom('products')
      .select('product_id')
      .where('product_id', 'in', ids)
      .where('deleted', '=', 0)
      .execute();
    const knownIds = new Set(known.map((row) => row.product_id));
    const unknown: ErrorDetail[] = [];
    input.items.forEach((item, i) => {
      if (!knownIds.has(item.product_id)) {
        unknown.push({
          field: `items[${i}].product_id`,
          message: `no product ${item.product_id} exists`,
        });
      }
    });
    if (unknown.length > 0)
      throw invalid('unknown_product', 'The order names unknown products.', unknown);
  }

  const currency = input.currency;
  const orderId = newId();
  const items = input.items.map((item, position) => {
    const tax = addMinor(
      ...(item.price.item_tax_lines ?? []).map((line) => fromDecimal(line.amount, currency)),
    );
    return {
      id: newId(),
      order_id: orderId,
      position,
      external_item_id: item.external_item_id,
      product_id: item.product_id,
      item_price_minor: fromDecimal(item.price.item_price, currency),
      list_price_minor:
        item.price.item_list_price === undefined
          ? null
          : fromDecimal(item.price.item_list_price, currency),
      tax_minor: tax,
      tax_lines_json: JSON.stringify(item.price.item_tax_lines ?? []),
      shipping_type: item.shipping_type,
      serial_number: item.serial_number ?? null,
      serial_capture_json:
        item.serial_capture === undefined ? null : JSON.stringify(item.serial_capture),
    };
  });
  const subtotal = addMinor(...items.map((item) => minor(item.item_price_minor)));
  const tax = addMinor(...items.map((item) => minor(item.tax_minor)));
  const priceMethod = input.price_method ?? 'tax_excluded';
  const associateId = input.associate_id ?? context.associateId ?? null;
  const deviceId = input.device_id ?? context.deviceId;

  await trx
    .insertInto('orders')
    .values({
      id: orderId,
      store_id: input.store_id,
      external_id: input.external_id,
      content_hash: hash,
      channel_type: input.channel_type ?? 'store',
      currency,
      price_method: priceMethod,
      placed_at: input.placed_at ?? null,
      created_at: new Date().toISOString(),
      associate_id: associateId,
      device_id: deviceId,
      status: 'completed',
      subtotal_minor: subtotal,
      tax_minor: tax,
      total_minor: priceMethod === 'tax_included' ? subtotal : addMinor(subtotal, tax),
      payments_json: JSON.stringify(input.payments ?? []),
      request_json: JSON.stringify(input),
      history_change: await nextValue(trx, Counters.historyChange),
    })
    .execute();
  await trx.insertInto('order_items').values(items).execute();
  // Same transaction: the sale and its serials' registration commit together or not at all.
  const verdicts = await registerOrderSerials(
    trx,
    { id: orderId, store_id: input.store_id, associate_id: associateId, device_id: deviceId },
    items.map((item, i) => ({ ...item, serial_capture: input.items[i]?.serial_capture })),
    context.serialMemo,
  );
  // Ship and pick-up items become the store's fulfilment requests, in the same transaction.
  await createFulfillmentRequests(
    trx,
    { id: orderId, store_id: input.store_id, customer_name: customerName(input) },
    items,
  );

  return {
    created: true,
    order: {
      id: orderId,
      external_id: input.external_id,
      items: items.map((item) => answerItem(item, verdicts.get(item.id))),
    },
  };
}

export type OrderKey = { id: string } | { externalId: string };

/** One order with items, titles and totals; `storeId` null means any store (admin). */
export async function findOrder(
  store: StoreDb,
  key: OrderKey,
  storeId: string | null,
): Promise<Order | null> {
  let query = store.db.selectFrom('orders').selectAll();
  query =
    'id' in key ? query.where('id', '=', key.id) : query.where('external_id', '=', key.externalId);
  if (storeId !== null) query = query.where('store_id', '=', storeId);
  const row = await query.orderBy('created_at').executeTakeFirst();
  if (row === undefined) return null;
  const items = await store.db
    .selectFrom('order_items')
    .leftJoin('products', 'products.product_id', 'order_items.product_id')
    .select([
      'order_items.id',
      'order_items.external_item_id',
      'order_items.product_id',
      'products.title',
      'order_items.item_price_minor',
      'order_items.list_price_minor',
      'order_items.tax_minor',
      'order_items.shipping_type',
      'order_items.serial_number',
    ])
    .where('order_items.order_id', '=', row.id)
    .orderBy('order_items.position')
    .execute();
  const verdicts = await storedVerdicts(store.db, row.id);
  const returned = await store.db
    .selectFrom('return_items as ri')
    .innerJoin('returns as r', 'r.id', 'ri.return_id')
    .select(['ri.order_item_id', 'r.id'])
    .where('r.order_id', '=', row.id)
    .orderBy('r.history_change')
    .execute();
  const returnIds = (itemId: string): string[] =>
    returned.filter((entry) => entry.order_item_id === itemId).map((entry) => entry.id);
  const decimal = (value: number | Minor): number => toDecimal(minor(Number(value)), row.currency);
  // The discounts as the order carried them, per item (the request is stored whole).
  const request = JSON.parse(row.request_json) as OrderRequest;
  const discountsOf = (externalItemId: string): DiscountInfo[] => {
    const price = request.items.find((item) => item.external_item_id === externalItemId)?.price;
    return [...(price?.item_discount_info ?? []), ...(price?.item_order_discount_info ?? [])];
  };
  return {
    id: row.id,
    external_id: row.external_id,
    store_id: row.store_id,
    channel_type: row.channel_type,
    currency: row.currency,
    price_method: row.price_method,
    placed_at: row.placed_at,
    created_at: row.created_at,
    associate_id: row.associate_id,
    device_id: row.device_id,
    status: row.status,
    totals: {
      subtotal: decimal(row.subtotal_minor),
      tax: decimal(row.tax_minor),
      total: decimal(row.total_minor),
    },
    items: items.map((item) => ({
      id: item.id,
      external_item_id: item.external_item_id,
      product_id: item.product_id,
      title: item.title,
      item_price: decimal(item.item_price_minor),
      ...(item.list_price_minor === null
        ? {}
        : { item_list_price: decimal(item.list_price_minor) }),
      discounts: discountsOf(item.external_item_id),
      tax: decimal(item.tax_minor),
      shipping_type: item.shipping_type as Order['items'][number]['shipping_type'],
      serial_number: item.serial_number,
      serial_state: verdicts.get(item.id)?.state ?? null,
      serial_exception_ids: verdicts.get(item.id)?.exceptionIds ?? [],
      return_ids: returnIds(item.id),
    })),
    payments: JSON.parse(row.payments_json) as Payment[],
  };
}
