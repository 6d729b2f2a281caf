/**
 * Orders: `createOrder` is the single way an order enters the database — from
 * `POST /v0/d/fulfill_order` and from the `order.create` sync mutation — so later work (the
 * serial registry, exceptions, the money check) hooks in at one place. Idempotent on (store,
 * external_id) by a hash of the canonical request: same content answers the stored order,
 * other content is a 409. Everything is checked before the first write, so a refused order
 * leaves no rows. The pure steps are in `order-plan.ts` and `src/domain/order-money.ts`.
 *
 * The money is reckoned by the server from its catalog and the store's tax rate (DESIGN
 * §10.3), and the order recorded as sent by its token's device and associate: on the API any
 * finding refuses the order (422 for money, 403 for identity); from a device the sale is kept
 * — money changed hands — with each finding stored as a flag for a manager.
 */
import { discountLimits } from '../../../src/domain/discounts.ts';
import {
  addMinor,
  currencyDigits,
  fromDecimal,
  minor,
  toDecimal,
  type Minor,
} from '../../../src/domain/money.ts';
import {
  moneyOrderOf,
  reckonOrder,
  type CatalogEntry,
  type OrderFinding,
  type StoreTerms,
} from '../../../src/domain/order-money.ts';
import type {
  DiscountInfo,
  ErrorDetail,
  Order,
  OrderCreated,
  OrderFlag,
  OrderFlagEntry,
  OrderRequest,
  Payment,
} from '../../../src/protocol/schemas.ts';
import { OrderFlagKinds } from '../../../src/protocol/wire-constants.ts';
import { newId } from '../auth.ts';
import type { StoreDb, Trx } from '../db/database.ts';
import type { OrdersTable, StoresTable } from '../db/tables.ts';
import type { Selectable } from 'kysely';
import { ApiError } from '../errors.ts';
import { contentHash } from './canonical.ts';
import { effectiveConfig } from './config.ts';
import { Counters, nextValue } from './counters.ts';
import { productsWithPrice } from './catalog.ts';
import { createFulfillmentRequests } from './fulfillment.ts';
import { placeInShift } from './shifts.ts';
import { contactFields, orderContacts } from './order-contacts.ts';
import {
  orderRequestProblems,
  planOrderRows,
  recordedIdentity,
  refusalOf,
  unknownProducts,
  type Sender,
} from './order-plan.ts';
import {
  queueReceiptEmail,
  receiptEmailStatuses,
  type ReceiptEmailPolicy,
} from './receipt-email-queue.ts';
import {
  newSerialMemo,
  registerOrderSerials,
  storedVerdicts,
  type SerialMemo,
  type SerialVerdict,
} from './serial-registry.ts';

/** What an order needs of its store: currency, tax rate and price method. */
export type OrderStore = Pick<
  StoresTable,
  'store_id' | 'currency' | 'tax_rate_micros' | 'price_method'
>;

export const ORDER_STORE_COLUMNS = [
  'store_id',
  'currency',
  'tax_rate_micros',
  'price_method',
] as const;

export interface OrderContext {
  /** `sync` keeps a sale whatever its findings (flagged): a sale that took money is a fact. */
  source: 'api' | 'sync';
  /** Who sent it, as the token says: recorded as the order's device and associate. */
  sender: Sender;
  /** The order's store when the caller already read it (a push reads it once per batch). */
  knownStore?: OrderStore;
  /** Serial registry reads shared by the orders of one transaction (a push's batch). */
  serialMemo?: SerialMemo;
  /** Set when this server e-mails receipts: an order with a customer e-mail is queued. */
  receiptEmail?: ReceiptEmailPolicy | null;
}

export interface OrderOutcome {
  created: boolean;
  order: OrderCreated;
}

const invalid = (code: string, message: string, details: ErrorDetail[]): ApiError =>
  new ApiError(422, code, message, details);

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
function customerName(input: OrderRequest, checked: string | null): string | null {
  if (checked !== null) return checked;
  const address = input.shipping_address;
  const name = [address?.first_name, address?.last_name].filter(Boolean).join(' ');
  return name === '' ? null : name;
}

async function orderStore(
  trx: Trx,
  input: OrderRequest,
  known: OrderStore | undefined,
): Promise<OrderStore> {
  const store =
    known?.store_id === input.store_id
      ? known
      : await trx
          .selectFrom('stores')
          .select(ORDER_STORE_COLUMNS)
          .where('store_id', '=', input.store_id)
          .executeTakeFirst();
  if (store === undefined) {
    throw invalid('unknown_store', `There is no store ${input.store_id}.`, [
      { field: 'store_id', message: `no store ${input.store_id} exists` },
    ]);
  }
  return store;
}

