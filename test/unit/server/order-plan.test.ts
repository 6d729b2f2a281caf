/**
 * The pure steps of `createOrder` (issue 10): what is wrong with an order on its face, who it
 * is recorded as, the rows it becomes and how findings are refused. No database here; the
 * route tests (orders, order-money) prove the steps are wired.
 */
import { describe, expect, it } from 'vitest';
import {
  orderRequestProblems,
  planOrderRows,
  recordedIdentity,
  refusalOf,
  unknownProducts,
  type Sender,
} from '../../../server/src/services/order-plan.ts';
import { orderContacts } from '../../../server/src/services/order-contacts.ts';
import type { OrderFinding } from '../../../src/domain/order-money.ts';
import type { OrderRequest } from '../../../src/protocol/schemas.ts';

const item = (
  id: string,
  price: number,
  over: Partial<OrderRequest['items'][number]> = {},
): OrderRequest['items'][number] => ({
  external_item_id: id,
  product_id: `p-${id}`,
  price: {
    item_price: price,
    item_list_price: price,
    item_tax_lines: [{ amount: 0.8, rate: 0.08 }],
  },
  shipping_type: 'in_store_handover',
  ...over,
});

const request = (over: Partial<OrderRequest> = {}): OrderRequest => ({
  external_id: 'sale-1',
  store_id: 'demo-store',
  currency: 'USD',
  items: [item('1', 10)],
  payments: [{ method: 'card', amount: 10.8, reference: 'R' }],
  ...over,
});

describe('orderRequestProblems', () => {
  it.each([
    { name: 'a clean order', order: request(), expected: [] },
    {
      name: 'another currency than the store',
      order: request({ currency: 'EUR' }),
      expected: [['currency', 'must be the store currency USD']],
    },
    {
      name: 'an item id used twice',
      order: request({ items: [item('1', 10), item('1', 10)] }),
      expected: [['items[1].external_item_id', 'duplicates items[0]']],
    },
    {
      name: 'a price finer than a cent',
      order: request({ items: [item('1', 10.005)] }),
      expected: [
        ['items[0].price.item_price', 'has more than 2 decimals for USD'],
        ['items[0].price.item_list_price', 'has more than 2 decimals for USD'],
      ],
    },
    {
      name: 'a cash change finer than a cent',
      order: request({ payments: [{ method: 'cash', amount: 10.8, tendered: 20, change: 9.195 }] }),
      expected: [['payments[0].change', 'has more than 2 decimals for USD']],
    },
  ])('$name', ({ order, expected }) => {
    expect(orderRequestProblems(order, 'USD').map((d) => [d.field, d.message])).toEqual(expected);
  });
});

describe('unknownProducts', () => {
  it('names each item whose product the catalog lacks', () => {
    const order = request({ items: [item('1', 10), item('2', 5), item('3', 1)] });
    expect(unknownProducts(order, new Set(['p-1', 'p-3']))).toEqual([
      { field: 'items[1].product_id', message: 'no product p-2 exists' },
    ]);
  });
});

