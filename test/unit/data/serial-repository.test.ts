/**
 * Serial states a receipt shows (pending → the server's verdict → pulled exceptions), the last
 * good configuration kept when a newer one cannot run, and a manager's resolution through the
 * outbox, on fake-indexeddb.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minor } from '../../../src/domain/money.ts';
import type { ConfigEnvelope } from '../../../src/protocol/schemas.ts';
import type { SerialException } from '../../../src/protocol/serials.ts';
import {
  DEVICE_ID,
  NOW,
  openTestData,
  productById,
  STORE,
  type TestData,
} from './data-fixtures.ts';
import { unitSerialViews } from '../../../src/domain/serial-states.ts';

let data: TestData;
beforeEach(async () => {
  data = await openTestData();
});
afterEach(async () => {
  await data.db.delete();
});

const envelope = (version: number, pattern: string | null): ConfigEnvelope => ({
  version,
  updated_at: NOW,
  source: 'store',
  config: { capabilities: { serialized_inventory: { serial_number_regex: pattern } } },
});

const page = (over: Record<string, unknown>) => ({
  products: [],
  config: null,
  nextCursor: `c-${Math.random()}`,
  complete: true,
  ...over,
});

async function sellTwoUnits(): Promise<{ saleId: string; seq: number }> {
  const headphones = await productById(data, 'headphones-x1');
  for (const serial of ['HXA', 'HXB']) {
    const line = await data.carts.addProduct(DEVICE_ID, headphones, NOW);
    await data.carts.setSerial(
      line.lineId,
      { serial, method: 'typed', capturedAt: NOW, valid: true, configVersion: 1 },
      NOW,
    );
  }
  const sale = await data.sales.completeSale({
    deviceId: DEVICE_ID,
    associateId: 'assoc-1',
    associateName: 'Alex',
    store: STORE,
    tenders: [{ method: 'cash', tendered: minor(100_000) }],
    now: NOW,
  });
  return { saleId: sale.saleId, seq: sale.seq };
}

function exception(saleId: string, over: Partial<SerialException> = {}): SerialException {
  const order = {
    id: 'order-1',
    external_id: saleId,
    store_id: 'demo-store',
    device_id: DEVICE_ID,
    associate_id: 'assoc-1',
    placed_at: NOW,
    created_at: NOW,
  };
  return {
    id: 'ex-1',
    kind: 'duplicate',
    state: 'open',
    store_id: 'demo-store',
    product_id: 'headphones-x1',
    product_title: 'Headphones X1',
    serial_number: 'HXB',
    order_item_id: 'item-2',
    external_item_id: '2',
    order,
    other_order: { ...order, id: 'order-0', external_id: 'other-sale' },
    details: {},
    opened_at: NOW,
    resolution: null,
    resolved_serial: null,
    resolved_by: null,
    resolved_at: null,
    note: null,
    ...over,
  };
}

/** The units' serial states as the receipt shows them. */
const unitsOf = async (saleId: string) => {
  const found = await data.serials.saleSerials(saleId);
  return found === undefined
    ? undefined
    : unitSerialViews(found.sale, found.orderResult, found.exceptions);
};

const states = async (saleId: string) =>
  (await unitsOf(saleId))?.map((unit) => [unit.serial, unit.state]);

describe('serial states of a sale', () => {
  it('go from pending to the server verdict, then follow pulled exceptions', async () => {
    const { saleId, seq } = await sellTwoUnits();
    expect(await states(saleId)).toEqual([
      ['HXA', 'pending'],
      ['HXB', 'pending'],
    ]);
    const entry = (await data.db.outbox.get(seq))!;
    await data.outbox.applyResults(
      [
        {
          seq,
          id: entry.id,
          status: 'applied',
          result: {
            id: 'order-1',
            external_id: saleId,
            items: [
              {
                id: 'i1',
                external_item_id: '1',
                product_id: 'headphones-x1',
                serial_number: 'HXA',
                serial_state: 'accepted',
              },
              {
                id: 'i2',
                external_item_id: '2',
                product_id: 'headphones-x1',
                serial_number: 'HXB',
                serial_state: 'exception',
              },
            ],
          },
        },
      ],
      NOW,
    );
    expect(await states(saleId)).toEqual([
      ['HXA', 'accepted'],
      ['HXB', 'exception'],
    ]);
    await data.catalog.applyPage(page({ serialExceptions: [exception(saleId)] }), 'USD', NOW);
    expect((await unitsOf(saleId))?.[1]?.exceptionKinds).toEqual(['duplicate']);
    await data.catalog.applyPage(
      page({
        serialExceptions: [exception(saleId, { state: 'resolved', resolution: 'accepted' })],
      }),
      'USD',
      NOW,
    );
    expect(await states(saleId)).toEqual([
      ['HXA', 'accepted'],
      ['HXB', 'resolved'],
    ]);
    expect((await data.serials.recentSales()).map((entry) => entry.sale.saleId)).toEqual([saleId]);
  });
});

