/**
 * The outbox: mutations waiting for the server, numbered per device with no gaps. Every
 * writer queues through `enqueue()`, inside its own read-write transaction, so a sale, a pick
 * or a resolution and its mutation are written together or not at all. Entries are kept after
 * the server acknowledged them, so a server that lost its record of them (a 409 seq_gap below
 * what we thought was acknowledged) can be sent them again.
 *
 * The outbox knows no feature: each mutation type's answer is recorded on what it concerns by
 * the `AnswerHandler` its owning module registers (`answer-handlers.ts`), in the same
 * transaction as the outbox entry, so the screen and the queue never disagree.
 */
import type { Table } from 'dexie';
import type { MutationPayload } from '../protocol/mutations.ts';
import type { MutationResult } from '../protocol/sync-protocol.ts';
import type { MutationStatus, MutationType } from '../protocol/wire-constants.ts';
import type { AnswerHandler, AnswerHandlers, MutationAnswer } from './answer-handlers.ts';
import type { AisleDb } from './db.ts';
import { DataErrorReasons, dataErrorReason } from './errors.ts';
import {
  MetaKeys,
  OutboxStatuses,
  type OutboxEntry,
  type OutboxRecord,
  type OutboxStatus,
} from './types.ts';

/** The tables `enqueue` writes: include them in the caller's transaction. */
export const outboxTables = (db: AisleDb): Table[] => [db.outbox, db.meta];

export interface EnqueueInput<T extends MutationType> {
  readonly type: T;
  readonly payload: MutationPayload<T>;
  /** The record this mutation is about (a sale, a request, an exception), for its answer. */
  readonly ref: string | null;
  readonly now: string;
  /** Made by the caller only in tests; a fresh UUID otherwise. */
  readonly id?: string;
}

/**
 * Queues one mutation with the next free `seq` and returns that seq. Call inside a read-write
 * transaction over `outboxTables(db)` plus what the caller writes, so two writers can never
 * share a number and the mutation is committed with the change it carries.
 */
export async function enqueue<T extends MutationType>(
  db: AisleDb,
  input: EnqueueInput<T>,
): Promise<number> {
  const [last, counter] = await Promise.all([
    db.outbox.orderBy('seq').last(),
    db.meta.get(MetaKeys.lastSeq),
  ]);
  const fromCounter = typeof counter?.value === 'number' ? counter.value : 0;
  const seq = Math.max(last?.seq ?? 0, fromCounter) + 1;
  const entry: OutboxEntry<T> = {
    seq,
    id: input.id ?? crypto.randomUUID(),
    type: input.type,
    payload: input.payload,
    status: OutboxStatuses.pending,
    createdAt: input.now,
    ref: input.ref,
    result: null,
    error: null,
    ackedAt: null,
  };
  await db.outbox.add(entry);
  await db.meta.put({ key: MetaKeys.lastSeq, value: seq });
  return seq;
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

const STATUS_OF_RESULT: Record<MutationStatus, OutboxStatus> = {
  applied: OutboxStatuses.done,
  duplicate: OutboxStatuses.done,
  rejected: OutboxStatuses.rejected,
  idempotency_mismatch: OutboxStatuses.mismatch,
};

/** The answer a settled entry stands for, to replay it onto its records. */
const RESULT_OF_STATUS: Record<Exclude<OutboxStatus, 'pending'>, MutationStatus> = {
  done: 'applied',
  rejected: 'rejected',
  idempotency_mismatch: 'idempotency_mismatch',
};

/** The stored answer of a settled entry, as its handler reads answers. */
function storedAnswer(entry: OutboxRecord): MutationAnswer<MutationType> | null {
  if (entry.status === OutboxStatuses.pending) return null;
  const status = RESULT_OF_STATUS[entry.status];
  return {
    status,
    // Stored as the server sent it for this entry's type.
    result: (entry.result ?? undefined) as MutationAnswer<MutationType>['result'],
    error: entry.error === null ? undefined : { error: status, message: entry.error },
  };
}

export class OutboxRepository {
  private readonly _db: AisleDb;
  private readonly _handlers: AnswerHandlers;

  constructor(db: AisleDb, handlers: AnswerHandlers) {
    this._db = db;
    this._handlers = handlers;
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
   * Records the server's answers on the outbox entries and, through each type's handler, on
   * what they concern. When the disk is full those records cannot take their new state; the
   * outbox still records the answers (so the queue drains and nothing is sent twice), marks
   * the entries `unsettled`, and `reconcile` hands them to their handlers once there is room.
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
   * Hands answers recorded while the disk was full to their handlers. Returns how many entries
   * were brought up to date.
   */
  async reconcile(now: string): Promise<number> {
    const db = this._db;
    return db.transaction('rw', this._answerTables(), async () => {
      const unsettled = await db.outbox.where('unsettled').equals(1).toArray();
      for (const entry of unsettled) {
        const answer = storedAnswer(entry);
        if (answer !== null) await this._settle(entry, answer, entry.ackedAt ?? now);
        await db.outbox.update(entry.seq, { unsettled: undefined });
      }
      return unsettled.length;
    });
  }

  /** Notes a successful exchange with the server even when nothing was settled. */
  async touchLastSync(now: string): Promise<void> {
    await this._db.meta.put({ key: MetaKeys.lastSyncAt, value: now });
  }

  private _answerTables(): Table[] {
    const tables = new Set<Table>(outboxTables(this._db));
    for (const handler of Object.values(this._handlers) as AnswerHandler<MutationType>[]) {
      for (const table of handler.tables(this._db)) tables.add(table);
    }
    return [...tables];
  }

  /** The entry's own handler; the table keeps type and entry paired. */
  private async _settle<T extends MutationType>(
    entry: OutboxEntry<T>,
    answer: MutationAnswer<T>,
    now: string,
  ): Promise<void> {
    const handler: AnswerHandler<T> = this._handlers[entry.type];
    await handler.settle(this._db, entry, answer, now);
  }

  private async _applyResults(
    results: readonly MutationResult[],
    now: string,
    withRecords: boolean,
  ): Promise<AppliedResults> {
    const db = this._db;
    const tables = withRecords ? this._answerTables() : outboxTables(db);
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
          ...(withRecords ? {} : { unsettled: 1 as const }),
        });
        settled += 1;
        // With a full disk only the outbox is kept right (see applyResults).
        if (withRecords) await this._settle(entry, result as MutationAnswer<MutationType>, now);
      }
      if (withRecords) await db.meta.put({ key: MetaKeys.lastSyncAt, value: now });
      return { settled, unmatched };
    });
  }
}
