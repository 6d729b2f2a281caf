/**
 * The server trusts no client money (issue 11, DESIGN §10.3): each attack that was stored as a
 * complete sale is refused on the API (422 naming the item or payments, nothing stored) and,
 * from a device, kept with a flag a manager can list. The device's own sales — built by the
 * app's `buildOrderRequest` — go through clean, and the sale records the token's device and
 * associate, not the ones the body names.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cartTotals } from '../../../src/domain/cart-totals.ts';
import { fromDecimal, minor } from '../../../src/domain/money.ts';
import { buildOrderRequest } from '../../../src/domain/order-request.ts';
import { saleAmounts } from '../../../src/domain/sale-amounts.ts';
import { resolveTenders } from '../../../src/domain/tender.ts';
import type {
  ErrorBody,
  Order,
  OrderCreated,
  OrderFlagList,
  OrderRequest,
} from '../../../src/protocol/schemas.ts';
import { MutationTypes } from '../../../src/protocol/wire-constants.ts';
import { completedSale } from '../domain/sale-fixtures.ts';
import { inject, mutation, newDevice, push } from './serial-support.ts';
import {
  demoOrder,
  demoProduct,
  OTHER_STORE,
  signInOtherManager,
  startTestApp,
  userIdOf,
  type TestApp,
} from './support.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

const CABLE = 15; // 14.99, 8 % → 1.1992 → 1.20, total 16.19
const LAPTOP = 5; // 1 199.00, 8 % → 95.92
const BIG_LAPTOP = 6; // 2 149.00

/** A one-item demo order with its first item's price and the payments replaced. */
function tampered(
  product: number,
  price: Partial<OrderRequest['items'][number]['price']>,
  payments: OrderRequest['payments'],
): OrderRequest {
  const order = demoOrder({}, [product]);
  const [item] = order.items;
  if (item === undefined) throw new Error('no item');
  delete item.serial_number;
  item.shipping_type = 'traditional_carrier';
  item.price = { ...item.price, ...price };
  return { ...order, payments };
}

const ATTACKS: Array<{ name: string; order: () => OrderRequest; kind: string; field: string }> = [
  {
    name: 'a 2 149.00 laptop sold at 0.01',
    order: () =>
      tampered(
        BIG_LAPTOP,
        { item_price: 0.01, item_list_price: 0.01, item_tax_lines: [{ amount: 0, rate: 0.08 }] },
        [{ method: 'card', amount: 0.01, reference: 'R' }],
      ),
    kind: 'price_below_catalog',
    field: 'items[0].price.item_price',
  },
  {
    name: 'payments of 0.01 on a 16.19 total',
    order: () => tampered(CABLE, {}, [{ method: 'card', amount: 0.01, reference: 'R' }]),
    kind: 'underpaid',
    field: 'payments',
  },
  {
    name: 'no payment at all',
    order: () => tampered(CABLE, {}, []),
    kind: 'underpaid',
    field: 'payments',
  },
  {
    name: 'a tax line of 999 999.00 on 14.99 at 8 %',
    order: () =>
      tampered(CABLE, { item_tax_lines: [{ amount: 999_999, rate: 0.08 }] }, [
        { method: 'card', amount: 16.19, reference: 'R' },
      ]),
    kind: 'tax_mismatch',
    field: 'items[0].price.item_tax_lines',
  },
  {
    name: 'cash change 1000 on tendered 1',
    order: () =>
      tampered(CABLE, {}, [{ method: 'cash', amount: 16.19, tendered: 1, change: 1000 }]),
    kind: 'change_exceeds_tendered',
    field: 'payments[0].change',
  },
  {
    name: 'exchange credit from a return this store never made',
    order: () => ({
      ...tampered(CABLE, {}, [{ method: 'exchange', amount: 16.19, reference: 'RET-none' }]),
      exchange_for_return_id: 'RET-none',
    }),
    kind: 'totals_mismatch',
    field: 'exchange_for_return_id',
  },
  {
    name: "exchange credit that names no return of the order's",
    order: () => tampered(CABLE, {}, [{ method: 'exchange', amount: 16.19, reference: 'RET-x' }]),
    kind: 'totals_mismatch',
    field: 'payments[0].reference',
  },
  {
    name: 'a 1 199.00 laptop paid 0.01 by card',
    order: () => tampered(LAPTOP, {}, [{ method: 'card', amount: 0.01, reference: 'R' }]),
    kind: 'underpaid',
    field: 'payments',
  },
];

