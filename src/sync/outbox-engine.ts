/**
 * The outbox engine: sends waiting mutations to the server in `seq` order, in batches, and
 * records each answer. It makes one drain attempt per `flush()` and says when to try again;
 * timers, triggers and the one-tab lock live in `sync-scheduler.ts`.
 *
 * - `applied` / `duplicate`: done (a duplicate is a lost acknowledgement, harmless).
 * - `rejected` / `idempotency_mismatch`: settled and shown on the sale; the queue moves on.
 * - 409 `seq_gap`: the server expects an older seq (it lost what we thought it had): resend from
 *   there, using the entries we keep after acknowledgement.
 * - network failure, 5xx, garbled answer: retry later with exponential backoff and jitter.
 * - 401: stop until the associate signs in again.
 * - 426 `unsupported_protocol_version`: stop; the outbox is kept for the updated app.
 */
import type { OutboxRepository } from '../data/outbox-repository.ts';
import type { OutboxRecord } from '../data/types.ts';
import type { Mutation } from '../protocol/sync-protocol.ts';
import { PROTOCOL_VERSION } from '../protocol/wire-constants.ts';
import { log } from '../log.ts';
import { backoffDelay } from './backoff.ts';
import { isPushResponse, isSeqGap, isUnsupportedProtocol } from './reply-guards.ts';
import {
  errorForStatus,
  SyncError,
  SyncErrorReasons,
  type SyncErrorReason,
} from './sync-errors.ts';
import type { SyncTransport } from './transport.ts';

/** The server accepts up to 200; 50 keeps one request small on a weak shop Wi-Fi. */
export const PUSH_BATCH_SIZE = 50;
/** Seq-gap resends in one flush before treating the server as confused and backing off. */
const MAX_GAP_RESENDS = 5;

export type FlushResult =
  | { readonly kind: 'drained'; readonly sent: number }
  | { readonly kind: 'retry'; readonly reason: SyncErrorReason; readonly delayMs: number }
  | { readonly kind: 'blocked'; readonly reason: SyncErrorReason };

export interface OutboxEngineOptions {
  readonly outbox: OutboxRepository;
  readonly transport: SyncTransport;
  readonly deviceId: () => string | null;
  readonly now?: () => string;
  readonly random?: () => number;
  readonly batchSize?: number;
}

function toMutation(entry: OutboxRecord): Mutation {
  return { seq: entry.seq, id: entry.id, type: entry.type, payload: entry.payload };
}

/** The leading run of consecutive seqs: a batch never skips a number. */
function contiguous(entries: readonly OutboxRecord[]): OutboxRecord[] {
  const run: OutboxRecord[] = [];
  for (const entry of entries) {
    const previous = run.at(-1);
    if (previous !== undefined && entry.seq !== previous.seq + 1) break;
    run.push(entry);
  }
  return run;
}

export class OutboxEngine {
  private readonly _options: OutboxEngineOptions;
  private _failures = 0;
  private _running: Promise<FlushResult> | null = null;

  constructor(options: OutboxEngineOptions) {
    this._options = options;
  }

  /** Consecutive failed attempts (reset by any successful exchange). */
  get failures(): number {
    return this._failures;
  }

  /**
   * Starts the backoff over (the browser says the network is back): the next failure waits
   * about a second again instead of the minutes a long outage had grown it to.
   */
  resetBackoff(): void {
    this._failures = 0;
  }

  /** Drains the outbox once; concurrent calls share the same attempt. */
  flush(): Promise<FlushResult> {
    this._running ??= this._drain().finally(() => {
      this._running = null;
    });
    return this._running;
  }

  private async _drain(): Promise<FlushResult> {
    const { outbox, transport } = this._options;
    const batchSize = this._options.batchSize ?? PUSH_BATCH_SIZE;
    const now = this._options.now ?? (() => new Date().toISOString());
    const deviceId = this._options.deviceId();
    if (deviceId === null) return { kind: 'blocked', reason: SyncErrorReasons.unauthorized };

    await this._reconcile(now());
    let sent = 0;
    // Set after a seq gap: resend from here (acknowledged entries included) until caught up.
    let resendFrom: number | null = null;
    let gapResends = 0;
    for (;;) {
      const firstPending = await outbox.firstPending();
      if (firstPending === undefined) {
        this._failures = 0;
        return { kind: 'drained', sent };
      }
      if (resendFrom !== null && resendFrom >= firstPending.seq) resendFrom = null;
      const from: number = resendFrom ?? firstPending.seq;
      const batch = contiguous(await outbox.entriesFrom(from, batchSize));
      if (batch.length === 0 || batch[0]?.seq !== from) {
        return this._blocked(SyncErrorReasons.historyLost, { missingSeq: from });
      }

      let reply;
      try {
        reply = await transport.push({
          device_id: deviceId,
          protocol_version: PROTOCOL_VERSION,
          mutations: batch.map(toMutation),
        });
      } catch (error) {
        if (error instanceof SyncError) return this._retry(error.reason);
        throw error;
      }

      if (reply.status === 409 && isSeqGap(reply.body)) {
        const expected = reply.body.expected_seq;
        gapResends += 1;
        if (expected >= from || gapResends > MAX_GAP_RESENDS) {
          // The server wants a seq we have not sent yet or keeps moving: nothing sensible to
          // resend now, so back off instead of looping.
          log.warn('sync: unexpected seq gap', { from, expected });
          return this._retry(SyncErrorReasons.malformed);
        }
        resendFrom = expected;
        continue;
      }
      if (reply.status === 426) {
        const serverBehind =
          isUnsupportedProtocol(reply.body) && reply.body.max_protocol_version < PROTOCOL_VERSION;
        return this._blocked(
          serverBehind ? SyncErrorReasons.serverOutdated : SyncErrorReasons.appOutdated,
          { status: reply.status },
        );
      }
      if (reply.status < 200 || reply.status >= 300) {
        const error = errorForStatus(reply.status);
        return error.retryable ? this._retry(error.reason) : this._blocked(error.reason);
      }
      if (!isPushResponse(reply.body)) return this._retry(SyncErrorReasons.malformed);

      const applied = await outbox.applyResults(reply.body.results, now());
      if (applied.unmatched > 0) {
        log.warn('sync: results that match no sent mutation', { unmatched: applied.unmatched });
      }
      const last: number = batch.at(-1)?.seq ?? from;
      if (resendFrom !== null) {
        resendFrom = last + 1;
      } else if (applied.settled === 0) {
        // A 2xx that settles nothing we sent would loop forever: treat it as garbled.
        return this._retry(SyncErrorReasons.malformed);
      }
      sent += applied.settled;
      this._failures = 0;
    }
  }

  /** Records whose answer came while the disk was full get it now; still full → next time. */
  private async _reconcile(now: string): Promise<void> {
    try {
      await this._options.outbox.reconcile(now);
    } catch (error) {
      log.warn('sync: cannot bring sales up to date yet', { error: String(error) });
    }
  }

  private _retry(reason: SyncErrorReason): FlushResult {
    const delayMs = backoffDelay(this._failures, this._options.random);
    this._failures += 1;
    return { kind: 'retry', reason, delayMs };
  }

  private _blocked(reason: SyncErrorReason, details?: Record<string, unknown>): FlushResult {
    log.warn('sync: outbox blocked', { reason, ...details });
    this._failures += 1;
    return { kind: 'blocked', reason };
  }
}
