/**
 * The serial registry's ingest side: `registerOrderSerials` runs inside `createOrder`'s
 * transaction for every new order and records each take-now serialized unit. A sale that took
 * money is never refused for its serial: a serial failing the store's CURRENT pattern is kept
 * with an `invalid_format` exception, one already held by another unit is kept inactive with a
 * `duplicate` exception naming both orders, and a unit without a serial opens `missing`.
 * Concurrent sales of one serial are decided by the partial unique index on active units
 * (`INSERT … ON CONFLICT DO NOTHING`): exactly one becomes the active record.
 */
import { sql } from 'kysely';
import { requiresSerialAtCheckout } from '../../../src/domain/serial-rules.ts';
import {
  createSerialValidator,
  type SerialValidator,
} from '../../../src/domain/serial-validation.ts';
import type { SerialCapture } from '../../../src/protocol/schemas.ts';
import type { SerialExceptionKind, SerialItemState } from '../../../src/protocol/serials.ts';
import { newId } from '../auth.ts';
import type { StoreDb, Trx } from '../db/database.ts';
import type { SerialUnitsTable } from '../db/tables.ts';
import { effectiveConfig } from './config.ts';
import { Counters, nextValue } from './counters.ts';
import { HELD_STATES, lastEventKind, recordSerialEvent } from './serial-events.ts';

export interface SerialOrder {
  id: string;
  store_id: string;
  associate_id: string | null;
  device_id: string | null;
}

export interface SerialOrderItem {
  /** The stored order item id. */
  id: string;
  product_id: string;
  shipping_type: string;
  serial_number: string | null;
  serial_capture: SerialCapture | undefined;
}

export interface SerialVerdict {
  state: SerialItemState;
  exceptionIds: string[];
}

/** The pattern a store's serials are judged by now, and the configuration version it came in. */
export interface StorePattern {
  validator: SerialValidator;
  configVersion: number;
}

export async function currentPattern(trx: Trx, storeId: string): Promise<StorePattern> {
  const envelope = await effectiveConfig(trx, storeId);
  const pattern = envelope.config.capabilities?.serialized_inventory?.serial_number_regex;
  return { validator: createSerialValidator(pattern), configVersion: envelope.version };
}

export interface NewException {
  kind: SerialExceptionKind;
  storeId: string;
  productId: string;
  serialNumber: string | null;
  orderId: string;
  otherOrderId?: string | null;
  orderItemId: string;
  unitId: string | null;
  details: Record<string, unknown>;
}

/** Opens an exception with the next serial change number; returns its id. */
export async function openException(trx: Trx, exception: NewException): Promise<string> {
  const id = newId();
  await trx
    .insertInto('serial_exceptions')
    .values({
      id,
      kind: exception.kind,
      state: 'open',
      store_id: exception.storeId,
      product_id: exception.productId,
      serial_number: exception.serialNumber,
      order_id: exception.orderId,
      other_order_id: exception.otherOrderId ?? null,
      order_item_id: exception.orderItemId,
      unit_id: exception.unitId,
      details_json: JSON.stringify(exception.details),
      opened_at: new Date().toISOString(),
      change_no: await nextValue(trx, Counters.serialChange),
      resolution: null,
      resolved_serial: null,
      resolved_by: null,
      resolved_at: null,
      note: null,
    })
    .execute();
  return id;
}

/** The unit holding this serial of this product now, if any. */
export async function activeHolder(
  trx: Trx,
  productId: string,
  serial: string,
): Promise<Pick<SerialUnitsTable, 'id' | 'order_id' | 'order_item_id' | 'state'> | undefined> {
  return trx
    .selectFrom('serial_units')
    .select(['id', 'order_id', 'order_item_id', 'state'])
    .where('product_id', '=', productId)
    .where('serial_number', '=', serial)
    .where('active', '=', 1)
    .executeTakeFirst();
}

/**
 * Inserts the unit as the serial's active record unless another unit holds it. The conflict
 * target repeats the partial index's predicate as a literal: both databases match an ON
 * CONFLICT clause to a partial index only by that predicate, and a bound parameter would not do.
 */