/**
 * The catalog's word on the order's products, in one query: each product it holds (deleted
 * ones are not held) with its default price in the store's currency. Also tells the serial
 * memo which are serialized, so the registry asks no second time.
 */
async function catalogOf(
  trx: Trx,
  input: OrderRequest,
  currency: string,
  memo: SerialMemo,
): Promise<Map<string, CatalogEntry>> {
  const ids = [...new Set(input.items.map((item) => item.product_id))];
  const rows = await productsWithPrice(trx, currency)
    .select([
      'products.product_id',
      'products.serialized',
      'products.deleted',
      'prices.amount_minor',
    ])
    .where('products.product_id', 'in', ids)
    .execute();
  const catalog = new Map<string, CatalogEntry>();
  for (const id of ids) memo.serialized.set(id, false);
  for (const row of rows) {
    // A deleted product's units are still registered; its price is no longer the catalog's.
    memo.serialized.set(row.product_id, Number(row.serialized) === 1);
    if (Number(row.deleted) === 1) continue;
    catalog.set(row.product_id, {
      price: row.amount_minor === null ? null : minor(Number(row.amount_minor)),
    });
  }
  return catalog;
}

/**
 * What judges the order's discounts: the users who may approve one in its store (its managers,
 * admins) among those it names, and the seller's own limit from the store's configuration.
 * Read only for an order that carries discounts (most carry none).
 */
async function discountRules(
  trx: Trx,
  input: OrderRequest,
  storeId: string,
  sender: Sender,
): Promise<{ approvers: Set<string>; limitPercent: number }> {
  const infos = input.items.flatMap((item) => [
    ...(item.price.item_discount_info ?? []),
    ...(item.price.item_order_discount_info ?? []),
  ]);
  if (infos.length === 0) return { approvers: new Set(), limitPercent: 0 };
  const named = [
    ...new Set(infos.flatMap((info) => (info.approved_by === undefined ? [] : [info.approved_by]))),
  ];
  const rows =
    named.length === 0
      ? []
      : await trx
          .selectFrom('users')
          .select('user_id')
          .where('user_id', 'in', named)
          .where((eb) =>
            eb.or([
              eb('role', '=', 'admin'),
              eb.and([eb('role', '=', 'manager'), eb('store_id', '=', storeId)]),
            ]),
          )
          .execute();
  const limits = discountLimits((await effectiveConfig(trx, storeId)).config);
  return {
    approvers: new Set(rows.map((row) => row.user_id)),
    limitPercent:
      sender.role === 'associate' ? limits.associateMaxPercent : limits.managerMaxPercent,
  };
}

/** The findings on an order's money and identity, in the order they were found. */
async function findingsOf(
  trx: Trx,
  input: OrderRequest,
  store: OrderStore,
  catalog: ReadonlyMap<string, CatalogEntry>,
  context: OrderContext,
  identityFindings: readonly OrderFinding[],
): Promise<OrderFinding[]> {
  const rules = await discountRules(trx, input, store.store_id, context.sender);
  const terms: StoreTerms = {
    taxRate: Number(store.tax_rate_micros) / 1_000_000,
    priceMethod: store.price_method === 'tax_included' ? 'tax_included' : 'tax_excluded',
    discountLimitPercent: rules.limitPercent,
  };
  const money = reckonOrder(moneyOrderOf(input, catalog, rules.approvers), terms);
  const exchange = await exchangeFindings(trx, input, store.store_id);
  return [...money.findings, ...exchange, ...identityFindings];
}

/**
 * An exchange's credit is money only a return of this store can give: each `exchange` payment
 * names the order's `exchange_for_return_id`, and together they spend exactly the credit that
 * return gave as `exchange` refunds (the device sends the return first, in the same batch or
 * an earlier one).
 */
