/**
 * The server's own reckoning of an order's money (DESIGN §10.3): each unit's price against the
 * store's catalog, its tax against the store's rate, the payments against the total — never
 * the totals the client says. Pure, in integer minor units, and the same rules the device's
 * `cart-totals.ts` applies (tax per unit, half up), so a sale rung up by the app reckons clean.
 *
 * It answers findings, not verdicts: the API refuses an order with any (422), a device's sale
 * is kept with them as flags for a manager (money changed hands). A unit's discounts and price
 * overrides (`item_discount_info`, `item_order_discount_info`) explain its price below list:
 * they must add up to list less price, and only those the rules allow explain a price below
 * the catalog — an override or a discount above the seller's limit needs the approval of a
 * manager of the store (`discounts.ts` holds the limits the device applies too).
 */
import type { OrderRequest } from '../protocol/schemas.ts';
import {
  OrderFlagKinds,
  type OrderFlagKind,
  type PaymentMethod,
  type PriceMethod,
} from '../protocol/wire-constants.ts';
import { taxIncludedIn } from './cart-totals.ts';
import { currencyDigits, fromDecimal, minor, taxOn, type Minor } from './money.ts';

export interface MoneyItem {
  /** Where the unit is in the request, for messages: `items[2]`. */
  readonly field: string;
  readonly productId: string;
  /** What the unit was sold for (`item_price`). */
  readonly price: Minor;
  /** `item_list_price`, or null when the order did not say. */
  readonly listPrice: Minor | null;
  /** What came off the list price, in the order sent: override, line, then order discount. */
  readonly discounts: readonly MoneyDiscount[];
  readonly taxLines: readonly { readonly amount: Minor; readonly rate: number }[];
  /** The store's catalog price; null when the catalog holds no price for the product. */
  readonly catalogPrice: Minor | null;
  /** False for a product the catalog does not hold: its price cannot be judged. */
  readonly knownProduct: boolean;
}

export interface MoneyDiscount {
  readonly kind: 'percentage' | 'fixed' | 'price_override';
  /** What it took off this unit. */
  readonly adjustment: Minor;
  /** Approved by a manager of the store (checked by the caller against its users). */
  readonly approved: boolean;
}

export interface MoneyPayment {
  readonly field: string;
  /** Cash, card, or the credit of a return made with the sale (an exchange). */
  readonly method: PaymentMethod;
  readonly amount: Minor;
  readonly tendered: Minor | null;
  readonly change: Minor | null;
}

export interface MoneyOrder {
  readonly currency: string;
  readonly priceMethod: PriceMethod;
  readonly items: readonly MoneyItem[];
  readonly payments: readonly MoneyPayment[];
}

/** The store the order was rung up in: its tax rate (a fraction) and price method. */
export interface StoreTerms {
  readonly taxRate: number;
  readonly priceMethod: PriceMethod;
  /**
   * The most a discount may take off without approval, in percent of what it applies to: the
   * seller's limit (`associate_max_percent`, or `manager_max_percent` for a manager). Default 0.
   */
  readonly discountLimitPercent?: number;
}

export interface OrderFinding {
  readonly kind: OrderFlagKind;
  /** The request field it is about: `items[0].price.item_price`, `payments`, `price_method`. */
  readonly field: string;
  /** A sentence for a manager, amounts at the currency's precision. */
  readonly message: string;
  /** The amounts behind the sentence, as wire decimals: `{claimed, expected}` and the like. */
  readonly details: Readonly<Record<string, string | number | null>>;
}

export interface MoneyReckoning {
  /** From the prices as sold and the store's tax on them (not the order's tax lines). */
  readonly subtotal: Minor;
  readonly tax: Minor;
  readonly total: Minor;
  readonly paid: Minor;
  readonly findings: readonly OrderFinding[];
}

const RATE_SCALE = 1_000_000;
const sameRate = (a: number, b: number): boolean =>
  Math.round(a * RATE_SCALE) === Math.round(b * RATE_SCALE);

/** A tax rate for people: 0.0825 → "8.25 %". */
const percent = (rate: number): string => `${Math.round(rate * RATE_SCALE) / 10_000} %`;

/** The unit's tax at the store's rate, as the device computes it (`lineAmounts`). */
export function expectedUnitTax(price: Minor, terms: StoreTerms): Minor {
  return terms.priceMethod === 'tax_included'
    ? taxIncludedIn(price, terms.taxRate)
    : taxOn(price, terms.taxRate);
}

