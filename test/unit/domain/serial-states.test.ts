/**
 * `unitSerialViews`, table-driven: a unit's serial state from its sale's sync state, the
 * server's verdict per item, and the pulled exceptions about it (the newest word wins).
 */
import { describe, expect, it } from 'vitest';
import { unitSerialViews } from '../../../src/domain/serial-states.ts';
import { unitSerialStateLabel } from '../../../src/i18n/serial-states.ts';
import { minor } from '../../../src/domain/money.ts';
import type { Sale, SaleLine, SaleSyncState } from '../../../src/domain/sale.ts';
import type { SerialException } from '../../../src/protocol/serials.ts';

const line = (over: Partial<SaleLine>): SaleLine => ({
  lineId: 'l1',
  productId: 'phone',
  title: 'Phone',
  unitPrice: minor(10_000),
  quantity: 1,
  serialized: true,
  shippingType: 'in_store_handover',
  serial: 'SN1',
  serialCapture: null,
  ...over,
});

const sale = (state: SaleSyncState, lines: SaleLine[]): Sale => ({
  saleId: 'sale-1',
  seq: 1,
  storeId: 'demo-store',
  storeLabel: 'Demo',
  deviceId: 'd',
  associateId: 'a',
  associateName: 'A',
  currency: 'USD',
  locale: 'en-US',
  taxRate: 0,
  priceMethod: 'tax_excluded',
  lines,
  totals: { subtotal: minor(0), tax: minor(0), total: minor(0), units: lines.length },
  tenders: [{ method: 'card', amount: minor(0), reference: 'x' }],
  createdAt: '2026-11-27T10:00:00.000Z',
  sync: { state, orderId: null, error: null, syncedAt: null },
});

const exception = (over: Partial<SerialException>): SerialException =>
  ({
    id: 'e1',
    kind: 'duplicate',
    state: 'open',
    external_item_id: '2',
    order: { external_id: 'sale-1' },
    ...over,
  }) as SerialException;

const verdict = (...states: (string | null)[]) => ({
  items: states.map((state, index) => ({
    external_item_id: String(index + 1),
    serial_state: state,
  })),
});

// A cable (2 units, items 1–2) before the phone: the phone is item 3.
const lines = [
  line({ lineId: 'cable', productId: 'cable', serialized: false, serial: null, quantity: 2 }),
  line({ lineId: 'phone' }),
];

describe('unitSerialViews', () => {
  it.each([
    ['waiting in the outbox', 'pending', null, [], 'pending'],
    ['refused by the server', 'rejected', null, [], 'sale refused'],
    ['accepted', 'synced', verdict(null, null, 'accepted'), [], 'accepted'],
    ['no verdict from an older server', 'synced', { id: 'o' }, [], 'accepted'],
    ['the server opened an exception', 'synced', verdict(null, null, 'exception'), [], 'exception'],
    [
      'a pulled open exception names it',
      'synced',
      verdict(null, null, 'accepted'),
      [exception({ external_item_id: '3', kind: 'invalid_format' })],
      'exception: does not match the pattern',
    ],
    [
      'the exception was resolved since',
      'synced',
      verdict(null, null, 'exception'),
      [exception({ external_item_id: '3', state: 'resolved' })],
      'resolved',
    ],
    [
      'an exception about another item or sale is not this one',
      'synced',
      verdict(null, null, 'accepted'),
      [
        exception({ external_item_id: '1' }),
        exception({
          external_item_id: '3',
          order: { external_id: 'x' } as SerialException['order'],
        }),
      ],
      'accepted',
    ],
  ] as const)('%s', (_, syncState, result, exceptions, label) => {
    const views = unitSerialViews(sale(syncState, lines), result, exceptions);
    expect(views.map((view) => [view.lineId, view.externalItemId, view.serial])).toEqual([
      ['phone', '3', 'SN1'],
    ]);
    expect(unitSerialStateLabel(views[0]!)).toBe(label);
  });

  it('tracks a take-now unit without a serial, not a shipped one', () => {
    const views = unitSerialViews(
      sale('pending', [
        line({ lineId: 'shipped', shippingType: 'traditional_carrier', serial: null }),
        line({ lineId: 'bare', serial: null }),
      ]),
      null,
      [],
    );
    expect(views.map((view) => [view.lineId, view.externalItemId, view.serial])).toEqual([
      ['bare', '2', null],
    ]);
  });
});