describe('POST /v0/d/fulfill_order recomputes the money', () => {
  it.each(ATTACKS)(
    'refuses $name with 422 $kind, storing nothing',
    async ({ order, kind, field }) => {
      const body = order();
      const reply = await inject(t, body);
      expect(reply.status).toBe(422);
      const error = reply.body as unknown as ErrorBody & { flags: unknown[] };
      expect(error.error).toBe(kind);
      expect(error.details.map((d) => d.field)).toEqual([field]);
      expect(error.flags).toHaveLength(1);
      const stored = await t.call('GET', `/v0/orders?external_id=${body.external_id}`, {
        token: t.tokens.associate,
      });
      expect(stored.status).toBe(404);
    },
  );

  it('names every finding, as totals_mismatch when they are of several kinds', async () => {
    const body = tampered(CABLE, { item_tax_lines: [] }, [
      { method: 'card', amount: 1, reference: 'R' },
    ]);
    const reply = await inject(t, body);
    expect(reply.status).toBe(422);
    const error = reply.body as unknown as ErrorBody;
    expect(error.error).toBe('totals_mismatch');
    expect(error.details.map((d) => d.field)).toEqual([
      'items[0].price.item_tax_lines',
      'payments',
    ]);
    expect(error.message).toContain('tax 0.00 is not 1.20');
  });

  it('takes a correct order with 201 and shows it with no flags (the positive control)', async () => {
    const body = demoOrder({}, [LAPTOP, CABLE]);
    const reply = await inject(t, body);
    expect(reply.status).toBe(201);
    const order = await t.call<Order>('GET', `/v0/orders/${reply.body.id}`, {
      token: t.tokens.associate,
    });
    expect(order.body.flags).toEqual([]);
  });
});

describe('a device sale with the same money is kept and flagged', () => {
  it.each(ATTACKS)('keeps $name, flagged $kind', async ({ order, kind, field }) => {
    const device = await newDevice(t);
    const pushed = await push(t, device, [mutation(1, MutationTypes.orderCreate, order())]);
    expect(pushed.body.results[0]?.status).toBe('applied');
    const created = pushed.body.results[0]?.result as OrderCreated;
    const stored = await t.call<Order>('GET', `/v0/orders/${created.id}`, {
      token: t.tokens.associate,
    });
    expect((stored.body.flags ?? []).map((f) => [f.kind, f.details.field])).toEqual([
      [kind, field],
    ]);
    expect(stored.body.flags?.[0]?.message).toMatch(/\d\.\d\d/);

    const listed = await t.call<OrderFlagList>('GET', '/v0/order-flags', {
      token: t.tokens.manager,
    });
    expect(listed.status).toBe(200);
    expect(listed.body.order_flags.map((f) => [f.order_id, f.kind])).toEqual([[created.id, kind]]);
  });

  it("lists flags for the store's manager only: not for an associate, not for another store", async () => {
    const device = await newDevice(t);
    const attack = ATTACKS[0];
    if (attack === undefined) throw new Error('no attack');
    await push(t, device, [mutation(1, MutationTypes.orderCreate, attack.order())]);
    expect((await t.call('GET', '/v0/order-flags', { token: t.tokens.associate })).status).toBe(
      403,
    );
    const otherManager = await signInOtherManager(t);
    const theirs = await t.call<OrderFlagList>('GET', '/v0/order-flags', { token: otherManager });
    expect(theirs.body.order_flags).toEqual([]);
    const asked = await t.call('GET', '/v0/order-flags?store_id=demo-store', {
      token: otherManager,
    });
    expect(asked.status).toBe(403);
    const admin = await t.call<OrderFlagList>('GET', '/v0/order-flags?store_id=demo-store');
    expect(admin.body.order_flags).toHaveLength(1);
  });
});

