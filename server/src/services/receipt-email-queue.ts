/**
 * The e-mailed receipts' queue (DESIGN §10.3): one `receipt_emails` row per order, written in
 * the order's own transaction, and the state changes the worker (`receipt-mailer.ts`) makes.
 *
 * "Never sent twice" rests on three database guarantees:
 * - The row's primary key is the order: an order is queued at most once.
 * - An attempt starts with a claim, one conditional UPDATE (`state = 'queued'` and due) that
 *   sets a fresh `claim_token` and a lease; of two workers (two processes on one PostgreSQL,
 *   or two apps on one SQLite file) exactly one changes the row. Every later write of the
 *   attempt repeats `claim_token = mine`, so a worker that lost its row writes nothing.
 * - Before the message's final dot can reach the mail server the attempt must turn its row
 *   from `sending` into `committing` (`markCommitting`, called by the message stream before it
 *   ends). So a row still `sending` was never accepted by the mail server: when its lease runs
 *   out (the process died) it is queued again. A row `committing` may have been accepted:
 *   when its lease runs out it becomes `uncertain` and is never sent again.
 * The trade-off: at most once. The one window where a receipt can be lost rather than doubled
 * is a crash between writing `committing` and the mail server's answer to the dot
 * (milliseconds); that order then says `uncertain`, and the Message-ID stays the same on
 * every attempt so a receiving system that deduplicates can.
 */
import { randomUUID } from 'node:crypto';
import type { ReceiptEmailStatus } from '../../../src/protocol/schemas.ts';
import { ReceiptEmailStates } from '../../../src/protocol/wire-constants.ts';
import type { StoreDb, Trx } from '../db/database.ts';
import { inTransaction } from '../db/database.ts';
import type { ReceiptEmailsTable } from '../db/tables.ts';
import { Counters, nextValue } from './counters.ts';

/** What the server does with an order's customer e-mail: null when it sends no e-mail. */
export interface ReceiptEmailPolicy {
  /** The domain of the Message-ID (the sender address's). */
  readonly messageIdDomain: string;
}

export const QueueStates = {
  queued: 'queued',
  sending: 'sending',
  committing: 'committing',
  sent: 'sent',
  failed: 'failed',
  uncertain: 'uncertain',
} as const;

/** The Message-ID an order's receipt carries on every attempt. */
export const receiptMessageId = (orderId: string, domain: string): string =>
  `<receipt.${orderId}@${domain}>`;

/** Queues the order's receipt; call inside the order's transaction. */
export async function queueReceiptEmail(
  trx: Trx,
  order: { id: string; store_id: string; recipient: string },
  policy: ReceiptEmailPolicy,
  now: string,
): Promise<void> {
  await trx
    .insertInto('receipt_emails')
    .values({
      order_id: order.id,
      store_id: order.store_id,
      recipient: order.recipient,
      message_id: receiptMessageId(order.id, policy.messageIdDomain),
      state: QueueStates.queued,
      attempts: 0,
      next_attempt_at: now,
      claim_token: null,
      lease_until: null,
      last_error: null,
      smtp_response: null,
      created_at: now,
      updated_at: now,
      sent_at: null,
    })
    .execute();
}

const NO_EMAIL: ReceiptEmailStatus = {
  state: ReceiptEmailStates.none,
  attempts: 0,
  last_error: null,
  sent_at: null,
};

type StatusRow = Pick<
  ReceiptEmailsTable,
  'order_id' | 'state' | 'attempts' | 'last_error' | 'sent_at'
>;

function statusOf(row: StatusRow | undefined): ReceiptEmailStatus {
  if (row === undefined) return NO_EMAIL;
  const state =
    row.state === QueueStates.committing
      ? ReceiptEmailStates.sending
      : (Object.values(ReceiptEmailStates).find((known) => known === row.state) ??
        ReceiptEmailStates.queued);
  return {
    state,
    attempts: Number(row.attempts),
    last_error: row.last_error,
    sent_at: row.sent_at,
  };
}

