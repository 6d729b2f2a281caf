/**
 * Refund arithmetic for returns (DESIGN §10.2), in integer minor units, the same on the device
 * and on the server. A returned unit refunds what was paid for it — its price after its
 * discounts, its share of order discounts, and its tax when the store adds tax — never more,
 * and the refund goes back to the sale's own tenders by default: split in proportion to what
 * each still holds (largest remainder, so the shares add up to the cent), capped by what each
 * tender paid less what earlier returns took back.
 */
import { addMinor, minor, type Minor } from './money.ts';

export type RefundTenderMethod = 'cash' | 'card' | 'exchange';

/** One tender of a sale or one refund of a return: cash, a card (by reference), exchange credit. */
export interface TenderAmount {
  readonly method: RefundTenderMethod;
  /** A card's terminal reference; null for cash. */
  readonly reference: string | null;
  readonly amount: Minor;
}

export interface PaidUnit {
  /** The unit's price after its own discounts (the order item's `item_price`). */
  readonly price: Minor;
  /** Its tax (a tax-included price contains it already). */
  readonly tax: Minor;
  /** Its share of order-level discounts not yet taken off `price` (0 when none). */
  readonly orderDiscountShare?: Minor;
}

// What the customer paid for one unit: with the sale's own history shape, on the first paint.
export { unitPaid } from './sale-history.ts';

/** Cash is one pot; each card by its reference; exchange credit by the sale it paid for. */
const tenderKey = (tender: Pick<TenderAmount, 'method' | 'reference'>): string =>
  tender.method === 'cash' ? 'cash' : `${tender.method}:${tender.reference ?? ''}`;

/** What each original tender can still refund: paid less what earlier refunds took back. */
export function tendersRemaining(
  paid: readonly TenderAmount[],
  refunded: readonly TenderAmount[],
): TenderAmount[] {
  const taken = new Map<string, number>();
  for (const refund of refunded) {
    taken.set(tenderKey(refund), (taken.get(tenderKey(refund)) ?? 0) + refund.amount);
  }
  const merged = new Map<string, TenderAmount>();
  for (const tender of paid) {
    const key = tenderKey(tender);
    const known = merged.get(key);
    merged.set(key, {
      method: tender.method,
      reference: tender.reference,
      amount: minor((known?.amount ?? 0) + tender.amount),
    });
  }
  return [...merged.entries()].map(([key, tender]) => ({
    ...tender,
    amount: minor(Math.max(0, tender.amount - (taken.get(key) ?? 0))),
  }));
}

/**
 * The default split of a refund over the original tenders, in proportion to what each can
 * still refund. Null when `amount` is more than they hold together.
 */
export function proposeRefund(
  amount: Minor,
  paid: readonly TenderAmount[],
  refunded: readonly TenderAmount[] = [],
): TenderAmount[] | null {
  const remaining = tendersRemaining(paid, refunded).filter((tender) => tender.amount > 0);
  const total = remaining.reduce((sum, tender) => sum + tender.amount, 0);
  if (amount > total) return null;
  if (amount <= 0 || remaining.length === 0) return [];
  const shares = remaining.map((tender, index) => {
    const exact = amount * tender.amount;
    return { index, share: Math.floor(exact / total), rest: exact % total };
  });
  let left = amount - shares.reduce((sum, entry) => sum + entry.share, 0);
  // The cents the floors dropped go to the largest remainders (earlier tender on a tie).
  for (const entry of [...shares].sort((a, b) => b.rest - a.rest || a.index - b.index)) {
    if (left === 0) break;
    entry.share += 1;
    left -= 1;
  }
  return shares
    .map((entry) => ({ ...remaining[entry.index]!, amount: minor(entry.share) }))
    .filter((tender) => tender.amount > 0);
}

export type RefundProblem =
  | { readonly kind: 'exceeds_paid'; readonly refund: Minor; readonly paid: Minor }
  | { readonly kind: 'not_original_tender'; readonly index: number }
  | { readonly kind: 'exceeds_tender'; readonly index: number; readonly remaining: Minor };

/**
 * Checks refunds for units that were paid `itemsPaid` in all: never more than that, and —
 * unless a manager approved another split — only to the sale's own tenders, each within what
 * it can still refund. Exchange credit (a replacement sold in the same exchange) is always
 * allowed. An empty list means the refunds may be paid.
 */
export function checkRefunds(
  refunds: readonly TenderAmount[],
  itemsPaid: Minor,
  paid: readonly TenderAmount[],
  refunded: readonly TenderAmount[],
  approved: boolean,
): RefundProblem[] {
  const total = addMinor(...refunds.map((refund) => refund.amount));
  if (total > itemsPaid) return [{ kind: 'exceeds_paid', refund: total, paid: itemsPaid }];
  if (approved) return [];
  const remaining = new Map(tendersRemaining(paid, refunded).map((t) => [tenderKey(t), t.amount]));
  const problems: RefundProblem[] = [];
  refunds.forEach((refund, index) => {
    if (refund.method === 'exchange') return;
    const key = tenderKey(refund);
    const left = remaining.get(key);
    if (left === undefined) {
      problems.push({ kind: 'not_original_tender', index });
      return;
    }
    if (refund.amount > left) problems.push({ kind: 'exceeds_tender', index, remaining: left });
    remaining.set(key, minor(Math.max(0, left - refund.amount)));
  });
  return problems;
}
