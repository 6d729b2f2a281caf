// Shifts on the store server (issue 14, DESIGN §10.4): the shift.* mutations, sales and
// returns counted in their till's shift, GET /v0/stores/{id}/shifts recomputed from what the
// server holds, two tills kept apart, and every refusal leaving nothing behind.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fromDecimal, minor, taxOn, toDecimal } from '../../../src/domain/money.ts';
import type { Order, OrderRequest } from '../../../src/protocol/schemas.ts';
import type { Shift, ShiftList } from '../../../src/protocol/shifts.ts';
import type { MutationResult } from '../../../src/protocol/sync-protocol.ts';
import { demoProduct, startTestApp, type TestApp } from './support.ts';
import { inject, mutation, newDevice, push } from './serial-support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // Prices whose 8 % tax makes round totals: 277.78 + 22.22 = 300.00, 370.37 + 29.63 = 400.00,
  // 92.59 + 7.41 = 100.00.
  const products = [
    ['till-300', 277.78],
    ['till-400', 370.37],
    ['till-100', 92.59],
  ] as const;
  const imported = await t.call('POST', '/v0/d/import', {
    body: {
      entity: 'products',
      mode: 'partial',
      head: {},
      items: products.map(([id]) => ({
        product_id: id,
        title: `Till test ${id}`,
        external_identifiers: [{ type: 'sku', value: id }],
      })),
    },
  });
  expect(imported.status).toBe(200);
  const priced = await t.call('POST', '/v0/d/import', {
    body: {
      entity: 'prices',
      mode: 'partial',
      head: { pricebook: 'default', currency: 'USD' },
      items: products.map(([id, value]) => ({ product_id: id, value })),
    },
  });
  expect(priced.status).toBe(200);
});
afterAll(async () => t.close());

/** A device with its own seq counter: `send` pushes the next mutation and answers its result. */
async function till() {
  const deviceId = await newDevice(t);
  let seq = 0;
  const sent: ReturnType<typeof mutation>[] = [];
  const send = async (type: string, payload: unknown): Promise<MutationResult> => {
    seq += 1;
    const next = mutation(seq, type, payload);
    sent.push(next);
    const reply = await push(t, deviceId, [next]);
    expect(reply.status).toBe(200);
    const [result] = reply.body.results;
    if (result === undefined) throw new Error('no result');
    return result;
  };
  return { deviceId, send, sent };
}

const cents = (amount: number): number => fromDecimal(amount, 'USD');
const usd = (minorUnits: number): number => toDecimal(minor(minorUnits), 'USD');

/** A sale of these products at their price (and a discount off the first), with its tax. */
function sale(
  lines: readonly (readonly [string, number])[],
  payments: OrderRequest['payments'],
  shiftId: string | undefined,
  extra: { discount?: number; serial?: string } = {},
): OrderRequest {
  return {
    external_id: `sale-${randomUUID()}`,
    store_id: 'demo-store',
    channel_type: 'store',
    currency: 'USD',
    price_method: 'tax_excluded',
    placed_at: new Date().toISOString(),
    items: lines.map(([productId, listPrice], i) => {
      const off = i === 0 ? (extra.discount ?? 0) : 0;
      const price = usd(cents(listPrice) - cents(off));
      return {
        external_item_id: String(i + 1),
        product_id: productId,
        price: {
          item_price: price,
          item_list_price: listPrice,
          item_tax_lines: [{ amount: usd(taxOn(fromDecimal(price, 'USD'), 0.08)), rate: 0.08 }],
          ...(off > 0
            ? {
                item_discount_info: [
                  {
                    discount_ref: 'd1',
                    type: 'fixed' as const,
                    original_value: off,
                    price_adjustment: off,
                    reason: 'damaged_box',
                  },
                ],
              }
            : {}),
        },
        shipping_type: 'in_store_handover' as const,
        ...(i === 0 && extra.serial !== undefined ? { serial_number: extra.serial } : {}),
      };
    }),
    payments,
    ...(shiftId === undefined ? {} : { shift_id: shiftId }),
  };
}

