// The store's history on a device: units still returnable, a serial's timeline and current
// state, the sale to warn about, and warranty end dates.
import { describe, expect, it } from 'vitest';
import { minor } from '../../../src/domain/money.ts';
import {
  historyOrderFromSale,
  lastUnreturnedSale,
  returnableUnits,
  serialTimeline,
  warrantyEnd,
  type HistoryOrder,
  type HistoryReturn,
} from '../../../src/domain/store-history.ts';
import type { Sale } from '../../../src/domain/sale.ts';

const sale: Sale = {
  saleId: 'a1b2c3d4-0000-4000-8000-000000000001',
  seq: 1,
  storeId: 'demo-store',
  storeLabel: 'Demo',
  deviceId: 'dev-1',
  associateId: 'assoc-1',
  associateName: 'A',
  currency: 'USD',
  locale: 'en-US',
  taxRate: 0.08,
  priceMethod: 'tax_excluded',
  lines: [
    {
      lineId: 'l1',
      productId: 'phone',
      title: 'Phone',
      unitPrice: minor(49900),
      quantity: 1,
      serialized: true,
      shippingType: 'in_store_handover',
      serial: 'SN0000000000001',
      serialCapture: null,
    },
    {
      lineId: 'l2',
      productId: 'cable',
      title: 'Cable',
      unitPrice: minor(1999),
      quantity: 2,
      serialized: false,
      shippingType: 'in_store_handover',
      serial: null,
      serialCapture: null,
    },
  ],
  totals: { subtotal: minor(53898), tax: minor(4312), total: minor(58210), units: 3 },
  tenders: [{ method: 'cash', amount: minor(58210), tendered: minor(60000), change: minor(1790) }],
  createdAt: '2026-11-01T10:00:00.000Z',
  sync: { state: 'pending', orderId: null, error: null, syncedAt: null },
};

const returnOf = (
  returnId: string,
  externalItemId: string,
  serial: string | null,
  at: string,
  condition: 'resellable' | 'damaged' = 'resellable',
): HistoryReturn => ({
  returnId,
  orderExternalId: sale.saleId,
  storeId: 'demo-store',
  returnedAt: at,
  deviceId: 'dev-2',
  associateId: 'assoc-2',
  currency: 'USD',
  items: [
    {
      externalItemId,
      productId: serial === null ? 'cable' : 'phone',
      title: null,
      serial,
      condition,
      reason: 'changed mind',
      refund: minor(100),
    },
  ],
  refunds: [{ method: 'cash', reference: null, amount: minor(100) }],
  approvedBy: null,
});

describe('historyOrderFromSale', () => {
  it('numbers the units like order.create and says what each paid', () => {
    const order = historyOrderFromSale(sale);
    // 499.00 + 39.92 tax; 19.99 + 1.60 tax, twice
    expect(order.items.map((i) => [i.externalItemId, i.productId, i.paid])).toEqual([
      ['1', 'phone', 53892],
      ['2', 'cable', 2159],
      ['3', 'cable', 2159],
    ]);
    expect(order.receipt).toBe('A1B2C3D4');
    // Cash net of change: what the sale took
    expect(order.payments).toEqual([{ method: 'cash', reference: null, amount: 58210 }]);
  });
});

describe('returnableUnits', () => {
  const order: HistoryOrder = historyOrderFromSale(sale);
  it('marks the units earlier returns took back, by the first return', () => {
    const first = returnOf('r1', '2', null, '2026-11-02T10:00:00.000Z');
    const second = returnOf('r2', '2', null, '2026-11-03T10:00:00.000Z');
    const units = returnableUnits(order, [second, first]);
    expect(units.map((u) => [u.item.externalItemId, u.returnedBy?.returnId ?? null])).toEqual([
      ['1', null],
      ['2', 'r1'],
      ['3', null],
    ]);
  });
});

describe('serialTimeline and lastUnreturnedSale', () => {
  const order = historyOrderFromSale(sale);
  it.each<[string, HistoryReturn[], string | null, boolean]>([
    ['sold only', [], 'sold', true],
    [
      'sold, returned resellable',
      [returnOf('r1', '1', 'SN0000000000001', '2026-11-02T00:00:00Z')],
      'returned',
      false,
    ],
    [
      'sold, returned damaged',
      [returnOf('r1', '1', 'SN0000000000001', '2026-11-02T00:00:00Z', 'damaged')],
      'quarantined',
      false,
    ],
  ])('%s', (_, returns, state, warns) => {
    const timeline = serialTimeline(']C1SN0000000000001', [order], returns);
    expect(timeline.state).toBe(state);
    expect(timeline.events[0]).toMatchObject({ kind: 'sold', receipt: 'A1B2C3D4' });
    expect(lastUnreturnedSale('phone', 'SN0000000000001', [order], returns) !== null).toBe(warns);
  });

  it('a later resale is the sale to warn about again', () => {
    const resale = { ...order, externalId: 'z', receipt: 'Z', placedAt: '2026-11-05T00:00:00Z' };
    const returned = returnOf('r1', '1', 'SN0000000000001', '2026-11-02T00:00:00Z');
    expect(
      lastUnreturnedSale('phone', 'SN0000000000001', [order, resale], [returned]),
    ).toMatchObject({
      receipt: 'Z',
    });
    // Another product's serial of the same text is not this one.
    expect(lastUnreturnedSale('cable', 'SN0000000000001', [order], [])).toBeNull();
  });

  it('knows nothing of a serial it never saw', () => {
    expect(serialTimeline('NOPE', [order], [])).toEqual({ events: [], state: null });
  });
});

describe('warrantyEnd', () => {
  it.each([
    ['2026-01-31T12:00:00Z', 1, '2026-02-28'],
    ['2024-01-31T12:00:00Z', 1, '2024-02-29'],
    ['2026-11-27T10:00:00Z', 24, '2028-11-27'],
    ['2026-11-27T10:00:00Z', 12, '2027-11-27'],
    ['2026-11-27T10:00:00Z', 0, null],
    ['2026-11-27T10:00:00Z', null, null],
    ['not a date', 12, null],
  ] as const)('%s + %s months → %s', (soldAt, months, expected) => {
    expect(warrantyEnd(soldAt, months)).toBe(expected);
  });
});
