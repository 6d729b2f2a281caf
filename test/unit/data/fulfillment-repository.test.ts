/**
 * Fulfilment on the device (fake-indexeddb): pulled requests are cached and listed pick-up
 * first then newest; a pick writes the item's state and its outbox entry together; wrong
 * items, missing and repeated serials are refused without a write; the server's answers settle
 * or undo pending picks; and the pure reconciliation keeps pending actions across pulls.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  newRecord,
  reconcileRequest,
  settleFromOutbox,
  type FulfillmentRecord,
} from '../../../src/domain/fulfillment-records.ts';
import { pickProgress } from '../../../src/domain/pick-items.ts';
import type { FulfillmentRequest } from '../../../src/protocol/fulfillment.ts';
import { DEVICE_ID, NOW, openTestData, type TestData } from './data-fixtures.ts';

let data: TestData;
beforeEach(async () => {
  data = await openTestData();
});
afterEach(async () => {
  await data.db.delete();
});

const item = (id: string, over: Partial<FulfillmentRequest['items'][number]> = {}) => ({
  id,
  order_item_id: `oi-${id}`,
  product_id: 'headphones-x1',
  title: 'Headphones X1',
  serialized: true,
  picked: false,
  serial_number: null,
  picked_at: null,
  serial_state: null,
  serial_exception_ids: [],
  ...over,
});

const request = (id: string, over: Partial<FulfillmentRequest> = {}): FulfillmentRequest => ({
  id,
  order_id: `order-${id}`,
  external_order_id: `ext-${id}`,
  store_id: 'demo-store',
  state: 'open',
  priority: 1,
  shipping_type: 'traditional_carrier',
  created_at: NOW,
  updated_at: NOW,
  customer_name: null,
  tracking_code: null,
  carrier: null,
  shipped_at: null,
  items: [
    item(`${id}-1`),
    item(`${id}-2`, { product_id: 'cola-355', title: 'Cola 355 ml', serialized: false }),
  ],
  ...over,
});

async function pull(...requests: FulfillmentRequest[]): Promise<void> {
  await data.catalog.applyPage(
    {
      products: [],
      config: null,
      fulfillmentRequests: requests,
      nextCursor: `c-${Math.random()}`,
      complete: true,
    },
    'USD',
    NOW,
  );
}

const serial = (text: string) => ({
  serial: text,
  method: 'scanner' as const,
  capturedAt: NOW,
  valid: true,
  configVersion: 3,
});

const pickInput = (requestId: string, itemId: string, serialText?: string) => ({
  requestId,
  itemId,
  associateId: 'assoc-1',
  deviceId: DEVICE_ID,
  now: NOW,
  ...(serialText === undefined ? {} : { serial: serial(serialText) }),
});

describe('the cached requests', () => {
  it('lists open requests pick-up first, then newest first, and drops closed ones', async () => {
    await pull(
      request('old-carrier', { created_at: '2026-11-27T08:00:00.000Z' }),
      request('new-carrier', { created_at: '2026-11-27T09:00:00.000Z' }),
      request('pick-up', {
        priority: 2,
        shipping_type: 'in_store_pick_up',
        created_at: '2026-11-27T07:00:00.000Z',
      }),
      request('gone', { state: 'cancelled' }),
    );
    expect((await data.fulfillment.openRequests()).map((r) => r.id)).toEqual([
      'pick-up',
      'new-carrier',
      'old-carrier',
    ]);
    expect(await data.fulfillment.get('gone')).toBeUndefined();
    await pull(request('new-carrier', { state: 'shipped' }));
    expect((await data.fulfillment.openRequests()).map((r) => r.id)).toEqual([
      'pick-up',
      'old-carrier',
    ]);
  });
});

describe('picking on the device', () => {
  it('writes the pick and its outbox entry together, with the serial and how it was captured', async () => {
    await pull(request('r1'));
    const { item: picked, record } = await data.fulfillment.pick(
      pickInput('r1', 'r1-1', 'SN0000000000AB'),
    );
    expect(picked).toMatchObject({ picked: true, pending: true, serial: 'SN0000000000AB' });
    expect(pickProgress(record)).toEqual({ picked: 1, total: 2 });
    const outbox = await data.db.outbox.toArray();
    expect(outbox.map((e) => [e.seq, e.type, e.ref, e.status])).toEqual([
      [1, 'fulfillment.pick', 'r1', 'pending'],
    ]);
    expect(outbox[0]?.payload).toEqual({
      request_id: 'r1',
      items: [
        {
          id: 'r1-1',
          serial_number: 'SN0000000000AB',
          serial_capture: {
            method: 'scanner',
            captured_at: NOW,
            associate_id: 'assoc-1',
            device_id: DEVICE_ID,
            config_version: 3,
          },
        },
      ],
    });
  });

  it('refuses a serialized unit without serial, a picked item, and a serial already picked here', async () => {
    await pull(request('r1'), request('r2'));
    await expect(data.fulfillment.pick(pickInput('r1', 'r1-1'))).rejects.toThrow(
      'needs its serial number',
    );
    await data.fulfillment.pick(pickInput('r1', 'r1-1', 'SNSAME00000001'));
    await expect(data.fulfillment.pick(pickInput('r1', 'r1-1', 'SNOTHER0000001'))).rejects.toThrow(
      'Headphones X1 is already picked.',
    );
    await expect(data.fulfillment.pick(pickInput('r2', 'r2-1', 'SNSAME00000001'))).rejects.toThrow(
      'Serial SNSAME00000001 is already picked for Headphones X1 (order ext-r1).',
    );
    expect(await data.db.outbox.count()).toBe(1);
  });

  it('completes only when every item is picked, then ships; a closed request takes no more', async () => {
    await pull(request('r1'));
    await data.fulfillment.pick(pickInput('r1', 'r1-1', 'SN0000000000AC'));
    await expect(data.fulfillment.completePicking('r1', NOW)).rejects.toThrow(
      '1 item still to pick: Cola 355 ml.',
    );
    await data.fulfillment.pick(pickInput('r1', 'r1-2'));
    expect((await data.fulfillment.completePicking('r1', NOW)).localState).toBe('picked');
    const shipped = await data.fulfillment.ship({
      requestId: 'r1',
      trackingCode: ' 1Z9 ',
      now: NOW,
    });
    expect(shipped.localState).toBe('shipped');
    const outbox = await data.db.outbox.orderBy('seq').toArray();
    expect(outbox.map((e) => e.type)).toEqual([
      'fulfillment.pick',
      'fulfillment.pick',
      'fulfillment.pick',
      'fulfillment.ship',
    ]);
    expect(outbox[3]?.payload).toEqual({ request_id: 'r1', tracking_code: '1Z9' });
    await expect(data.fulfillment.pick(pickInput('r1', 'r1-2'))).rejects.toThrow('already shipped');
  });
});

describe("the server's answers", () => {
  it('an applied pick settles with the server copy; a refused one is undone with its reason', async () => {
    await pull(request('r1'));
    await data.fulfillment.pick(pickInput('r1', 'r1-1', 'SN0000000000AD'));
    await data.fulfillment.pick(pickInput('r1', 'r1-2'));
    const entries = await data.db.outbox.orderBy('seq').toArray();
    const serverCopy = request('r1', {
      items: [
        item('r1-1', { picked: true, serial_number: 'SN0000000000AD', serial_state: 'accepted' }),
        item('r1-2', { product_id: 'cola-355', title: 'Cola 355 ml', serialized: false }),
      ],
    });
    await data.outbox.applyResults(
      [
        { seq: 1, id: entries[0]?.id ?? '', status: 'applied', result: serverCopy },
        {
          seq: 2,
          id: entries[1]?.id ?? '',
          status: 'rejected',
          error: { error: 'request_cancelled', message: 'Fulfillment request r1 was cancelled.' },
        },
      ],
      NOW,
    );
    const record = await data.fulfillment.get('r1');
    expect(record?.localPicks).toEqual({});
    expect(record?.syncError).toBe('Fulfillment request r1 was cancelled.');
    expect(record?.server.items.map((i) => i.picked)).toEqual([true, false]);
  });

  it('a pick refused because the order was cancelled keeps its reason after the cancellation is pulled', async () => {
    await pull(request('r1'));
    await data.fulfillment.pick(pickInput('r1', 'r1-2'));
    const [entry] = await data.db.outbox.orderBy('seq').toArray();
    await data.outbox.applyResults(
      [
        {
          seq: 1,
          id: entry?.id ?? '',
          status: 'rejected',
          error: { error: 'request_cancelled', message: 'Fulfillment request r1 was cancelled.' },
        },
      ],
      NOW,
    );
    await pull(request('r1', { state: 'cancelled' }));
    const record = await data.fulfillment.get('r1');
    expect(record?.localState).toBe('cancelled');
    expect(record?.syncError).toBe('Fulfillment request r1 was cancelled.');
    expect(pickProgress(record as FulfillmentRecord)).toEqual({ picked: 0, total: 2 });
    expect(await data.fulfillment.openRequests()).toEqual([]);
  });

  it('a cancelled request nothing here picked is dropped from the device', async () => {
    await pull(request('r1'));
    await pull(request('r1', { state: 'cancelled' }));
    expect(await data.fulfillment.get('r1')).toBeUndefined();
  });
});

describe('settleFromOutbox', () => {
  const withPick = (seq: number): FulfillmentRecord => ({
    ...newRecord(request('r1')),
    localPicks: { 'r1-1': { itemId: 'r1-1', serial: 'SNX', capture: null, pickedAt: NOW, seq } },
  });

  it.each([
    ['waiting', { status: 'pending', error: null }, 1, false, null],
    ['unknown to the outbox', undefined, 1, false, null],
    ['accepted', { status: 'done', error: null }, 0, true, null],
    ['refused', { status: 'rejected', error: 'Cancelled.' }, 0, false, 'Cancelled.'],
  ] as const)('a pick whose mutation is %s', (_label, outcome, pending, picked, error) => {
    const result = settleFromOutbox(withPick(7), (seq) => (seq === 7 ? outcome : undefined));
    expect(Object.keys(result.localPicks)).toHaveLength(pending);
    expect(result.server.items[0]?.picked).toBe(picked);
    expect(result.syncError).toBe(error);
    expect(pickProgress(result).picked).toBe(pending + (picked ? 1 : 0));
  });

  it('keeps our pending pick while the server shows another device picked the item', () => {
    const record = reconcileRequest(
      withPick(7),
      request('r1', { items: [item('r1-1', { picked: true, serial_number: 'SNY' })] }),
    );
    expect(record.localPicks['r1-1']?.serial).toBe('SNX');
    const refused = settleFromOutbox(record, () => ({
      status: 'rejected',
      error: 'Already picked.',
    }));
    expect(refused.server.items[0]?.serial_number).toBe('SNY');
    expect(refused.syncError).toBe('Already picked.');
  });

  it.each([
    ['open', null, null, 'open'],
    ['open', { seq: 1, at: NOW }, null, 'picked'],
    ['picked', null, { seq: 2, at: NOW, trackingCode: null, carrier: null }, 'shipped'],
    ['cancelled', { seq: 1, at: NOW }, null, 'cancelled'],
  ] as const)('server %s with pending actions shows %s', (state, complete, shipment, shown) => {
    const record: FulfillmentRecord = {
      ...newRecord(request('r1')),
      pendingComplete: complete,
      pendingShipment: shipment,
    };
    expect(reconcileRequest(record, request('r1', { state })).localState).toBe(shown);
  });
});
