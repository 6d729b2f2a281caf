/**
 * Tender rules: the quick amounts offered for cash, the change due, and a sale paid with any
 * number of tenders (split tender, DESIGN §10.3) — cards for an amount each, cash for the rest,
 * change only from cash, never more than the balance on a card. Pure, in minor units.
 */
import { currencyDigits, minor, type Minor } from './money.ts';

export type TenderMethod = 'cash' | 'card';

export interface CashTender {
  readonly method: 'cash';
  /** What the customer handed over. */
  readonly tendered: Minor;
  readonly change: Minor;
}

export interface CardTender {
  readonly method: 'card';
  /** The reference printed by the external card terminal. */
  readonly reference: string;
}

export type Tender = CashTender | CardTender;

/** What the associate entered at payment, before it is checked against the total. */
export type TenderRequest =
  | { readonly method: 'cash'; readonly tendered: Minor }
  | { readonly method: 'card'; readonly reference: string };

/** Banknote steps in major units; currencies without minor digits (JPY) use larger notes. */
const STEPS_WITH_CENTS = [1, 5, 10, 20, 50, 100];
const STEPS_WITHOUT_CENTS = [100, 500, 1000, 5000, 10000];

/**
 * Amounts offered as one-tap buttons: the exact total, then the next round amounts above it
 * (next whole unit, next 5, 10, 20 …), without repeats, at most `count`.
 */
export function cashSuggestions(total: Minor, currency: string, count = 4): Minor[] {
  const digits = currencyDigits(currency);
  const factor = 10 ** digits;
  const steps = digits === 0 ? STEPS_WITHOUT_CENTS : STEPS_WITH_CENTS;
  const amounts: number[] = [total];
  if (total <= 0) return [minor(total)];
  const offer = (amount: number) => {
    if (amounts.length < count && !amounts.includes(amount)) amounts.push(amount);
  };
  for (const step of steps) {
    const unit = step * factor;
    const rounded = Math.ceil(total / unit) * unit;
    offer(rounded === total ? total + unit : rounded);
  }
  // Just under a large note (99.99) every step rounds to the same amount: offer that note plus
  // a smaller note, as a customer would hand over.
  const base = Math.max(...amounts);
  for (const step of steps.slice(1)) offer(base + step * factor);
  return amounts.sort((a, b) => a - b).map((amount) => minor(amount));
}

/** Change to give back, or null when the amount given does not cover the total. */
export function changeDue(total: Minor, tendered: Minor): Minor | null {
  return tendered >= total ? minor(tendered - total) : null;
}

/** The cash tender for an amount given, or null when it is short. */
export function cashTender(total: Minor, tendered: Minor): CashTender | null {
  const change = changeDue(total, tendered);
  return change === null ? null : { method: 'cash', tendered, change };
}

/** The card tender for a typed terminal reference, or null when the reference is blank. */
export function cardTender(reference: string): CardTender | null {
  const trimmed = reference.trim();
  return trimmed === '' ? null : { method: 'card', reference: trimmed };
}

/** One tender of a paid sale: what it paid toward the total. */
export type TenderLine =
  | {
      readonly method: 'cash';
      /** Paid toward the total: what was handed over less the change. */
      readonly amount: Minor;
      readonly tendered: Minor;
      readonly change: Minor;
    }
  | { readonly method: 'card'; readonly amount: Minor; readonly reference: string }
  /** The credit of a return made in the same exchange (its return id as reference). */
  | { readonly method: 'exchange'; readonly amount: Minor; readonly reference: string };

/** One tender as the associate enters it at payment. */
export type SplitTenderRequest =
  | { readonly method: 'cash'; readonly tendered: Minor }
  /** A card pays `amount`, or the whole balance left when it names none. */
  | { readonly method: 'card'; readonly amount?: Minor; readonly reference: string }
  | { readonly method: 'exchange'; readonly amount: Minor; readonly reference: string };

export type TenderProblem =
  | { readonly kind: 'card_over_balance'; readonly index: number; readonly balance: Minor }
  | { readonly kind: 'reference_missing'; readonly index: number }
  | { readonly kind: 'nothing_left'; readonly index: number }
  | { readonly kind: 'short'; readonly balance: Minor };

export type TenderResolution =
  | { readonly ok: true; readonly tenders: TenderLine[]; readonly change: Minor }
  | { readonly ok: false; readonly problem: TenderProblem };

/** What is still to pay after these tenders (never below zero). */
export function balanceAfter(total: Minor, requests: readonly SplitTenderRequest[]): Minor {
  let balance: number = total;
  for (const request of requests) {
    const amount = request.method === 'cash' ? request.tendered : (request.amount ?? balance);
    balance = Math.max(0, balance - amount);
  }
  return minor(balance);
}

/**
 * Turns the tenders entered, in order, into the sale's tenders. A card (or exchange credit)
 * pays its amount and may not pay more than the balance left; cash pays up to the balance and
 * gives back the rest as change; a tender after the total is covered, or a balance left at the
 * end, is refused.
 */
export function resolveTenders(
  total: Minor,
  requests: readonly SplitTenderRequest[],
): TenderResolution {
  const tenders: TenderLine[] = [];
  let balance: number = total;
  let change = 0;
  for (const [index, request] of requests.entries()) {
    if (balance === 0 && total > 0) return { ok: false, problem: { kind: 'nothing_left', index } };
    if (request.method === 'cash') {
      const applied = Math.min(request.tendered, balance);
      change = request.tendered - applied;
      tenders.push({
        method: 'cash',
        amount: minor(applied),
        tendered: request.tendered,
        change: minor(change),
      });
      balance -= applied;
      continue;
    }
    const reference = request.reference.trim();
    if (reference === '') return { ok: false, problem: { kind: 'reference_missing', index } };
    const amount = request.amount ?? minor(balance);
    if (amount > balance) {
      return { ok: false, problem: { kind: 'card_over_balance', index, balance: minor(balance) } };
    }
    tenders.push({ method: request.method, amount, reference });
    balance -= amount;
  }
  if (balance > 0) return { ok: false, problem: { kind: 'short', balance: minor(balance) } };
  return { ok: true, tenders, change: minor(change) };
}

/** The change given back on a paid sale (only cash gives change). */
export const changeGiven = (tenders: readonly TenderLine[]): Minor =>
  minor(tenders.reduce((sum, tender) => sum + (tender.method === 'cash' ? tender.change : 0), 0));