describe("the device app's own sale", () => {
  it('is applied with no flags: buildOrderRequest at catalog prices, 8 %, cash with change', async () => {
    const device = await newDevice(t);
    const associateId = await userIdOf(t, 'associate');
    const lines = [LAPTOP, CABLE].map((index, i) => {
      const product = demoProduct(index);
      return {
        lineId: `line-${i}`,
        productId: product.product_id,
        title: product.title,
        unitPrice: fromDecimal(product.price, 'USD'),
        quantity: index === CABLE ? 3 : 1,
        serialized: product.serialized,
        shippingType: 'in_store_handover' as const,
        serial: product.serialized ? 'SN4K7Q2M9X1B3C' : null,
        serialCapture: product.serialized
          ? {
              method: 'typed' as const,
              capturedAt: '2026-11-27T10:00:00.000Z',
              valid: true,
              configVersion: 1,
            }
          : null,
      };
    });
    const { total } = cartTotals(lines, 0.08, 'tax_excluded');
    const paid = resolveTenders(total, [{ method: 'cash', tendered: minor(total + 1234) }]);
    if (!paid.ok) throw new Error('cash short');
    const sale = completedSale(lines, {
      saleId: randomUUID(),
      storeLabel: 'Aisle Demo Store',
      deviceId: device,
      associateId,
      taxRate: 0.08,
      tenders: paid.tenders,
    });
    const pushed = await push(t, device, [
      mutation(1, MutationTypes.orderCreate, buildOrderRequest(sale)),
    ]);
    expect(pushed.body.results[0]?.status).toBe('applied');
    const created = pushed.body.results[0]?.result as OrderCreated;
    const stored = await t.call<Order>('GET', `/v0/orders/${created.id}`, {
      token: t.tokens.associate,
    });
    expect(stored.body.flags).toEqual([]);
    expect(stored.body).toMatchObject({ device_id: device, associate_id: associateId });
  });
});

