import { describe, expect, it } from 'vitest';
import { minor } from '../../../src/domain/money.ts';
import { cardTender, cashSuggestions, cashTender, changeDue } from '../../../src/domain/tender.ts';

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
