/**
 * The worker that e-mails queued receipts (DESIGN §10.3), one per store server process: every
 * `pollMs` it settles attempts whose lease ran out, then claims due receipts one at a time and
 * hands each to the mail server (`smtp-delivery.ts`), recording the outcome in the queue
 * (`receipt-email-queue.ts`, which explains why nothing is sent twice). A definite failure
 * is retried after an exponential backoff; a 5xx about the message, or the last attempt,
 * leaves it `failed`.
 *
 * `stop()` (the app's preClose) claims nothing more; an attempt that has not reached its
 * message's end is cut off and its row given back, one past it waits for the mail server's
 * answer, so a clean restart neither loses nor repeats a receipt.
 */
import parseAddresses from 'nodemailer/lib/addressparser';
import type { FastifyBaseLogger } from 'fastify';
import { emailProblem } from '../../../src/domain/customer-check.ts';
import type { StoreDb } from '../db/database.ts';
import { findOrder } from './orders.ts';
import {
  claimNextReceipt,
  markAttemptFailed,
  markCommitting,
  markSent,
  markUncertain,
  releaseClaim,
  settleExpiredLeases,
  type Claim,
  type ReceiptEmailPolicy,
} from './receipt-email-queue.ts';
import { composeReceiptEmail, type ReceiptSender } from './receipt-email-message.ts';
import { deliver, parseSmtpUrl, type Delivery, type SmtpTarget } from './smtp-delivery.ts';
import { findStore } from './stores.ts';

export interface RetrySettings {
  /** Wait after the first failed attempt; doubled after each further one. */
  readonly baseMs: number;
  readonly capMs: number;
  /** Attempts in all, the first included. */
  readonly maxAttempts: number;
}

export interface ReceiptMailerSettings {
  readonly smtp: SmtpTarget;
  readonly sender: ReceiptSender;
  readonly pollMs: number;
  /**
   * How long a claimed attempt may run before another worker settles it. Longer than any
   * attempt can take with `SMTP_TIMEOUTS` (a minute or two), so a live attempt keeps its row.
   */
  readonly leaseMs: number;
  readonly retry: RetrySettings;
}

/** 30 s, 1, 2, 4, 8, 16, 30 min: eight attempts over about an hour. */
export const DEFAULT_RETRY: RetrySettings = { baseMs: 30_000, capMs: 30 * 60_000, maxAttempts: 8 };
export const DEFAULT_POLL_MS = 2_000;
export const DEFAULT_LEASE_MS = 5 * 60_000;

/** The wait before attempt `attempt + 1`, after `attempt` failed (1-based). */
export function retryDelay(attempt: number, retry: RetrySettings): number {
  return Math.min(retry.capMs, retry.baseMs * 2 ** Math.max(0, attempt - 1));
}

/**
 * The sender from `AISLE_SMTP_FROM` ("Receipts <receipts@example.com>" or a bare address), or
 * when unset the SMTP user when it is an address; throws a sentence saying what to set.
 */
export function receiptSender(smtp: SmtpTarget, from: string | null): ReceiptSender {
  const parsed = parseAddresses(from ?? smtp.auth?.user ?? '', { flatten: true })[0];
  const address = parsed?.address ?? '';
  if (address === '' || emailProblem(address) !== null) {
    throw new Error(
      from === null
        ? 'AISLE_SMTP_FROM must be set to the address receipts come from, e.g. "Receipts <receipts@example.com>"'
        : `AISLE_SMTP_FROM is not an e-mail address: ${from}`,
    );
  }
  return { address, name: parsed?.name === '' || parsed?.name === undefined ? null : parsed.name };
}

export interface EmailOptions {
  /** `smtp://user:pass@host:port` or `smtps://…` (AISLE_SMTP_URL). */
  smtpUrl: string;
  /** AISLE_SMTP_FROM; see `receiptSender`. */
  from?: string | null;
  pollMs?: number;
  leaseMs?: number;
  retry?: Partial<RetrySettings>;
}

