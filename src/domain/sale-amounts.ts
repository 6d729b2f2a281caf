/**
 * A sale's (or a cart's) per-unit amounts and totals with its discounts and overrides: the
 * one computation the cart, the checkout, the order sent to the server, the receipt and the
 * store history all read, so they agree to the cent.
 */
import type { CartTotals } from './cart-totals.ts';
import { discountedAmounts, type Discount, type UnitAmount } from './discounts.ts';
import type { SaleLine } from './sale.ts';

export interface SaleAmounts {
  /** One per unit, in line order then unit order (the order's item numbering). */
  readonly units: readonly UnitAmount[];
  readonly totals: CartTotals;
}

export function saleAmounts(
  lines: readonly Pick<
    SaleLine,
    'lineId' | 'unitPrice' | 'quantity' | 'discount' | 'priceOverride'
  >[],
  orderDiscount: Discount | null | undefined,
  taxRate: number,
  priceMethod: 'tax_excluded' | 'tax_included',
): SaleAmounts {
  const { units, totals } = discountedAmounts(lines, orderDiscount ?? null, taxRate, priceMethod);
  return {
    units,
    totals: {
      subtotal: totals.subtotal,
      tax: totals.tax,
      total: totals.total,
      units: totals.units,
      ...(totals.discount > 0
        ? { discount: totals.discount, listSubtotal: totals.listSubtotal }
        : {}),
    },
  };
}
