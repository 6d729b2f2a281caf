// Returns on the store server (issue 12): order returns and blind returns over the API with
// every refusal, the serial lifecycle (returned sells again, quarantined opens an exception,
// release), duplicate returns from two offline tills kept and flagged, and the history pull.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ReturnRecord, ReturnRequest } from '../../../src/protocol/returns.ts';
import type { Order } from '../../../src/protocol/schemas.ts';
import type { SerialLookup } from '../../../src/protocol/serials.ts';
import type { PullResponse } from '../../../src/protocol/sync-protocol.ts';
import { demoProduct, startTestApp, type TestApp } from './support.ts';
import {
  freshSerial,
  inject,
  mutation,
  newDevice,
  openExceptions,
  push,
  serialSale,
} from './serial-support.ts';

let t: TestApp;
let managerId: string;
beforeAll(async () => {
  t = await startTestApp();
  const manager = await t.app.storeDb.db
    .selectFrom('users')
    .select('user_id')
    .where('username', '=', 'manager')
    .executeTakeFirstOrThrow();
  managerId = manager.user_id;
});
afterAll(async () => {
  await t.close();
});

/** Sells two serialized units and a plain one; answers the order as GET /v0/orders shows it. */
async function sellThree(serials = [freshSerial(), freshSerial()]) {
  const sale = serialSale([
    { product: 0, serial: serials[0] },
    { product: 1, serial: serials[1] },
    { product: 15 },
  ]);
  const created = await inject(t, sale);
  expect(created.status).toBe(201);
  const order = await t.call<Order>('GET', `/v0/orders/${created.body.id}`);
  return { sale, order: order.body, serials };
}

const paidFor = (order: Order, index: number): number => {
  const item = order.items[index]!;
  return Math.round((item.item_price + item.tax) * 100) / 100;
};

function returnBody(overrides: Partial<ReturnRequest> = {}): ReturnRequest {
  return {
    x_external_id: `RET-${randomUUID()}`,
    returned_from: 'demo-store',
    items: [],
    refunds: [],
    ...overrides,
  };
}

const postReturn = (orderId: string, body: ReturnRequest, token = t.tokens.associate) =>
  t.call<ReturnRecord & { error?: string; details?: Array<{ field: string }> }>(
    'POST',
    `/v0/d/orders/${orderId}/returns`,
    { token, body },
  );

const lookup = (serial: string) => t.call<SerialLookup>('GET', `/v0/serials/${serial}`);

