/**
 * The outbox: mutations waiting for the server, numbered per device with no gaps. Entries are
 * kept after the server acknowledged them, so a server that lost its record of them (a 409
 * seq_gap below what we thought was acknowledged) can be sent them again.
 *
 * Results are applied with the sale they concern in one transaction, so the receipt's sync
 * state and the queue never disagree.
 */
import { SaleSyncStates, type SaleSync } from '../domain/sale.ts';
import type { MutationResult } from '../protocol/sync-protocol.ts';
import type { SerialException } from '../protocol/serials.ts';
import { WireMutationTypes as MutationTypes } from '../protocol/wire-constants.ts';
import type { AisleDb } from './db.ts';
import { DataErrorReasons, dataErrorReason } from './errors.ts';
import { settleFulfillmentResult } from './fulfillment-repository.ts';
import { MetaKeys, OutboxStatuses, type OutboxRecord, type OutboxStatus } from './types.ts';

/**
 * The next free `seq`. Call inside a read-write transaction that also writes the new entry and
 * `meta.lastSeq`, so two sales can never share a number.
 */
export async function nextSeq(db: AisleDb): Promise<number> {
  const [last, counter] = await Promise.all([
    db.outbox.orderBy('seq').last(),
    db.meta.get(MetaKeys.lastSeq),
  ]);
  const fromCounter = typeof counter?.value === 'number' ? counter.value : 0;
  return Math.max(last?.seq ?? 0, fromCounter) + 1;
}

export interface OutboxCounts {
  readonly pending: number;
  /** Rejected or mismatched: visible, never retried. */
  readonly problems: number;
}

export interface AppliedResults {
  /** Entries that left `pending` with this answer. */
  readonly settled: number;
  /** Results that matched no entry we sent (wrong seq or id): the answer is suspect. */
  readonly unmatched: number;
}

function saleSyncFor(result: MutationResult, now: string): SaleSync {
  switch (result.status) {
    case 'applied':
    case 'duplicate': {
      const body = result.result;
      const orderId =
        typeof body === 'object' && body !== null && typeof (body as { id?: unknown }).id === 'string'
          ? (body as { id: string }).id
          : null;
      return { state: SaleSyncStates.synced, orderId, error: null, syncedAt: now };
    }
    case 'rejected':
      return {
        state: SaleSyncStates.rejected,
        orderId: null,
        error: result.error?.message ?? 'The server refused this sale.',
        syncedAt: now,
      };
    case 'idempotency_mismatch':
      return {
        state: SaleSyncStates.mismatch,
        orderId: null,
        error: 'The server already holds a different sale under this id.',
        syncedAt: now,
      };
  }
}

const STATUS_OF_RESULT: Record<MutationResult['status'], OutboxStatus> = {
  applied: OutboxStatuses.done,
  duplicate: OutboxStatuses.done,
  rejected: OutboxStatuses.rejected,
  idempotency_mismatch: OutboxStatuses.mismatch,
};

/** The answer a settled entry stands for, to replay it onto its sale. */
const RESULT_OF_STATUS: Record<Exclude<OutboxStatus, 'pending'>, MutationResult['status']> = {
  done: 'applied',
  rejected: 'rejected',
  idempotency_mismatch: 'idempotency_mismatch',
};

export class OutboxRepository {
  private readonly _db: AisleDb;

  constructor(db: AisleDb) {
    this._db = db;
  }

  /** The oldest mutation still waiting for the server. */
  firstPending(): Promise<OutboxRecord | undefined> {
    // Entries with equal index keys come back in primary-key (seq) order.
    return this._db.outbox.where('status').equals(OutboxStatuses.pending).first();
  }

  /** Up to `limit` entries from `seq` on, in order, whatever their status. */
  entriesFrom(seq: number, limit: number): Promise<OutboxRecord[]> {
    return this._db.outbox.where('seq').aboveOrEqual(seq).limit(limit).toArray();
  }

  get(seq: number): Promise<OutboxRecord | undefined> {
    return this._db.outbox.get(seq);
  }

  async counts(): Promise<OutboxCounts> {
    const [pending, rejected, mismatch] = await Promise.all([
      this._db.outbox.where('status').equals(OutboxStatuses.pending).count(),
      this._db.outbox.where('status').equals(OutboxStatuses.rejected).count(),
      this._db.outbox.where('status').equals(OutboxStatuses.mismatch).count(),
    ]);
    return { pending, problems: rejected + mismatch };
  }

  /** When the oldest waiting mutation was made (how long a sale has waited), or null. */
  async oldestPendingAt(): Promise<string | null> {
    return (await this.firstPending())?.createdAt ?? null;
  }

  async lastSyncAt(): Promise<string | null> {
    const record = await this._db.meta.get(MetaKeys.lastSyncAt);
    return typeof record?.value === 'string' ? record.value : null;
  }

