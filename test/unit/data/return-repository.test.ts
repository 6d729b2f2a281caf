// Returns on the device: a sale is found by its code, number or serial; the return checks
// serial, earlier returns and refunds again inside its transaction and queues order.return
// with it; a blind return needs an approval; a manager's PIN approves, another's does not.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minor } from '../../../src/domain/money.ts';
import type { ReturnInput } from '../../../src/data/return-repository.ts';
import type { HistoryOrderRecord } from '../../../src/data/types.ts';
import {
  DEVICE_ID,
  NOW,
  openTestData,
  productById,
  STORE,
  type TestData,
} from './data-fixtures.ts';

let data: TestData;
let order: HistoryOrderRecord;

beforeEach(async () => {
  data = await openTestData();
  const headphones = await productById(data, 'headphones-x1');
  const cola = await productById(data, 'cola-355');
  const line = await data.carts.addProduct(DEVICE_ID, headphones, NOW);
  await data.carts.setSerial(
    line.lineId,
    {
      serial: 'HPX1SERIAL0001',
      method: 'typed',
      capturedAt: NOW,
      valid: null,
      configVersion: null,
    },
    NOW,
  );
  await data.carts.addProduct(DEVICE_ID, cola, NOW);
  const sale = await data.sales.completeSale({
    deviceId: DEVICE_ID,
    associateId: 'assoc-1',
    associateName: 'A',
    store: STORE,
    // 149.00 + 11.92 tax + 1.99 + 0.16 tax = 163.07
    tenders: [{ method: 'card', reference: 'T-42' }],
    now: NOW,
  });
  order = (await data.returns.getSale(sale.saleId))!;
});

afterEach(async () => {
  await data.db.delete();
});

const UNIT = {
  externalItemId: '1',
  productId: 'headphones-x1',
  serial: 'HPX1SERIAL0001',
  condition: 'resellable' as const,
  reason: 'Changed mind',
  refund: minor(16092),
};

const input = (over: Partial<ReturnInput> = {}): ReturnInput => ({
  order,
  orderExternalId: order.externalId,
  storeId: STORE.store_id,
  currency: 'USD',
  returnedAt: '2026-11-28T10:00:00.000Z',
  associateId: 'assoc-2',
  deviceId: DEVICE_ID,
  units: [UNIT],
  titles: ['Headphones X1'],
  refunds: [{ method: 'card', reference: 'T-42', amount: minor(16092) }],
  approval: null,
  ...over,
});