describe('POST /v0/d/orders/{order_id}/returns', () => {
  it('returns one serialized unit of three for cash; it sells again with no exception', async () => {
    const { order, serials } = await sellThree();
    const refund = paidFor(order, 0);
    const body = returnBody({
      items: [
        {
          item_id: order.items[0]!.id,
          reason: 'changed mind',
          condition: 'resellable',
          serial_number: serials[0],
        },
      ],
      refunds: [{ method: 'cash', amount: refund }],
    });
    const reply = await postReturn(order.id, body);
    expect(reply.status).toBe(201);
    expect(reply.body).toMatchObject({
      order_id: order.id,
      order_external_id: order.external_id,
      refund_amount: refund,
      items: [
        {
          serial_number: serials[0],
          condition: 'resellable',
          refund_amount: refund,
          serial_state: 'returned',
        },
      ],
      flags: [],
    });
    // Replayed: the same return, 200.
    const again = await postReturn(order.id, body);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(reply.body.id);

    const serial = await lookup(serials[0]!);
    expect(serial.body.lifecycle_state).toBe('returned');
    expect(serial.body.events.map((event) => event.kind)).toEqual(['sold', 'returned']);
    const stored = await t.call<Order>('GET', `/v0/orders/${order.id}`);
    expect(stored.body.items.map((item) => item.return_ids?.length)).toEqual([1, 0, 0]);

    const resale = await inject(t, serialSale([{ product: 0, serial: serials[0] }]));
    expect(resale.body.items[0]?.serial_state).toBe('accepted');
    const after = await lookup(serials[0]!);
    expect(after.body.lifecycle_state).toBe('sold');
    expect(after.body.events.map((event) => event.kind)).toEqual(['sold', 'returned', 'sold']);
  });

  it('accepts the item by its external_item_id and the order by its external_id', async () => {
    const { order, serials } = await sellThree();
    const reply = await postReturn(
      order.external_id,
      returnBody({
        items: [
          { item_id: '2', reason: 'faulty', condition: 'defective', serial_number: serials[1] },
        ],
        refunds: [{ method: 'cash', amount: paidFor(order, 1) }],
      }),
    );
    expect(reply.status).toBe(201);
    expect(reply.body.items[0]).toMatchObject({
      item_id: order.items[1]!.id,
      serial_state: 'quarantined',
    });
  });

  it.each([
    [
      'another serial than the one sold',
      (o: Order) => ({
        items: [
          {
            item_id: o.items[0]!.id,
            reason: 'x',
            condition: 'resellable' as const,
            serial_number: 'SNWRONGSERIAL1',
          },
        ],
      }),
      422,
      'serial_mismatch',
      'items[0].serial_number',
    ],
    [
      'a serialized unit without its serial',
      (o: Order) => ({
        items: [{ item_id: o.items[0]!.id, reason: 'x', condition: 'resellable' as const }],
      }),
      422,
      'serial_mismatch',
      'items[0].serial_number',
    ],
    [
      'an item of another order',
      () => ({
        items: [{ item_id: 'not-an-item', reason: 'x', condition: 'resellable' as const }],
      }),
      422,
      'unknown_item',
      'items[0].item_id',
    ],
    [
      'a refund above what the units paid',
      (o: Order) => ({
        items: [{ item_id: o.items[2]!.id, reason: 'x', condition: 'resellable' as const }],
        refunds: [{ method: 'cash' as const, amount: paidFor(o, 2) + 0.01 }],
      }),
      422,
      'refund_exceeds_paid',
      'refunds',
    ],
    [
      'a refund to a card the sale was not paid with, without approval',
      (o: Order) => ({
        items: [{ item_id: o.items[2]!.id, reason: 'x', condition: 'resellable' as const }],
        refunds: [{ method: 'card' as const, amount: paidFor(o, 2), reference: 'OTHER-CARD' }],
      }),
      422,
      'refund_needs_approval',
      'refunds[0]',
    ],
    [
      'an approval by someone who is not a manager',
      (o: Order) => ({
        items: [{ item_id: o.items[2]!.id, reason: 'x', condition: 'resellable' as const }],
        refunds: [{ method: 'card' as const, amount: paidFor(o, 2), reference: 'OTHER-CARD' }],
        approval: { manager_id: 'assoc-nobody', reason: 'customer lost the card' },
      }),
      422,
      'invalid_approval',
      'approval.manager_id',
    ],
  ])(
    'refuses %s with %i %s naming %s, and records nothing',
    async (_, build, status, code, field) => {
      const { order, serials } = await sellThree();
      const before = await t.app.storeDb.db.selectFrom('returns').select('id').execute();
      const reply = await postReturn(order.id, returnBody(build(order)));
      expect(reply.status).toBe(status);
      expect(reply.body.error).toBe(code);
      expect(reply.body.details?.map((d) => d.field)).toContain(field);
      expect(await t.app.storeDb.db.selectFrom('returns').select('id').execute()).toHaveLength(
        before.length,
      );
      expect((await lookup(serials[0]!)).body.lifecycle_state).toBe('sold');
    },
  );

  it('refuses a unit returned before (409) and the same id with other data (409)', async () => {
    const { order } = await sellThree();
    const body = returnBody({
      items: [{ item_id: order.items[2]!.id, reason: 'x', condition: 'resellable' }],
      refunds: [{ method: 'cash', amount: paidFor(order, 2) }],
    });
    expect((await postReturn(order.id, body)).status).toBe(201);
    const twice = await postReturn(order.id, { ...body, x_external_id: `RET-${randomUUID()}` });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toBe('item_already_returned');
    const changed = await postReturn(order.id, { ...body, refunds: [] });
    expect(changed.status).toBe(409);
    expect(changed.body.error).toBe('same_return_with_different_data');
  });

  it('a manager-approved split to another card is recorded with the approval', async () => {
    const { order } = await sellThree();
    const reply = await postReturn(
      order.id,
      returnBody({
        items: [{ item_id: order.items[2]!.id, reason: 'x', condition: 'resellable' }],
        refunds: [{ method: 'card', amount: paidFor(order, 2), reference: 'NEW-CARD-1' }],
        approval: { manager_id: managerId, reason: 'card replaced' },
      }),
    );
    expect(reply.status).toBe(201);
    expect(reply.body.approval).toMatchObject({ manager_id: managerId });
  });

  it("another store's caller gets 404 for the order's returns", async () => {
    const { order } = await sellThree();
    const list = await t.call('GET', `/v0/d/orders/${order.id}/returns`, {
      token: t.tokens.otherAssociate,
    });
    expect(list.status).toBe(404);
  });
});

