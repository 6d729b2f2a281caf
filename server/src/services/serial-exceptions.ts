/**
 * Serial exceptions for a manager: reading them in their wire shape (with both orders'
 * summaries), listing a store's, and resolving one — corrected with the right serial,
 * accepted as is, or voided. Resolution is the same function for `POST
 * /v0/serial-exceptions/{id}/resolve` and the `serial_exception.resolve` sync mutation, runs in
 * the caller's transaction, and checks everything before its first write.
 */
import { describeSerialRefusal } from '../../../src/domain/serial-validation.ts';
import type {
  SerialException,
  SerialExceptionResolve,
  SerialOrderSummary,
} from '../../../src/protocol/serials.ts';
import { foundInStore, newId, requireRole, type Caller } from '../auth.ts';
import type { StoreDb, Trx } from '../db/database.ts';
import { ApiError, notFound } from '../errors.ts';
import { Counters, nextValue } from './counters.ts';
import { activeHolder, currentPattern } from './serial-registry.ts';
import { recordSerialEvent } from './serial-events.ts';

type Queryable = StoreDb['db'] | Trx;

/** The placing order's summary columns (joined as `o`), aliased `o_*` for `orderSummary`. */
export const ORDER_SUMMARY_COLUMNS = [
  'o.id as o_id',
  'o.external_id as o_external_id',
  'o.store_id as o_store_id',
  'o.device_id as o_device_id',
  'o.associate_id as o_associate_id',
  'o.placed_at as o_placed_at',
  'o.created_at as o_created_at',
] as const;

/** The placing order's summary from a row selected with `ORDER_SUMMARY_COLUMNS`. */
export function orderSummary(row: {
  readonly [K in keyof SerialOrderSummary as `o_${K}`]: SerialOrderSummary[K];
}): SerialOrderSummary {
  return {
    id: row.o_id,
    external_id: row.o_external_id,
    store_id: row.o_store_id,
    device_id: row.o_device_id,
    associate_id: row.o_associate_id,
    placed_at: row.o_placed_at,
    created_at: row.o_created_at,
  };
}

/** Exceptions joined with their item, product and both orders; callers add the filters. */
export function exceptionQuery(db: Queryable) {
  return db
    .selectFrom('serial_exceptions as e')
    .innerJoin('order_items as i', 'i.id', 'e.order_item_id')
    .innerJoin('orders as o', 'o.id', 'e.order_id')
    .leftJoin('orders as other', 'other.id', 'e.other_order_id')
    .leftJoin('products as p', 'p.product_id', 'e.product_id')
    .select([
      'e.id',
      'e.kind',
      'e.state',
      'e.store_id',
      'e.product_id',
      'p.title as product_title',
      'e.serial_number',
      'e.order_item_id',
      'i.external_item_id',
      'e.details_json',
      'e.opened_at',
      'e.change_no',
      'e.resolution',
      'e.resolved_serial',
      'e.resolved_by',
      'e.resolved_at',
      'e.note',
      ...ORDER_SUMMARY_COLUMNS,
      'other.id as x_id',
      'other.external_id as x_external_id',
      'other.store_id as x_store_id',
      'other.device_id as x_device_id',
      'other.associate_id as x_associate_id',
      'other.placed_at as x_placed_at',
      'other.created_at as x_created_at',
    ]);
}

export type ExceptionRow = Awaited<
  ReturnType<ReturnType<typeof exceptionQuery>['executeTakeFirstOrThrow']>
>;

/** What a store may know of another store's sale: that it exists, none of its data. */
const IN_ANOTHER_STORE = { in_another_store: true } as const;

/** Facts about the other sale's unit, left out with the rest of it. */
const OTHER_SALE_DETAILS = ['other_order_item_id', 'other_unit_id'];

const inAnotherStore = (row: ExceptionRow): boolean =>
  row.x_id !== null && row.x_store_id !== row.store_id;

function otherOrder(row: ExceptionRow, chainWide: boolean): SerialException['other_order'] {
  if (row.x_id === null) return null;
  if (!chainWide && inAnotherStore(row)) return IN_ANOTHER_STORE;
  return {
    id: row.x_id,
    external_id: row.x_external_id ?? '',
    store_id: row.x_store_id ?? '',
    device_id: row.x_device_id,
    associate_id: row.x_associate_id,
    placed_at: row.x_placed_at,
    created_at: row.x_created_at ?? '',
  };
}

