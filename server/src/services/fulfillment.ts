/**
 * Fulfilment requests: made by `createOrder` (in its transaction) for every order with items
 * shipped by carrier or picked up in store, one request per shipping type; read in their wire
 * shape for the store's queue (`GET /v0/stores/{id}/fulfillment_requests`) and the sync pull.
 * Picking, shipping and cancelling are in `fulfillment-pick.ts`.
 */
import type {
  FulfillmentItem,
  FulfillmentRequest,
  FulfillmentState,
} from '../../../src/protocol/fulfillment.ts';
import { FulfillmentPriorities } from '../../../src/protocol/wire-constants.ts';
import type { ShippingType } from '../../../src/protocol/schemas.ts';
import { newId } from '../auth.ts';
import type { StoreDb, Trx } from '../db/database.ts';
import type { FulfillmentItemsTable, FulfillmentRequestsTable } from '../db/tables.ts';
import { notFound } from '../errors.ts';
import { Counters, nextValue } from './counters.ts';
import { storedVerdicts, type SerialVerdict } from './serial-registry.ts';

type Queryable = StoreDb['db'] | Trx;

export interface FulfillmentOrder {
  id: string;
  store_id: string;
  customer_name: string | null;
}

export interface FulfillmentOrderItem {
  id: string;
  product_id: string;
  shipping_type: string;
}

/** Shipping types an associate fulfils later; `in_store_handover` is taken at the till. */
const FULFILLED: ReadonlySet<string> = new Set<ShippingType>([
  'traditional_carrier',
  'in_store_pick_up',
]);

const priorityOf = (shippingType: string): number =>
  shippingType === 'in_store_pick_up'
    ? FulfillmentPriorities.pickUp
    : FulfillmentPriorities.carrier;

/**
 * Creates the order's fulfilment requests (none when every item is taken now). Titles and the
 * serialized flag are copied from the catalog now, so a device picks by what was ordered.
 */
export async function createFulfillmentRequests(
  trx: Trx,
  order: FulfillmentOrder,
  items: readonly FulfillmentOrderItem[],
): Promise<string[]> {
  const toFulfil = items.filter((item) => FULFILLED.has(item.shipping_type));
  // The ingest path: an in-store sale costs no query here.
  if (toFulfil.length === 0) return [];
  const products = await trx
    .selectFrom('products')
    .select(['product_id', 'title', 'serialized'])
    .where('product_id', 'in', [...new Set(toFulfil.map((item) => item.product_id))])
    .execute();
  const byId = new Map(products.map((product) => [product.product_id, product]));
  const now = new Date().toISOString();
  const ids: string[] = [];
  for (const shippingType of [...new Set(toFulfil.map((item) => item.shipping_type))]) {
    const request: FulfillmentRequestsTable = {
      id: newId(),
      order_id: order.id,
      store_id: order.store_id,
      shipping_type: shippingType,
      priority: priorityOf(shippingType),
      state: 'open',
      customer_name: order.customer_name,
      created_at: now,
      updated_at: now,
      change_no: await nextValue(trx, Counters.fulfillmentChange),
      picked_at: null,
      shipped_at: null,
      tracking_code: null,
      carrier: null,
      closed_by: null,
      cancel_reason: null,
    };
    await trx.insertInto('fulfillment_requests').values(request).execute();
    const rows: FulfillmentItemsTable[] = toFulfil
      .filter((item) => item.shipping_type === shippingType)
      .map((item, position) => {
        const product = byId.get(item.product_id);
        return {
          id: newId(),
          request_id: request.id,
          order_item_id: item.id,
          position,
          product_id: item.product_id,
          title: product?.title ?? item.product_id,
          serialized: product?.serialized === 1 ? 1 : 0,
          picked: 0,
          serial_number: null,
          unit_id: null,
          picked_at: null,
          picked_by: null,
          picked_device_id: null,
        };
      });
    await trx.insertInto('fulfillment_items').values(rows).execute();
    ids.push(request.id);
  }
  return ids;
}

