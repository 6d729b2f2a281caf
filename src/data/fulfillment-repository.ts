/**
 * Fulfilment on the device: the store's requests cached for offline picking (written by the
 * sync pull), and the associate's picks, completion and shipment — each written with its
 * outbox entry (`fulfillment.pick` / `fulfillment.ship`) in ONE transaction, so the screen
 * and the queue never disagree. The server stays the judge: the answer the outbox records for
 * each action settles it or undoes it with the reason whenever a request is read, and an
 * applied answer's copy of the request replaces the device's (`settleFulfillmentResult`).
 */
import type { SerialCaptureInfo } from '../domain/sale.ts';
import { serialKey } from '../domain/serial-rules.ts';
import type {
  FulfillmentPickPayload,
  FulfillmentRequest,
  FulfillmentShipPayload,
} from '../protocol/fulfillment.ts';
import type { MutationResult } from '../protocol/sync-protocol.ts';
import { WireMutationTypes as MutationTypes } from '../protocol/wire-constants.ts';
import type { AisleDb } from './db.ts';
import { DataError, DataErrorReasons } from './errors.ts';
import {
  actionSeqs,
  pickItems,
  reconcileRequest,
  settleFromOutbox,
  withState,
  type ActionOutcome,
  type FulfillmentRecord,
  type PickItemView,
} from './fulfillment-records.ts';
import { nextSeq } from './outbox-repository.ts';
import { MetaKeys, OutboxStatuses, type OutboxRecord } from './types.ts';

export interface PickInput {
  readonly requestId: string;
  readonly itemId: string;
  /** The serial of a serialized unit, already checked against the active pattern. */
  readonly serial?: { readonly serial: string } & SerialCaptureInfo;
  readonly associateId: string;
  readonly deviceId: string;
  readonly now: string;
}

export interface PickResult {
  readonly record: FulfillmentRecord;
  readonly item: PickItemView;
}

export interface ShipmentInput {
  readonly requestId: string;
  readonly trackingCode?: string;
  readonly carrier?: string;
  readonly now: string;
}

const refuse = (message: string): DataError => new DataError(DataErrorReasons.invalid, message);

/** What the outbox holds about these seqs, for `settleFromOutbox`. */
async function outcomes(
  db: AisleDb,
  records: readonly FulfillmentRecord[],
): Promise<(seq: number) => ActionOutcome | undefined> {
  const seqs = [...new Set(records.flatMap(actionSeqs))];
  const entries = seqs.length === 0 ? [] : await db.outbox.bulkGet(seqs);
  const bySeq = new Map<number, ActionOutcome>();
  for (const entry of entries) {
    if (entry !== undefined) bySeq.set(entry.seq, { status: entry.status, error: entry.error });
  }
  return (seq) => bySeq.get(seq);
}

async function settled(db: AisleDb, records: FulfillmentRecord[]): Promise<FulfillmentRecord[]> {
  const outcomeOf = await outcomes(db, records);
  return records.map((record) => settleFromOutbox(record, outcomeOf));
}

/**
 * Writes pulled requests over the device's copies, keeping this device's pending actions.
 * Call inside the pull page's transaction (it includes `fulfillment` and `outbox`).
 */
export async function applyPulledRequests(
  db: AisleDb,
  requests: readonly FulfillmentRequest[],
): Promise<void> {
  if (requests.length === 0) return;
  const known = await db.fulfillment.bulkGet(requests.map((request) => request.id));
  const merged = await settled(
    db,
    requests.map((request, index) => reconcileRequest(known[index], request)),
  );
  const records: FulfillmentRecord[] = [];
  const closed: string[] = [];
  for (const record of merged) {
    // A closed request nothing on this device still waits for is of no more use here.
    const done = record.localState === 'shipped' || record.localState === 'cancelled';
    if (done && actionSeqs(record).length === 0) closed.push(record.id);
    else records.push(record);
  }
  if (records.length > 0) await db.fulfillment.bulkPut(records);
  if (closed.length > 0) await db.fulfillment.bulkDelete(closed);
}

/**
 * The server applied a `fulfillment.*` mutation: its answer is the request as it now stands
 * (with the registry's verdict on each serial), kept at once instead of waiting for the pull.
 * Called inside the outbox's answer transaction, which includes `fulfillment`.
 */
export async function settleFulfillmentResult(
  db: AisleDb,
  entry: OutboxRecord,
  result: MutationResult,
): Promise<void> {
  // A replay's stored answer may be older than what the device already holds.
  if (result.status !== 'applied' || entry.ref === null) return;
  const record = await db.fulfillment.get(entry.ref);
  const body = result.result as Partial<FulfillmentRequest> | null | undefined;
  if (record === undefined || typeof body !== 'object' || body === null) return;
  if (body.id !== record.id || !Array.isArray(body.items)) return;
  await db.fulfillment.put(reconcileRequest(record, body as FulfillmentRequest));
}

export class FulfillmentRepository {
  private readonly _db: AisleDb;

  constructor(db: AisleDb) {
    this._db = db;
  }

