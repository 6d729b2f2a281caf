import { describe, expect, it } from 'vitest';
import { minor } from '../../../src/domain/money.ts';
import {
  cashDenominations,
  countedTotal,
  shiftReport,
  type ShiftInput,
  type ShiftMovement,
  type ShiftReturn,
  type ShiftSale,
  type ShiftTender,
} from '../../../src/domain/shift-report.ts';

const cash = (amount: number, tendered?: number): ShiftTender =>
  tendered === undefined
    ? { method: 'cash', amount: minor(amount) }
    : {
        method: 'cash',
        amount: minor(amount),
        tendered: minor(tendered),
        change: minor(tendered - amount),
      };
const card = (amount: number): ShiftTender => ({ method: 'card', amount: minor(amount) });
const exchange = (amount: number): ShiftTender => ({ method: 'exchange', amount: minor(amount) });

const sale = (
  total: number,
  payments: ShiftTender[],
  extra: { tax?: number; discount?: number; serialized?: number } = {},
): ShiftSale => ({
  total: minor(total),
  tax: minor(extra.tax ?? 0),
  discount: minor(extra.discount ?? 0),
  payments,
  serializedUnits: extra.serialized ?? 0,
});
const refund = (refunds: ShiftTender[], serialized = 0): ShiftReturn => ({
  refunds,
  serializedUnits: serialized,
});
const move = (type: ShiftMovement['type'], amount: number): ShiftMovement => ({
  type,
  amount: minor(amount),
});

const day = (input: Partial<ShiftInput>): ShiftInput => ({
  openingFloat: minor(0),
  sales: [],
  returns: [],
  movements: [],
  countedCash: null,
  ...input,
});

describe('shiftReport', () => {
  // The day: float 200.00; 300.00 cash; 500.00 as 200.00 cash + 300.00 card; 100.00
  // refunded in cash; 150.00 dropped to the safe.
  // Cash: 200 + 300 + 200 − 100 − 150 = 450.00 expected; 440.00 counted → −10.00.
  it("reckons the issue's day: expected 450.00, variance −10.00", () => {
    const report = shiftReport(
      day({
        openingFloat: minor(20000),
        sales: [sale(30000, [cash(30000)]), sale(50000, [cash(20000), card(30000)])],
        returns: [refund([cash(10000)])],
        movements: [move('safe_drop', 15000)],
        countedCash: minor(44000),
      }),
    );
    expect(report).toEqual({
      totals: {
        sales: 80000,
        returns: 10000,
        discounts: 0,
        tax: 0,
        byMethod: { cash: 40000, card: 30000 },
      },
      counts: { sales: 2, returns: 1, serializedUnitsSold: 0, serializedUnitsReturned: 0 },
      movements: { safeDrop: 15000, paidIn: 0, paidOut: 0 },
      expectedCash: 45000,
      countedCash: 44000,
      variance: -1000,
    });
  });

  it.each<[string, Partial<ShiftInput>, { expected: number; variance: number | null }]>([
    [
      'an empty shift expects its float',
      { openingFloat: minor(10000) },
      { expected: 10000, variance: null },
    ],
    [
      // 50.00 handed over for 21.59: 28.41 back, so 21.59 stays in the drawer.
      'cash change leaves the drawer',
      { openingFloat: minor(10000), sales: [sale(2159, [cash(2159, 5000)])] },
      { expected: 12159, variance: null },
    ],
    [
      // Card money never reaches the drawer, in or out.
      'card sales and refunds do not touch the drawer',
      {
        openingFloat: minor(5000),
        sales: [sale(9999, [card(9999)])],
        returns: [refund([card(4999)])],
      },
      { expected: 5000, variance: null },
    ],
    [
      // 100.00 + 20.00 paid in − 7.50 paid out − 50.00 dropped = 62.50
      'paid in adds, paid out and safe drops take away',
      {
        openingFloat: minor(10000),
        movements: [move('paid_in', 2000), move('paid_out', 750), move('safe_drop', 5000)],
      },
      { expected: 6250, variance: null },
    ],
    [
      'counting more than expected is a positive variance',
      { openingFloat: minor(10000), countedCash: minor(10025) },
      { expected: 10000, variance: 25 },
    ],
    [
      'an exact count is no variance',
      { openingFloat: minor(10000), countedCash: minor(10000) },
      { expected: 10000, variance: 0 },
    ],
    [
      // Exchange credit moves no cash; the 5.00 difference was paid in cash.
      'exchange credit is neither cash nor card',
      {
        openingFloat: minor(0),
        sales: [sale(2500, [exchange(2000), cash(500)])],
        returns: [refund([exchange(2000)])],
      },
      { expected: 500, variance: null },
    ],
  ])('%s', (_name, input, { expected, variance }) => {
    const report = shiftReport(day(input));
    expect(report.expectedCash).toBe(expected);
    expect(report.variance).toBe(variance);
  });

  it('totals tax, discounts, tenders and serialized units over mixed sales', () => {
    // Sale 1: 108.00 (8.00 tax, 10.00 off), cash 120.00 handed, 12.00 back; 1 serialized unit.
    // Sale 2: 54.00 (4.00 tax), card; 2 serialized units. Return: 54.00 to card, 1 unit.
    const report = shiftReport(
      day({
        openingFloat: minor(15000),
        sales: [
          sale(10800, [cash(10800, 12000)], { tax: 800, discount: 1000, serialized: 1 }),
          sale(5400, [card(5400)], { tax: 400, serialized: 2 }),
        ],
        returns: [refund([card(5400)], 1)],
      }),
    );
    expect(report.totals).toEqual({
      sales: 16200,
      returns: 5400,
      discounts: 1000,
      tax: 1200,
      byMethod: { cash: 10800, card: 0 },
    });
    expect(report.counts).toEqual({
      sales: 2,
      returns: 1,
      serializedUnitsSold: 3,
      serializedUnitsReturned: 1,
    });
    // 150.00 + 108.00 = 258.00
    expect(report.expectedCash).toBe(25800);
  });
});

describe('countedTotal and cashDenominations', () => {
  it.each([
    // 2 × 100.00 + 4 × 50.00 + 3 × 10.00 + 8 × 1.00 + 4 × 0.25 + 1 × 0.01 = 439.01
    [
      [
        [10000, 2],
        [5000, 4],
        [1000, 3],
        [100, 8],
        [25, 4],
        [1, 1],
      ],
      43901,
    ],
    [[], 0],
  ])('%j adds up to %i', (lines, total) => {
    const counts = lines.map(([denomination = 0, count = 0]) => ({
      denomination: minor(denomination),
      count,
    }));
    expect(countedTotal(counts)).toBe(total);
  });

  it.each([
    [2, [10000, 5000, 2000, 1000, 500, 200, 100, 50, 25, 10, 5, 1]],
    [0, [100, 50, 20, 10, 5, 2, 1]],
  ])('offers, for %i digits, %j', (digits, expected) => {
    expect(cashDenominations(digits)).toEqual(expected);
  });
});
