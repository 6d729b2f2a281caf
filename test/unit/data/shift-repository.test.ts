/**
 * The device's shift repository on a real (fake-indexeddb) database: a shift opened, a cash
 * movement, a sale in it and the close, each written with its outbox entry; and the refusals
 * that must change nothing — a second open shift on one till, a sale or movement on a closed
 * shift, a count by denomination that does not add up.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minor } from '../../../src/domain/money.ts';
import { DataError, DataErrorReasons } from '../../../src/data/errors.ts';
import type { OpenShiftInput, ShiftActions } from '../../../src/data/shift-actions.ts';
import type { OrderRequest } from '../../../src/protocol/schemas.ts';
import {
  DEVICE_ID,
  NOW,
  openTestData,
  productById,
  STORE,
  type TestData,
} from './data-fixtures.ts';

let data: TestData;
let shifts: ShiftActions;
beforeEach(async () => {
  data = await openTestData();
  shifts = await data.shifts.actions();
});
afterEach(async () => {
  await data.db.delete();
});

const LATER = '2026-11-27T18:00:00.000Z';

const opening = (over: Partial<OpenShiftInput> = {}): OpenShiftInput => ({
  deviceId: DEVICE_ID,
  associateId: 'assoc-1',
  associateName: 'Alex Associate',
  store: STORE,
  openingFloat: minor(20000),
  now: NOW,
  ...over,
});

/** Two colas (1.99 + 0.16 tax each) sold for cash in the shift: 4.30. */
async function sellTwoColas(shiftId: string) {
  const cola = await productById(data, 'cola-355');
  await data.carts.addProduct(DEVICE_ID, cola, NOW);
  await data.carts.addProduct(DEVICE_ID, cola, NOW);
  return data.sales.completeSale({
    deviceId: DEVICE_ID,
    associateId: 'assoc-1',
    associateName: 'Alex Associate',
    store: STORE,
    tenders: [{ method: 'cash', tendered: minor(500) }],
    now: NOW,
    shiftId,
  });
}

async function outboxTypes(): Promise<string[]> {
  return (await data.db.outbox.orderBy('seq').toArray()).map((entry) => entry.type);
}

async function refusal(promise: Promise<unknown>): Promise<DataError> {
  const error: unknown = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(DataError);
  return error as DataError;
}