export async function insertActiveUnit(trx: Trx, unit: SerialUnitsTable): Promise<boolean> {
  const inserted = await trx
    .insertInto('serial_units')
    .values({ ...unit, active: 1 })
    .onConflict((conflict) =>
      conflict
        .columns(['product_id', 'serial_number'])
        .where(sql.ref('active'), '=', sql.lit(1))
        .doNothing(),
    )
    .returning('id')
    .executeTakeFirst();
  return inserted !== undefined;
}

/**
 * What one transaction already read, so a push of many sales asks the database once for the
 * store's pattern and once per product. Valid only inside the transaction that made it.
 */
export interface SerialMemo {
  pattern?: StorePattern;
  serialized: Map<string, boolean>;
}

export const newSerialMemo = (): SerialMemo => ({ serialized: new Map() });

async function serializedProducts(
  trx: Trx,
  ids: readonly string[],
  memo: SerialMemo,
): Promise<Set<string>> {
  const unknown = ids.filter((id) => !memo.serialized.has(id));
  if (unknown.length > 0) {
    const rows = await trx
      .selectFrom('products')
      .select('product_id')
      .where('product_id', 'in', unknown)
      .where('serialized', '=', 1)
      .execute();
    const found = new Set(rows.map((row) => row.product_id));
    for (const id of unknown) memo.serialized.set(id, found.has(id));
  }
  return new Set(ids.filter((id) => memo.serialized.get(id) === true));
}

/** The unit a registration created, and the exceptions it opened. */
export interface RegisteredUnit {
  unitId: string;
  exceptionIds: string[];
}

/**
 * Records one serialized unit that carries a serial — taken now at a sale (`sold`), or picked
 * for a fulfilment request (`picked`, same rules) — and returns the unit and its exceptions.
 */
export async function registerUnit(
  trx: Trx,
  order: SerialOrder,
  item: SerialOrderItem,
  serial: string,
  pattern: StorePattern,
  state: 'sold' | 'picked' = 'sold',
): Promise<RegisteredUnit> {
  const exceptions: string[] = [];
  const now = new Date().toISOString();
  const capture = item.serial_capture;
  const unit: SerialUnitsTable = {
    id: newId(),
    product_id: item.product_id,
    serial_number: serial,
    captured_serial_number: serial,
    store_id: order.store_id,
    order_id: order.id,
    order_item_id: item.id,
    state,
    active: 1,
    capture_method: capture?.method ?? null,
    capture_associate_id: capture?.associate_id ?? order.associate_id,
    capture_device_id: capture?.device_id ?? order.device_id,
    captured_at: capture?.captured_at ?? null,
    config_version: capture?.config_version ?? null,
    created_at: now,
    updated_at: now,
  };
  const base = {
    storeId: order.store_id,
    productId: item.product_id,
    serialNumber: serial,
    orderId: order.id,
    orderItemId: item.id,
    unitId: unit.id,
  };

  // A quarantined or scrapped serial that no unit holds (returned without its sale).
  const before = await lastEventKind(trx, item.product_id, serial);
  const holder = await placeUnit(trx, unit);
  await recordSerialEvent(trx, {
    productId: item.product_id,
    serialNumber: serial,
    kind: state,
    storeId: order.store_id,
    deviceId: unit.capture_device_id,
    associateId: unit.capture_associate_id,
    orderId: order.id,
    unitId: unit.id,
    captureMethod: unit.capture_method,
  });
  const verdict = pattern.validator.validate(serial);
  // An unusable stored pattern cannot judge anyone: the serial is registered unjudged.
  if (!verdict.ok && verdict.reason !== 'pattern_unusable') {
    exceptions.push(
      await openException(trx, {
        ...base,
        kind: 'invalid_format',
        details: {
          reason: verdict.reason,
          pattern: pattern.validator.pattern,
          expected: verdict.expected,
          ...(verdict.example === undefined ? {} : { example: verdict.example }),
          server_config_version: pattern.configVersion,
          device_config_version: capture?.config_version ?? null,
        },
      }),
    );
  }
  if (holder !== null) {
    const held = HELD_STATES.has(holder.state);
    exceptions.push(
      await openException(trx, {
        ...base,
        kind: held ? 'quarantined_unit' : 'duplicate',
        otherOrderId: holder.order_id,
        details: {
          other_order_item_id: holder.order_item_id,
          other_unit_id: holder.id,
          ...(held ? { state: holder.state } : {}),
        },
      }),
    );
  } else if (before !== null && HELD_STATES.has(before)) {
    exceptions.push(
      await openException(trx, { ...base, kind: 'quarantined_unit', details: { state: before } }),
    );
  }
  return { unitId: unit.id, exceptionIds: exceptions };
}

