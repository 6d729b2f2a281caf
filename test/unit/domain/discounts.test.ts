// Discount arithmetic: line and order discounts, percentage and fixed, tax-excluded and
// tax-included stores, shares that add up to the cent, and the role limits. The sums are in
// the comments.
import { describe, expect, it } from 'vitest';
import {
  checkDiscount,
  DEFAULT_DISCOUNT_LIMITS,
  discountedAmounts,
  discountLimits,
  spread,
  type Discount,
  type DiscountLine,
} from '../../../src/domain/discounts.ts';
import { minor } from '../../../src/domain/money.ts';

const pct = (value: number, reason = 'Open box'): Discount => ({
  kind: 'percentage',
  value,
  reason,
  approval: null,
});
const fixed = (value: number, reason = 'Open box'): Discount => ({
  kind: 'fixed',
  value,
  reason,
  approval: null,
});
const line = (
  lineId: string,
  unitPrice: number,
  quantity = 1,
  discount: Discount | null = null,
): DiscountLine => ({
  lineId,
  unitPrice: minor(unitPrice),
  quantity,
  discount,
});

describe('discountedAmounts', () => {
  it.each<
    [
      string,
      DiscountLine[],
      Discount | null,
      'tax_excluded' | 'tax_included',
      number[],
      Record<string, number>,
    ]
  >([
    // 10 % off a 1 199.00 laptop: 119.90 off, 1 079.10, tax 8 % = 86.33
    [
      'a line percentage',
      [line('a', 119900, 1, pct(10))],
      null,
      'tax_excluded',
      [107910],
      { discount: 11990, tax: 8633, total: 116543 },
    ],
    // 5.00 off a line of 3 × 3.33: 1.67 + 1.67 + 1.66 off
    [
      'a fixed line discount over 3 units',
      [line('a', 333, 3, fixed(500))],
      null,
      'tax_excluded',
      [166, 166, 167],
      { discount: 500, subtotal: 499 },
    ],
    // 10.00 off an order of 20.00 and 10.00: 6.67 and 3.33 (largest remainder)
    [
      'an order discount spread in proportion',
      [line('a', 2000), line('b', 1000)],
      fixed(1000),
      'tax_excluded',
      [1333, 667],
      { discount: 1000, subtotal: 2000 },
    ],
    // 10 % off the order after a 50 % line: 50.00 + 30.00 = 80.00, 8.00 off: 5.00 and 3.00
    [
      'line then order',
      [line('a', 10000, 1, pct(50)), line('b', 3000)],
      pct(10),
      'tax_excluded',
      [4500, 2700],
      { discount: 5800, subtotal: 7200 },
    ],
    // Tax-included 108.00 less 10 %: 97.20 with 7.20 tax inside (8 %)
    [
      'a tax-included store',
      [line('a', 10800, 1, pct(10))],
      null,
      'tax_included',
      [9720],
      { discount: 1080, tax: 720, total: 9720, subtotal: 9000 },
    ],
    // 1.00 off three 1.00 units: 0.34 + 0.33 + 0.33
    [
      'rounding shares',
      [line('a', 100), line('b', 100), line('c', 100)],
      fixed(100),
      'tax_excluded',
      [66, 67, 67],
      { discount: 100 },
    ],
    [
      'no discount at all',
      [line('a', 1999, 2)],
      null,
      'tax_excluded',
      [1999, 1999],
      { discount: 0, total: 4318 },
    ],
  ])('%s', (_, lines, order, method, prices, totals) => {
    const { units, totals: result } = discountedAmounts(lines, order, 0.08, method);
    expect(units.map((unit) => unit.price)).toEqual(prices);
    expect(result).toMatchObject(totals);
    // Every unit: list less its adjustments is its price.
    for (const unit of units) {
      expect(
        unit.listPrice - unit.overrideAdjustment - unit.lineAdjustment - unit.orderAdjustment,
      ).toBe(unit.price);
    }
  });

  it('a price override lowers the unit before discounts', () => {
    const { units } = discountedAmounts(
      [
        {
          ...line('a', 10000),
          priceOverride: {
            price: minor(8000),
            reason: 'Price match',
            approval: { manager_id: 'm', reason: 'x' },
          },
        },
      ],
      null,
      0.08,
    );
    expect(units[0]).toMatchObject({ price: 8000, overrideAdjustment: 2000, tax: 640 });
  });

  it('never takes more than the price', () => {
    const { units } = discountedAmounts([line('a', 500, 1, fixed(900))], null, 0.08);
    expect(units[0]?.price).toBe(0);
  });

  it.each([
    [100, [1, 1, 1], [34, 33, 33]],
    [0, [1, 2], [0, 0]],
    [10, [0, 0], [0, 0]],
  ])('spread(%i, %j) = %j', (amount, weights, expected) => {
    expect(spread(amount, weights)).toEqual(expected);
  });
});

describe('checkDiscount', () => {
  const limits = DEFAULT_DISCOUNT_LIMITS;
  it.each<[string, Discount, 'associate' | 'manager', unknown]>([
    ['10 % by an associate', pct(10), 'associate', { ok: true, needsApproval: false }],
    ['30 % by an associate', pct(30), 'associate', { ok: true, needsApproval: true }],
    ['30 % by a manager', pct(30), 'manager', { ok: true, needsApproval: false }],
    [
      '60 %, above even a manager',
      pct(60),
      'manager',
      { ok: false, problem: 'above_manager_limit' },
    ],
    ['above 100 %', pct(101), 'manager', { ok: false, problem: 'above_price' }],
    [
      'a fixed amount above the price',
      fixed(10001),
      'manager',
      { ok: false, problem: 'above_price' },
    ],
    ['negative', fixed(-1), 'associate', { ok: false, problem: 'negative' }],
    ['an unknown reason', pct(5, 'Because'), 'associate', { ok: false, problem: 'unknown_reason' }],
    // 15.00 of 100.00 is 15 %: above the associate's 10 %
    [
      'a fixed amount measured as a percentage',
      fixed(1500),
      'associate',
      { ok: true, needsApproval: true },
    ],
  ])('%s', (_, discount, role, expected) => {
    expect(checkDiscount(discount, minor(10000), role, limits)).toEqual(expected);
  });

  it('reads the limits and reasons from the configuration', () => {
    expect(
      discountLimits({
        capabilities: {
          discounts: { associate_max_percent: 5, manager_max_percent: 30, reasons: ['Staff'] },
        },
      }),
    ).toEqual({ associateMaxPercent: 5, managerMaxPercent: 30, reasons: ['Staff'] });
    expect(
      discountLimits({ capabilities: { discounts: { associate_max_percent: 'lots' } } }),
    ).toEqual(DEFAULT_DISCOUNT_LIMITS);
  });
});
