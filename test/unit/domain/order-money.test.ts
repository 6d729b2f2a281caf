/**
 * The server's reckoning of an order's money: one row per attack issue 11 found (each must be
 * found), the shapes that are fine (each must not be), and the app's own sales — any cart the
 * device can ring up must reckon clean, or every honest sale would be flagged.
 */
import { describe, expect, it } from 'vitest';
import { cartTotals } from '../../../src/domain/cart-totals.ts';
import { minor } from '../../../src/domain/money.ts';
import {
  checkDiscount,
  DEFAULT_DISCOUNT_LIMITS,
  type Discount,
  type DiscountApproval,
} from '../../../src/domain/discounts.ts';
import { saleAmounts } from '../../../src/domain/sale-amounts.ts';
import {
  moneyOrderOf,
  reckonOrder,
  type MoneyDiscount,
  type MoneyItem,
  type MoneyOrder,
  type MoneyPayment,
  type StoreTerms,
} from '../../../src/domain/order-money.ts';
import { buildOrderRequest } from '../../../src/domain/order-request.ts';
import type { SaleLine } from '../../../src/domain/sale.ts';
import { completedSale, saleLine } from './sale-fixtures.ts';
import { resolveTenders } from '../../../src/domain/tender.ts';
import { seededRandom } from '../../e2e/support/seeded-random.ts';

const DEMO: StoreTerms = { taxRate: 0.08, priceMethod: 'tax_excluded' };
/** The demo store with the default limits: an associate may give 10 % unapproved. */
const LIMIT_10: StoreTerms = { ...DEMO, discountLimitPercent: 10 };

const off = (
  adjustment: number,
  kind: MoneyDiscount['kind'] = 'percentage',
  approved = false,
): MoneyDiscount => ({ kind, adjustment: minor(adjustment), approved });

/** A unit listed (and catalogued) at 20.00, sold at 20.00 less `discounts`, 8 % tax. */
const discounted = (...discounts: MoneyDiscount[]): MoneyItem => {
  const price = 2000 - discounts.reduce((sum, d) => sum + d.adjustment, 0);
  return unit(price, { listPrice: minor(2000), catalogPrice: minor(2000), discounts });
};
const paidFor = (item: MoneyItem): MoneyPayment => card(item.price + Math.round(item.price * 0.08));
const INCLUDED_8: StoreTerms = { taxRate: 0.08, priceMethod: 'tax_included' };
const EXCLUDED_10: StoreTerms = { taxRate: 0.1, priceMethod: 'tax_excluded' };

/** One unit at `price` cents, list price = catalog price = price, tax line at 8 % unless given. */
function unit(price: number, over: Partial<MoneyItem> & { tax?: number } = {}): MoneyItem {
  const { tax, ...rest } = over;
  return {
    field: 'items[0]',
    productId: 'p',
    price: minor(price),
    listPrice: minor(price),
    discounts: [],
    taxLines: [{ amount: minor(tax ?? Math.round(price * 0.08)), rate: 0.08 }],
    catalogPrice: minor(price),
    knownProduct: true,
    ...rest,
  };
}

const cash = (amount: number, tendered: number, change: number): MoneyPayment => ({
  field: 'payments[0]',
  method: 'cash',
  amount: minor(amount),
  tendered: minor(tendered),
  change: minor(change),
});

const card = (amount: number, change: number | null = null): MoneyPayment => ({
  field: 'payments[0]',
  method: 'card',
  amount: minor(amount),
  tendered: null,
  change: change === null ? null : minor(change),
});

const order = (
  items: MoneyItem[],
  payments: MoneyPayment[],
  over: Partial<MoneyOrder> = {},
): MoneyOrder => ({ currency: 'USD', priceMethod: 'tax_excluded', items, payments, ...over });

const kinds = (o: MoneyOrder, terms = DEMO) =>
  reckonOrder(o, terms).findings.map((f) => [f.kind, f.field]);

