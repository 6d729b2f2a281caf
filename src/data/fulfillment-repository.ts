/**
 * Fulfilment on the device: the store's requests cached for offline picking (written by the
 * sync pull), and the associate's picks, completion and shipment — each written with its
 * outbox entry (`fulfillment.pick` / `fulfillment.ship`) in ONE transaction by
 * `fulfillment-actions.ts`, so the screen and the queue never disagree. The server stays the
 * judge: the answer the outbox records for each action settles it or undoes it with the
 * reason whenever a request is read, and an applied answer's copy of the request replaces the
 * device's (`settleFulfillmentResult`).
 */
import {
  actionSeqs,
  reconcileRequest,
  type FulfillmentRecord,
} from '../domain/fulfillment-records.ts';
import type { PickItemView } from '../domain/pick-items.ts';
import type { SerialCaptureInfo } from '../domain/sale.ts';
import type { FulfillmentRequest } from '../protocol/fulfillment.ts';
import { MutationTypes } from '../protocol/wire-constants.ts';
import type { AnswerHandler, AnswerHandlers } from './answer-handlers.ts';
import type { AisleDb } from './db.ts';
import { settled } from './fulfillment-outcomes.ts';

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

/**
 * Picking, completing and shipping load on first use (the pick screen is a lazy chunk too),
 * keeping them off the first paint; pulled requests and answers are handled here.
 */
const actions = () => import('./fulfillment-actions.ts');

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
    // A closed request nothing on this device still waits for is of no more use here, unless
    // the server refused something done on it here: the associate who picked a unit of a
    // cancelled order must still read why (and put the unit back), not "no longer here".
    const done = record.localState === 'shipped' || record.localState === 'cancelled';
    if (done && actionSeqs(record).length === 0 && record.syncError === null) {
      closed.push(record.id);
    } else records.push(record);
  }
  if (records.length > 0) await db.fulfillment.bulkPut(records);
  if (closed.length > 0) await db.fulfillment.bulkDelete(closed);
}

/**
 * The server applied a `fulfillment.*` mutation: its answer is the request as it now stands
 * (with the registry's verdict on each serial), kept at once instead of waiting for the pull.
 * A refusal needs nothing here: reading a request settles its actions by their outbox entries.
 */
const requestAnswer: AnswerHandler<'fulfillment.pick' | 'fulfillment.ship'> = {
  tables: (db) => [db.fulfillment],
  async settle(db, entry, answer) {
    // A replay's stored answer may be older than what the device already holds.
    if (answer.status !== 'applied' || entry.ref === null) return;
    const record = await db.fulfillment.get(entry.ref);
    const body = answer.result;
    if (record === undefined || typeof body !== 'object' || body === null) return;
    if (body.id !== record.id || !Array.isArray(body.items)) return;
    await db.fulfillment.put(reconcileRequest(record, body));
  },
};

export const fulfillmentAnswerHandlers: Pick<
  AnswerHandlers,
  'fulfillment.pick' | 'fulfillment.ship'
> = {
  [MutationTypes.fulfillmentPick]: requestAnswer,
  [MutationTypes.fulfillmentShip]: requestAnswer,
};

export class FulfillmentRepository {
  private readonly _db: AisleDb;

  constructor(db: AisleDb) {
    this._db = db;
  }

  /** Requests still to pick or ship: priority first (pick-up), then newest first. */
  async openRequests(): Promise<FulfillmentRecord[]> {
    const cached = await this._db.fulfillment
      .where('localState')
      .anyOf(['open', 'picked'])
      .toArray();
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
    return (await actions()).pickUnit(this._db, input);
  }

  /** Closes picking once every item is picked; queued like a pick. */
  async completePicking(requestId: string, now: string): Promise<FulfillmentRecord> {
    return (await actions()).completePicking(this._db, requestId, now);
  }

  /** Ships (or hands over for pick-up) a request whose picking is complete. */
  async ship(input: ShipmentInput): Promise<FulfillmentRecord> {
    return (await actions()).shipRequest(this._db, input);
  }
}
