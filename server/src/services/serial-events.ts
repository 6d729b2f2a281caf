/**
 * The append-only history of each (product, serial) (DESIGN §10.1): every sale, pick,
 * shipment, return, quarantine, release and scrap writes one event in the transaction that
 * does it, so a serial's history explains its state and its last event IS its state.
 */
import type { SerialState } from '../../../src/protocol/wire-constants.ts';
import { newId } from '../auth.ts';
import type { StoreDb, Trx } from '../db/database.ts';
import type { SerialEventsTable } from '../db/tables.ts';

export interface NewSerialEvent {
  productId: string;
  serialNumber: string;
  kind: SerialState;
  storeId: string;
  deviceId?: string | null;
  associateId?: string | null;
  orderId?: string | null;
  returnId?: string | null;
  unitId?: string | null;
  captureMethod?: string | null;
  details?: Record<string, unknown>;
  at?: string;
}

/**
 * Orders the events of one transaction, which share a timestamp; across transactions (and
 * server processes) the timestamp orders them.
 */
let sequence = 0;

export async function recordSerialEvent(trx: Trx, event: NewSerialEvent): Promise<void> {
  sequence += 1;
  await trx
    .insertInto('serial_events')
    .values({
      id: newId(),
      product_id: event.productId,
      serial_number: event.serialNumber,
      kind: event.kind,
      store_id: event.storeId,
      device_id: event.deviceId ?? null,
      associate_id: event.associateId ?? null,
      order_id: event.orderId ?? null,
      return_id: event.returnId ?? null,
      unit_id: event.unitId ?? null,
      capture_method: event.captureMethod ?? null,
      details_json: JSON.stringify(event.details ?? {}),
      at: event.at ?? new Date().toISOString(),
      seq: sequence,
    })
    .execute();
}

/** Every event of a serial (of one product, or of any), oldest first. */
export function serialEvents(
  db: Trx | StoreDb['db'],
  serial: string,
  productId?: string,
): Promise<SerialEventsTable[]> {
  let query = db.selectFrom('serial_events').selectAll().where('serial_number', '=', serial);
  if (productId !== undefined) query = query.where('product_id', '=', productId);
  return query.orderBy('at').orderBy('seq').execute();
}

/** The serial's state now: its last event's kind, or null when it has none. */
export async function lastEventKind(
  trx: Trx,
  productId: string,
  serial: string,
): Promise<string | null> {
  const row = await trx
    .selectFrom('serial_events')
    .select('kind')
    .where('serial_number', '=', serial)
    .where('product_id', '=', productId)
    .orderBy('at', 'desc')
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  return row?.kind ?? null;
}

/**
 * Where a (product, serial) stands now: the state of the unit holding it when one does (a
 * later duplicate sale does not change that), else its last event's kind; null when unknown.
 */
export async function currentSerialState(
  trx: Trx | StoreDb['db'],
  productId: string,
  serial: string,
): Promise<{ state: string; storeId: string } | null> {
  const holder = await trx
    .selectFrom('serial_units')
    .select(['state', 'store_id'])
    .where('product_id', '=', productId)
    .where('serial_number', '=', serial)
    .where('active', '=', 1)
    .executeTakeFirst();
  if (holder !== undefined) return { state: holder.state, storeId: holder.store_id };
  const last = await trx
    .selectFrom('serial_events')
    .select(['kind', 'store_id'])
    .where('serial_number', '=', serial)
    .where('product_id', '=', productId)
    .orderBy('at', 'desc')
    .orderBy('seq', 'desc')
    .executeTakeFirst();
  return last === undefined ? null : { state: last.kind, storeId: last.store_id };
}

/** States in which the unit must not be sold: a sale opens `quarantined_unit`. */
export const HELD_STATES: ReadonlySet<string> = new Set(['quarantined', 'scrapped']);
