/**
 * What the receipt screen says about the e-mailed receipt (DESIGN §10.3), from what the device
 * knows: the sale (its customer's address, whether the server has the sale) and the server's
 * last word on the order, which comes with the store history in the sync pull.
 */
import type { Sale } from './sale.ts';
import type { ReceiptEmailReport } from './store-history.ts';

export type ReceiptEmailView =
  /** The server does not have the sale yet, or has not said anything about its e-mail. */
  | { readonly state: 'waiting'; readonly to: string; readonly synced: boolean }
  | {
      readonly state: ReceiptEmailReport['state'];
      readonly to: string;
      readonly error: string | null;
      readonly sentAt: string | null;
    };

/** Null when the sale has no customer e-mail (nothing to say). */
export function receiptEmailView(
  sale: Pick<Sale, 'customer' | 'sync'>,
  report: ReceiptEmailReport | undefined,
): ReceiptEmailView | null {
  const to = sale.customer?.email ?? null;
  if (to === null) return null;
  if (report === undefined) {
    return { state: 'waiting', to, synced: sale.sync.state === 'synced' };
  }
  return { state: report.state, to, error: report.error, sentAt: report.sentAt };
}

/** Whether the server may still change its word (so the screen asks again now and then). */
export function receiptEmailPending(view: ReceiptEmailView | null): boolean {
  return (
    view !== null &&
    (view.state === 'waiting' || view.state === 'queued' || view.state === 'sending')
  );
}