describe('reckonOrder: what issue 11 got stored', () => {
  it.each([
    {
      name: 'a 2 149.00 laptop sold at 0.01 (tax on 0.01 at 8 % is 0.0008 → 0.00)',
      o: order([unit(1, { catalogPrice: minor(214_900) })], [card(1)]),
      expected: [['price_below_catalog', 'items[0].price.item_price']],
    },
    {
      name: 'payments of 0.01 on a 16.19 total (14.99 + 1.1992 → 1.20)',
      o: order([unit(1499)], [card(1)]),
      expected: [['underpaid', 'payments']],
    },
    {
      name: 'no payment at all',
      o: order([unit(1499)], []),
      expected: [['underpaid', 'payments']],
    },
    {
      name: 'a tax line of 999 999.00 on 14.99 at 8 % (paid what 8 % makes: 16.19)',
      o: order([unit(1499, { tax: 99_999_900 })], [card(1619)]),
      expected: [['tax_mismatch', 'items[0].price.item_tax_lines']],
    },
    {
      name: 'cash change 1000 on tendered 1',
      o: order([unit(1499)], [cash(1619, 100, 100_000)]),
      expected: [['change_exceeds_tendered', 'payments[0].change']],
    },
    {
      name: 'a 1 199.00 laptop paid 0.01 by card (1199.00 + 95.92 tax = 1294.92)',
      o: order([unit(119_900)], [card(1)]),
      expected: [['underpaid', 'payments']],
    },
  ])('$name', ({ o, expected }) => {
    expect(kinds(o)).toEqual(expected);
  });
});

