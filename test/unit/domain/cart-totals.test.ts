import { describe, expect, it } from 'vitest';
import { cartTotals, lineAmounts, taxIncludedIn } from '../../../src/domain/cart-totals.ts';
import { minor } from '../../../src/domain/money.ts';

const line = (unitPrice: number, quantity: number) => ({ unitPrice: minor(unitPrice), quantity });

describe('cartTotals (tax excluded)', () => {
  it.each([
    {
      name: 'an empty cart',
      lines: [],
      rate: 0.08,
      expected: { subtotal: 0, tax: 0, total: 0, units: 0 },
    },
    {
      name: 'one line at 8 %',
      lines: [line(1999, 1)],
      rate: 0.08,
      expected: { subtotal: 1999, tax: 160, total: 2159, units: 1 },
    },
    {
      name: 'tax per unit, summed (3 × 10.00 at 8.25 % is 3 × 0.83, not 2.475 → 2.48)',
      lines: [line(1000, 3)],
      rate: 0.0825,
      expected: { subtotal: 3000, tax: 249, total: 3249, units: 3 },
    },
    {
      name: 'several lines',
      lines: [line(1999, 2), line(499, 1), line(5, 10)],
      rate: 0.08,
      // 1999 → 160 each, 499 → 40, 5 → 0 (0.4 rounds down)
      expected: { subtotal: 4547, tax: 360, total: 4907, units: 13 },
    },
    {
      name: 'a zero rate',
      lines: [line(1234, 2)],
      rate: 0,
      expected: { subtotal: 2468, tax: 0, total: 2468, units: 2 },
    },
    {
      name: 'JPY with no minor digits',
      lines: [line(1500, 2), line(398, 1)],
      rate: 0.1,
      // 150 each for 1500; 39.8 → 40
      expected: { subtotal: 3398, tax: 340, total: 3738, units: 3 },
    },
  ])('$name', ({ lines, rate, expected }) => {
    expect(cartTotals(lines, rate)).toEqual(expected);
  });
});

describe('cartTotals (tax included)', () => {
  it.each([
    {
      lines: [line(1080, 1)],
      rate: 0.08,
      expected: { subtotal: 1000, tax: 80, total: 1080, units: 1 },
    },
    {
      lines: [line(1000, 2)],
      rate: 0.2,
      expected: { subtotal: 1666, tax: 334, total: 2000, units: 2 },
    },
  ])('$lines.0.unitPrice × $lines.0.quantity at $rate', ({ lines, rate, expected }) => {
    expect(cartTotals(lines, rate, 'tax_included')).toEqual(expected);
  });

  it.each([
    [1080, 0.08, 80],
    [1000, 0.2, 167], // 1000 / 1.2 = 833.33 → net 833
    [100, 0.0825, 8], // 100 / 1.0825 = 92.38 → net 92
    [0, 0.1, 0],
  ])('tax inside %i at %d is %i', (price, rate, expected) => {
    expect(taxIncludedIn(minor(price), rate)).toBe(expected);
  });
});

describe('lineAmounts', () => {
  it('gives the unit tax and the line total', () => {
    expect(lineAmounts(line(1999, 3), 0.08)).toEqual({
      unitNet: 1999,
      unitTax: 160,
      lineTotal: 5997,
      lineTax: 480,
    });
  });

  it.each([-1, 1.5, Number.NaN])('refuses quantity %d', (quantity) => {
    expect(() => lineAmounts(line(100, quantity), 0.08)).toThrow(RangeError);
  });
});