/**
 * An exception in its wire shape. The registry is chain-wide (one serial sold once in the
 * chain), so a duplicate may name another store's sale; unless `chainWide` (an admin), that
 * sale shows only as `{in_another_store: true}`, and the details drop its item and unit ids.
 */
export function toWireException(row: ExceptionRow, chainWide = false): SerialException {
  const details = JSON.parse(row.details_json) as Record<string, unknown>;
  if (!chainWide && inAnotherStore(row)) {
    for (const key of OTHER_SALE_DETAILS) delete details[key];
  }
  return {
    id: row.id,
    kind: row.kind as SerialException['kind'],
    state: row.state as SerialException['state'],
    store_id: row.store_id,
    product_id: row.product_id,
    product_title: row.product_title,
    serial_number: row.serial_number,
    order_item_id: row.order_item_id,
    external_item_id: row.external_item_id,
    order: orderSummary(row),
    other_order: otherOrder(row, chainWide),
    details,
    opened_at: row.opened_at,
    resolution: row.resolution as SerialException['resolution'],
    resolved_serial: row.resolved_serial,
    resolved_by: row.resolved_by,
    resolved_at: row.resolved_at,
    note: row.note,
  };
}

export type ExceptionStateFilter = 'open' | 'resolved' | 'all';

export const MAX_EXCEPTION_LIST = 1000;

/** A store's exceptions (every store's for null), oldest change first. */
export async function listSerialExceptions(
  db: Queryable,
  storeId: string | null,
  state: ExceptionStateFilter,
  limit: number,
  chainWide: boolean,
): Promise<SerialException[]> {
  let query = exceptionQuery(db);
  if (storeId !== null) query = query.where('e.store_id', '=', storeId);
  if (state !== 'all') query = query.where('e.state', '=', state);
  const rows = await query.orderBy('e.change_no').orderBy('e.id').limit(limit).execute();
  return rows.map((row) => toWireException(row, chainWide));
}

async function readException(
  db: Queryable,
  id: string,
  chainWide: boolean,
): Promise<SerialException> {
  const row = await exceptionQuery(db).where('e.id', '=', id).executeTakeFirst();
  if (row === undefined) throw notFound(`Serial exception ${id}`);
  return toWireException(row, chainWide);
}

/** The serial a correction brings, cleaned and checked against the store's pattern now. */
async function correctedSerial(
  trx: Trx,
  storeId: string,
  productId: string,
  unitId: string | null,
  raw: string | undefined,
): Promise<string> {
  if (raw === undefined) {
    throw new ApiError(422, 'invalid_resolution', 'A correction needs the right serial number.', [
      { field: 'serial_number', message: 'is required when resolution is corrected' },
    ]);
  }
  const { validator } = await currentPattern(trx, storeId);
  const verdict = validator.validate(raw);
  if (!verdict.ok && verdict.reason !== 'pattern_unusable') {
    const message = describeSerialRefusal(verdict) ?? 'The serial number is not valid.';
    throw new ApiError(422, 'invalid_serial', message, [{ field: 'serial_number', message }]);
  }
  const holder = await activeHolder(trx, productId, verdict.serial);
  if (holder !== undefined && holder.id !== unitId) {
    const order = await trx
      .selectFrom('orders')
      .select(['external_id', 'store_id'])
      .where('id', '=', holder.order_id)
      .executeTakeFirst();
    if (order !== undefined && order.store_id !== storeId) {
      // Chain-wide registry, store-private sales: say where, not which.
      throw new ApiError(
        409,
        'serial_conflict',
        `Serial ${verdict.serial} is already sold in another store; nothing was changed.`,
        [{ field: 'serial_number', message: 'is held by a sale of another store' }],
        { in_another_store: true },
      );
    }
    const name = order?.external_id ?? holder.order_id;
    throw new ApiError(
      409,
      'serial_conflict',
      `Serial ${verdict.serial} is already sold by order ${name}; nothing was changed.`,
      [{ field: 'serial_number', message: `is held by order ${name} (id ${holder.order_id})` }],
      { order_id: holder.order_id, order_external_id: order?.external_id ?? null },
    );
  }
  return verdict.serial;
}

