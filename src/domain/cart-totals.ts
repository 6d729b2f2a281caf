/**
 * Totals of a cart or a sale from its lines, in integer minor units.
 *
 * Tax is computed per unit and summed, because the order goes to the platform as one item per
 * unit, each with its own tax line: summing per-unit tax is the only way the device's total and
 * the server's total agree to the cent.
 */
import { minor, taxOn, type Minor } from './money.ts';

export type PriceMethod = 'tax_excluded' | 'tax_included';

export interface TotalsLine {
  readonly unitPrice: Minor;
  readonly quantity: number;
}

export interface LineAmounts {
  /** Price of one unit before tax. */
  readonly unitNet: Minor;
  /** Tax on one unit. */
  readonly unitTax: Minor;
  /** What the customer pays for the line: unit price (as shown) × quantity. */
  readonly lineTotal: Minor;
  readonly lineTax: Minor;
}

export interface CartTotals {
  /** Sum of the lines before tax. */
  readonly subtotal: Minor;
  readonly tax: Minor;
  /** What the customer pays. */
  readonly total: Minor;
  /** Number of units in the cart. */
  readonly units: number;
  /** Everything discounts and overrides took off list prices (absent: none). */
  readonly discount?: Minor;
  /** The subtotal at list prices, when a discount changed it. */
  readonly listSubtotal?: Minor;
}

const RATE_SCALE = 1_000_000;

/**
 * The tax contained in a tax-included unit price: price − round(price / (1 + rate)), half up,
 * done in integers (rate in millionths) so 0.0825 does not drift.
 */
export function taxIncludedIn(price: Minor, rate: number): Minor {
  const rateMillionths = Math.round(rate * RATE_SCALE);
  const numerator = price * RATE_SCALE;
  const denominator = RATE_SCALE + rateMillionths;
  const quotient = Math.floor(numerator / denominator);
  const remainder = numerator - quotient * denominator;
  const net = remainder * 2 >= denominator ? quotient + 1 : quotient;
  return minor(price - net);
}

/** Amounts of one line at a tax rate. Quantity must be a whole number ≥ 0. */
export function lineAmounts(
  line: TotalsLine,
  taxRate: number,
  priceMethod: PriceMethod = 'tax_excluded',
): LineAmounts {
  if (!Number.isSafeInteger(line.quantity) || line.quantity < 0) {
    throw new RangeError(`quantity must be a whole number ≥ 0, got ${line.quantity}`);
  }
  if (priceMethod === 'tax_included') {
    const unitTax = taxIncludedIn(line.unitPrice, taxRate);
    return {
      unitNet: minor(line.unitPrice - unitTax),
      unitTax,
      lineTotal: minor(line.unitPrice * line.quantity),
      lineTax: minor(unitTax * line.quantity),
    };
  }
  const unitTax = taxOn(line.unitPrice, taxRate);
  return {
    unitNet: line.unitPrice,
    unitTax,
    lineTotal: minor(line.unitPrice * line.quantity),
    lineTax: minor(unitTax * line.quantity),
  };
}

/** Subtotal, tax and total of a set of lines. */
export function cartTotals(
  lines: readonly TotalsLine[],
  taxRate: number,
  priceMethod: PriceMethod = 'tax_excluded',
): CartTotals {
  let gross = 0;
  let tax = 0;
  let units = 0;
  for (const line of lines) {
    const amounts = lineAmounts(line, taxRate, priceMethod);
    gross += amounts.lineTotal;
    tax += amounts.lineTax;
    units += line.quantity;
  }
  if (priceMethod === 'tax_included') {
    return { subtotal: minor(gross - tax), tax: minor(tax), total: minor(gross), units };
  }
  return { subtotal: minor(gross), tax: minor(tax), total: minor(gross + tax), units };
}