describe('discounts and overrides are judged by who approved them', () => {
  /** The app's sale of one 14.99 cable at 8 %, overridden to 9.99 and approved by `approver`. */
  async function overriddenSale(device: string, approver: string | null) {
    const product = demoProduct(CABLE);
    const approval = { manager_id: approver ?? 'nobody', reason: 'Price match' };
    const lines = [
      {
        lineId: 'line-0',
        productId: product.product_id,
        title: product.title,
        unitPrice: fromDecimal(product.price, 'USD'),
        quantity: 1,
        serialized: false,
        shippingType: 'in_store_handover' as const,
        serial: null,
        serialCapture: null,
        priceOverride: { price: minor(999), reason: 'Price match', approval },
      },
    ];
    const { totals } = saleAmounts(lines, null, 0.08, 'tax_excluded');
    const sale = completedSale(lines, {
      saleId: randomUUID(),
      deviceId: device,
      associateId: await userIdOf(t, 'associate'),
      taxRate: 0.08,
      totals,
      tenders: [{ method: 'card', amount: totals.total, reference: 'R-1' }],
    });
    const request = buildOrderRequest(sale);
    if (approver === null) {
      for (const info of request.items[0]?.price.item_discount_info ?? []) delete info.approved_by;
    }
    return request;
  }

  async function flagsOfPushed(request: OrderRequest, device: string) {
    const pushed = await push(t, device, [mutation(1, MutationTypes.orderCreate, request)]);
    expect(pushed.body.results[0]?.status).toBe('applied');
    const created = pushed.body.results[0]?.result as OrderCreated;
    const stored = await t.call<Order>('GET', `/v0/orders/${created.id}`, {
      token: t.tokens.associate,
    });
    return (stored.body.flags ?? []).map((f) => f.kind);
  }

  it("keeps an override approved by the store's manager with no flag", async () => {
    const device = await newDevice(t);
    const request = await overriddenSale(device, await userIdOf(t, 'manager'));
    expect(await flagsOfPushed(request, device)).toEqual([]);
  });

  it.each([
    ['nobody', async () => null],
    ['an associate', async () => userIdOf(t, 'associate')],
    [
      "another store's manager",
      async () => {
        await signInOtherManager(t);
        return userIdOf(t, 'other-manager');
      },
    ],
    ['a user id that does not exist', async () => 'ghost-manager'],
  ])('flags an override approved by %s as price_below_catalog', async (_who, approver) => {
    const device = await newDevice(t);
    const request = await overriddenSale(device, await approver());
    expect(await flagsOfPushed(request, device)).toEqual(['price_below_catalog']);
  });

  it("refuses an associate's API order with an unapproved 30 % discount, takes a manager's", async () => {
    const order = (): OrderRequest => {
      const body = tampered(
        CABLE,
        {
          item_price: 10.49,
          item_list_price: 14.99,
          item_tax_lines: [{ amount: 0.84, rate: 0.08 }],
          item_discount_info: [
            {
              discount_ref: 'line-1',
              type: 'percentage',
              original_value: 30,
              price_adjustment: 4.5,
              reason: 'Loyalty',
            },
          ],
        },
        [{ method: 'card', amount: 11.33, reference: 'R' }],
      );
      return { ...body, external_id: randomUUID() };
    };
    const refused = await inject(t, order(), t.tokens.associate);
    expect(refused.status).toBe(422);
    expect((refused.body as unknown as ErrorBody).message).toMatch(/manager's approval/);
    const { associate_id: _, ...asManager } = order();
    const taken = await inject(t, asManager, t.tokens.manager);
    expect(taken.status).toBe(201);
  });
});

describe('the device and associate come from the token', () => {
  it('records a pushed sale naming another device and associate as the pusher, flagged', async () => {
    const device = await newDevice(t);
    const registered = await t.call<{ device_id: string }>('POST', '/v0/devices', {
      token: t.tokens.otherAssociate,
      body: { store_id: OTHER_STORE, name: 'Their till' },
    });
    const otherStoreDevice = registered.body.device_id;
    const sale = demoOrder({ device_id: otherStoreDevice, associate_id: 'anyone-at-all' }, [CABLE]);
    const pushed = await push(t, device, [mutation(1, MutationTypes.orderCreate, sale)]);
    expect(pushed.body.results[0]?.status).toBe('applied');
    const created = pushed.body.results[0]?.result as OrderCreated;
    const stored = await t.call<Order>('GET', `/v0/orders/${created.id}`, {
      token: t.tokens.associate,
    });
    expect(stored.body).toMatchObject({
      device_id: device,
      associate_id: await userIdOf(t, 'associate'),
    });
    expect(
      (stored.body.flags ?? []).map((f) => [f.kind, f.details.field, f.details.claimed]),
    ).toEqual([
      ['identity_mismatch', 'device_id', otherStoreDevice],
      ['identity_mismatch', 'associate_id', 'anyone-at-all'],
    ]);
  });

  it.each([
    ['another associate', { associate_id: 'someone-else' }, 'associate_id'],
    ['a device, from a token bound to none', { device_id: 'till-9' }, 'device_id'],
  ])(
    'refuses an injected order naming %s with 403 identity_mismatch',
    async (_name, claim, field) => {
      const reply = await inject(t, demoOrder(claim, [CABLE]));
      expect(reply.status).toBe(403);
      const error = reply.body as unknown as ErrorBody;
      expect(error.error).toBe('identity_mismatch');
      expect(error.details.map((d) => d.field)).toEqual([field]);
    },
  );

  it('believes an admin integration that names its associate', async () => {
    const reply = await inject(t, demoOrder({ associate_id: 'web-shop' }, [CABLE]), t.tokens.admin);
    expect(reply.status).toBe(201);
    const stored = await t.call<Order>('GET', `/v0/orders/${reply.body.id}`);
    expect(stored.body.associate_id).toBe('web-shop');
  });
});
