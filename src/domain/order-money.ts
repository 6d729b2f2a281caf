/**
 * The server's own reckoning of an order's money (DESIGN §10.3): each unit's price against the
 * store's catalog, its tax against the store's rate, the payments against the total — never
 * the totals the client says. Pure, in integer minor units, and the same rules the device's
 * `cart-totals.ts` applies (tax per unit, half up), so a sale rung up by the app reckons clean.
 *
 * It answers findings, not verdicts: the API refuses an order with any (422), a device's sale
 * is kept with them as flags for a manager (money changed hands). Discounts and approved
 * overrides (the counter issue) plug in as `MoneyItem.adjustments`: what explains a price below
 * its list price. Until then every unit's adjustments are 0.
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
  /** The approved reductions from list price to price (discounts, overrides); 0 for now. */
  readonly adjustments: Minor;
  readonly taxLines: readonly { readonly amount: Minor; readonly rate: number }[];
  /** The store's catalog price; null when the catalog holds no price for the product. */
  readonly catalogPrice: Minor | null;
  /** False for a product the catalog does not hold: its price cannot be judged. */
  readonly knownProduct: boolean;
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
    if (item.listPrice !== null && item.price !== item.listPrice - item.adjustments) {
      find(
        OrderFlagKinds.totalsMismatch,
        `${price}.item_price`,
        `${item.field}: item_price ${show(item.price)} is not its list price ${show(item.listPrice)} less adjustments of ${show(item.adjustments)}.`,
        {
          claimed: wire(item.price),
          expected: wire(item.listPrice - item.adjustments),
          list_price: wire(item.listPrice),
        },
      );
    }
    if (item.catalogPrice !== null && item.price < item.catalogPrice - item.adjustments) {
      find(
        OrderFlagKinds.priceBelowCatalog,
        `${price}.item_price`,
        `${item.field}: sold at ${show(item.price)}, below the catalog price ${show(item.catalogPrice)} with no discount or approval to explain it.`,
        {
          product_id: item.productId,
          claimed: wire(item.price),
          catalog_price: wire(item.catalogPrice),
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
 * for every product the catalog holds (deleted ones excluded).
 */
export function moneyOrderOf(
  input: OrderRequest,
  catalog: ReadonlyMap<string, CatalogEntry>,
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
        adjustments: minor(0),
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