describe('reckonOrder: other findings', () => {
  it.each([
    {
      name: 'a tax line at another rate (7 % of 14.99 = 1.0493 → 1.05)',
      o: order([unit(1499, { taxLines: [{ amount: minor(105), rate: 0.07 }] })], [card(1604)]),
      // The store's total is 16.19, so the 16.04 paid is short too.
      expected: [
        ['tax_mismatch', 'items[0].price.item_tax_lines'],
        ['underpaid', 'payments'],
      ],
    },
    {
      name: 'no tax line where the store charges 8 %',
      o: order([unit(1499, { taxLines: [] })], [card(1619)]),
      expected: [['tax_mismatch', 'items[0].price.item_tax_lines']],
    },
    {
      name: 'an item_price that is not its list price and no adjustment explains',
      o: order([unit(1800, { listPrice: minor(2000), catalogPrice: minor(2000) })], [card(1944)]),
      // 18.00 + 1.44 = 19.44 paid; 18.00 < 20.00 catalog as well.
      expected: [
        ['totals_mismatch', 'items[0].price.item_price'],
        ['price_below_catalog', 'items[0].price.item_price'],
      ],
    },
    {
      name: 'cash tendered less change that is not the amount (20.00 − 3.00 = 17.00 ≠ 16.19)',
      o: order([unit(1499)], [cash(1619, 2000, 300)]),
      expected: [['totals_mismatch', 'payments[0].amount']],
    },
    {
      name: 'change on a card payment',
      o: order([unit(1499)], [card(1619, 500)]),
      expected: [['change_exceeds_tendered', 'payments[0].change']],
    },
    {
      name: 'paid more than the total',
      o: order([unit(1499)], [card(2000)]),
      expected: [['overpaid', 'payments']],
    },
    {
      name: 'prices said tax_included in a tax_excluded store',
      o: order([unit(1499)], [card(1619)], { priceMethod: 'tax_included' }),
      expected: [['tax_mismatch', 'price_method']],
    },
    {
      name: 'a product the catalog does not hold',
      o: order([unit(1499, { knownProduct: false, catalogPrice: null })], [card(1619)]),
      expected: [['unknown_product', 'items[0].product_id']],
    },
  ])('$name', ({ o, expected }) => {
    expect(kinds(o)).toEqual(expected);
  });

  it.each([
    {
      name: 'a price override to 12.00 nobody approved',
      item: discounted(off(800, 'price_override')),
    },
    {
      name: 'a 30 % discount (6.00) by an associate whose limit is 10 %',
      item: discounted(off(600)),
    },
    {
      name: 'a 10 % line discount, then an unapproved 20 % order discount on the 18.00 left',
      item: discounted(off(200), off(360)),
    },
    {
      name: 'a fixed 2.50 off 20.00 (12.5 %) with no approval',
      item: discounted(off(250, 'fixed')),
    },
  ])('flags $name as price_below_catalog, naming the unapproved amount', ({ item }) => {
    const [finding, ...rest] = reckonOrder(order([item], [paidFor(item)]), LIMIT_10).findings;
    expect(rest).toEqual([]);
    expect(finding?.kind).toBe('price_below_catalog');
    expect(finding?.message).toMatch(/needed a manager's approval it does not have/);
    expect(finding?.details.unapproved).toBeGreaterThan(0);
  });

  it('flags discounts that do not add up to list less price as totals_mismatch', () => {
    const item = unit(1500, {
      listPrice: minor(2000),
      catalogPrice: minor(2000),
      discounts: [off(200)],
    });
    expect(kinds(order([item], [paidFor(item)]), LIMIT_10)).toEqual([
      ['totals_mismatch', 'items[0].price.item_price'],
      ['price_below_catalog', 'items[0].price.item_price'],
    ]);
  });

  it('says what it found in a sentence with the amounts, and the amounts as decimals', () => {
    const [finding] = reckonOrder(
      order([unit(1, { catalogPrice: minor(214_900) })], [card(1)]),
      DEMO,
    ).findings;
    expect(finding).toEqual({
      kind: 'price_below_catalog',
      field: 'items[0].price.item_price',
      message:
        'items[0]: sold at 0.01, below the catalog price 2149.00 with no discount or approval to explain it.',
      details: { product_id: 'p', claimed: 0.01, catalog_price: 2149 },
    });
  });
});

describe('reckonOrder: what is fine', () => {
  it.each([
    {
      name: 'a laptop at 2 149.00, 8 % = 171.92, cash 2 400.00 with 79.08 change',
      o: order([unit(214_900)], [cash(232_092, 240_000, 7_908)]),
    },
    {
      name: 'split tender: 10.00 cash and 6.19 card on 16.19',
      o: order([unit(1499)], [cash(1000, 1000, 0), { ...card(619), field: 'payments[1]' }]),
    },
    {
      name: 'a price above the catalog (the catalog was lowered after the sale)',
      o: order([unit(1499, { catalogPrice: minor(1299) })], [card(1619)]),
    },
    {
      name: 'a product without a catalog price',
      o: order([unit(1499, { catalogPrice: null })], [card(1619)]),
    },
    {
      name: 'an approved 10 % discount: list 20.00, adjustments 2.00, price 18.00 (+1.44)',
      o: order(
        [
          unit(1800, {
            listPrice: minor(2000),
            catalogPrice: minor(2000),
            discounts: [off(200, 'percentage', true)],
          }),
        ],
        [card(1944)],
      ),
    },
    {
      name: 'tax included: 10.80 holds 0.80 of 8 %',
      o: order([unit(1080, { tax: 80 })], [card(1080)], { priceMethod: 'tax_included' }),
      terms: INCLUDED_8,
    },
    {
      name: 'JPY, no minor digits: ¥1 500 at 10 % = ¥150',
      o: order([unit(1500, { taxLines: [{ amount: minor(150), rate: 0.1 }] })], [card(1650)], {
        currency: 'JPY',
      }),
      terms: EXCLUDED_10,
    },
  ])('$name', ({ o, terms }) => {
    expect(reckonOrder(o, terms ?? DEMO).findings).toEqual([]);
  });

  it.each([
    { name: 'a 10 % discount within the associate limit, unapproved', item: discounted(off(200)) },
    { name: 'a 30 % discount a manager approved', item: discounted(off(600, 'percentage', true)) },
    {
      name: 'an approved override to 12.00, then 10 % off what is left',
      item: discounted(off(800, 'price_override', true), off(120)),
    },
    {
      name: "a 10 % order discount's share rounded up a cent (2.01 off 20.00)",
      item: discounted(off(201)),
    },
  ])('takes $name', ({ item }) => {
    expect(reckonOrder(order([item], [paidFor(item)]), LIMIT_10).findings).toEqual([]);
  });

  it('totals from the prices sold and the store tax, not the tax lines sent', () => {
    const reckoned = reckonOrder(order([unit(1499, { tax: 99_999_900 })], [card(1619)]), DEMO);
    expect([reckoned.subtotal, reckoned.tax, reckoned.total, reckoned.paid]).toEqual([
      1499, 120, 1619, 1619,
    ]);
  });
});

describe("the app's own sales reckon clean", () => {
  const line = (productId: string, unitPrice: number, quantity: number): SaleLine =>
    saleLine({
      lineId: productId,
      productId,
      title: productId,
      unitPrice: minor(unitPrice),
      quantity,
    });

  it('for random carts, rates and price methods, paid by cash or card', () => {
    const random = seededRandom('order money');
    const rates = [0, 0.05, 0.07, 0.08, 0.0825, 0.19, 0.2];
    for (let run = 0; run < 300; run += 1) {
      const taxRate = rates[random.int(rates.length)] ?? 0.08;
      const priceMethod = random.int(2) === 0 ? 'tax_excluded' : 'tax_included';
      const lines = Array.from({ length: 1 + random.int(5) }, (_, i) =>
        line(`p${i}`, 1 + random.int(300_000), 1 + random.int(4)),
      );
      const totals = cartTotals(lines, taxRate, priceMethod);
      const paid = resolveTenders(
        totals.total,
        random.int(2) === 0
          ? [{ method: 'cash', tendered: minor(totals.total + random.int(10_000)) }]
          : [{ method: 'card', reference: 'R-1' }],
      );
      if (!paid.ok) throw new Error(`seed ${random.seed}: tenders refused`);
      const sale = completedSale(lines, {
        saleId: `sale-${run}`,
        seq: run + 1,
        taxRate,
        priceMethod,
        tenders: paid.tenders,
      });
      const catalog = new Map(lines.map((l) => [l.productId, { price: l.unitPrice }]));
      const reckoned = reckonOrder(moneyOrderOf(buildOrderRequest(sale), catalog), {
        taxRate,
        priceMethod,
      });
      expect(reckoned.findings, `seed ${random.seed}, run ${run}`).toEqual([]);
      expect(reckoned.total).toBe(totals.total);
    }
  });
});

describe("the app's own discounted sales reckon clean", () => {
  const MANAGER = 'manager-1';
  const approval: DiscountApproval = { manager_id: MANAGER, reason: 'Price match' };
  const limits = DEFAULT_DISCOUNT_LIMITS;

  /** A discount the device would give: approved when the associate's limit asks for it. */
  function given(random: ReturnType<typeof seededRandom>, base: number): Discount | null {
    if (base <= 0 || random.int(3) === 0) return null;
    const discount: Discount =
      random.int(2) === 0
        ? { kind: 'percentage', value: random.int(5001) / 100, reason: 'Loyalty', approval: null }
        : {
            kind: 'fixed',
            value: random.int(Math.floor(base / 2) + 1),
            reason: 'Loyalty',
            approval: null,
          };
    const check = checkDiscount(discount, minor(base), 'associate', limits);
    if (!check.ok) return null;
    return check.needsApproval ? { ...discount, approval } : discount;
  }

  it('for random line and order discounts and approved overrides, as an associate gives them', () => {
    const random = seededRandom('discounted order money');
    for (let run = 0; run < 300; run += 1) {
      const taxRate = [0, 0.07, 0.08, 0.19][random.int(4)] ?? 0.08;
      const priceMethod = random.int(2) === 0 ? 'tax_excluded' : 'tax_included';
      const lines = Array.from({ length: 1 + random.int(4) }, (_, i): SaleLine => {
        const unitPrice = 1 + random.int(300_000);
        const quantity = 1 + random.int(4);
        const overridden = random.int(4) === 0;
        const base = overridden ? random.int(unitPrice) : unitPrice;
        return saleLine({
          lineId: `l${i}`,
          productId: `p${i}`,
          unitPrice: minor(unitPrice),
          quantity,
          priceOverride: overridden
            ? { price: minor(base), reason: 'Price match', approval }
            : null,
          discount: given(random, base * quantity),
        });
      });
      const before = saleAmounts(lines, null, taxRate, priceMethod).units;
      const orderDiscount = given(
        random,
        before.reduce((sum, u) => sum + u.price, 0),
      );
      const { totals } = saleAmounts(lines, orderDiscount, taxRate, priceMethod);
      const sale = completedSale(lines, {
        saleId: `sale-${run}`,
        taxRate,
        priceMethod,
        orderDiscount,
        totals,
        tenders: [{ method: 'card', amount: totals.total, reference: 'R-1' }],
      });
      const catalog = new Map(lines.map((l) => [l.productId, { price: l.unitPrice }]));
      const reckoned = reckonOrder(
        moneyOrderOf(buildOrderRequest(sale), catalog, new Set([MANAGER])),
        { taxRate, priceMethod, discountLimitPercent: limits.associateMaxPercent },
      );
      expect(reckoned.findings, `seed ${random.seed}, run ${run}`).toEqual([]);
      expect(reckoned.total).toBe(totals.total);
    }
  });

  it('and the same sales with approvals by someone who may not approve are flagged', () => {
    const item = discounted(off(800, 'price_override', false));
    const approvedBySomeoneElse = moneyOrderOf(
      {
        external_id: 'x',
        store_id: 's',
        currency: 'USD',
        price_method: 'tax_excluded',
        items: [
          {
            external_item_id: '1',
            product_id: 'p',
            shipping_type: 'in_store_handover',
            price: {
              item_price: 12,
              item_list_price: 20,
              item_tax_lines: [{ amount: 0.96, rate: 0.08 }],
              item_discount_info: [
                {
                  discount_ref: 'override-l',
                  type: 'price_override',
                  original_value: 12,
                  price_adjustment: 8,
                  reason: 'Price match',
                  approved_by: 'an-associate',
                },
              ],
            },
          },
        ],
        payments: [{ method: 'card', amount: 12.96, reference: 'R' }],
      },
      new Map([['p', { price: minor(2000) }]]),
      new Set([MANAGER]),
    );
    expect(approvedBySomeoneElse.items[0]?.discounts).toEqual(item.discounts);
    expect(kinds(approvedBySomeoneElse, LIMIT_10)).toEqual([
      ['price_below_catalog', 'items[0].price.item_price'],
    ]);
  });
});