const open = (shiftId: string, float: unknown = 200) => ({
  shift_id: shiftId,
  opened_at: new Date().toISOString(),
  opening_float: float,
});
const movement = (shiftId: string, type: string, amount: unknown, id = randomUUID()) => ({
  shift_id: shiftId,
  movement_id: id,
  type,
  amount,
  reason: 'to the safe',
});
const close = (shiftId: string, counted: unknown, extra: Record<string, unknown> = {}) => ({
  shift_id: shiftId,
  closed_at: new Date(Date.now() + 1000).toISOString(),
  counted_cash: counted,
  ...extra,
});

async function shifts(token = t.tokens.manager): Promise<Shift[]> {
  const reply = await t.call<ShiftList>('GET', '/v0/stores/demo-store/shifts', { token });
  expect(reply.status).toBe(200);
  return reply.body.shifts;
}
const shiftById = async (shiftId: string): Promise<Shift | undefined> =>
  (await shifts()).find((shift) => shift.shift_id === shiftId);

describe("the issue's day, reckoned by the server", () => {
  it('float 200, 300 cash, 500 split, 100 cash refund, 150 drop: 450 expected, −10 counted 440', async () => {
    const { deviceId, send } = await till();
    const shiftId = randomUUID();
    expect((await send('shift.open', open(shiftId, 200))).status).toBe('applied');
    const first = sale([['till-300', 277.78]], [{ method: 'cash', amount: 300 }], shiftId);
    const second = sale(
      [
        ['till-400', 370.37],
        ['till-100', 92.59],
      ],
      [
        { method: 'cash', amount: 200 },
        { method: 'card', amount: 300, reference: 'AUTH-1' },
      ],
      shiftId,
    );
    expect((await send('order.create', first)).status).toBe('applied');
    expect((await send('order.create', second)).status).toBe('applied');
    const returned = await send('order.return', {
      order_id: second.external_id,
      x_external_id: `RET-${randomUUID()}`,
      returned_from: 'demo-store',
      items: [{ item_id: '2', reason: 'changed mind', condition: 'resellable' }],
      refunds: [{ method: 'cash', amount: 100 }],
      shift_id: shiftId,
    });
    expect(returned).toMatchObject({ status: 'applied', result: { shift_id: shiftId, flags: [] } });
    expect((await send('shift.cash_movement', movement(shiftId, 'safe_drop', 150))).status).toBe(
      'applied',
    );

    // X report: open, nothing counted yet.
    expect(await shiftById(shiftId)).toMatchObject({
      device_id: deviceId,
      closed_at: null,
      opening_float: 200,
      expected_cash: 450,
      counted_cash: null,
      variance: null,
    });

    const closed = await send('shift.close', close(shiftId, 440));
    expect(closed).toMatchObject({ status: 'applied', result: { variance: -10 } });
    const expected = {
      shift_id: shiftId,
      device_id: deviceId,
      store_id: 'demo-store',
      currency: 'USD',
      opening_float: 200,
      expected_cash: 450,
      counted_cash: 440,
      variance: -10,
      // Tax 22.22 + 29.63 + 7.41 = 59.26; cash 300 + 200 − 100 = 400.
      totals: {
        sales: 800,
        returns: 100,
        discounts: 0,
        tax: 59.26,
        by_method: { cash: 400, card: 300 },
      },
      counts: { sales: 2, returns: 1, serialized_units_sold: 0, serialized_units_returned: 0 },
      movements: { safe_drop: 150, paid_in: 0, paid_out: 0 },
    };
    expect(await shiftById(shiftId)).toMatchObject(expected);
    expect(closed.result).toEqual(await shiftById(shiftId));
    // The admin sees the same shift.
    expect((await shifts(t.tokens.admin)).find((s) => s.shift_id === shiftId)).toMatchObject(
      expected,
    );
  });

  it('a mixed day: change, a discount, a serialized unit, card refund, paid in and out', async () => {
    const { send } = await till();
    const shiftId = randomUUID();
    await send('shift.open', open(shiftId, 150.5));
    const phone = demoProduct(0); // 699.00, serialized
    // 699.00 − 20.00 = 679.00 + 54.32 tax = 733.32; 800.00 handed over, 66.68 back.
    const discounted = sale(
      [[phone.product_id, phone.price]],
      [{ method: 'cash', amount: 733.32, tendered: 800, change: 66.68 }],
      shiftId,
      { discount: 20, serial: `SH${String(Date.now()).slice(-12)}` },
    );
    // 300.00 on a card, then 100.00 of a 100.00 item refunded to the card.
    const carded = sale(
      [
        ['till-300', 277.78],
        ['till-100', 92.59],
      ],
      [{ method: 'card', amount: 400, reference: 'AUTH-2' }],
      shiftId,
    );
    expect((await send('order.create', discounted)).status).toBe('applied');
    expect((await send('order.create', carded)).status).toBe('applied');
    expect(
      (
        await send('order.return', {
          order_id: carded.external_id,
          x_external_id: `RET-${randomUUID()}`,
          returned_from: 'demo-store',
          items: [{ item_id: '2', reason: 'faulty', condition: 'damaged' }],
          refunds: [{ method: 'card', amount: 100, reference: 'AUTH-2' }],
          shift_id: shiftId,
        })
      ).status,
    ).toBe('applied');
    await send('shift.cash_movement', movement(shiftId, 'paid_in', 20));
    await send('shift.cash_movement', movement(shiftId, 'paid_out', 12.35));
    // 150.50 + 733.32 + 20.00 − 12.35 = 891.47
    const closed = await send('shift.close', close(shiftId, 891.47));
    expect(closed.result).toMatchObject({
      expected_cash: 891.47,
      variance: 0,
      totals: {
        sales: 1133.32,
        returns: 100,
        discounts: 20,
        // 54.32 + 22.22 + 7.41
        tax: 83.95,
        by_method: { cash: 733.32, card: 300 },
      },
      counts: { sales: 2, returns: 1, serialized_units_sold: 1, serialized_units_returned: 0 },
      movements: { safe_drop: 0, paid_in: 20, paid_out: 12.35 },
    });
  });
});

