/**
 * `GET /v0/sync/pull`: what a device must know, in resumable pages. Products are read in
 * (change number, product id) order after the position in the cursor, with their current
 * default price in the store's currency and tombstones for deleted ones; the store's
 * effective configuration comes along only when its version is newer than the cursor's, and
 * the store's serial exceptions opened or resolved after the cursor's serial change number,
 * and its fulfilment requests created or changed after the cursor's fulfilment change number.
 * The store's recent orders and returns (DESIGN §10.5) follow by their history change numbers.
 * The cursor is opaque to clients: base64url JSON `{c, p, v, x, f, h, r}` (fields absent in
 * cursors of older servers are read as 0: the device then receives every one once).
 */
import { minor, toDecimal } from '../../../src/domain/money.ts';
import type { PullResponse, PulledProduct } from '../../../src/protocol/sync-protocol.ts';
import { assertStoreAccess, type Caller } from '../auth.ts';
import type { StoreDb } from '../db/database.ts';
import { ApiError } from '../errors.ts';
import { parseIdentifiers, productsWithPrice } from './catalog.ts';
import { effectiveConfig } from './config.ts';
import { changedFulfillmentRequests } from './fulfillment.ts';
import { changedReturns } from './returns.ts';
import { exceptionQuery, toWireException } from './serial-exceptions.ts';
import { changedOrders, historyDays, historySince, HISTORY_PAGE } from './store-history.ts';

export interface PullCursor {
  /** Change number and product id of the last product delivered. */
  c: number;
  p: string;
  /** Configuration version the device has. */
  v: number;
  /** Serial change number of the last serial exception delivered. */
  x: number;
  /** Fulfilment change number of the last fulfilment request delivered. */
  f: number;
  /** History change numbers of the last store order and the last return delivered. */
  h: number;
  r: number;
}

export const START: PullCursor = { c: 0, p: '', v: 0, x: 0, f: 0, h: 0, r: 0 };

export const encodeCursor = (cursor: PullCursor): string =>
  Buffer.from(JSON.stringify(cursor)).toString('base64url');

const badCursor = (): ApiError =>
  new ApiError(
    400,
    'invalid_cursor',
    'The cursor is not one this server issued; pull again without `since`.',
    [{ field: 'since', message: 'is not a valid cursor' }],
  );

export function decodeCursor(text: string | undefined): PullCursor {
  if (text === undefined || text === '') return START;
  if (!/^[A-Za-z0-9_-]+$/.test(text)) throw badCursor();
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw badCursor();
  }
  if (typeof value !== 'object' || value === null) throw badCursor();
  const { c, p, v, x = 0, f = 0, h = 0, r = 0 } = value as Record<string, unknown>;
  const count = (n: unknown): n is number =>
    typeof n === 'number' && Number.isSafeInteger(n) && n >= 0;
  if (
    !count(c) ||
    !count(v) ||
    !count(x) ||
    !count(f) ||
    !count(h) ||
    !count(r) ||
    typeof p !== 'string'
  ) {
    throw badCursor();
  }
  return { c, p, v, x, f, h, r };
}

/** A product's `warranty_months` extended attribute as a whole number of months, or null. */
export function warrantyMonths(attributesJson: string): number | null {
  const attributes = JSON.parse(attributesJson) as { name: string; value: string }[];
  const value = attributes.find((attribute) => attribute.name === 'warranty_months')?.value;
  const months = value === undefined ? NaN : Number(value);
  return Number.isSafeInteger(months) && months > 0 ? months : null;
}

export interface PullInput {
  since?: string;
  limit?: number;
  device_id?: string;
  store_id?: string;
}

export const DEFAULT_PAGE = 1000;
/** Serial exceptions per page: few exist, but a device offline for weeks must not get all at once. */
export const EXCEPTION_PAGE = 500;
/** Fulfilment requests per page, for the same reason. */
export const FULFILLMENT_PAGE = 200;

async function resolveStore(
  store: StoreDb,
  caller: Caller,
  input: PullInput,
): Promise<{ storeId: string; lastApplied?: number }> {
  if (input.device_id !== undefined) {
    const device = await store.db
      .selectFrom('devices')
      .select(['store_id', 'last_applied_seq'])
      .where('device_id', '=', input.device_id)
      .executeTakeFirst();
    if (device === undefined) {
      throw new ApiError(
        404,
        'unknown_device',
        'This device is not registered (POST /v0/devices).',
        [{ field: 'device_id', message: 'is not registered' }],
      );
    }
    assertStoreAccess(caller, device.store_id);
    return { storeId: device.store_id, lastApplied: Number(device.last_applied_seq) };
  }
  const storeId = input.store_id ?? caller.storeId;
  if (storeId === null) {
    throw new ApiError(400, 'invalid_request', 'An admin token must name the store to pull for.', [
      { field: 'store_id', message: 'is required for an admin token without device_id' },
    ]);
  }
  assertStoreAccess(caller, storeId);
  return { storeId };
}

