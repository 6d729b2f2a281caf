/**
 * Discounts and price overrides (DESIGN §10.3), in integer minor units, the same on the device
 * and on the server. A line discount (percentage or fixed) comes off its line and is spread
 * over the line's units; an order discount is spread over every unit in proportion to what it
 * costs after its line discount, by largest remainder, so the shares add up to the cent; tax is
 * computed per unit on the discounted price. Above a role's limit, and for any price override,
 * a manager approves.
 */
import { lineAmounts, type PriceMethod } from './cart-totals.ts';
import { minor, type Minor } from './money.ts';

export type DiscountKind = 'percentage' | 'fixed';

/** Who approved, on the device (their own PIN) or by an integration. */
export interface DiscountApproval {
  readonly manager_id: string;
  readonly reason: string;
  readonly at?: string;
}

export interface Discount {
  readonly kind: DiscountKind;
  /** A percentage (0–100, two decimals at most) or an amount in minor units. */
  readonly value: number;
  /** A reason code from the configured list. */
  readonly reason: string;
  readonly approval: DiscountApproval | null;
}

export interface PriceOverride {
  /** The unit price the manager set, in minor units. */
  readonly price: Minor;
  readonly reason: string;
  readonly approval: DiscountApproval;
}

export interface DiscountLine {
  readonly lineId: string;
  /** The catalog price of one unit. */
  readonly unitPrice: Minor;
  readonly quantity: number;
  readonly discount?: Discount | null;
  readonly priceOverride?: PriceOverride | null;
}

export interface UnitAmount {
  readonly lineId: string;
  /** Catalog price of the unit. */
  readonly listPrice: Minor;
  /** List price less the override (0 without one): an approved price change. */
  readonly overrideAdjustment: Minor;
  /** The unit's share of its line's discount. */
  readonly lineAdjustment: Minor;
  /** The unit's share of the order discount. */
  readonly orderAdjustment: Minor;
  /** What the unit costs after everything (the order item's `item_price`). */
  readonly price: Minor;
  readonly tax: Minor;
}

export interface DiscountedTotals {
  /** Sum of list prices (before tax when the store adds it). */
  readonly listSubtotal: Minor;
  /** Everything taken off list prices: overrides and discounts. */
  readonly discount: Minor;
  readonly subtotal: Minor;
  readonly tax: Minor;
  readonly total: Minor;
  readonly units: number;
}

/** `value` percent of `amount`, half up. */
function percentOf(amount: number, value: number): number {
  // Percent with two decimals as an integer of 1/10 000.
  const basis = Math.round(value * 100);
  return Math.floor((amount * basis + 5000) / 10000);
}

/** The amount a discount takes off `base` (never more than `base`, never below 0). */
export function discountAmount(discount: Discount, base: Minor): Minor {
  const raw = discount.kind === 'percentage' ? percentOf(base, discount.value) : discount.value;
  return minor(Math.max(0, Math.min(base, Math.round(raw))));
}

/** Splits `amount` over `weights` by largest remainder (earlier first on a tie). */
export function spread(amount: number, weights: readonly number[]): number[] {
  const total = weights.reduce((sum, weight) => sum + weight, 0);
  if (total <= 0 || amount <= 0) return weights.map(() => 0);
  const shares = weights.map((weight, index) => {
    const exact = amount * weight;
    return { index, share: Math.floor(exact / total), rest: exact % total };
  });
  let left = amount - shares.reduce((sum, entry) => sum + entry.share, 0);
  for (const entry of [...shares].sort((a, b) => b.rest - a.rest || a.index - b.index)) {
    if (left === 0) break;
    entry.share += 1;
    left -= 1;
  }
  return shares.map((entry) => entry.share);
}

