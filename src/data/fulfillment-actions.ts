/**
 * What an associate does to a fulfilment request on the device — pick a unit, complete
 * picking, ship or hand over — each written with its outbox entry (`fulfillment.pick` /
 * `fulfillment.ship`) in ONE transaction, so the screen and the queue never disagree. Loaded
 * on first use through `FulfillmentRepository`, off the first paint.
 */
import type { SerialCaptureInfo } from '../domain/sale.ts';
import { serialKey } from '../domain/serial-rules.ts';
import { withState, type FulfillmentRecord } from '../domain/fulfillment-records.ts';
import { pickItems } from '../domain/pick-items.ts';
import type { FulfillmentPickPayload, FulfillmentShipPayload } from '../protocol/fulfillment.ts';
import { MutationTypes } from '../protocol/wire-constants.ts';
import type { AisleDb } from './db.ts';
import { DataError, DataErrorReasons } from './errors.ts';
import { settled } from './fulfillment-outcomes.ts';
import type { PickInput, PickResult, ShipmentInput } from './fulfillment-repository.ts';
import { enqueue, outboxTables } from './outbox-repository.ts';
import { PickMessages } from '../i18n/pick-messages.ts';

const refuse = (message: string): DataError => new DataError(DataErrorReasons.invalid, message);

/**
 * Marks one item picked (with its serial, for a serialized unit) and queues the pick.
 * Refuses a picked or unknown item, a closed request, and a serial this device already
 * picked for another unit of the same product.
 */
export async function pickUnit(db: AisleDb, input: PickInput): Promise<PickResult> {
  return db.transaction('rw', [db.fulfillment, ...outboxTables(db)], async () => {
    const record = await editable(db, input.requestId);
    const item = pickItems(record).find((candidate) => candidate.id === input.itemId);
    if (item === undefined) throw refuse(PickMessages.itemNotInOrder());
    if (item.picked) throw refuse(PickMessages.itemAlreadyPicked(item.title));
    const serial = item.serialized ? (input.serial ?? null) : null;
    if (item.serialized && serial === null) {
      throw new DataError(
        DataErrorReasons.serialMissing,
        PickMessages.serialNeededToPick(item.title),
      );
    }
    if (serial !== null) await assertSerialFree(db, item.productId, serial.serial);
    const payload: FulfillmentPickPayload = {
      request_id: record.id,
      items: [
        {
          id: item.id,
          ...(serial === null
            ? {}
            : {
                serial_number: serial.serial,
                serial_capture: {
                  method: serial.method,
                  captured_at: serial.capturedAt,
                  associate_id: input.associateId,
                  device_id: input.deviceId,
                  ...(serial.configVersion === null
                    ? {}
                    : { config_version: serial.configVersion }),
                },
              }),
        },
      ],
    };
    const seq = await enqueue(db, {
      type: MutationTypes.fulfillmentPick,
      payload,
      ref: record.id,
      now: input.now,
    });
    const { serial: serialNumber = null, ...capture } = serial ?? {};
    const updated = withState({
      ...record,
      localPicks: {
        ...record.localPicks,
        [item.id]: {
          itemId: item.id,
          serial: serialNumber,
          capture: serial === null ? null : (capture as SerialCaptureInfo),
          pickedAt: input.now,
          seq,
        },
      },
    });
    await db.fulfillment.put(updated);
    const picked = pickItems(updated).find((candidate) => candidate.id === item.id) ?? item;
    return { record: updated, item: picked };
  });
}

/** Closes picking once every item is picked; queued like a pick. */
export async function completePicking(
  db: AisleDb,
  requestId: string,
  now: string,
): Promise<FulfillmentRecord> {
  return db.transaction('rw', [db.fulfillment, ...outboxTables(db)], async () => {
    const record = await editable(db, requestId);
    if (record.localState === 'picked') return record;
    const missing = pickItems(record).filter((item) => !item.picked);
    if (missing.length > 0) {
      throw refuse(PickMessages.itemsStillToPick(missing.map((item) => item.title)));
    }
    const payload: FulfillmentPickPayload = { request_id: record.id, items: [], complete: true };
    const seq = await enqueue(db, {
      type: MutationTypes.fulfillmentPick,
      payload,
      ref: record.id,
      now,
    });
    const updated = withState({ ...record, pendingComplete: { seq, at: now }, syncError: null });
    await db.fulfillment.put(updated);
    return updated;
  });
}

/** Ships (or hands over for pick-up) a request whose picking is complete. */
export async function shipRequest(db: AisleDb, input: ShipmentInput): Promise<FulfillmentRecord> {
  return db.transaction('rw', [db.fulfillment, ...outboxTables(db)], async () => {
    const record = await editable(db, input.requestId);
    if (record.localState !== 'picked') throw refuse(PickMessages.completePickingFirst());
    const trackingCode = input.trackingCode?.trim() ?? '';
    const carrier = input.carrier?.trim() ?? '';
    const payload: FulfillmentShipPayload = {
      request_id: record.id,
      ...(trackingCode === '' ? {} : { tracking_code: trackingCode }),
      ...(carrier === '' ? {} : { carrier }),
    };
    const seq = await enqueue(db, {
      type: MutationTypes.fulfillmentShip,
      payload,
      ref: record.id,
      now: input.now,
    });
    const updated = withState({
      ...record,
      pendingShipment: {
        seq,
        at: input.now,
        trackingCode: trackingCode === '' ? null : trackingCode,
        carrier: carrier === '' ? null : carrier,
      },
      syncError: null,
    });
    await db.fulfillment.put(updated);
    return updated;
  });
}

async function editable(db: AisleDb, requestId: string): Promise<FulfillmentRecord> {
  const stored = await db.fulfillment.get(requestId);
  const [record] = stored === undefined ? [] : await settled(db, [stored]);
  if (record === undefined) {
    throw new DataError(DataErrorReasons.notFound, PickMessages.orderGone());
  }
  if (record.localState === 'cancelled') throw refuse(PickMessages.orderCancelled());
  if (record.localState === 'shipped') throw refuse(PickMessages.orderShipped());
  return record;
}

/** One serial of one product is picked once on this device, across every request. */
async function assertSerialFree(db: AisleDb, productId: string, serial: string): Promise<void> {
  const key = serialKey(productId, serial);
  const records = await settled(db, await db.fulfillment.toArray());
  for (const record of records) {
    for (const item of pickItems(record)) {
      if (item.serial !== null && serialKey(item.productId, item.serial) === key) {
        throw new DataError(
          DataErrorReasons.serialDuplicate,
          PickMessages.serialAlreadyPicked(serial, item.title, record.server.external_order_id),
        );
      }
    }
  }
}