describe('serial configuration on the device', () => {
  it('keeps the last good pattern when a newer configuration cannot run', async () => {
    await data.catalog.applyPage(page({ config: envelope(4, '^[A-Z0-9]{14}$') }), 'USD', NOW);
    expect(await data.serials.settings()).toMatchObject({
      pattern: '^[A-Z0-9]{14}$',
      version: 4,
      source: 'store',
      refused: null,
    });
    await data.catalog.applyPage(
      page({ config: envelope(5, '^(?=A)'), configProblem: 'lookahead is not supported' }),
      'USD',
      NOW,
    );
    expect(await data.serials.settings()).toMatchObject({
      pattern: '^[A-Z0-9]{14}$',
      version: 4,
      refused: { version: 5, reason: 'lookahead is not supported' },
    });
    await data.catalog.applyPage(page({ config: envelope(6, null) }), 'USD', NOW);
    expect(await data.serials.settings()).toMatchObject({
      pattern: null,
      version: 6,
      refused: null,
    });
  });
});

describe('resolving a serial exception from the device', () => {
  it('queues the resolution in the outbox and settles it with the answer', async () => {
    const { saleId } = await sellTwoUnits();
    await data.catalog.applyPage(page({ serialExceptions: [exception(saleId)] }), 'USD', NOW);
    expect((await data.serials.openExceptions()).map((e) => e.id)).toEqual(['ex-1']);

    await expect(
      data.serials.queueResolution({
        exceptionId: 'ex-1',
        resolution: 'corrected',
        serialNumber: ' ',
        now: NOW,
      }),
    ).rejects.toMatchObject({ reason: 'INVALID' });
    const queued = await data.serials.queueResolution({
      exceptionId: 'ex-1',
      resolution: 'corrected',
      serialNumber: 'HXC',
      now: NOW,
    });
    const entry = (await data.db.outbox.get(queued.pendingResolution!.seq))!;
    expect(entry).toMatchObject({
      type: 'serial_exception.resolve',
      status: 'pending',
      payload: { exception_id: 'ex-1', resolution: 'corrected', serial_number: 'HXC' },
    });
    await expect(
      data.serials.queueResolution({ exceptionId: 'ex-1', resolution: 'voided', now: NOW }),
    ).rejects.toMatchObject({
      message: 'A resolution of this exception is already waiting to be sent.',
    });

    // Refused (say the serial is held elsewhere): the reason shows and a new try is allowed.
    await data.outbox.applyResults(
      [
        {
          seq: entry.seq,
          id: entry.id,
          status: 'rejected',
          error: { error: 'serial_conflict', message: 'HXC is held by order 9.' },
        },
      ],
      NOW,
    );
    expect((await data.db.serialExceptions.get('ex-1'))?.pendingResolution?.error).toBe(
      'HXC is held by order 9.',
    );
    const retry = await data.serials.queueResolution({
      exceptionId: 'ex-1',
      resolution: 'accepted',
      now: NOW,
    });
    const second = (await data.db.outbox.get(retry.pendingResolution!.seq))!;
    await data.outbox.applyResults(
      [
        {
          seq: second.seq,
          id: second.id,
          status: 'applied',
          result: exception(saleId, { state: 'resolved', resolution: 'accepted' }),
        },
      ],
      NOW,
    );
    expect(await data.serials.openExceptions()).toEqual([]);
    expect(await data.db.serialExceptions.get('ex-1')).toMatchObject({
      resolution: 'accepted',
      pendingResolution: null,
    });
    // The sale itself is untouched by a resolution's answer.
    expect((await data.sales.get(saleId))?.sync.state).toBe('pending');
  });
});