async function exchangeFindings(
  trx: Trx,
  input: OrderRequest,
  storeId: string,
): Promise<OrderFinding[]> {
  const findings: OrderFinding[] = [];
  const show = (amount: Minor) =>
    toDecimal(amount, input.currency).toFixed(currencyDigits(input.currency));
  const linked = input.exchange_for_return_id ?? null;
  const spent: Array<{ index: number; amount: Minor }> = [];
  (input.payments ?? []).forEach((payment, index) => {
    if (payment.method !== 'exchange') return;
    spent.push({ index, amount: fromDecimal(payment.amount, input.currency) });
    if (linked === null || payment.reference !== linked) {
      findings.push({
        kind: OrderFlagKinds.totalsMismatch,
        field: `payments[${index}].reference`,
        message: `payments[${index}]: ${show(fromDecimal(payment.amount, input.currency))} of exchange credit that does not name the order's exchange_for_return_id.`,
        details: { reference: payment.reference ?? null, exchange_for_return_id: linked },
      });
    }
  });
  if (linked === null) return findings;
  const credit = await trx
    .selectFrom('returns')
    .select(['refunds_json'])
    .where('store_id', '=', storeId)
    .where('x_external_id', '=', linked)
    .executeTakeFirst();
  const claimed = addMinor(...spent.map((entry) => entry.amount));
  if (credit === undefined) {
    findings.push({
      kind: OrderFlagKinds.totalsMismatch,
      field: 'exchange_for_return_id',
      message: `exchange_for_return_id: ${show(claimed)} of exchange credit from return ${linked}, which this store never made.`,
      details: { exchange_for_return_id: linked, claimed: toDecimal(claimed, input.currency) },
    });
    return findings;
  }
  const refunds = JSON.parse(credit.refunds_json) as Array<{ method: string; amount: number }>;
  const given = addMinor(
    ...refunds
      .filter((refund) => refund.method === 'exchange')
      .map((refund) => fromDecimal(refund.amount, input.currency)),
  );
  if (given !== claimed) {
    findings.push({
      kind: OrderFlagKinds.totalsMismatch,
      field: 'payments',
      message: `payments: ${show(claimed)} of exchange credit spent; return ${linked} gave ${show(given)}.`,
      details: {
        claimed: toDecimal(claimed, input.currency),
        expected: toDecimal(given, input.currency),
      },
    });
  }
  return findings;
}

const wireFlag = (finding: OrderFinding): OrderFlag => ({
  kind: finding.kind,
  message: finding.message,
  details: { field: finding.field, ...finding.details },
});

/** On the API: identity findings are 403, money findings 422, before anything is written. */
function refuseFindings(findings: readonly OrderFinding[]): void {
  const identity = findings.filter((f) => f.kind === OrderFlagKinds.identityMismatch);
  if (identity.length > 0) {
    const refusal = refusalOf(
      identity,
      OrderFlagKinds.identityMismatch,
      'The order names another device or associate than this token',
    );
    throw new ApiError(403, refusal.code, refusal.message, refusal.details);
  }
  if (findings.length > 0) {
    const refusal = refusalOf(
      findings,
      OrderFlagKinds.totalsMismatch,
      "The order's money does not add up",
    );
    throw new ApiError(422, refusal.code, refusal.message, refusal.details, {
      flags: findings.map(wireFlag),
    });
  }
}