/**
 * Resolves one exception. Managers of its store (or admins) only; a resolved exception is
 * 409 `already_resolved`; every check comes before the first write, so a refusal changes
 * nothing. Answers the exception as it now stands.
 */
export async function resolveSerialException(
  trx: Trx,
  store: StoreDb,
  caller: Caller,
  exceptionId: string,
  body: SerialExceptionResolve,
): Promise<SerialException> {
  requireRole(caller, 'manager');
  let query = trx.selectFrom('serial_exceptions').selectAll().where('id', '=', exceptionId);
  // Two managers resolving one exception at once: the second waits, then sees it resolved.
  if (store.dialect === 'postgres') query = query.forUpdate();
  const exception = foundInStore(
    caller,
    await query.executeTakeFirst(),
    `Serial exception ${exceptionId}`,
  );
  if (exception.state !== 'open') {
    throw new ApiError(
      409,
      'already_resolved',
      `This exception was already resolved (${exception.resolution ?? 'unknown'}).`,
      [],
      { resolution: exception.resolution },
    );
  }

  const now = new Date().toISOString();
  const serial =
    body.resolution === 'corrected'
      ? await correctedSerial(
          trx,
          exception.store_id,
          exception.product_id,
          exception.unit_id,
          body.serial_number,
        )
      : null;

  let unitId = exception.unit_id;
  if (serial !== null && exception.unit_id !== null) {
    await trx
      .updateTable('serial_units')
      .set({ serial_number: serial, active: 1, state: 'sold', updated_at: now })
      .where('id', '=', exception.unit_id)
      .execute();
  } else if (serial !== null) {
    // A `missing` serial found later: the item gets its unit now, recorded as typed by the manager.
    const version = (await currentPattern(trx, exception.store_id)).configVersion;
    unitId = newId();
    await trx
      .insertInto('serial_units')
      .values({
        id: unitId,
        product_id: exception.product_id,
        serial_number: serial,
        captured_serial_number: serial,
        store_id: exception.store_id,
        order_id: exception.order_id,
        order_item_id: exception.order_item_id,
        state: 'sold',
        active: 1,
        capture_method: 'typed',
        capture_associate_id: caller.userId,
        capture_device_id: null,
        captured_at: now,
        config_version: version,
        created_at: now,
        updated_at: now,
      })
      .execute();
  } else if (body.resolution === 'voided' && exception.unit_id !== null) {
    const voided = await trx
      .updateTable('serial_units')
      .set({ state: 'voided', active: 0, updated_at: now })
      .where('id', '=', exception.unit_id)
      .returning(['product_id', 'serial_number', 'store_id', 'order_id'])
      .executeTakeFirst();
    if (voided !== undefined) {
      await recordSerialEvent(trx, {
        productId: voided.product_id,
        serialNumber: voided.serial_number,
        kind: 'voided',
        storeId: voided.store_id,
        orderId: voided.order_id,
        unitId: exception.unit_id,
        associateId: caller.userId,
        at: now,
      });
    }
  }

  // A corrected or voided unit settles every other problem of that unit too (a serial both
  // duplicated and malformed is fixed by one correction); accepting one does not accept others.
  const settled =
    body.resolution !== 'accepted' && exception.unit_id !== null
      ? await trx
          .selectFrom('serial_exceptions')
          .select('id')
          .where('unit_id', '=', exception.unit_id)
          .where('state', '=', 'open')
          .where('id', '!=', exception.id)
          .orderBy('change_no')
          .execute()
      : [];
  for (const id of [exception.id, ...settled.map((row) => row.id)]) {
    await trx
      .updateTable('serial_exceptions')
      .set({
        state: 'resolved',
        resolution: body.resolution,
        resolved_serial: serial,
        unit_id: unitId,
        resolved_by: caller.userId ?? caller.displayName,
        resolved_at: now,
        note: id === exception.id ? (body.note ?? null) : `settled with exception ${exception.id}`,
        change_no: await nextValue(trx, Counters.serialChange),
      })
      .where('id', '=', id)
      .execute();
  }
  return readException(trx, exception.id, caller.role === 'admin');
}
