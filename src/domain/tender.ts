/**
 * Cash and card tender rules: the quick amounts offered for cash, the change due, and whether
 * a tender covers the total. Pure, in minor units.
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