describe('two tills in one store', () => {
  it('keep their shifts apart: each counts only its own sales and movements', async () => {
    const a = await till();
    const b = await till();
    const [shiftA, shiftB] = [randomUUID(), randomUUID()];
    await a.send('shift.open', open(shiftA, 100));
    await b.send('shift.open', open(shiftB, 50));
    await a.send(
      'order.create',
      sale([['till-300', 277.78]], [{ method: 'cash', amount: 300 }], shiftA),
    );
    await b.send(
      'order.create',
      sale([['till-100', 92.59]], [{ method: 'card', amount: 100, reference: 'B' }], shiftB),
    );
    await b.send('shift.cash_movement', movement(shiftB, 'paid_in', 5));
    const listed = await shifts();
    expect(listed.find((s) => s.shift_id === shiftA)).toMatchObject({
      device_id: a.deviceId,
      expected_cash: 400,
      totals: { sales: 300, by_method: { cash: 300, card: 0 } },
      counts: { sales: 1 },
    });
    expect(listed.find((s) => s.shift_id === shiftB)).toMatchObject({
      device_id: b.deviceId,
      expected_cash: 55,
      totals: { sales: 100, by_method: { cash: 0, card: 100 } },
      counts: { sales: 1 },
    });
    // A sale naming the other till's shift is kept, flagged, and counted in neither.
    const stray = sale([['till-100', 92.59]], [{ method: 'cash', amount: 100 }], shiftA);
    const kept = await b.send('order.create', stray);
    expect(kept.status).toBe('applied');
    const order = await t.call<Order>('GET', `/v0/orders/${(kept.result as { id: string }).id}`);
    expect(order.body.flags?.map((flag) => flag.kind)).toEqual(['shift_of_another_device']);
    expect((await shiftById(shiftA))?.counts.sales).toBe(1);
    expect((await shiftById(shiftB))?.counts.sales).toBe(1);
  });
});