  /**
   * Records the server's answers on the outbox entries and on the sales they concern. When the
   * disk is full the sales cannot take their new sync state; the outbox still records the
   * answers (so the queue drains and nothing is sent twice) and `reconcileSales` copies them
   * onto the sales once there is room again.
   */
  async applyResults(results: readonly MutationResult[], now: string): Promise<AppliedResults> {
    try {
      return await this._applyResults(results, now, true);
    } catch (error) {
      if (dataErrorReason(error) !== DataErrorReasons.quotaExceeded) throw error;
      return this._applyResults(results, now, false);
    }
  }

  /**
   * Gives waiting sales the answer their outbox entry already holds (left behind when the
   * disk was full while the answer came). Returns how many sales were brought up to date.
   */
  async reconcileSales(now: string): Promise<number> {
    const db = this._db;
    return db.transaction('rw', [db.outbox, db.sales], async () => {
      const waiting = await db.sales.where('sync.state').equals(SaleSyncStates.pending).toArray();
      let repaired = 0;
      for (const sale of waiting) {
        const entry = await db.outbox.where('ref').equals(sale.saleId).first();
        if (entry === undefined || entry.status === OutboxStatuses.pending) continue;
        const status = RESULT_OF_STATUS[entry.status];
        await db.sales.update(sale.saleId, {
          sync: saleSyncFor(
            {
              seq: entry.seq,
              id: entry.id,
              status,
              result: entry.result ?? undefined,
              error: entry.error === null ? undefined : { error: status, message: entry.error },
            },
            entry.ackedAt ?? now,
          ),
        });
        repaired += 1;
      }
      return repaired;
    });
  }

  private async _applyResults(
    results: readonly MutationResult[],
    now: string,
    withRecords: boolean,
  ): Promise<AppliedResults> {
    const db = this._db;
    const tables = [db.outbox, db.sales, db.serialExceptions, db.fulfillment, db.meta];
    return db.transaction('rw', tables, async () => {
      let settled = 0;
      let unmatched = 0;
      for (const result of results) {
        const entry = await db.outbox.get(result.seq);
        if (entry === undefined || entry.id !== result.id) {
          unmatched += 1;
          continue;
        }
        // A resent entry that was already settled keeps its first answer.
        if (entry.status !== OutboxStatuses.pending) continue;
        const status = STATUS_OF_RESULT[result.status];
        await db.outbox.update(entry.seq, {
          status,
          result: result.result ?? null,
          error: status === OutboxStatuses.done ? null : (result.error?.message ?? result.status),
          ackedAt: now,
        });
        settled += 1;
        // With a full disk only the outbox is kept right (see applyResults).
        if (!withRecords) continue;
        if (entry.type === MutationTypes.serialExceptionResolve) {
          await this._settleResolution(entry.ref, result, now);
        } else if (
          entry.type === MutationTypes.fulfillmentPick ||
          entry.type === MutationTypes.fulfillmentShip
        ) {
          await settleFulfillmentResult(db, entry, result);
        } else if (entry.ref !== null) {
          await db.sales.update(entry.ref, { sync: saleSyncFor(result, now) });
        }
      }
      if (withRecords) await db.meta.put({ key: MetaKeys.lastSyncAt, value: now });
      return { settled, unmatched };
    });
  }

  /**
   * A manager's resolution answered: applied → the exception as the server now holds it;
   * refused → the reason stays on the exception, which is open again for another try.
   */
  private async _settleResolution(
    exceptionId: string | null,
    result: MutationResult,
    now: string,
  ): Promise<void> {
    const db = this._db;
    const current = exceptionId === null ? undefined : await db.serialExceptions.get(exceptionId);
    if (current === undefined) return;
    const body = result.result as Partial<SerialException> | undefined;
    const done = result.status === 'applied' || result.status === 'duplicate';
    if (done && typeof body === 'object' && body !== null && body.id === current.id) {
      const resolved = { ...current, ...(body as SerialException) };
      await db.serialExceptions.put({
        ...resolved,
        orderExternalId: resolved.order.external_id,
        pendingResolution: null,
      });
      return;
    }
    if (done) {
      await db.serialExceptions.update(current.id, { state: 'resolved', pendingResolution: null });
      return;
    }
    if (current.pendingResolution === null) return;
    await db.serialExceptions.update(current.id, {
      pendingResolution: {
        ...current.pendingResolution,
        error: result.error?.message ?? 'The server refused this resolution.',
        requestedAt: current.pendingResolution.requestedAt || now,
      },
    });
  }

  /** Notes a successful exchange with the server even when nothing was settled. */
  async touchLastSync(now: string): Promise<void> {
    await this._db.meta.put({ key: MetaKeys.lastSyncAt, value: now });
  }
}