/** Every unit's amounts and the sale's totals, discounts and overrides included. */
export function discountedAmounts(
  lines: readonly DiscountLine[],
  orderDiscount: Discount | null,
  taxRate: number,
  priceMethod: PriceMethod = 'tax_excluded',
): { units: UnitAmount[]; totals: DiscountedTotals } {
  const drafts: { lineId: string; list: number; override: number; line: number }[] = [];
  for (const line of lines) {
    const base = line.priceOverride?.price ?? line.unitPrice;
    const override = Math.max(0, line.unitPrice - base);
    const lineDiscount =
      line.discount == null ? 0 : discountAmount(line.discount, minor(base * line.quantity));
    const shares = spread(
      lineDiscount,
      Array.from({ length: line.quantity }, () => 1),
    );
    for (let unit = 0; unit < line.quantity; unit += 1) {
      drafts.push({ lineId: line.lineId, list: line.unitPrice, override, line: shares[unit] ?? 0 });
    }
  }
  const afterLine = drafts.map((draft) => draft.list - draft.override - draft.line);
  const orderTotal =
    orderDiscount === null
      ? 0
      : discountAmount(orderDiscount, minor(afterLine.reduce((sum, price) => sum + price, 0)));
  const orderShares = spread(orderTotal, afterLine);
  const units = drafts.map((draft, index): UnitAmount => {
    const price = minor((afterLine[index] ?? 0) - (orderShares[index] ?? 0));
    const tax = lineAmounts({ unitPrice: price, quantity: 1 }, taxRate, priceMethod).unitTax;
    return {
      lineId: draft.lineId,
      listPrice: minor(draft.list),
      overrideAdjustment: minor(draft.override),
      lineAdjustment: minor(draft.line),
      orderAdjustment: minor(orderShares[index] ?? 0),
      price,
      tax,
    };
  });
  const sum = (pick: (unit: UnitAmount) => number): number =>
    units.reduce((total, unit) => total + pick(unit), 0);
  const gross = sum((unit) => unit.price);
  const tax = sum((unit) => unit.tax);
  const listGross = sum((unit) => unit.listPrice);
  const listTax = lines.reduce(
    (total, line) => total + lineAmounts(line, taxRate, priceMethod).lineTax,
    0,
  );
  const included = priceMethod === 'tax_included';
  return {
    units,
    totals: {
      listSubtotal: minor(included ? listGross - listTax : listGross),
      discount: minor(listGross - gross),
      subtotal: minor(included ? gross - tax : gross),
      tax: minor(tax),
      total: minor(included ? gross : gross + tax),
      units: units.length,
    },
  };
}

/** Limits per role from `capabilities.discounts`, in percent of list price. */
export interface DiscountLimits {
  readonly associateMaxPercent: number;
  readonly managerMaxPercent: number;
  readonly reasons: readonly string[];
}

export const DEFAULT_DISCOUNT_LIMITS: DiscountLimits = {
  associateMaxPercent: 10,
  managerMaxPercent: 50,
  reasons: ['Open box', 'Damaged packaging', 'Price match', 'Loyalty', 'Manager discretion'],
};

/** The limits a configuration's `capabilities.discounts` sets, the defaults elsewhere. */
export function discountLimits(config: unknown): DiscountLimits {
  const read = (value: unknown, fallback: number): number =>
    typeof value === 'number' && Number.isFinite(value) && value >= 0 && value <= 100
      ? value
      : fallback;
  const discounts =
    typeof config === 'object' && config !== null
      ? (config as { capabilities?: { discounts?: Record<string, unknown> } }).capabilities
          ?.discounts
      : undefined;
  const reasons = Array.isArray(discounts?.reasons)
    ? discounts.reasons.filter(
        (reason): reason is string => typeof reason === 'string' && reason !== '',
      )
    : [];
  return {
    associateMaxPercent: read(
      discounts?.associate_max_percent,
      DEFAULT_DISCOUNT_LIMITS.associateMaxPercent,
    ),
    managerMaxPercent: read(
      discounts?.manager_max_percent,
      DEFAULT_DISCOUNT_LIMITS.managerMaxPercent,
    ),
    reasons: reasons.length > 0 ? reasons : DEFAULT_DISCOUNT_LIMITS.reasons,
  };
}

/** How much of `base` a discount takes, in percent (two decimals). */
export function effectivePercent(discount: Discount, base: Minor): number {
  if (base <= 0) return 0;
  return Math.round((discountAmount(discount, base) / base) * 10000) / 100;
}

export type DiscountCheck =
  | { readonly ok: true; readonly needsApproval: boolean }
  | {
      readonly ok: false;
      readonly problem: 'above_manager_limit' | 'above_price' | 'negative' | 'unknown_reason';
    };

/**
 * Whether a discount may be given on `base` by someone of `role`: refused when negative, above
 * the price, with an unknown reason or above what even a manager may give; else whether a
 * manager must approve (above the associate's limit for an associate).
 */
export function checkDiscount(
  discount: Discount,
  base: Minor,
  role: 'associate' | 'manager' | 'admin',
  limits: DiscountLimits,
): DiscountCheck {
  if (!Number.isFinite(discount.value) || discount.value < 0)
    return { ok: false, problem: 'negative' };
  if (discount.kind === 'percentage' ? discount.value > 100 : discount.value > base) {
    return { ok: false, problem: 'above_price' };
  }
  if (!limits.reasons.includes(discount.reason)) return { ok: false, problem: 'unknown_reason' };
  const percent = effectivePercent(discount, base);
  if (percent > limits.managerMaxPercent) return { ok: false, problem: 'above_manager_limit' };
  const ownLimit = role === 'associate' ? limits.associateMaxPercent : limits.managerMaxPercent;
  return { ok: true, needsApproval: percent > ownLimit };
}