describe('recordedIdentity', () => {
  const till: Sender = {
    deviceId: 'till-1',
    associateId: 'user-1',
    trusted: false,
    role: 'associate',
  };
  const capture = { method: 'scanner' as const, captured_at: '2026-11-27T10:00:00Z' };

  it.each([
    {
      name: 'a sale that names its own device and associate',
      order: request({ device_id: 'till-1', associate_id: 'user-1' }),
      sender: till,
      recorded: ['till-1', 'user-1'],
      mismatches: [],
    },
    {
      name: 'a sale that names nobody',
      order: request(),
      sender: till,
      recorded: ['till-1', 'user-1'],
      mismatches: [],
    },
    {
      name: 'a sale naming another device and associate',
      order: request({ device_id: 'till-9', associate_id: 'anyone' }),
      sender: till,
      recorded: ['till-1', 'user-1'],
      mismatches: [
        ['device_id', 'till-9', 'till-1'],
        ['associate_id', 'anyone', 'user-1'],
      ],
    },
    {
      name: 'a device named by a token bound to none',
      order: request({ device_id: 'till-9' }),
      sender: { deviceId: null, associateId: 'user-1', trusted: false, role: 'associate' as const },
      recorded: [null, 'user-1'],
      mismatches: [['device_id', 'till-9', null]],
    },
    {
      name: 'an admin integration, believed',
      order: request({ device_id: 'kiosk', associate_id: 'web-shop' }),
      sender: { deviceId: null, associateId: null, trusted: true, role: 'admin' as const },
      recorded: ['kiosk', 'web-shop'],
      mismatches: [],
    },
    {
      name: "an admin pushing from a device: the device is the push's",
      order: request({ device_id: 'kiosk' }),
      sender: { deviceId: 'till-1', associateId: null, trusted: true, role: 'admin' as const },
      recorded: ['till-1', null],
      mismatches: [],
    },
  ])('$name', ({ order, sender, recorded, mismatches }) => {
    const identity = recordedIdentity(order, sender);
    expect([identity.deviceId, identity.associateId]).toEqual(recorded);
    expect(identity.findings.map((f) => [f.field, f.details.claimed, f.details.recorded])).toEqual(
      mismatches,
    );
    expect(identity.findings.every((f) => f.kind === 'identity_mismatch')).toBe(true);
  });

  it("writes the recorded device and associate into each serial's capture", () => {
    const order = request({
      items: [
        item('1', 10, { serial_capture: { ...capture, device_id: 'till-9', associate_id: 'x' } }),
        item('2', 10),
      ],
    });
    const identity = recordedIdentity(order, till);
    expect(identity.captures).toEqual([
      { ...capture, device_id: 'till-1', associate_id: 'user-1' },
      undefined,
    ]);
    expect(identity.findings.map((f) => f.field)).toEqual([
      'items[0].serial_capture.device_id',
      'items[0].serial_capture.associate_id',
    ]);
  });
});

describe('planOrderRows', () => {
  it('makes one item row per unit in minor units, totals from the amounts sent', () => {
    let n = 0;
    const order = request({
      items: [
        item('1', 19.99, {
          price: {
            item_price: 19.99,
            item_tax_lines: [
              { amount: 1.2, rate: 0.06 },
              { amount: 0.4, rate: 0.02 },
            ],
          },
          serial_number: 'SN1',
        }),
        item('2', 0.1),
      ],
    });
    const identity = recordedIdentity(order, {
      deviceId: 'till-1',
      associateId: 'u',
      trusted: false,
      role: 'associate',
    });
    const rows = planOrderRows(order, {
      orderId: 'order-1',
      newId: () => `id-${(n += 1)}`,
      contentHash: 'h',
      identity,
      contacts: orderContacts(order),
      now: '2026-11-27T10:00:00.000Z',
    });
    expect(
      rows.items.map((r) => [r.id, r.item_price_minor, r.list_price_minor, r.tax_minor]),
    ).toEqual([
      // 1.20 + 0.40 = 1.60 of tax; no list price sent
      ['id-1', 1999, null, 160],
      ['id-2', 10, 10, 80],
    ]);
    expect(rows.order).toMatchObject({
      id: 'order-1',
      device_id: 'till-1',
      associate_id: 'u',
      price_method: 'tax_excluded',
      channel_type: 'store',
      // 19.99 + 0.10 = 20.09; tax 1.60 + 0.80 = 2.40; total 22.49
      subtotal_minor: 2009,
      tax_minor: 240,
      total_minor: 2249,
    });
  });
});

describe('refusalOf', () => {
  const finding = (kind: OrderFinding['kind'], field: string): OrderFinding => ({
    kind,
    field,
    message: `${field} is wrong.`,
    details: {},
  });

  it.each([
    { kinds: [['underpaid', 'payments']], code: 'underpaid' },
    {
      kinds: [
        ['tax_mismatch', 'items[0].price.item_tax_lines'],
        ['tax_mismatch', 'items[1].price.item_tax_lines'],
      ],
      code: 'tax_mismatch',
    },
    {
      kinds: [
        ['tax_mismatch', 'items[0].price.item_tax_lines'],
        ['underpaid', 'payments'],
      ],
      code: 'totals_mismatch',
    },
  ] as const)('answers $code for $kinds.length finding(s)', ({ kinds, code }) => {
    const refusal = refusalOf(
      kinds.map(([kind, field]) => finding(kind, field)),
      'totals_mismatch',
      'It does not add up',
    );
    expect(refusal.code).toBe(code);
    expect(refusal.details.map((d) => d.field)).toEqual(kinds.map(([, field]) => field));
    expect(refusal.message).toMatch(/^It does not add up; nothing was stored\. /);
  });
});