/**
 * Stores the unit: as the serial's active record when no other unit holds it (null), else
 * inactive, answering the holder.
 */
async function placeUnit(
  trx: Trx,
  unit: SerialUnitsTable,
): Promise<Pick<SerialUnitsTable, 'id' | 'order_id' | 'order_item_id' | 'state'> | null> {
  // Two attempts: a holder found by the failed insert may have been voided before we read it.
  for (let attempt = 0; attempt < 2; attempt += 1) {
    if (await insertActiveUnit(trx, unit)) return null;
    const holder = await activeHolder(trx, unit.product_id, unit.serial_number);
    if (holder === undefined) continue;
    await trx
      .insertInto('serial_units')
      .values({ ...unit, active: 0 })
      .execute();
    return holder;
  }
  // Only a race on PostgreSQL gets here; a serialization failure makes `inTransaction` run the
  // whole sale again, so it is retried rather than refused.
  throw Object.assign(new Error(`serial registry: unit ${unit.id} raced twice`), { code: '40001' });
}

/**
 * Records the serials of a newly created order (its rows already inserted) and answers each
 * item's verdict. Items needing no serial, or unknown products, get a null state.
 */
export async function registerOrderSerials(
  trx: Trx,
  order: SerialOrder,
  items: readonly SerialOrderItem[],
  memo: SerialMemo = newSerialMemo(),
): Promise<Map<string, SerialVerdict>> {
  const verdicts = new Map<string, SerialVerdict>();
  const serialized = await serializedProducts(
    trx,
    [...new Set(items.map((item) => item.product_id))],
    memo,
  );
  for (const item of items) {
    const takenNow = requiresSerialAtCheckout({
      serialized: serialized.has(item.product_id),
      shippingType: item.shipping_type,
    });
    // A serial on a ship or pick-up line stays on the item but is not registered: the unit
    // is chosen at picking, not at the till.
    if (!takenNow) {
      verdicts.set(item.id, { state: null, exceptionIds: [] });
      continue;
    }
    memo.pattern ??= await currentPattern(trx, order.store_id);
    const pattern = memo.pattern;
    const serial =
      item.serial_number === null ? '' : pattern.validator.validate(item.serial_number).serial;
    const exceptionIds =
      serial === ''
        ? [
            await openException(trx, {
              kind: 'missing',
              storeId: order.store_id,
              productId: item.product_id,
              serialNumber: null,
              orderId: order.id,
              orderItemId: item.id,
              unitId: null,
              details: { shipping_type: item.shipping_type },
            }),
          ]
        : (await registerUnit(trx, order, item, serial, pattern)).exceptionIds;
    verdicts.set(item.id, {
      state: exceptionIds.length > 0 ? 'exception' : 'accepted',
      exceptionIds,
    });
  }
  return verdicts;
}

/** The verdicts of a stored order as they stand now (a replayed injection, reading an order). */
export async function storedVerdicts(
  trx: Trx | StoreDb['db'],
  orderId: string,
): Promise<Map<string, SerialVerdict>> {
  const units = await trx
    .selectFrom('serial_units')
    .select('order_item_id')
    .where('order_id', '=', orderId)
    .execute();
  const exceptions = await trx
    .selectFrom('serial_exceptions')
    .select(['id', 'order_item_id', 'state'])
    .where('order_id', '=', orderId)
    .orderBy('change_no')
    .execute();
  const verdicts = new Map<string, SerialVerdict>();
  for (const unit of units)
    verdicts.set(unit.order_item_id, { state: 'accepted', exceptionIds: [] });
  for (const exception of exceptions) {
    const verdict = verdicts.get(exception.order_item_id) ?? {
      state: 'resolved',
      exceptionIds: [],
    };
    verdict.exceptionIds.push(exception.id);
    if (exception.state === 'open') verdict.state = 'exception';
    else if (verdict.state !== 'exception') verdict.state = 'resolved';
    verdicts.set(exception.order_item_id, verdict);
  }
  return verdicts;
}