export async function createOrder(
  trx: Trx,
  input: OrderRequest,
  context: OrderContext,
): Promise<OrderOutcome> {
  const store = await orderStore(trx, input, context.knownStore);
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

  const problems = orderRequestProblems(input, store.currency);
  // A device's sale took money: a bad customer field is dropped there, refused here.
  const contacts = orderContacts(input);
  if (context.source === 'api') problems.push(...contacts.problems);
  if (problems.length > 0) throw invalid('invalid_order', 'The order is not valid.', problems);

  const memo = context.serialMemo ?? newSerialMemo();
  const catalog = await catalogOf(trx, input, store.currency, memo);
  if (context.source === 'api') {
    const unknown = unknownProducts(input, new Set(catalog.keys()));
    if (unknown.length > 0)
      throw invalid('unknown_product', 'The order names unknown products.', unknown);
  }
  const identity = recordedIdentity(input, context.sender);
  const findings = await findingsOf(trx, input, store, catalog, context, identity.findings);
  // A sale names its till's shift; one it may not be counted in is a finding like any other.
  const shift = await placeInShift(trx, input.shift_id, store.store_id, identity.deviceId);
  if (shift.finding !== null) findings.push(shift.finding);
  if (context.source === 'api') refuseFindings(findings);

  const now = new Date().toISOString();
  const orderId = newId();
  const rows = planOrderRows(input, {
    orderId,
    newId,
    contentHash: hash,
    identity,
    contacts,
    now,
  });
  await trx
    .insertInto('orders')
    .values({
      ...rows.order,
      shift_id: shift.shiftId,
      history_change: await nextValue(trx, Counters.historyChange),
    })
    .execute();
  await trx.insertInto('order_items').values(rows.items).execute();
  if (findings.length > 0) {
    await trx
      .insertInto('order_flags')
      .values(
        findings.map((finding, position) => ({
          id: newId(),
          order_id: orderId,
          store_id: input.store_id,
          kind: finding.kind,
          field: finding.field,
          message: finding.message,
          details_json: JSON.stringify(finding.details),
          created_at: now,
          position,
        })),
      )
      .execute();
  }
  // Same transaction: the sale and its serials' registration commit together or not at all.
  const verdicts = await registerOrderSerials(
    trx,
    {
      id: orderId,
      store_id: input.store_id,
      associate_id: identity.associateId,
      device_id: identity.deviceId,
    },
    rows.items.map((item, i) => ({ ...item, serial_capture: identity.captures[i] })),
    memo,
  );
  // Ship and pick-up items become the store's fulfilment requests, in the same transaction.
  await createFulfillmentRequests(
    trx,
    {
      id: orderId,
      store_id: input.store_id,
      customer_name: customerName(input, contacts.customer.name),
    },
    rows.items,
  );
  // The receipt's e-mail is queued with the order: both commit, or neither.
  if (contacts.customer.email !== null && context.receiptEmail != null) {
    const recipient = contacts.customer.email;
    const now = new Date().toISOString();
    await queueReceiptEmail(
      trx,
      { id: orderId, store_id: input.store_id, recipient },
      context.receiptEmail,
      now,
    );
  }

  return {
    created: true,
    order: {
      id: orderId,
      external_id: input.external_id,
      items: rows.items.map((item) => answerItem(item, verdicts.get(item.id))),
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
  const receiptEmail = (await receiptEmailStatuses(store.db, [row.id])).get(row.id);
  const returned = await store.db
    .selectFrom('return_items as ri')
    .innerJoin('returns as r', 'r.id', 'ri.return_id')
    .select(['ri.order_item_id', 'r.id'])
    .where('r.order_id', '=', row.id)
    .orderBy('r.history_change')
    .execute();
  const returnIds = (itemId: string): string[] =>
    returned.filter((entry) => entry.order_item_id === itemId).map((entry) => entry.id);
  const flags = await store.db
    .selectFrom('order_flags')
    .select(['kind', 'field', 'message', 'details_json'])
    .where('order_id', '=', row.id)
    .orderBy('position')
    .execute();
  const decimal = (value: number | Minor): number => toDecimal(minor(Number(value)), row.currency);
  // The discounts as the order carried them, per item (the request is stored whole).
  const request = JSON.parse(row.request_json) as OrderRequest;
  const discountsOf = (externalItemId: string): DiscountInfo[] => {
    const price = request.items.find((item) => item.external_item_id === externalItemId)?.price;
    return [...(price?.item_discount_info ?? []), ...(price?.item_order_discount_info ?? [])];
  };
  return {
    ...orderHeader(row),
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
    flags: flags.map(toWireFlag),
    ...contactFields(row),
    ...(receiptEmail === undefined ? {} : { receipt_email: receiptEmail }),
    exchange_for_return_id: request.exchange_for_return_id ?? null,
  };
}

/** An order's own fields and totals on the wire, as `GET /v0/orders/{id}` and the pull send them. */
export function orderHeader(
  row: Selectable<OrdersTable>,
): Omit<Order, 'items' | 'payments'> & { payments: Payment[] } {
  const decimal = (value: number | Minor): number => toDecimal(minor(Number(value)), row.currency);
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
    payments: JSON.parse(row.payments_json) as Payment[],
  };
}

const toWireFlag = (row: {
  kind: string;
  field: string;
  message: string;
  details_json: string;
}): OrderFlag =>
  wireFlag({
    kind: row.kind as OrderFinding['kind'],
    field: row.field,
    message: row.message,
    details: JSON.parse(row.details_json) as OrderFinding['details'],
  });

export const MAX_FLAG_LIST = 1000;

/** A store's order flags (every store's for null), newest first, with their order's ids. */
export async function listOrderFlags(
  db: StoreDb['db'],
  storeId: string | null,
  limit: number,
): Promise<OrderFlagEntry[]> {
  let query = db
    .selectFrom('order_flags as f')
    .innerJoin('orders as o', 'o.id', 'f.order_id')
    .select([
      'f.id',
      'f.order_id',
      'o.external_id',
      'f.store_id',
      'f.kind',
      'f.field',
      'f.message',
      'f.details_json',
      'f.created_at',
      'o.device_id',
      'o.associate_id',
    ]);
  if (storeId !== null) query = query.where('f.store_id', '=', storeId);
  const rows = await query
    .orderBy('f.created_at', 'desc')
    .orderBy('f.order_id')
    .orderBy('f.position')
    .limit(limit)
    .execute();
  return rows.map((row) => ({
    id: row.id,
    order_id: row.order_id,
    order_external_id: row.external_id,
    store_id: row.store_id,
    device_id: row.device_id,
    associate_id: row.associate_id,
    created_at: row.created_at,
    ...toWireFlag(row),
  }));
}