/** The receipt e-mail state of each order (`none` for an order with no row). */
export async function receiptEmailStatuses(
  db: StoreDb['db'],
  orderIds: readonly string[],
): Promise<Map<string, ReceiptEmailStatus>> {
  const rows =
    orderIds.length === 0
      ? []
      : await db
          .selectFrom('receipt_emails')
          .select(['order_id', 'state', 'attempts', 'last_error', 'sent_at'])
          .where('order_id', 'in', [...orderIds])
          .execute();
  const byOrder = new Map(rows.map((row) => [row.order_id, row]));
  return new Map(orderIds.map((id) => [id, statusOf(byOrder.get(id))]));
}

// ---------------------------------------------------------------- the worker's side

export interface Claim {
  readonly orderId: string;
  readonly token: string;
  readonly recipient: string;
  readonly messageId: string;
  /** This attempt's number, 1 for the first. */
  readonly attempt: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The store history in the sync pull delivers the order again, with its new e-mail state. */
async function touchOrder(trx: Trx, orderId: string): Promise<void> {
  await trx
    .updateTable('orders')
    .set({ history_change: await nextValue(trx, Counters.historyChange) })
    .where('id', '=', orderId)
    .execute();
}

/**
 * Settles rows whose attempt's lease ran out (its worker died or hung): `sending` ones were
 * never accepted by the mail server and are queued again; `committing` ones may have been and
 * become `uncertain`, never to be sent again. Returns how many rows changed.
 */
export async function settleExpiredLeases(store: StoreDb, now: number): Promise<number> {
  const expired = await store.db
    .selectFrom('receipt_emails')
    .select(['order_id', 'state', 'claim_token'])
    .where('state', 'in', [QueueStates.sending, QueueStates.committing])
    .where('lease_until', '<', iso(now))
    .limit(100)
    .execute();
  let changed = 0;
  for (const row of expired) {
    const token = row.claim_token;
    if (token === null) continue;
    const interrupted = row.state === QueueStates.sending;
    changed += await inTransaction(store, async (trx) => {
      const result = await trx
        .updateTable('receipt_emails')
        .set(
          interrupted
            ? {
                state: QueueStates.queued,
                claim_token: null,
                lease_until: null,
                next_attempt_at: iso(now),
                last_error:
                  'An attempt was interrupted before the message was complete; it is sent again.',
                updated_at: iso(now),
              }
            : {
                // The claim token stays: if that attempt is alive after all, its answer wins.
                state: QueueStates.uncertain,
                lease_until: null,
                last_error:
                  'The store server stopped while the mail server was taking this receipt: it ' +
                  'was probably delivered, and it is not sent again so that it is never sent twice.',
                updated_at: iso(now),
              },
        )
        .where('order_id', '=', row.order_id)
        .where('state', '=', row.state)
        .where('claim_token', '=', token)
        .executeTakeFirst();
      const n = Number(result.numUpdatedRows);
      if (n > 0 && !interrupted) await touchOrder(trx, row.order_id);
      return n;
    });
  }
  return changed;
}

/**
 * Claims the next due receipt for one attempt, or null when none is due. The claim is one
 * conditional UPDATE, so of two workers racing for a row exactly one gets it.
 */
export async function claimNextReceipt(
  store: StoreDb,
  now: number,
  leaseMs: number,
): Promise<Claim | null> {
  const due = await store.db
    .selectFrom('receipt_emails')
    .select(['order_id', 'recipient', 'message_id', 'attempts'])
    .where('state', '=', QueueStates.queued)
    .where('next_attempt_at', '<=', iso(now))
    .orderBy('next_attempt_at')
    .orderBy('order_id')
    .limit(5)
    .execute();
  for (const row of due) {
    const token = randomUUID();
    const result = await store.db
      .updateTable('receipt_emails')
      .set((eb) => ({
        state: QueueStates.sending,
        claim_token: token,
        lease_until: iso(now + leaseMs),
        attempts: eb('attempts', '+', 1),
        updated_at: iso(now),
      }))
      .where('order_id', '=', row.order_id)
      .where('state', '=', QueueStates.queued)
      .where('next_attempt_at', '<=', iso(now))
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 1) {
      return {
        orderId: row.order_id,
        token,
        recipient: row.recipient,
        messageId: row.message_id,
        attempt: Number(row.attempts) + 1,
      };
    }
  }
  return null;
}