export async function pullChanges(
  store: StoreDb,
  caller: Caller,
  input: PullInput,
): Promise<PullResponse> {
  const cursor = decodeCursor(input.since);
  const limit = input.limit ?? DEFAULT_PAGE;
  const { storeId, lastApplied } = await resolveStore(store, caller, input);
  const storeRow = await store.db
    .selectFrom('stores')
    .select('currency')
    .where('store_id', '=', storeId)
    .executeTakeFirst();
  if (storeRow === undefined) throw new ApiError(404, 'not_found', `There is no store ${storeId}.`);
  const currency = storeRow.currency;

  const rows = await productsWithPrice(store.db, currency)
    .select([
      'products.product_id',
      'products.title',
      'products.brand',
      'products.identifiers_json',
      'products.attributes_json',
      'products.serialized',
      'products.deleted',
      'products.change_no',
      'prices.amount_minor',
    ])
    // A row-value comparison, so both SQLite and PostgreSQL walk the (change_no, product_id) index.
    .where((eb) =>
      eb(
        eb.refTuple('products.change_no', 'products.product_id'),
        '>',
        eb.tuple(cursor.c, cursor.p),
      ),
    )
    .orderBy('products.change_no')
    .orderBy('products.product_id')
    .limit(limit)
    .execute();

  const lastRow = rows.at(-1);
  const next: PullCursor = {
    c: lastRow === undefined ? cursor.c : Number(lastRow.change_no),
    p: lastRow === undefined ? cursor.p : lastRow.product_id,
    v: cursor.v,
    x: cursor.x,
    f: cursor.f,
    h: cursor.h,
    r: cursor.r,
  };
  const remainingRow = await store.db
    .selectFrom('products')
    .select((eb) => eb.fn.countAll().as('n'))
    .where((eb) => eb(eb.refTuple('change_no', 'product_id'), '>', eb.tuple(next.c, next.p)))
    .executeTakeFirstOrThrow();
  const remaining = Number(remainingRow.n);

  const exceptionRows = await exceptionQuery(store.db)
    .where('e.store_id', '=', storeId)
    .where('e.change_no', '>', cursor.x)
    .orderBy('e.change_no')
    .limit(EXCEPTION_PAGE + 1)
    .execute();
  const moreExceptions = exceptionRows.length > EXCEPTION_PAGE;
  const exceptions = exceptionRows.slice(0, EXCEPTION_PAGE);
  const lastException = exceptions.at(-1);
  if (lastException !== undefined) next.x = Number(lastException.change_no);

  const fulfillment = await changedFulfillmentRequests(
    store.db,
    storeId,
    cursor.f,
    FULFILLMENT_PAGE,
  );
  if (fulfillment.lastChange !== null) next.f = fulfillment.lastChange;

  const since = historySince(await historyDays(store.db, storeId));
  const history = await changedOrders(store.db, storeId, cursor.h, since, HISTORY_PAGE);
  if (history.last !== null) next.h = history.last;
  const returns = await changedReturns(store.db, storeId, cursor.r, since, HISTORY_PAGE);
  if (returns.last !== null) next.r = returns.last;

  const envelope = await effectiveConfig(store.db, storeId);
  const configChanged = envelope.version > cursor.v;
  if (configChanged) next.v = envelope.version;

  const products: PulledProduct[] = rows.map((row) => ({
    product_id: row.product_id,
    title: row.title,
    brand: row.brand,
    external_identifiers: row.deleted === 1 ? [] : parseIdentifiers(row.identifiers_json),
    serialized_inventory: row.serialized === 1,
    price:
      row.deleted === 1 || row.amount_minor === null
        ? null
        : toDecimal(minor(Number(row.amount_minor)), currency),
    deleted: row.deleted === 1,
    warranty_months: row.deleted === 1 ? null : warrantyMonths(row.attributes_json),
  }));

  return {
    next_cursor: encodeCursor(next),
    has_more: remaining > 0 || moreExceptions || fulfillment.more || history.more || returns.more,
    products,
    catalog_remaining: remaining,
    config: configChanged ? envelope : null,
    ...(lastApplied === undefined ? {} : { last_applied_seq: lastApplied }),
    fulfillment_requests: fulfillment.requests,
    history_since: since,
    // A device sees its own store's side of the registry only.
    serial_exceptions: exceptions.map((row) => toWireException(row, false)),
    store_orders: history.orders,
    store_returns: returns.returns,
  };
}
