/**
 * Fulfilment requests as the device keeps them: the server's copy (as last pulled or answered)
 * plus what this device did that the server has not confirmed yet — picks, completing, a
 * shipment — each with the outbox `seq` that carries it. `reconcileRequest` merges a newer
 * server copy with those pending actions; it is pure, so its rules have a table-driven test.
 */
import type { SerialCaptureInfo } from './sale.ts';
import type { FulfillmentRequest, FulfillmentState } from '../protocol/fulfillment.ts';

export interface LocalPick {
  readonly itemId: string;
  readonly serial: string | null;
  readonly capture: SerialCaptureInfo | null;
  readonly pickedAt: string;
  readonly seq: number;
}

export interface PendingAction {
  readonly seq: number;
  readonly at: string;
}

export interface PendingShipment extends PendingAction {
  readonly trackingCode: string | null;
  readonly carrier: string | null;
}

export interface FulfillmentRecord {
  readonly id: string;
  /** The request as the server last described it. */
  readonly server: FulfillmentRequest;
  /** Picks made here and not yet confirmed, by item id. */
  readonly localPicks: Readonly<Record<string, LocalPick>>;
  readonly pendingComplete: PendingAction | null;
  readonly pendingShipment: PendingShipment | null;
  /** The server's last refusal of this device's action on the request, said to the associate. */
  readonly syncError: string | null;
  /** The state the associate sees (indexed: the pick list shows `open` and `picked`). */
  readonly localState: FulfillmentState;
  readonly priority: number;
  readonly createdAt: string;
}

/** The state shown: the server's closing word wins, then this device's pending actions. */
export function localStateOf(
  record: Pick<FulfillmentRecord, 'server' | 'pendingComplete' | 'pendingShipment'>,
): FulfillmentState {
  const state = record.server.state;
  if (state === 'cancelled' || state === 'shipped') return state;
  if (record.pendingShipment !== null) return 'shipped';
  if (state === 'picked' || record.pendingComplete !== null) return 'picked';
  return 'open';
}

/** A new record for a request this device had not seen. */
export function newRecord(server: FulfillmentRequest): FulfillmentRecord {
  return withState({
    id: server.id,
    server,
    localPicks: {},
    pendingComplete: null,
    pendingShipment: null,
    syncError: null,
    localState: server.state,
    priority: server.priority,
    createdAt: server.created_at,
  });
}

export function withState(record: FulfillmentRecord): FulfillmentRecord {
  return { ...record, localState: localStateOf(record) };
}

/**
 * Puts a newer server copy under the device's record. This device's pending actions stay
 * until the outbox has the server's answer to them (`settleFromOutbox`): an item another
 * device picked meanwhile shows the server's pick, and the refusal of ours is still shown.
 */
export function reconcileRequest(
  record: FulfillmentRecord | undefined,
  server: FulfillmentRequest,
): FulfillmentRecord {
  if (record === undefined) return newRecord(server);
  return withState({ ...record, server, priority: server.priority, createdAt: server.created_at });
}

/** What the outbox says of one action's mutation: still waiting, accepted, or refused. */
export interface ActionOutcome {
  readonly status: 'pending' | 'done' | 'rejected' | 'idempotency_mismatch';
  readonly error: string | null;
}

/**
 * Settles the record's pending actions by their outbox entries: an accepted pick, completion
 * or shipment is what the server now holds (the next pull brings its own copy); a refused one
 * is undone with the server's reason. Entries still waiting (or unknown) stay pending.
 */
export function settleFromOutbox(
  record: FulfillmentRecord,
  outcomeOf: (seq: number) => ActionOutcome | undefined,
): FulfillmentRecord {
  let server = record.server;
  let syncError = record.syncError;
  const localPicks: Record<string, LocalPick> = {};
  for (const pick of Object.values(record.localPicks)) {
    const outcome = outcomeOf(pick.seq);
    if (outcome === undefined || outcome.status === 'pending') {
      localPicks[pick.itemId] = pick;
    } else if (outcome.status === 'done') {
      server = {
        ...server,
        items: server.items.map((item) =>
          item.id === pick.itemId
            ? { ...item, picked: true, serial_number: pick.serial, picked_at: pick.pickedAt }
            : item,
        ),
      };
    } else {
      syncError = outcome.error ?? 'The server refused this pick.';
    }
  }
  let pendingComplete = record.pendingComplete;
  const complete = pendingComplete === null ? undefined : outcomeOf(pendingComplete.seq);
  if (complete !== undefined && complete.status !== 'pending') {
    if (complete.status !== 'done') syncError = complete.error ?? 'The server refused this.';
    else if (server.state === 'open') server = { ...server, state: 'picked' };
    pendingComplete = null;
  }
  let pendingShipment = record.pendingShipment;
  const shipment = pendingShipment === null ? undefined : outcomeOf(pendingShipment.seq);
  if (pendingShipment !== null && shipment !== undefined && shipment.status !== 'pending') {
    if (shipment.status !== 'done') {
      syncError = shipment.error ?? 'The server refused this shipment.';
    } else {
      server = {
        ...server,
        state: 'shipped',
        tracking_code: pendingShipment.trackingCode,
        carrier: pendingShipment.carrier,
        shipped_at: pendingShipment.at,
      };
    }
    pendingShipment = null;
  }
  return withState({ ...record, server, localPicks, pendingComplete, pendingShipment, syncError });
}

/** The outbox seqs of a record's pending actions. */
export function actionSeqs(record: FulfillmentRecord): number[] {
  return [
    ...Object.values(record.localPicks).map((pick) => pick.seq),
    ...(record.pendingComplete === null ? [] : [record.pendingComplete.seq]),
    ...(record.pendingShipment === null ? [] : [record.pendingShipment.seq]),
  ];
}