/**
 * The point of no return, called before the message's end is handed to the mail server:
 * true when this attempt still holds its row (now `committing`), false when it lost it (its
 * lease ran out and another worker took over): then the message must not be finished.
 */
export async function markCommitting(store: StoreDb, claim: Claim, now: number): Promise<boolean> {
  const result = await store.db
    .updateTable('receipt_emails')
    .set({ state: QueueStates.committing, updated_at: iso(now) })
    .where('order_id', '=', claim.orderId)
    .where('claim_token', '=', claim.token)
    .where('state', '=', QueueStates.sending)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The mail server accepted the message. */
export async function markSent(
  store: StoreDb,
  claim: Claim,
  response: string,
  now: number,
): Promise<void> {
  await inTransaction(store, async (trx) => {
    const result = await trx
      .updateTable('receipt_emails')
      .set({
        state: QueueStates.sent,
        sent_at: iso(now),
        smtp_response: response.slice(0, 500),
        last_error: null,
        lease_until: null,
        updated_at: iso(now),
      })
      .where('order_id', '=', claim.orderId)
      .where('claim_token', '=', claim.token)
      .where('state', 'in', [QueueStates.committing, QueueStates.uncertain])
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) > 0) await touchOrder(trx, claim.orderId);
  });
}

/**
 * The attempt failed and the mail server certainly did not accept the message: queued again
 * at `retryAt`, or `failed` for good when `retryAt` is null.
 */
export async function markAttemptFailed(
  store: StoreDb,
  claim: Claim,
  error: string,
  retryAt: number | null,
  now: number,
): Promise<void> {
  await inTransaction(store, async (trx) => {
    const result = await trx
      .updateTable('receipt_emails')
      .set({
        state: retryAt === null ? QueueStates.failed : QueueStates.queued,
        claim_token: null,
        lease_until: null,
        next_attempt_at: iso(retryAt ?? now),
        last_error: error.slice(0, 500),
        updated_at: iso(now),
      })
      .where('order_id', '=', claim.orderId)
      .where('claim_token', '=', claim.token)
      .where('state', 'in', [QueueStates.sending, QueueStates.committing, QueueStates.uncertain])
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) > 0 && retryAt === null) {
      await touchOrder(trx, claim.orderId);
    }
  });
}

/** The connection broke after the message's end may have gone out: never sent again. */
export async function markUncertain(
  store: StoreDb,
  claim: Claim,
  error: string,
  now: number,
): Promise<void> {
  await inTransaction(store, async (trx) => {
    const result = await trx
      .updateTable('receipt_emails')
      .set({
        state: QueueStates.uncertain,
        lease_until: null,
        last_error: `The mail server's answer was lost (${error.slice(0, 300)}): the receipt was probably delivered, and it is not sent again so that it is never sent twice.`,
        updated_at: iso(now),
      })
      .where('order_id', '=', claim.orderId)
      .where('claim_token', '=', claim.token)
      .where('state', '=', QueueStates.committing)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) > 0) await touchOrder(trx, claim.orderId);
  });
}

/**
 * Gives a claimed row back untouched (the server is stopping and the message never reached
 * its end): queued again at once, the interrupted attempt not counted.
 */
export async function releaseClaim(store: StoreDb, claim: Claim, now: number): Promise<void> {
  await store.db
    .updateTable('receipt_emails')
    .set((eb) => ({
      state: QueueStates.queued,
      claim_token: null,
      lease_until: null,
      attempts: eb('attempts', '-', 1),
      next_attempt_at: iso(now),
      updated_at: iso(now),
    }))
    .where('order_id', '=', claim.orderId)
    .where('claim_token', '=', claim.token)
    .where('state', '=', QueueStates.sending)
    .execute();
}