function requestQuery(db: Queryable) {
  return db
    .selectFrom('fulfillment_requests as r')
    .innerJoin('orders as o', 'o.id', 'r.order_id')
    .selectAll('r')
    .select('o.external_id as external_order_id');
}

type RequestRow = Awaited<ReturnType<ReturnType<typeof requestQuery>['executeTakeFirstOrThrow']>>;

/** The wire shape of requests, with their items and the registry's verdicts on their serials. */
async function toWire(db: Queryable, rows: readonly RequestRow[]): Promise<FulfillmentRequest[]> {
  if (rows.length === 0) return [];
  const items = await db
    .selectFrom('fulfillment_items')
    .selectAll()
    .where(
      'request_id',
      'in',
      rows.map((row) => row.id),
    )
    .orderBy('request_id')
    .orderBy('position')
    .execute();
  const verdicts = new Map<string, SerialVerdict>();
  for (const orderId of new Set(rows.map((row) => row.order_id))) {
    for (const [itemId, verdict] of await storedVerdicts(db, orderId))
      verdicts.set(itemId, verdict);
  }
  const byRequest = new Map<string, FulfillmentItem[]>();
  for (const item of items) {
    const verdict = item.picked === 1 ? verdicts.get(item.order_item_id) : undefined;
    const list = byRequest.get(item.request_id) ?? [];
    list.push({
      id: item.id,
      order_item_id: item.order_item_id,
      product_id: item.product_id,
      title: item.title,
      serialized: item.serialized === 1,
      picked: item.picked === 1,
      serial_number: item.serial_number,
      picked_at: item.picked_at,
      serial_state: verdict?.state ?? null,
      serial_exception_ids: verdict?.exceptionIds ?? [],
    });
    byRequest.set(item.request_id, list);
  }
  return rows.map((row) => ({
    id: row.id,
    order_id: row.order_id,
    external_order_id: row.external_order_id,
    store_id: row.store_id,
    state: row.state as FulfillmentState,
    priority: Number(row.priority),
    shipping_type: row.shipping_type as ShippingType,
    created_at: row.created_at,
    updated_at: row.updated_at,
    customer_name: row.customer_name,
    tracking_code: row.tracking_code,
    carrier: row.carrier,
    shipped_at: row.shipped_at,
    items: byRequest.get(row.id) ?? [],
  }));
}

/** One request in its wire shape; 404 when there is none. */
export async function readFulfillmentRequest(
  db: Queryable,
  id: string,
): Promise<FulfillmentRequest> {
  const row = await requestQuery(db).where('r.id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFound(`Fulfillment request ${id}`);
  const [request] = await toWire(db, [row]);
  if (request === undefined) throw notFound(`Fulfillment request ${id}`);
  return request;
}

export type FulfillmentStateFilter = FulfillmentState | 'all';

/** A store's queue: priority first (pick-up before carrier), then oldest first. */
export async function listFulfillmentRequests(
  db: Queryable,
  storeId: string,
  state: FulfillmentStateFilter,
  limit: number,
): Promise<FulfillmentRequest[]> {
  let query = requestQuery(db).where('r.store_id', '=', storeId);
  if (state !== 'all') query = query.where('r.state', '=', state);
  const rows = await query
    .orderBy('r.priority', 'desc')
    .orderBy('r.created_at')
    .orderBy('r.id')
    .limit(limit)
    .execute();
  return toWire(db, rows);
}

/**
 * A page of a store's requests changed after a fulfilment change number, oldest change first:
 * the change number of the last one (null when none), and whether more follow.
 */
export async function changedFulfillmentRequests(
  db: Queryable,
  storeId: string,
  afterChange: number,
  pageSize: number,
): Promise<{ requests: FulfillmentRequest[]; lastChange: number | null; more: boolean }> {
  const rows = await requestQuery(db)
    .where('r.store_id', '=', storeId)
    .where('r.change_no', '>', afterChange)
    .orderBy('r.change_no')
    .limit(pageSize + 1)
    .execute();
  const page = rows.slice(0, pageSize);
  const last = page.at(-1);
  return {
    requests: await toWire(db, page),
    lastChange: last === undefined ? null : Number(last.change_no),
    more: rows.length > pageSize,
  };
}
