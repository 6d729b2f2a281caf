/**
 * What a return being prepared on the Return screen comes to: the units chosen, what they
 * refund, how the refund is split, and whether a manager must approve (another split than
 * the sale's own tenders, or no receipt at all). Pure, in minor units; the screen renders it
 * and the repository checks the same rules again when the return is written.
 */
import { addMinor, minor, type Minor } from './money.ts';
import { checkRefunds, proposeRefund, type TenderAmount } from './refund.ts';
import type { HistoryOrder, ReturnableUnit } from './store-history.ts';

export type RefundChoice =
  | { readonly kind: 'original' }
  | { readonly kind: 'cash' }
  | { readonly kind: 'card'; readonly reference: string }
  /** An exchange: the refund is credit toward a replacement sold right after (DESIGN §10.2). */
  | { readonly kind: 'exchange' };

export interface RefundPlan {
  readonly total: Minor;
  /** The refunds to pay out; null when they cannot be computed (more than the sale holds). */
  readonly refunds: readonly TenderAmount[] | null;
  /** A manager must approve this split (or this blind return). */
  readonly needsApproval: boolean;
  /** Why the refund cannot be paid at all (over what was paid), or null. */
  readonly problem: 'exceeds_paid' | null;
}

function refundsFor(choice: RefundChoice, total: Minor, proposal: TenderAmount[] | null) {
  if (choice.kind === 'original') return proposal;
  if (choice.kind === 'cash') return [{ method: 'cash' as const, reference: null, amount: total }];
  if (choice.kind === 'exchange')
    return [{ method: 'exchange' as const, reference: null, amount: total }];
  return [{ method: 'card' as const, reference: choice.reference.trim(), amount: total }];
}

/** The refund of the chosen units of a sale. */
export function orderRefundPlan(
  order: HistoryOrder,
  units: readonly ReturnableUnit[],
  chosen: ReadonlySet<string>,
  earlierRefunds: readonly TenderAmount[],
  choice: RefundChoice,
): RefundPlan {
  const total = addMinor(
    ...units.filter((unit) => chosen.has(unit.item.externalItemId)).map((unit) => unit.item.paid),
  );
  const proposal = proposeRefund(total, order.payments, earlierRefunds);
  const refunds = refundsFor(choice, total, proposal);
  if (refunds === null)
    return { total, refunds: null, needsApproval: false, problem: 'exceeds_paid' };
  const problems = checkRefunds(refunds, total, order.payments, earlierRefunds, false);
  if (problems.some((problem) => problem.kind === 'exceeds_paid')) {
    return { total, refunds, needsApproval: false, problem: 'exceeds_paid' };
  }
  return { total, refunds, needsApproval: problems.length > 0, problem: null };
}

/** A blind return refunds what the associate entered per unit, always with an approval. */
export function blindRefundPlan(prices: readonly Minor[], choice: RefundChoice): RefundPlan {
  const total = addMinor(...prices);
  const refunds =
    choice.kind === 'card'
      ? refundsFor(choice, total, null)
      : [{ method: 'cash' as const, reference: null, amount: total }];
  return { total, refunds, needsApproval: true, problem: null };
}

/** The cash an associate hands back, for the big "give back" figure. */
export const cashBack = (refunds: readonly TenderAmount[] | null): Minor =>
  minor(
    (refunds ?? [])
      .filter((refund) => refund.method === 'cash')
      .reduce((sum, refund) => sum + refund.amount, 0),
  );