/**
 * How much of a unit's discounts the rules do not explain: an override without approval, a
 * discount above the seller's limit without one. Each discount is judged on what was left of
 * the list price when it applied (an order discount after the line's), one cent of rounding
 * allowed, as the device spreads a discount over units to the cent.
 */
export function unexplainedDiscount(
  listPrice: Minor,
  discounts: readonly MoneyDiscount[],
  limitPercent: number,
): Minor {
  let base: number = listPrice;
  let unexplained = 0;
  for (const discount of discounts) {
    if (!discount.approved) {
      // The device compares the percent rounded to two decimals (`effectivePercent`): half a
      // hundredth of a percent more is still within its limit.
      const allowed =
        discount.kind === 'price_override'
          ? 0
          : Math.ceil((base * (limitPercent + 0.005)) / 100) + 1;
      if (discount.adjustment > allowed) unexplained += discount.adjustment;
    }
    base -= discount.adjustment;
  }
  return minor(unexplained);
}

export function reckonOrder(order: MoneyOrder, terms: StoreTerms): MoneyReckoning {
  const digits = currencyDigits(order.currency);
  const show = (amount: number): string => (amount / 10 ** digits).toFixed(digits);
  const wire = (amount: number): number => Number(show(amount));
  const findings: OrderFinding[] = [];
  const find = (
    kind: OrderFlagKind,
    field: string,
    message: string,
    details: OrderFinding['details'] = {},
  ) => findings.push({ kind, field, message, details });

  if (order.priceMethod !== terms.priceMethod) {
    find(
      OrderFlagKinds.taxMismatch,
      'price_method',
      `The order's prices are ${order.priceMethod}; the store's are ${terms.priceMethod}.`,
      { claimed: order.priceMethod, expected: terms.priceMethod },
    );
  }

  let gross = 0;
  let tax = 0;
  for (const item of order.items) {
    const price = `${item.field}.price`;
    gross += item.price;
    const unitTax = expectedUnitTax(item.price, terms);
    tax += unitTax;

    if (!item.knownProduct) {
      find(
        OrderFlagKinds.unknownProduct,
        `${item.field}.product_id`,
        `${item.field}: product ${item.productId} is not in the catalog; its price could not be checked.`,
        { product_id: item.productId },
      );
    }
    const adjustments = item.discounts.reduce((sum, d) => sum + d.adjustment, 0);
    if (item.listPrice !== null && item.price !== item.listPrice - adjustments) {
      find(
        OrderFlagKinds.totalsMismatch,
        `${price}.item_price`,
        `${item.field}: item_price ${show(item.price)} is not its list price ${show(item.listPrice)} less discounts of ${show(adjustments)}.`,
        {
          claimed: wire(item.price),
          expected: wire(item.listPrice - adjustments),
          list_price: wire(item.listPrice),
        },
      );
    }
    const unexplained = unexplainedDiscount(
      minor(item.listPrice ?? item.price + adjustments),
      item.discounts,
      terms.discountLimitPercent ?? 0,
    );
    if (
      item.catalogPrice !== null &&
      item.price < item.catalogPrice - (adjustments - unexplained)
    ) {
      find(
        OrderFlagKinds.priceBelowCatalog,
        `${price}.item_price`,
        unexplained > 0
          ? `${item.field}: sold at ${show(item.price)}, below the catalog price ${show(item.catalogPrice)}; ${show(unexplained)} of its discounts needed a manager's approval it does not have.`
          : `${item.field}: sold at ${show(item.price)}, below the catalog price ${show(item.catalogPrice)} with no discount or approval to explain it.`,
        {
          product_id: item.productId,
          claimed: wire(item.price),
          catalog_price: wire(item.catalogPrice),
          ...(unexplained > 0 ? { unapproved: wire(unexplained) } : {}),
        },
      );
    }
    const claimedTax = item.taxLines.reduce((sum, line) => sum + line.amount, 0);
    const wrongRate = item.taxLines.find((line) => !sameRate(line.rate, terms.taxRate));
    if (claimedTax !== unitTax || wrongRate !== undefined) {
      const rateNote = wrongRate === undefined ? '' : ` (a line at ${percent(wrongRate.rate)})`;
      find(
        OrderFlagKinds.taxMismatch,
        `${price}.item_tax_lines`,
        `${item.field}: tax ${show(claimedTax)}${rateNote} is not ${show(unitTax)}, the store's ${percent(terms.taxRate)} on ${show(item.price)}.`,
        {
          claimed: wire(claimedTax),
          expected: wire(unitTax),
          rate: terms.taxRate,
          ...(wrongRate === undefined ? {} : { claimed_rate: wrongRate.rate }),
        },
      );
    }
  }
  const total = terms.priceMethod === 'tax_included' ? gross : gross + tax;
  const subtotal = terms.priceMethod === 'tax_included' ? gross - tax : gross;

  let paid = 0;
  for (const payment of order.payments) {
    paid += payment.amount;
    const change = payment.change ?? 0;
    const tendered = payment.tendered;
    if (change > 0 && (payment.method !== 'cash' || tendered === null || change > tendered)) {
      find(
        OrderFlagKinds.changeExceedsTendered,
        `${payment.field}.change`,
        payment.method === 'cash'
          ? `${payment.field}: change ${show(change)} is more than the ${show(tendered ?? 0)} tendered.`
          : `${payment.field}: change ${show(change)} on a ${payment.method} payment; change comes only from cash.`,
        { change: wire(change), tendered: tendered === null ? null : wire(tendered) },
      );
    } else if (tendered !== null && tendered - change !== payment.amount) {
      find(
        OrderFlagKinds.totalsMismatch,
        `${payment.field}.amount`,
        `${payment.field}: ${show(tendered)} tendered less ${show(change)} change is ${show(tendered - change)}, not the amount ${show(payment.amount)}.`,
        { claimed: wire(payment.amount), expected: wire(tendered - change) },
      );
    }
  }
  if (paid !== total) {
    const under = paid < total;
    find(
      under ? OrderFlagKinds.underpaid : OrderFlagKinds.overpaid,
      'payments',
      order.payments.length === 0
        ? `No payment for a total of ${show(total)}.`
        : `Payments of ${show(paid)} ${under ? 'do not cover' : 'are more than'} the total ${show(total)}.`,
      { paid: wire(paid), total: wire(total) },
    );
  }
  return {
    subtotal: minor(subtotal),
    tax: minor(tax),
    total: minor(total),
    paid: minor(paid),
    findings,
  };
}

