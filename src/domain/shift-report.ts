/**
 * A till's shift in figures (DESIGN §10.4): from the opening float, the shift's sales, returns
 * and cash movements, the totals and counts of the X report (mid-shift) and the Z report
 * (close), the cash the drawer should hold and, once counted, the variance. Pure and in
 * integer minor units: the device reckons its reports with it from its own records and the
 * server recomputes each shift with it from what it received, so both agree to the cent.
 */
import { CashMovementTypes, type CashMovementType } from '../protocol/wire-constants.ts';
import { minor, type Minor } from './money.ts';

/** One tender of a sale or a refund. `exchange` is credit between a return and a sale. */
export interface ShiftTender {
  readonly method: 'cash' | 'card' | 'exchange';
  /** What it paid toward the total (for cash: what was handed over less the change). */
  readonly amount: Minor;
  /** Cash only: what the customer handed over and what went back, when known. */
  readonly tendered?: Minor;
  readonly change?: Minor;
}

export interface ShiftSale {
  /** What the sale cost, tax included. */
  readonly total: Minor;
  readonly tax: Minor;
  /** What discounts and price overrides took off the list prices. */
  readonly discount: Minor;
  readonly payments: readonly ShiftTender[];
  /** Units of serialized products in the sale. */
  readonly serializedUnits: number;
}

export interface ShiftReturn {
  readonly refunds: readonly ShiftTender[];
  /** Serialized units taken back (each returns with the serial it was sold with). */
  readonly serializedUnits: number;
}

export interface ShiftMovement {
  readonly type: CashMovementType;
  readonly amount: Minor;
}

export interface ShiftInput {
  readonly openingFloat: Minor;
  readonly sales: readonly ShiftSale[];
  readonly returns: readonly ShiftReturn[];
  readonly movements: readonly ShiftMovement[];
  /** The blind count at close; null while the shift is open. */
  readonly countedCash: Minor | null;
}

export interface ShiftReport {
  readonly totals: {
    /** The sales' totals, tax included. */
    readonly sales: Minor;
    /** What the returns refunded, on every tender. */
    readonly returns: Minor;
    readonly discounts: Minor;
    /** The tax of the shift's sales. */
    readonly tax: Minor;
    /** Per tender: taken in sales less refunded (exchange credit is neither). */
    readonly byMethod: { readonly cash: Minor; readonly card: Minor };
  };
  readonly counts: {
    readonly sales: number;
    readonly returns: number;
    readonly serializedUnitsSold: number;
    readonly serializedUnitsReturned: number;
  };
  readonly movements: { readonly safeDrop: Minor; readonly paidIn: Minor; readonly paidOut: Minor };
  /** Float + cash taken − cash refunded + paid in − paid out − safe drops. */
  readonly expectedCash: Minor;
  readonly countedCash: Minor | null;
  /** Counted less expected: negative when cash is missing; null until counted. */
  readonly variance: Minor | null;
}

/** The cash a tender put in (or, for a refund, took out of) the drawer. */
function cashOf(tender: ShiftTender): number {
  if (tender.method !== 'cash') return 0;
  return tender.tendered === undefined ? tender.amount : tender.tendered - (tender.change ?? 0);
}

const cardOf = (tender: ShiftTender): number => (tender.method === 'card' ? tender.amount : 0);

const sum = <T>(items: readonly T[], of: (item: T) => number): number =>
  items.reduce((total, item) => total + of(item), 0);

export function shiftReport(input: ShiftInput): ShiftReport {
  const movementTotal = (type: CashMovementType): Minor =>
    minor(sum(input.movements, (m) => (m.type === type ? m.amount : 0)));
  const safeDrop = movementTotal(CashMovementTypes.safeDrop);
  const paidIn = movementTotal(CashMovementTypes.paidIn);
  const paidOut = movementTotal(CashMovementTypes.paidOut);

  const cashIn = sum(input.sales, (sale) => sum(sale.payments, cashOf));
  const cashOut = sum(input.returns, (ret) => sum(ret.refunds, cashOf));
  const cardIn = sum(input.sales, (sale) => sum(sale.payments, cardOf));
  const cardOut = sum(input.returns, (ret) => sum(ret.refunds, cardOf));

  const expectedCash = minor(input.openingFloat + cashIn - cashOut + paidIn - paidOut - safeDrop);
  return {
    totals: {
      sales: minor(sum(input.sales, (sale) => sale.total)),
      returns: minor(sum(input.returns, (ret) => sum(ret.refunds, (refund) => refund.amount))),
      discounts: minor(sum(input.sales, (sale) => sale.discount)),
      tax: minor(sum(input.sales, (sale) => sale.tax)),
      byMethod: { cash: minor(cashIn - cashOut), card: minor(cardIn - cardOut) },
    },
    counts: {
      sales: input.sales.length,
      returns: input.returns.length,
      serializedUnitsSold: sum(input.sales, (sale) => sale.serializedUnits),
      serializedUnitsReturned: sum(input.returns, (ret) => ret.serializedUnits),
    },
    movements: { safeDrop, paidIn, paidOut },
    expectedCash,
    countedCash: input.countedCash,
    variance: input.countedCash === null ? null : minor(input.countedCash - expectedCash),
  };
}

/** One line of a count by denomination: a note or coin (in minor units) and how many. */
export interface DenominationCount {
  readonly denomination: Minor;
  readonly count: number;
}

/** What a count by denomination adds up to. */
export const countedTotal = (counts: readonly DenominationCount[]): Minor =>
  minor(sum(counts, (line) => line.denomination * line.count));

/** Notes and coins offered for a count by denomination, largest first, in minor units. */
export function cashDenominations(digits: number): Minor[] {
  const major = [100, 50, 20, 10, 5, 2, 1].map((note) => note * 10 ** digits);
  const coins = digits === 2 ? [50, 25, 10, 5, 1] : [];
  return [...major, ...coins].map((value) => minor(value));
}