describe('refusals change nothing', () => {
  const rowCounts = async () => ({
    shifts: (await t.app.storeDb.db.selectFrom('shifts').select('shift_id').execute()).length,
    movements: (
      await t.app.storeDb.db.selectFrom('shift_movements').select('movement_id').execute()
    ).length,
    closed: (
      await t.app.storeDb.db.selectFrom('shifts').select('shift_id').where('open', '=', 0).execute()
    ).length,
  });

  it.each<[string, unknown, string, string]>([
    ['a negative float', -1, 'invalid_payload', 'payload.opening_float'],
    ['a non-numeric float', '200', 'invalid_payload', 'payload.opening_float'],
    ['a float finer than a cent', 200.005, 'invalid_amount', 'opening_float'],
  ])('an opening with %s', async (_name, float, code, field) => {
    const { send } = await till();
    const before = await rowCounts();
    const result = await send('shift.open', open(randomUUID(), float));
    expect(result.status).toBe('rejected');
    expect(result.error?.error).toBe(code);
    expect(result.error?.details?.map((d) => d.field)).toContain(field);
    expect(await rowCounts()).toEqual(before);
  });

  it('a second open shift on one till', async () => {
    const { send } = await till();
    const first = randomUUID();
    await send('shift.open', open(first));
    const before = await rowCounts();
    const result = await send('shift.open', open(randomUUID()));
    expect(result).toMatchObject({ status: 'rejected', error: { error: 'shift_already_open' } });
    expect(await rowCounts()).toEqual(before);
    // The same opening sent again is harmless: the same shift, no second row.
    const again = await send('shift.open', { ...open(first) });
    expect(again.status).toBe('rejected'); // other opened_at: other content
    expect(again.error?.error).toBe('same_shift_with_different_data');
  });

  it.each<[string, (ids: { open: string; closed: string }) => unknown, string]>([
    ['on an unknown shift', () => movement(randomUUID(), 'safe_drop', 10), 'unknown_shift'],
    ['on a closed shift', ({ closed }) => movement(closed, 'paid_in', 10), 'shift_closed'],
    ['of nothing', ({ open }) => movement(open, 'paid_out', 0), 'invalid_amount'],
    ['of a negative amount', ({ open }) => movement(open, 'paid_out', -5), 'invalid_payload'],
    ['of an unknown type', ({ open }) => movement(open, 'tip', 5), 'invalid_payload'],
  ])('a cash movement %s', async (_name, payload, code) => {
    const { send } = await till();
    const closed = randomUUID();
    await send('shift.open', open(closed));
    await send('shift.close', close(closed, 200));
    const openId = randomUUID();
    await send('shift.open', open(openId));
    const before = await rowCounts();
    const result = await send('shift.cash_movement', payload({ open: openId, closed }));
    expect(result).toMatchObject({ status: 'rejected', error: { error: code } });
    expect(await rowCounts()).toEqual(before);
    expect((await shiftById(openId))?.expected_cash).toBe(200);
  });

  it("a close of another till's shift, an unknown one, a bad count", async () => {
    const a = await till();
    const b = await till();
    const shiftId = randomUUID();
    await a.send('shift.open', open(shiftId));
    const before = await rowCounts();
    const refusals: [unknown, string][] = [
      [close(shiftId, 200), 'shift_of_another_device'],
      [close(randomUUID(), 200), 'unknown_shift'],
    ];
    for (const [payload, code] of refusals) {
      expect((await b.send('shift.close', payload)).error?.error).toBe(code);
    }
    const own: [unknown, string][] = [
      [close(shiftId, -1), 'invalid_payload'],
      [close(shiftId, 'lots'), 'invalid_payload'],
      [
        close(shiftId, 200, { counted_by_denomination: [{ denomination: 100, count: 1 }] }),
        'invalid_count',
      ],
      [{ ...close(shiftId, 200), closed_at: '2000-01-01T00:00:00Z' }, 'invalid_close'],
    ];
    for (const [payload, code] of own) {
      expect((await a.send('shift.close', payload)).error?.error).toBe(code);
    }
    expect(await rowCounts()).toEqual(before);
    expect((await shiftById(shiftId))?.closed_at).toBeNull();
  });

  it('a close sent twice is one close; another count after it is refused', async () => {
    const { deviceId, send, sent } = await till();
    const shiftId = randomUUID();
    await send('shift.open', open(shiftId, 100));
    const payload = close(shiftId, 99.5, {
      counted_by_denomination: [
        { denomination: 50, count: 1 },
        { denomination: 20, count: 2 },
        { denomination: 1, count: 9 },
        { denomination: 0.25, count: 2 },
      ],
    });
    const first = await send('shift.close', payload);
    expect(first).toMatchObject({ status: 'applied', result: { variance: -0.5 } });
    // Resent under a new seq (the device lost the answer and queued it again): the same close.
    const second = await send('shift.close', payload);
    expect(second).toMatchObject({ status: 'applied', result: first.result });
    // Resent under the same seq: the push's own duplicate.
    const replay = await push(t, deviceId, sent.slice(1, 2));
    expect(replay.body.results[0]).toMatchObject({ status: 'duplicate', result: first.result });
    const other = await send('shift.close', close(shiftId, 100));
    expect(other).toMatchObject({ status: 'rejected', error: { error: 'shift_already_closed' } });
    expect(await shiftById(shiftId)).toMatchObject({ counted_cash: 99.5, variance: -0.5 });
  });

  it('a sale on a closed or unknown shift: kept from a till and flagged, refused on the API', async () => {
    const { send } = await till();
    const shiftId = randomUUID();
    await send('shift.open', open(shiftId, 10));
    await send('shift.close', close(shiftId, 10));
    const late = sale([['till-100', 92.59]], [{ method: 'cash', amount: 100 }], shiftId);
    const kept = await send('order.create', late);
    expect(kept.status).toBe('applied');
    const order = await t.call<Order>('GET', `/v0/orders/${(kept.result as { id: string }).id}`);
    expect(order.body.flags?.map((flag) => flag.kind)).toEqual(['shift_closed']);
    expect(await shiftById(shiftId)).toMatchObject({ counts: { sales: 0 }, variance: 0 });

    const stray = sale([['till-100', 92.59]], [{ method: 'cash', amount: 100 }], randomUUID());
    const refused = await inject(t, stray);
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ error: 'unknown_shift' });
    const stored = await t.call('GET', `/v0/orders/${stray.external_id}`);
    expect(stored.status).toBe(404);
    // An order without a shift (a web order, an older app) is still an order.
    expect(
      (await inject(t, sale([['till-100', 92.59]], [{ method: 'cash', amount: 100 }], undefined)))
        .status,
    ).toBe(201);
  });

  it('a return on a closed shift from a till is kept, flagged and not counted', async () => {
    const { send } = await till();
    const shiftId = randomUUID();
    await send('shift.open', open(shiftId, 0));
    const sold = sale([['till-100', 92.59]], [{ method: 'cash', amount: 100 }], shiftId);
    await send('order.create', sold);
    await send('shift.close', close(shiftId, 100));
    const result = await send('order.return', {
      order_id: sold.external_id,
      x_external_id: `RET-${randomUUID()}`,
      returned_from: 'demo-store',
      items: [{ item_id: '1', reason: 'changed mind', condition: 'resellable' }],
      refunds: [{ method: 'cash', amount: 100 }],
      shift_id: shiftId,
    });
    expect(result).toMatchObject({
      status: 'applied',
      result: { shift_id: null, flags: [{ kind: 'shift_closed' }] },
    });
    expect(await shiftById(shiftId)).toMatchObject({ counts: { returns: 0 }, variance: 0 });
  });

  it('only managers and admins list shifts', async () => {
    const reply = await t.call('GET', '/v0/stores/demo-store/shifts', {
      token: t.tokens.associate,
    });
    expect(reply.status).toBe(403);
  });
});