/** What the catalog knows of one product: held at all, and its price in the store's currency. */
export interface CatalogEntry {
  readonly price: Minor | null;
}

/**
 * The order request (wire decimals) in the shape `reckonOrder` reads. `catalog` has an entry
 * for every product the catalog holds (deleted ones excluded); `approvers` the user ids that
 * may approve a discount in the order's store (its managers, admins).
 */
export function moneyOrderOf(
  input: OrderRequest,
  catalog: ReadonlyMap<string, CatalogEntry>,
  approvers: ReadonlySet<string> = new Set(),
): MoneyOrder {
  const currency = input.currency;
  const amount = (value: number): Minor => fromDecimal(value, currency);
  return {
    currency,
    priceMethod: input.price_method ?? 'tax_excluded',
    items: input.items.map((item, i) => {
      const entry = catalog.get(item.product_id);
      return {
        field: `items[${i}]`,
        productId: item.product_id,
        price: amount(item.price.item_price),
        listPrice:
          item.price.item_list_price === undefined ? null : amount(item.price.item_list_price),
        discounts: [
          ...(item.price.item_discount_info ?? []),
          ...(item.price.item_order_discount_info ?? []),
        ].map((info) => ({
          kind: info.type,
          adjustment: amount(info.price_adjustment),
          approved: info.approved_by !== undefined && approvers.has(info.approved_by),
        })),
        taxLines: (item.price.item_tax_lines ?? []).map((line) => ({
          amount: amount(line.amount),
          rate: line.rate,
        })),
        catalogPrice: entry?.price ?? null,
        knownProduct: entry !== undefined,
      };
    }),
    payments: (input.payments ?? []).map((payment, i) => ({
      field: `payments[${i}]`,
      method: payment.method,
      amount: amount(payment.amount),
      tendered: payment.tendered === undefined ? null : amount(payment.tendered),
      change: payment.change === undefined ? null : amount(payment.change),
    })),
  };
}