/** Settings and the orders' queue policy from the app's e-mail options; throws when unusable. */
export function mailerSettings(options: EmailOptions): {
  settings: ReceiptMailerSettings;
  policy: ReceiptEmailPolicy;
} {
  const smtp = parseSmtpUrl(options.smtpUrl);
  const sender = receiptSender(smtp, options.from ?? null);
  return {
    settings: {
      smtp,
      sender,
      pollMs: options.pollMs ?? DEFAULT_POLL_MS,
      leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
      retry: { ...DEFAULT_RETRY, ...options.retry },
    },
    policy: { messageIdDomain: sender.address.slice(sender.address.lastIndexOf('@') + 1) },
  };
}

export class ReceiptMailer {
  private _timer: ReturnType<typeof setTimeout> | null = null;
  private _round: Promise<void> | null = null;
  private _inFlight: Delivery | null = null;
  private _stopping = false;

  constructor(
    private readonly _store: StoreDb,
    private readonly _settings: ReceiptMailerSettings,
    private readonly _log: FastifyBaseLogger,
  ) {}

  start(): void {
    this._stopping = false;
    this._runRound();
  }

  /** Claims nothing more, cuts off or finishes the attempt in flight, and resolves after it. */
  async stop(): Promise<void> {
    this._stopping = true;
    if (this._timer !== null) clearTimeout(this._timer);
    this._timer = null;
    this._inFlight?.abort();
    await this._round;
  }

  private _runRound(): void {
    this._round = this._sendDue()
      .catch((error: unknown) => this._log.error({ err: error }, 'receipt e-mail: round failed'))
      .finally(() => {
        this._round = null;
        if (!this._stopping) {
          this._timer = setTimeout(() => this._runRound(), this._settings.pollMs);
        }
      });
  }

  private async _sendDue(): Promise<void> {
    await settleExpiredLeases(this._store, Date.now());
    while (!this._stopping) {
      const claim = await claimNextReceipt(this._store, Date.now(), this._settings.leaseMs);
      if (claim === null) return;
      await this._attempt(claim);
    }
  }

  private async _attempt(claim: Claim): Promise<void> {
    const store = this._store;
    const order = await findOrder(store, { id: claim.orderId }, null);
    const shop = order === null ? undefined : await findStore(store.db, order.store_id);
    if (order === null || shop === undefined) {
      await markAttemptFailed(
        store,
        claim,
        'The order is no longer on the server.',
        null,
        Date.now(),
      );
      return;
    }
    const message = await composeReceiptEmail(
      order,
      shop,
      this._settings.sender,
      { address: claim.recipient, name: order.customer_name ?? null },
      claim.messageId,
      new Date(),
    );
    const delivery = deliver(
      this._settings.smtp,
      { from: this._settings.sender.address, to: claim.recipient },
      message,
      async () => !this._stopping && (await markCommitting(store, claim, Date.now())),
    );
    this._inFlight = delivery;
    if (this._stopping) delivery.abort();
    const outcome = await delivery.outcome.finally(() => {
      this._inFlight = null;
    });
    const now = Date.now();
    const retryAt = (): number | null =>
      claim.attempt >= this._settings.retry.maxAttempts
        ? null
        : now + retryDelay(claim.attempt, this._settings.retry);
    const log = { order_id: claim.orderId, attempt: claim.attempt };
    switch (outcome.kind) {
      case 'sent':
        await markSent(store, claim, outcome.response, now);
        this._log.info(log, 'receipt e-mail sent');
        return;
      case 'refused': {
        const next = outcome.permanent ? null : retryAt();
        await markAttemptFailed(store, claim, outcome.message, next, now);
        this._log.warn(
          { ...log, code: outcome.responseCode, retry: next !== null },
          'receipt e-mail refused',
        );
        return;
      }
      case 'broken':
        if (outcome.pastGate) {
          await markUncertain(store, claim, outcome.message, now);
          this._log.warn(log, 'receipt e-mail: answer lost after the message ended, not resent');
        } else {
          const next = retryAt();
          await markAttemptFailed(store, claim, outcome.message, next, now);
          this._log.warn({ ...log, retry: next !== null }, 'receipt e-mail: connection failed');
        }
        return;
      case 'withheld':
        // Stopping: the row goes back untouched. Otherwise another worker holds it now.
        if (this._stopping) await releaseClaim(store, claim, now);
        return;
    }
  }
}
