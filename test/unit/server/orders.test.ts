// Order injection (POST /v0/d/fulfill_order): idempotency, conflicts, refusals, read-back.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order, OrderCreated } from '../../../src/protocol/schemas.ts';
import {
  demoOrder,
  demoProduct,
  OTHER_STORE,
  startTestApp,
  userIdOf,
  type TestApp,
} from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

interface ErrorReply {
  error: string;
  details: Array<{ field: string; message: string }>;
}

const countOrders = async (externalId: string): Promise<number> =>
  (
    await t.app.storeDb.db
      .selectFrom('orders')
      .select('id')
      .where('external_id', '=', externalId)
      .execute()
  ).length;

/** Same content with its keys in another order, as another client might serialise it. */
function reversedKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(reversedKeys);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.entries(value)
        .reverse()
        .map(([k, v]) => [k, reversedKeys(v)]),
    );
  }
  return value;
}

describe('POST /v0/d/fulfill_order', () => {
  it('creates once: 201, then 200 with the same answer for the same content', async () => {
    const order = demoOrder();
    const first = await t.call<OrderCreated>('POST', '/v0/d/fulfill_order', {
      token: t.tokens.associate,
      body: order,
    });
    expect(first.status).toBe(201);
    expect(first.body.external_id).toBe(order.external_id);
    expect(
      first.body.items.map((i) => [i.external_item_id, i.product_id, i.serial_number]),
    ).toEqual([
      ['1', demoProduct(0).product_id, 'SN000000000000'],
      ['2', demoProduct(15).product_id, null],
    ]);

    const again = await t.call<OrderCreated>('POST', '/v0/d/fulfill_order', {
      token: t.tokens.associate,
      body: reversedKeys(order),
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    expect(await countOrders(order.external_id)).toBe(1);
  });

  it('creates one order when the same order arrives twice at the same moment', async () => {
    const order = demoOrder();
    const send = () =>
      t.call<OrderCreated>('POST', '/v0/d/fulfill_order', {
        token: t.tokens.associate,
        body: order,
      });
    const replies = await Promise.all([send(), send(), send()]);
    expect(replies.map((r) => r.status).sort()).toEqual([200, 200, 201]);
    expect(new Set(replies.map((r) => r.body.id)).size).toBe(1);
    expect(await countOrders(order.external_id)).toBe(1);
  });

  it('answers 409 when the same external_id comes with other data, and keeps the first', async () => {
    const order = demoOrder();
    expect(
      (await t.call('POST', '/v0/d/fulfill_order', { token: t.tokens.associate, body: order }))
        .status,
    ).toBe(201);
    const changed = { ...order, items: order.items.slice(0, 1) };
    const reply = await t.call<ErrorReply>('POST', '/v0/d/fulfill_order', {
      token: t.tokens.associate,
      body: changed,
    });
    expect(reply.status).toBe(409);
    expect(reply.body.error).toBe('same_order_injection_with_different_data');
    const stored = await t.call<Order>('GET', `/v0/orders?external_id=${order.external_id}`, {
      token: t.tokens.associate,
    });
    expect(stored.body.items).toHaveLength(2);
  });

  it('refuses unknown products and duplicate item ids with 422 naming the item, writing nothing', async () => {
    const order = demoOrder();
    const unknown = structuredClone(order);
    unknown.items[1]!.product_id = 'no-such-product';
    const reply = await t.call<ErrorReply>('POST', '/v0/d/fulfill_order', {
      token: t.tokens.associate,
      body: unknown,
    });
    expect(reply.status).toBe(422);
    expect(reply.body.details.map((d) => d.field)).toEqual(['items[1].product_id']);

    const duplicate = structuredClone(order);
    duplicate.items[1]!.external_item_id = '1';
    const dup = await t.call<ErrorReply>('POST', '/v0/d/fulfill_order', {
      token: t.tokens.associate,
      body: duplicate,
    });
    expect(dup.status).toBe(422);
    expect(dup.body.details.map((d) => d.field)).toEqual(['items[1].external_item_id']);
    expect(await countOrders(order.external_id)).toBe(0);
  });

  it('refuses amounts with more decimals than the currency has', async () => {
    const order = demoOrder();
    order.items[0]!.price.item_price = 10.005;
    const reply = await t.call<ErrorReply>('POST', '/v0/d/fulfill_order', {
      token: t.tokens.associate,
      body: order,
    });
    expect(reply.status).toBe(422);
    expect(reply.body.details.map((d) => d.field)).toEqual(['items[0].price.item_price']);
  });

  it('is 403 for another store, 422 for an unknown store (admin)', async () => {
    const other = demoOrder({ store_id: OTHER_STORE });
    expect(
      (await t.call('POST', '/v0/d/fulfill_order', { token: t.tokens.associate, body: other }))
        .status,
    ).toBe(403);
    const nowhere = demoOrder({ store_id: 'atlantis' });
    const reply = await t.call<ErrorReply>('POST', '/v0/d/fulfill_order', { body: nowhere });
    expect(reply.status).toBe(422);
    expect(reply.body.details[0]?.field).toBe('store_id');
  });

  it('refuses a malformed body with 400 naming the field', async () => {
    const order = demoOrder() as unknown as {
      items: Array<{ price: Record<string, unknown>; shipping_type: string }>;
    };
    order.items[0]!.price.item_price = '19.99';
    order.items[1]!.shipping_type = 'teleport';
    const reply = await t.call<ErrorReply>('POST', '/v0/d/fulfill_order', {
      token: t.tokens.associate,
      body: order,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe('invalid_request');
    expect(reply.body.details.map((d) => d.field)).toEqual([
      'items[0].price.item_price',
      'items[1].shipping_type',
    ]);
  });
});

describe('GET /v0/orders', () => {
  it('returns items with titles and serials, totals in decimals, and payments', async () => {
    const order = demoOrder({}, [0, 15, 15]);
    const created = await t.call<OrderCreated>('POST', '/v0/d/fulfill_order', {
      token: t.tokens.associate,
      body: order,
    });
    const reply = await t.call<Order>('GET', `/v0/orders/${created.body.id}`, {
      token: t.tokens.associate,
    });
    expect(reply.status).toBe(200);
    // 699.00 + 14.99 + 14.99; tax 55.92 + 1.20 + 1.20
    expect(reply.body.totals).toEqual({ subtotal: 728.98, tax: 58.32, total: 787.3 });
    expect(reply.body.items.map((i) => [i.title, i.item_price, i.tax, i.serial_number])).toEqual([
      [demoProduct(0).title, 699, 55.92, 'SN000000000000'],
      [demoProduct(15).title, 14.99, 1.2, null],
      [demoProduct(15).title, 14.99, 1.2, null],
    ]);
    expect(reply.body.payments).toEqual([{ method: 'cash', amount: 787.3 }]);
    expect(reply.body.store_id).toBe('demo-store');
    // The order names no associate: the one whose token injected it is recorded.
    expect(reply.body.associate_id).toBe(await userIdOf(t, 'associate'));
  });

  it('keeps orders inside their store', async () => {
    const order = demoOrder();
    const created = await t.call<OrderCreated>('POST', '/v0/d/fulfill_order', {
      token: t.tokens.associate,
      body: order,
    });
    const byId = `/v0/orders/${created.body.id}`;
    expect((await t.call('GET', byId, { token: t.tokens.admin })).status).toBe(200);
    // Another store's order id answers exactly as an unknown one: nothing tells it exists.
    const foreign = await t.call('GET', byId, { token: t.tokens.otherAssociate });
    const unknownId = randomUUID();
    const unknown = await t.call('GET', `/v0/orders/${unknownId}`, {
      token: t.tokens.otherAssociate,
    });
    expect(foreign.status).toBe(404);
    expect(foreign.body).toEqual({
      ...unknown.body,
      message: (unknown.body.message as string).replace(unknownId, created.body.id),
    });
    // external_id is per store: another store's token does not see it, nor may it ask for ours.
    const byExternal = `/v0/orders?external_id=${order.external_id}`;
    expect((await t.call('GET', byExternal, { token: t.tokens.otherAssociate })).status).toBe(404);
    expect(
      (await t.call('GET', `${byExternal}&store_id=demo-store`, { token: t.tokens.otherAssociate }))
        .status,
    ).toBe(403);
    expect((await t.call('GET', `${byExternal}&store_id=demo-store`)).status).toBe(200);
  });
});