  /** Requests still to pick or ship: priority first (pick-up), then newest first. */
  async openRequests(): Promise<FulfillmentRecord[]> {
    const cached = await this._db.fulfillment.where('localState').anyOf(['open', 'picked']).toArray();
    const records = (await settled(this._db, cached)).filter(
      (record) => record.localState === 'open' || record.localState === 'picked',
    );
    return records.sort(
      (a, b) => b.priority - a.priority || b.createdAt.localeCompare(a.createdAt),
    );
  }

  /** One request as the associate sees it (its actions settled by the outbox's answers). */
  async get(requestId: string): Promise<FulfillmentRecord | undefined> {
    const record = await this._db.fulfillment.get(requestId);
    return record === undefined ? undefined : (await settled(this._db, [record]))[0];
  }

  /**
   * Marks one item picked (with its serial, for a serialized unit) and queues the pick.
   * Refuses a picked or unknown item, a closed request, and a serial this device already
   * picked for another unit of the same product.
   */
  async pick(input: PickInput): Promise<PickResult> {
    const db = this._db;
    return db.transaction('rw', [db.fulfillment, db.outbox, db.meta], async () => {
      const record = await this._editable(input.requestId);
      const item = pickItems(record).find((candidate) => candidate.id === input.itemId);
      if (item === undefined) throw refuse('That item is not part of this order.');
      if (item.picked) throw refuse(`${item.title} is already picked.`);
      const serial = item.serialized ? (input.serial ?? null) : null;
      if (item.serialized && serial === null) {
        throw new DataError(
          DataErrorReasons.serialMissing,
          `${item.title} needs its serial number before it is picked.`,
        );
      }
      if (serial !== null) await this._assertSerialFree(item.productId, serial.serial);
      const seq = await nextSeq(db);
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
      await this._queue(seq, MutationTypes.fulfillmentPick, payload, record.id, input.now);
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
  async completePicking(requestId: string, now: string): Promise<FulfillmentRecord> {
    const db = this._db;
    return db.transaction('rw', [db.fulfillment, db.outbox, db.meta], async () => {
      const record = await this._editable(requestId);
      if (record.localState === 'picked') return record;
      const missing = pickItems(record).filter((item) => !item.picked);
      if (missing.length > 0) {
        throw refuse(
          `${missing.length} item(s) still to pick: ${missing.map((item) => item.title).join(', ')}.`,
        );
      }
      const seq = await nextSeq(db);
      const payload: FulfillmentPickPayload = { request_id: record.id, items: [], complete: true };
      await this._queue(seq, MutationTypes.fulfillmentPick, payload, record.id, now);
      const updated = withState({ ...record, pendingComplete: { seq, at: now }, syncError: null });
      await db.fulfillment.put(updated);
      return updated;
    });
  }

  /** Ships (or hands over for pick-up) a request whose picking is complete. */
  async ship(input: ShipmentInput): Promise<FulfillmentRecord> {
    const db = this._db;
    return db.transaction('rw', [db.fulfillment, db.outbox, db.meta], async () => {
      const record = await this._editable(input.requestId);
      if (record.localState !== 'picked') throw refuse('Complete picking before shipping.');
      const trackingCode = input.trackingCode?.trim() ?? '';
      const carrier = input.carrier?.trim() ?? '';
      const seq = await nextSeq(db);
      const payload: FulfillmentShipPayload = {
        request_id: record.id,
        ...(trackingCode === '' ? {} : { tracking_code: trackingCode }),
        ...(carrier === '' ? {} : { carrier }),
      };
      await this._queue(seq, MutationTypes.fulfillmentShip, payload, record.id, input.now);
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

  private async _editable(requestId: string): Promise<FulfillmentRecord> {
    const record = await this.get(requestId);
    if (record === undefined) {
      throw new DataError(DataErrorReasons.notFound, 'That order is no longer on this device.');
    }
    if (record.localState === 'cancelled') throw refuse('This order was cancelled.');
    if (record.localState === 'shipped') throw refuse('This order was already shipped.');
    return record;
  }

  /** One serial of one product is picked once on this device, across every request. */
  private async _assertSerialFree(productId: string, serial: string): Promise<void> {
    const key = serialKey(productId, serial);
    const records = await settled(this._db, await this._db.fulfillment.toArray());
    for (const record of records) {
      for (const item of pickItems(record)) {
        if (item.serial !== null && serialKey(item.productId, item.serial) === key) {
          throw new DataError(
            DataErrorReasons.serialDuplicate,
            `Serial ${serial} is already picked for ${item.title} (order ${record.server.external_order_id}).`,
          );
        }
      }
    }
  }

  private async _queue(
    seq: number,
    type: OutboxRecord['type'],
    payload: unknown,
    ref: string,
    now: string,
  ): Promise<void> {
    await this._db.outbox.add({
      seq,
      id: crypto.randomUUID(),
      type,
      payload,
      status: OutboxStatuses.pending,
      createdAt: now,
      ref,
      result: null,
      error: null,
      ackedAt: null,
    });
    await this._db.meta.put({ key: MetaKeys.lastSeq, value: seq });
  }
}