describe('quarantine', () => {
  it('a damaged unit is quarantined; its sale keeps the sale and opens quarantined_unit; release clears it', async () => {
    const { order, serials } = await sellThree();
    const serial = serials[0]!;
    const returned = await postReturn(
      order.id,
      returnBody({
        items: [
          {
            item_id: order.items[0]!.id,
            reason: 'cracked',
            condition: 'damaged',
            serial_number: serial,
          },
        ],
        refunds: [{ method: 'cash', amount: paidFor(order, 0) }],
      }),
    );
    expect(returned.body.items[0]?.serial_state).toBe('quarantined');
    expect((await lookup(serial)).body.lifecycle_state).toBe('quarantined');

    const sold = await inject(t, serialSale([{ product: 0, serial }]));
    expect(sold.status).toBe(201);
    expect(sold.body.items[0]?.serial_state).toBe('exception');
    const kinds = (await openExceptions(t))
      .filter((e) => e.serial_number === serial)
      .map((e) => e.kind);
    expect(kinds).toEqual(['quarantined_unit']);

    // Not quarantined any more after release: a later sale is clean. Only a manager may.
    const product_id = demoProduct(0).product_id;
    const asAssociate = await t.call('POST', `/v0/serials/${serial}/disposition`, {
      token: t.tokens.associate,
      body: { product_id, action: 'release' },
    });
    expect(asAssociate.status).toBe(403);
    const other = freshSerial();
    const second = await sellThree([other, freshSerial()]);
    await postReturn(
      second.order.id,
      returnBody({
        items: [
          {
            item_id: second.order.items[0]!.id,
            reason: 'cracked',
            condition: 'defective',
            serial_number: other,
          },
        ],
        refunds: [{ method: 'cash', amount: paidFor(second.order, 0) }],
      }),
    );
    const released = await t.call<{ state: string }>('POST', `/v0/serials/${other}/disposition`, {
      token: t.tokens.manager,
      body: { product_id, action: 'release', note: 'tested fine' },
    });
    expect(released).toMatchObject({ status: 200, body: { state: 'released' } });
    const again = await t.call('POST', `/v0/serials/${other}/disposition`, {
      token: t.tokens.manager,
      body: { product_id, action: 'scrap' },
    });
    expect(again.status).toBe(409);
    const resale = await inject(t, serialSale([{ product: 0, serial: other }]));
    expect(resale.body.items[0]?.serial_state).toBe('accepted');
  });
});

describe('POST /v0/d/returns (blind)', () => {
  const blind = (approval?: { manager_id: string; reason: string }) => ({
    x_external_id: `RET-${randomUUID()}`,
    returned_from: 'demo-store',
    currency: 'USD',
    items: [
      {
        product_id: demoProduct(15).product_id,
        reason: 'no receipt',
        condition: 'resellable',
        price: 9.99,
      },
    ],
    refunds: [{ method: 'cash', amount: 9.99 }],
    ...(approval === undefined ? {} : { approval }),
  });

  it('needs an approval by a manager of the store, and records who approved', async () => {
    const none = await t.call<{ details: Array<{ field: string }> }>('POST', '/v0/d/returns', {
      token: t.tokens.associate,
      body: blind(),
    });
    expect(none.status).toBe(400);
    expect(none.body.details.map((d) => d.field)).toContain('approval');
    const wrong = await t.call<{ error: string }>('POST', '/v0/d/returns', {
      token: t.tokens.associate,
      body: blind({ manager_id: 'nobody', reason: 'known customer' }),
    });
    expect(wrong.status).toBe(422);
    expect(wrong.body.error).toBe('invalid_approval');
    const ok = await t.call<ReturnRecord>('POST', '/v0/d/returns', {
      token: t.tokens.associate,
      body: blind({ manager_id: managerId, reason: 'known customer' }),
    });
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({
      order_id: null,
      refund_amount: 9.99,
      approval: { manager_id: managerId },
    });
  });

  it('refuses a refund above the units’ prices', async () => {
    const body = {
      ...blind({ manager_id: managerId, reason: 'x' }),
      refunds: [{ method: 'cash', amount: 10 }],
    };
    const reply = await t.call<{ error: string }>('POST', '/v0/d/returns', {
      token: t.tokens.associate,
      body,
    });
    expect(reply.status).toBe(422);
    expect(reply.body.error).toBe('refund_exceeds_paid');
  });
});

