import { describe, expect, it } from 'vitest';
import { minor } from '../../../src/domain/money.ts';
import {
  balanceAfter,
  cardTender,
  cashSuggestions,
  cashTender,
  changeDue,
  resolveTenders,
} from '../../../src/domain/tender.ts';

describe('cashSuggestions', () => {
  it.each([
    [2159, 'USD', [2159, 2200, 2500, 3000]],
    [2000, 'USD', [2000, 2100, 2500, 3000]],
    [5, 'USD', [5, 100, 500, 1000]],
    [9999, 'USD', [9999, 10000, 10500, 11000]],
    [3738, 'JPY', [3738, 3800, 4000, 5000]],
  ])('for %i %s offers %j', (total, currency, expected) => {
    expect(cashSuggestions(minor(total), currency)).toEqual(expected);
  });

  it('offers only the exact amount for a zero total', () => {
    expect(cashSuggestions(minor(0), 'USD')).toEqual([0]);
  });
});

describe('changeDue and cashTender', () => {
  it.each([
    [2159, 3000, 841],
    [2159, 2159, 0],
    [2159, 2158, null],
  ])('total %i, given %i → change %j', (total, given, change) => {
    expect(changeDue(minor(total), minor(given))).toBe(change);
    const tender = cashTender(minor(total), minor(given));
    expect(tender === null ? null : tender.change).toBe(change);
  });
});

describe('cardTender', () => {
  it('keeps the trimmed reference', () => {
    expect(cardTender('  AUTH 123456 ')).toEqual({ method: 'card', reference: 'AUTH 123456' });
  });

  it('refuses a blank reference', () => {
    expect(cardTender('   ')).toBeNull();
  });
});

describe('resolveTenders (split tender)', () => {
  const cash = (tendered: number) => ({ method: 'cash' as const, tendered: minor(tendered) });
  const card = (amount: number, reference = 'T-1') => ({
    method: 'card' as const,
    amount: minor(amount),
    reference,
  });
  it.each<[string, number, ReturnType<typeof cash | typeof card>[], unknown]>([
    // 500.00: 200.00 cash + 300.00 card
    [
      'part cash, part card',
      50000,
      [cash(20000), card(30000)],
      { change: 0, applied: [20000, 30000] },
    ],
    // 21.59 paid 10.00 card, 20.00 cash: change 8.41 from cash
    [
      'card, then cash with change',
      2159,
      [card(1000), cash(2000)],
      { change: 841, applied: [1000, 1159] },
    ],
    ['two cards', 3000, [card(1000, 'A'), card(2000, 'B')], { change: 0, applied: [1000, 2000] }],
    ['card over the balance', 3000, [card(3001)], { problem: 'card_over_balance' }],
    [
      'a card after the total is covered',
      3000,
      [cash(5000), card(100)],
      { problem: 'nothing_left' },
    ],
    ['short', 3000, [card(1000)], { problem: 'short' }],
    ['a card without its reference', 3000, [card(3000, '  ')], { problem: 'reference_missing' }],
  ])('%s', (_, total, requests, expected) => {
    const result = resolveTenders(minor(total), requests);
    if ('problem' in (expected as object)) {
      expect(result.ok ? null : result.problem.kind).toBe(
        (expected as { problem: string }).problem,
      );
      return;
    }
    const { change, applied } = expected as { change: number; applied: number[] };
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.change).toBe(change);
    expect(result.tenders.map((t) => t.amount)).toEqual(applied);
    expect(result.tenders.reduce((sum, t) => sum + t.amount, 0)).toBe(total);
  });

  it('tells the balance left after part payments', () => {
    expect(balanceAfter(minor(50000), [cash(20000)])).toBe(30000);
    expect(balanceAfter(minor(50000), [cash(60000)])).toBe(0);
  });
});