describe('ReturnRepository', () => {
  it('finds the sale by its receipt code, its receipt number (any case) and a serial', async () => {
    expect((await data.returns.findSales(order.externalId)).map((o) => o.externalId)).toEqual([
      order.externalId,
    ]);
    expect(
      (await data.returns.findSales(order.receipt.toLowerCase())).map((o) => o.externalId),
    ).toEqual([order.externalId]);
    expect((await data.returns.findSales(']C1HPX1SERIAL0001')).map((o) => o.externalId)).toEqual([
      order.externalId,
    ]);
    expect(await data.returns.findSales('NOTHING')).toEqual([]);
  });

  it('records the return with its order.return in one go; the unit cannot come back twice', async () => {
    const record = await data.returns.commitReturn(input());
    expect(record.sync.state).toBe('pending');
    const entry = await data.db.outbox.where('ref').equals(record.returnId).first();
    expect(entry).toMatchObject({
      type: 'order.return',
      payload: {
        order_id: order.externalId,
        items: [{ item_id: '1', serial_number: 'HPX1SERIAL0001', condition: 'resellable' }],
        refunds: [{ method: 'card', amount: 160.92, reference: 'T-42' }],
      },
    });
    const units = await data.returns.returnable(order);
    expect(units.map((unit) => unit.returnedBy?.returnId ?? null)).toEqual([record.returnId, null]);
    await expect(data.returns.commitReturn(input())).rejects.toMatchObject({
      reason: 'ALREADY_RETURNED',
    });
  });

  it.each([
    ['another serial', { units: [{ ...UNIT, serial: 'HPX1SERIAL9999' }] }, 'SERIAL_MISMATCH'],
    ['no serial', { units: [{ ...UNIT, serial: null }] }, 'SERIAL_MISSING'],
    [
      'more than paid',
      { refunds: [{ method: 'card' as const, reference: 'T-42', amount: minor(16093) }] },
      'REFUND_REFUSED',
    ],
    [
      'cash for a card sale, unapproved',
      { refunds: [{ method: 'cash' as const, reference: null, amount: minor(16092) }] },
      'REFUND_REFUSED',
    ],
    ['a unit of another sale', { units: [{ ...UNIT, externalItemId: '9' }] }, 'INVALID'],
    ['nothing chosen', { units: [] }, 'INVALID'],
  ])('refuses %s and writes nothing', async (_, over, reason) => {
    await expect(data.returns.commitReturn(input(over))).rejects.toMatchObject({ reason });
    expect(await data.db.storeReturns.count()).toBe(0);
    expect((await data.db.outbox.toArray()).filter((e) => e.type === 'order.return')).toEqual([]);
  });

  it('takes cash for a card sale once a manager approved', async () => {
    const approval = { manager_id: 'manager-1', reason: 'card expired', at: NOW };
    const record = await data.returns.commitReturn(
      input({ refunds: [{ method: 'cash', reference: null, amount: minor(16092) }], approval }),
    );
    expect(record.approvedBy).toBe('manager-1');
  });

  it('a blind return needs an approval', async () => {
    const blind = input({
      order: null,
      orderExternalId: null,
      units: [{ ...UNIT, externalItemId: null }],
    });
    await expect(data.returns.commitReturn(blind)).rejects.toMatchObject({
      reason: 'APPROVAL_REFUSED',
    });
  });

  it('the sale to warn about before selling a serial again, until it is returned', async () => {
    await data.db.sales.update(order.externalId, {
      sync: { state: 'synced', orderId: 'o-1', error: null, syncedAt: NOW },
    });
    expect(await data.returns.soldBefore('headphones-x1', 'HPX1SERIAL0001')).toMatchObject({
      receipt: order.receipt,
    });
    await data.returns.commitReturn(input());
    expect(await data.returns.soldBefore('headphones-x1', 'HPX1SERIAL0001')).toBeNull();
  });
});

describe('ApprovalRepository', () => {
  it('a manager who set a PIN here approves with it; a wrong PIN counts, and five lock them out', async () => {
    await data.db.approvers.put({
      userId: 'manager-1',
      username: 'manager',
      displayName: 'Morgan Manager',
      role: 'manager',
      storeId: STORE.store_id,
      pin: await (async () => {
        await data.db.session.put({
          key: 'current',
          accessToken: 't',
          expiresAt: NOW,
          associateId: 'manager-1',
          displayName: 'Morgan Manager',
          username: 'manager',
          role: 'manager',
          storeId: STORE.store_id,
          deviceId: DEVICE_ID,
          signedInAt: NOW,
          expired: false,
        });
        await data.sessions.setPin('1357');
        return (await data.db.approvers.get('manager-1'))!.pin;
      })(),
      updatedAt: NOW,
    });
    expect(await data.approvals.approvers(STORE.store_id)).toEqual([
      { userId: 'manager-1', displayName: 'Morgan Manager' },
    ]);
    const ask = (pin: string) =>
      data.approvals.approve({
        userId: 'manager-1',
        pin,
        reason: 'ok',
        storeId: STORE.store_id,
        now: NOW,
      });
    await expect(ask('1357')).resolves.toMatchObject({ manager_id: 'manager-1', reason: 'ok' });
    for (let i = 0; i < 4; i += 1)
      await expect(ask('0000')).rejects.toMatchObject({ reason: 'APPROVAL_REFUSED' });
    await expect(ask('0000')).rejects.toThrow(/wrong PIN too often/);
    await expect(ask('1357')).rejects.toThrow(/wrong PIN too often/);
  });
});