describe('order.return through sync', () => {
  it('two devices return the same unit offline: both kept, one duplicate_return for the manager', async () => {
    const { order, sale, serials } = await sellThree();
    const [first, second] = [await newDevice(t), await newDevice(t)];
    const payload = (returnId: string) => ({
      order_id: sale.external_id,
      x_external_id: returnId,
      returned_from: 'demo-store',
      items: [
        {
          item_id: '1',
          reason: 'changed mind',
          condition: 'resellable',
          serial_number: serials[0],
        },
      ],
      refunds: [{ method: 'cash', amount: paidFor(order, 0) }],
    });
    const a = await push(t, first, [mutation(1, 'order.return', payload(`RET-A-${randomUUID()}`))]);
    const b = await push(t, second, [
      mutation(1, 'order.return', payload(`RET-B-${randomUUID()}`)),
    ]);
    expect(a.body.results[0]?.status).toBe('applied');
    expect(b.body.results[0]?.status).toBe('applied');
    const secondRecord = b.body.results[0]?.result as ReturnRecord;
    expect(secondRecord.flags.map((flag) => flag.kind)).toContain('duplicate_return');
    const returns = await t.call<{ returns: ReturnRecord[] }>(
      'GET',
      `/v0/d/orders/${order.id}/returns`,
    );
    expect(returns.body.returns).toHaveLength(2);
    const duplicates = (await openExceptions(t)).filter(
      (e) => e.kind === 'duplicate_return' && e.order.id === order.id,
    );
    expect(duplicates).toHaveLength(1);
    // The serial moved once: returned, not returned twice.
    expect((await lookup(serials[0]!)).body.events.map((e) => e.kind)).toEqual([
      'sold',
      'returned',
    ]);
  });

  it('rejects a return whose serial is not the one sold, and the queue moves on', async () => {
    const { sale } = await sellThree();
    const device = await newDevice(t);
    const reply = await push(t, device, [
      mutation(1, 'order.return', {
        order_id: sale.external_id,
        x_external_id: `RET-${randomUUID()}`,
        returned_from: 'demo-store',
        items: [
          { item_id: '1', reason: 'x', condition: 'resellable', serial_number: 'SNNOTTHEONE001' },
        ],
        refunds: [],
      }),
    ]);
    expect(reply.body.results[0]).toMatchObject({
      status: 'rejected',
      error: { error: 'serial_mismatch' },
    });
    expect(reply.body.last_applied_seq).toBe(1);
  });
});

describe('the store history in the pull', () => {
  it('delivers the store’s orders and returns after the cursor, once each', async () => {
    const device = await newDevice(t);
    const pullAll = async (since?: string) => {
      const orders: string[] = [];
      const returns: string[] = [];
      let cursor = since;
      for (;;) {
        const page = await t.call<PullResponse>(
          'GET',
          `/v0/sync/pull?device_id=${device}${cursor === undefined ? '' : `&since=${cursor}`}`,
          { token: t.tokens.associate },
        );
        orders.push(...(page.body.store_orders ?? []).map((o) => o.external_id));
        returns.push(...(page.body.store_returns ?? []).map((r) => r.x_external_id));
        // The window's start, for the device to drop older copies: 90 days by default.
        const days = (Date.now() - Date.parse(page.body.history_since ?? '')) / 86_400_000;
        expect(days).toBeCloseTo(90, 1);
        cursor = page.body.next_cursor;
        if (!page.body.has_more) return { orders, returns, cursor };
      }
    };
    const first = await pullAll();
    const { order, sale, serials } = await sellThree();
    const returned = await postReturn(
      order.id,
      returnBody({
        items: [
          {
            item_id: order.items[0]!.id,
            reason: 'x',
            condition: 'resellable',
            serial_number: serials[0],
          },
        ],
        refunds: [{ method: 'cash', amount: paidFor(order, 0) }],
      }),
    );
    const next = await pullAll(first.cursor);
    expect(next.orders).toEqual([sale.external_id]);
    expect(next.returns).toEqual([returned.body.x_external_id]);
    expect(first.orders).not.toContain(sale.external_id);
    const other = await t.call<PullResponse>('GET', `/v0/sync/pull?store_id=other-store`, {
      token: t.tokens.otherAssociate,
    });
    expect((other.body.store_orders ?? []).map((o) => o.external_id)).not.toContain(
      sale.external_id,
    );
  });
});