describe('ShiftRepository', () => {
  it('opens a shift with its float and queues shift.open', async () => {
    const shift = await shifts.open(opening());

    expect(shift).toMatchObject({ state: 'open', openingFloat: 20000, deviceId: DEVICE_ID });
    expect(await data.shifts.openShift(DEVICE_ID)).toEqual(shift);
    const entries = await data.db.outbox.toArray();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({
      type: 'shift.open',
      ref: shift.shiftId,
      payload: { shift_id: shift.shiftId, opened_at: NOW, opening_float: 200 },
    });
  });

  it('refuses a second open shift on one till and writes nothing', async () => {
    const first = await shifts.open(opening());

    const error = await refusal(shifts.open(opening({ now: LATER })));
    expect(error.reason).toBe(DataErrorReasons.invalid);
    expect(error.message).toMatch(/already has an open shift/);
    expect(await data.db.shifts.toArray()).toEqual([first]);
    expect(await outboxTypes()).toEqual(['shift.open']);
  });

  it('lets another till open its own shift', async () => {
    await shifts.open(opening());
    const other = await shifts.open(opening({ deviceId: '0b7e4d2a-1c3f-4e5a-8b9c-2d4e6f8a0b1c' }));
    expect(other.state).toBe('open');
    expect(await data.db.shifts.count()).toBe(2);
  });

  it('refuses a negative float', async () => {
    const error = await refusal(shifts.open(opening({ openingFloat: minor(-1) })));
    expect(error.reason).toBe(DataErrorReasons.invalid);
    expect(await data.db.shifts.count()).toBe(0);
    expect(await outboxTypes()).toEqual([]);
  });

  it('records a cash movement and queues it after the opening', async () => {
    const shift = await shifts.open(opening());
    const moved = await shifts.addMovement(shift.shiftId, {
      type: 'safe_drop',
      amount: minor(15000),
      reason: '  To the safe ',
      now: LATER,
    });

    expect(moved.movements).toEqual([
      {
        movementId: expect.any(String) as string,
        type: 'safe_drop',
        amount: 15000,
        reason: 'To the safe',
        at: LATER,
      },
    ]);
    expect(await shifts.get(shift.shiftId)).toEqual(moved);
    const entries = await data.db.outbox.orderBy('seq').toArray();
    expect(entries.map((entry) => entry.type)).toEqual(['shift.open', 'shift.cash_movement']);
    expect(entries[1]?.payload).toEqual({
      shift_id: shift.shiftId,
      movement_id: moved.movements[0]?.movementId,
      type: 'safe_drop',
      amount: 150,
      reason: 'To the safe',
      moved_at: LATER,
    });
  });

  it('refuses a movement without a reason or amount', async () => {
    const shift = await shifts.open(opening());
    for (const bad of [
      { amount: minor(100), reason: '   ' },
      { amount: minor(0), reason: 'Change' },
    ]) {
      await refusal(shifts.addMovement(shift.shiftId, { type: 'paid_in', now: LATER, ...bad }));
    }
    expect((await shifts.get(shift.shiftId))?.movements).toEqual([]);
    expect(await outboxTypes()).toEqual(['shift.open']);
  });

  it('closes with a blind count: the Z report has the variance and shift.close is queued', async () => {
    const shift = await shifts.open(opening());
    const sale = await sellTwoColas(shift.shiftId);
    expect(sale.shiftId).toBe(shift.shiftId);
    await shifts.addMovement(shift.shiftId, {
      type: 'safe_drop',
      amount: minor(15000),
      reason: 'To the safe',
      now: LATER,
    });

    // Expected: 200.00 float + 4.30 cash sale − 150.00 drop = 54.30; counted 54.00.
    const x = await shifts.report(shift.shiftId);
    expect(x).toMatchObject({ expectedCash: 5430, countedCash: null, variance: null });
    const closed = await shifts.close(shift.shiftId, {
      countedCash: minor(5400),
      byDenomination: [
        { denomination: minor(2000), count: 2 },
        { denomination: minor(1000), count: 1 },
        { denomination: minor(100), count: 4 },
        { denomination: minor(500), count: 0 },
      ],
      now: LATER,
    });

    expect(closed).toMatchObject({ state: 'closed', closedAt: LATER, countedCash: 5400 });
    expect(await data.shifts.openShift(DEVICE_ID)).toBeUndefined();
    const z = await shifts.report(shift.shiftId);
    expect(z).toMatchObject({
      expectedCash: 5430,
      countedCash: 5400,
      variance: -30,
      totals: { sales: 430, tax: 32, byMethod: { cash: 430, card: 0 } },
      counts: { sales: 1, returns: 0 },
      movements: { safeDrop: 15000 },
    });
    const entries = await data.db.outbox.orderBy('seq').toArray();
    expect(entries.map((entry) => entry.type)).toEqual([
      'shift.open',
      'order.create',
      'shift.cash_movement',
      'shift.close',
    ]);
    expect((entries[1]?.payload as OrderRequest).shift_id).toBe(shift.shiftId);
    expect(entries[3]).toMatchObject({ seq: closed.closeSeq });
    // Denominations with no note or coin counted do not travel.
    expect(entries[3]?.payload).toEqual({
      shift_id: shift.shiftId,
      closed_at: LATER,
      counted_cash: 54,
      counted_by_denomination: [
        { denomination: 20, count: 2 },
        { denomination: 10, count: 1 },
        { denomination: 1, count: 4 },
      ],
    });
    // Nothing is sent yet: the sale waits and the report is not final.
    expect(await shifts.syncWait(shift.shiftId)).toEqual({
      sales: 1,
      returns: 0,
      final: false,
    });
  });

  it('refuses a count by denomination that does not add up to the cash counted', async () => {
    const shift = await shifts.open(opening());
    const error = await refusal(
      shifts.close(shift.shiftId, {
        countedCash: minor(20000),
        byDenomination: [{ denomination: minor(5000), count: 3 }],
        now: LATER,
      }),
    );
    expect(error.message).toMatch(/do not add up/);
    expect((await shifts.get(shift.shiftId))?.state).toBe('open');
    expect(await outboxTypes()).toEqual(['shift.open']);
  });

  it('refuses a sale, a movement and a second close on a closed shift, keeping the cart', async () => {
    const shift = await shifts.open(opening());
    await shifts.close(shift.shiftId, {
      countedCash: minor(20000),
      byDenomination: null,
      now: LATER,
    });

    const saleError = await refusal(sellTwoColas(shift.shiftId));
    expect(saleError.reason).toBe(DataErrorReasons.shiftNotOpen);
    expect(await data.db.sales.count()).toBe(0);
    expect((await data.carts.current(DEVICE_ID)).lines).toHaveLength(1);
    const moveError = await refusal(
      shifts.addMovement(shift.shiftId, {
        type: 'paid_out',
        amount: minor(500),
        reason: 'Window cleaner',
        now: LATER,
      }),
    );
    expect(moveError.message).toMatch(/closed/);
    await refusal(
      shifts.close(shift.shiftId, { countedCash: minor(0), byDenomination: null, now: LATER }),
    );
    expect(await outboxTypes()).toEqual(['shift.open', 'shift.close']);
  });

  it('refuses a sale in another till’s shift', async () => {
    const other = await shifts.open(opening({ deviceId: '0b7e4d2a-1c3f-4e5a-8b9c-2d4e6f8a0b1c' }));
    const error = await refusal(sellTwoColas(other.shiftId));
    expect(error.reason).toBe(DataErrorReasons.shiftNotOpen);
    expect(await data.db.sales.count()).toBe(0);
  });
});
