/**
 * A till's shifts on the server (DESIGN §10.4): open, cash movements, close, the shift a sale
 * or return is counted in, and each shift's figures recomputed from the orders, returns and
 * movements the server holds, with the same `shiftReport` the device's X and Z reports use.
 *
 * Every handler checks everything before it writes (a push keeps going after a refusal, so a
 * refusal must leave nothing). A shift belongs to the device that opened it: only that device
 * moves cash in it, sells in it and closes it. A replay with the same content answers the
 * shift as it stands (a close whose answer was lost is one close); other content is a 409.
 */
import type { Kysely } from 'kysely';
import { currencyDigits, fromDecimal, minor, toDecimal } from '../../../src/domain/money.ts';
import type { OrderFinding } from '../../../src/domain/order-money.ts';
import {
  countedTotal,
  shiftReport,
  type ShiftReturn,
  type ShiftSale,
  type ShiftTender,
} from '../../../src/domain/shift-report.ts';
import type { ErrorDetail, Payment } from '../../../src/protocol/schemas.ts';
import type { Refund } from '../../../src/protocol/returns.ts';
import type {
  Shift,
  ShiftCashMovementPayload,
  ShiftClosePayload,
  ShiftOpenPayload,
} from '../../../src/protocol/shifts.ts';
import { OrderFlagKinds, type CashMovementType } from '../../../src/protocol/wire-constants.ts';
import type { Database, ShiftsTable } from '../db/tables.ts';
import type { Trx } from '../db/database.ts';
import { ApiError } from '../errors.ts';
import { contentHash } from './canonical.ts';

/** Who acts on a shift: the pushing device of a store, and its token's user. */
export interface ShiftActor {
  readonly storeId: string;
  readonly currency: string;
  readonly deviceId: string;
  readonly associateId: string | null;
}

type Db = Kysely<Database>;

const invalid = (code: string, message: string, details: ErrorDetail[]): ApiError =>
  new ApiError(422, code, message, details);

function fits(value: number, currency: string): boolean {
  const scaled = value * 10 ** currencyDigits(currency);
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

function checkPrecision(value: number, field: string, currency: string): void {
  if (!fits(value, currency)) {
    throw invalid('invalid_amount', `The ${field.replace(/_/g, ' ')} is not a valid amount.`, [
      { field, message: `has more than ${currencyDigits(currency)} decimals for ${currency}` },
    ]);
  }
}

const unknownShift = (shiftId: string): ApiError =>
  invalid('unknown_shift', `There is no shift ${shiftId} in this store.`, [
    { field: 'shift_id', message: 'is not a shift of this store' },
  ]);

async function shiftRow(trx: Db, shiftId: string, storeId: string): Promise<ShiftsTable | null> {
  const row = await trx
    .selectFrom('shifts')
    .selectAll()
    .where('shift_id', '=', shiftId)
    .executeTakeFirst();
  // Another store's shift answers as an unknown one: stores do not see each other.
  return row === undefined || row.store_id !== storeId ? null : row;
}

/** The actor's own shift, or the refusal: unknown, or another till's. */
async function ownShift(trx: Db, shiftId: string, actor: ShiftActor): Promise<ShiftsTable> {
  const row = await shiftRow(trx, shiftId, actor.storeId);
  if (row === null) throw unknownShift(shiftId);
  if (row.device_id !== actor.deviceId) {
    throw new ApiError(
      403,
      'shift_of_another_device',
      `Shift ${shiftId} belongs to another till; only the till that opened it may use or close it.`,
      [{ field: 'shift_id', message: 'was opened by another device' }],
    );
  }
  return row;
}

const shiftClosed = (shiftId: string): ApiError =>
  new ApiError(409, 'shift_closed', `Shift ${shiftId} is closed; open a new shift.`, [
    { field: 'shift_id', message: 'is closed' },
  ]);

export async function openShift(
  trx: Trx,
  payload: ShiftOpenPayload,
  actor: ShiftActor,
): Promise<Shift> {
  const hash = contentHash(payload);
  const existing = await trx
    .selectFrom('shifts')
    .selectAll()
    .where('shift_id', '=', payload.shift_id)
    .executeTakeFirst();
  if (existing !== undefined) {
    if (
      existing.open_hash !== hash ||
      existing.store_id !== actor.storeId ||
      existing.device_id !== actor.deviceId
    ) {
      throw new ApiError(
        409,
        'same_shift_with_different_data',
        `Shift ${payload.shift_id} was already opened with different data.`,
        [{ field: 'shift_id', message: 'already used by another opening' }],
      );
    }
    return shiftSummary(trx, existing);
  }
  checkPrecision(payload.opening_float, 'opening_float', actor.currency);
  const open = await trx
    .selectFrom('shifts')
    .select('shift_id')
    .where('device_id', '=', actor.deviceId)
    .where('open', '=', 1)
    .executeTakeFirst();
  if (open !== undefined) {
    throw new ApiError(
      409,
      'shift_already_open',
      `This till already has an open shift (${open.shift_id}); close it before opening another.`,
      [{ field: 'shift_id', message: `shift ${open.shift_id} is still open on this device` }],
    );
  }
  const row: ShiftsTable = {
    shift_id: payload.shift_id,
    store_id: actor.storeId,
    device_id: actor.deviceId,
    associate_id: actor.associateId,
    currency: actor.currency,
    opened_at: payload.opened_at,
    opening_float_minor: fromDecimal(payload.opening_float, actor.currency),
    open_hash: hash,
    open: 1,
    closed_at: null,
    counted_cash_minor: null,
    counted_json: null,
    close_hash: null,
    closed_by: null,
    created_at: new Date().toISOString(),
  };
  await trx.insertInto('shifts').values(row).execute();
  return shiftSummary(trx, row);
}

export async function recordCashMovement(
  trx: Trx,
  payload: ShiftCashMovementPayload,
  actor: ShiftActor,
): Promise<Shift> {
  const shift = await ownShift(trx, payload.shift_id, actor);
  const hash = contentHash(payload);
  const existing = await trx
    .selectFrom('shift_movements')
    .select(['shift_id', 'content_hash'])
    .where('movement_id', '=', payload.movement_id)
    .executeTakeFirst();
  if (existing !== undefined) {
    if (existing.content_hash !== hash || existing.shift_id !== shift.shift_id) {
      throw new ApiError(
        409,
        'same_movement_with_different_data',
        `Cash movement ${payload.movement_id} was already recorded with different data.`,
        [{ field: 'movement_id', message: 'already used by another movement' }],
      );
    }
    return shiftSummary(trx, shift);
  }
  if (shift.open !== 1) throw shiftClosed(shift.shift_id);
  checkPrecision(payload.amount, 'amount', shift.currency);
  const amount = fromDecimal(payload.amount, shift.currency);
  if (amount <= 0) {
    throw invalid('invalid_amount', 'A cash movement must move some cash.', [
      { field: 'amount', message: 'must be more than zero' },
    ]);
  }
  const now = new Date().toISOString();
  await trx
    .insertInto('shift_movements')
    .values({
      movement_id: payload.movement_id,
      shift_id: shift.shift_id,
      store_id: shift.store_id,
      type: payload.type,
      amount_minor: amount,
      reason: payload.reason,
      moved_at: payload.moved_at ?? now,
      associate_id: actor.associateId,
      content_hash: hash,
      created_at: now,
    })
    .execute();
  return shiftSummary(trx, shift);
}

export async function closeShift(
  trx: Trx,
  payload: ShiftClosePayload,
  actor: ShiftActor,
): Promise<Shift> {
  const shift = await ownShift(trx, payload.shift_id, actor);
  const hash = contentHash(payload);
  if (shift.open !== 1) {
    // The same close again (its answer was lost): one close, the same answer.
    if (shift.close_hash === hash) return shiftSummary(trx, shift);
    throw new ApiError(
      409,
      'shift_already_closed',
      `Shift ${shift.shift_id} was already closed with another count.`,
      [{ field: 'shift_id', message: 'is closed' }],
    );
  }
  checkPrecision(payload.counted_cash, 'counted_cash', shift.currency);
  const counted = fromDecimal(payload.counted_cash, shift.currency);
  if (payload.counted_by_denomination !== undefined) {
    const lines = payload.counted_by_denomination.map((line, index) => {
      checkPrecision(
        line.denomination,
        `counted_by_denomination[${index}].denomination`,
        shift.currency,
      );
      return { denomination: fromDecimal(line.denomination, shift.currency), count: line.count };
    });
    const total = countedTotal(lines);
    if (total !== counted) {
      throw invalid('invalid_count', 'The count by denomination does not add up to the count.', [
        {
          field: 'counted_by_denomination',
          message: `adds up to ${toDecimal(total, shift.currency)}, not ${payload.counted_cash}`,
        },
      ]);
    }
  }
  if (payload.closed_at < shift.opened_at) {
    throw invalid('invalid_close', 'A shift cannot close before it opened.', [
      { field: 'closed_at', message: `is before the opening ${shift.opened_at}` },
    ]);
  }
  const closed: ShiftsTable = {
    ...shift,
    open: 0,
    closed_at: payload.closed_at,
    counted_cash_minor: counted,
    counted_json:
      payload.counted_by_denomination === undefined
        ? null
        : JSON.stringify(payload.counted_by_denomination),
    close_hash: hash,
    closed_by: actor.associateId,
  };
  await trx
    .updateTable('shifts')
    .set({
      open: 0,
      closed_at: closed.closed_at,
      counted_cash_minor: closed.counted_cash_minor,
      counted_json: closed.counted_json,
      close_hash: closed.close_hash,
      closed_by: closed.closed_by,
    })
    .where('shift_id', '=', shift.shift_id)
    .execute();
  return shiftSummary(trx, closed);
}

/** Whether a sale or return may be counted in the shift it names, and what is wrong if not. */
export interface ShiftPlacement {
  /** The shift it is counted in; null when it names none or one it may not be counted in. */
  readonly shiftId: string | null;
  readonly finding: OrderFinding | null;
}

/**
 * The shift a sale or return made by `deviceId` (null: an integration, any till) is counted
 * in. A shift the store does not hold, a closed one or another till's gives a finding: the
 * caller refuses it (API) or keeps the sale, counted in no shift, with the finding as a flag.
 */
export async function placeInShift(
  trx: Db,
  shiftId: string | undefined,
  storeId: string,
  deviceId: string | null,
): Promise<ShiftPlacement> {
  if (shiftId === undefined) return { shiftId: null, finding: null };
  const row = await shiftRow(trx, shiftId, storeId);
  const finding = (kind: OrderFinding['kind'], message: string): ShiftPlacement => ({
    shiftId: null,
    finding: { kind, field: 'shift_id', message, details: { shift_id: shiftId } },
  });
  if (row === null) return finding(OrderFlagKinds.unknownShift, `There is no shift ${shiftId}.`);
  if (deviceId !== null && row.device_id !== deviceId) {
    return finding(
      OrderFlagKinds.shiftOfAnotherDevice,
      `Shift ${shiftId} belongs to another till.`,
    );
  }
  if (row.open !== 1) return finding(OrderFlagKinds.shiftClosed, `Shift ${shiftId} is closed.`);
  return { shiftId, finding: null };
}

function tenderOf(payment: Payment | Refund, currency: string): ShiftTender {
  const amount = fromDecimal(payment.amount, currency);
  const method = payment.method;
  if (method !== 'cash' || !('tendered' in payment) || payment.tendered === undefined) {
    return { method, amount };
  }
  return {
    method,
    amount,
    tendered: fromDecimal(payment.tendered, currency),
    change: fromDecimal(payment.change ?? 0, currency),
  };
}

/** The figures of these shifts, from the orders, returns and movements counted in them. */
export async function shiftSummaries(db: Db, rows: readonly ShiftsTable[]): Promise<Shift[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((row) => row.shift_id);
  const orders = await db
    .selectFrom('orders')
    .select(['id', 'shift_id', 'total_minor', 'tax_minor', 'payments_json', 'currency'])
    .where('shift_id', 'in', ids)
    .execute();
  const orderItems = await db
    .selectFrom('order_items as i')
    .innerJoin('orders as o', 'o.id', 'i.order_id')
    .leftJoin('products as p', 'p.product_id', 'i.product_id')
    .select(['i.order_id', 'i.item_price_minor', 'i.list_price_minor', 'p.serialized'])
    .where('o.shift_id', 'in', ids)
    .execute();
  const returns = await db
    .selectFrom('returns')
    .select(['id', 'shift_id', 'refunds_json', 'currency'])
    .where('shift_id', 'in', ids)
    .execute();
  const returnItems = await db
    .selectFrom('return_items as i')
    .innerJoin('returns as r', 'r.id', 'i.return_id')
    .select(['i.return_id', 'i.serial_number'])
    .where('r.shift_id', 'in', ids)
    .execute();
  const movements = await db
    .selectFrom('shift_movements')
    .select(['shift_id', 'type', 'amount_minor'])
    .where('shift_id', 'in', ids)
    .execute();

  const salesByShift = new Map<string, ShiftSale[]>();
  for (const order of orders) {
    const items = orderItems.filter((item) => item.order_id === order.id);
    const sale: ShiftSale = {
      total: minor(Number(order.total_minor)),
      tax: minor(Number(order.tax_minor)),
      discount: minor(
        items.reduce(
          (sum, item) =>
            item.list_price_minor === null
              ? sum
              : sum + Number(item.list_price_minor) - Number(item.item_price_minor),
          0,
        ),
      ),
      payments: (JSON.parse(order.payments_json) as Payment[]).map((p) =>
        tenderOf(p, order.currency),
      ),
      serializedUnits: items.filter((item) => Number(item.serialized) === 1).length,
    };
    const key = order.shift_id ?? '';
    salesByShift.set(key, [...(salesByShift.get(key) ?? []), sale]);
  }
  const returnsByShift = new Map<string, ShiftReturn[]>();
  for (const ret of returns) {
    const entry: ShiftReturn = {
      refunds: (JSON.parse(ret.refunds_json) as Refund[]).map((r) => tenderOf(r, ret.currency)),
      serializedUnits: returnItems.filter(
        (item) => item.return_id === ret.id && item.serial_number !== null,
      ).length,
    };
    const key = ret.shift_id ?? '';
    returnsByShift.set(key, [...(returnsByShift.get(key) ?? []), entry]);
  }

  return rows.map((row) => {
    const currency = row.currency;
    const report = shiftReport({
      openingFloat: minor(Number(row.opening_float_minor)),
      sales: salesByShift.get(row.shift_id) ?? [],
      returns: returnsByShift.get(row.shift_id) ?? [],
      movements: movements
        .filter((m) => m.shift_id === row.shift_id)
        .map((m) => ({ type: m.type as CashMovementType, amount: minor(Number(m.amount_minor)) })),
      countedCash: row.counted_cash_minor === null ? null : minor(Number(row.counted_cash_minor)),
    });
    const decimal = (value: number): number => toDecimal(minor(value), currency);
    return {
      shift_id: row.shift_id,
      store_id: row.store_id,
      device_id: row.device_id,
      associate_id: row.associate_id,
      currency,
      opened_at: row.opened_at,
      closed_at: row.closed_at,
      opening_float: decimal(Number(row.opening_float_minor)),
      expected_cash: decimal(report.expectedCash),
      counted_cash: report.countedCash === null ? null : decimal(report.countedCash),
      variance: report.variance === null ? null : decimal(report.variance),
      totals: {
        sales: decimal(report.totals.sales),
        returns: decimal(report.totals.returns),
        discounts: decimal(report.totals.discounts),
        tax: decimal(report.totals.tax),
        by_method: {
          cash: decimal(report.totals.byMethod.cash),
          card: decimal(report.totals.byMethod.card),
        },
      },
      counts: {
        sales: report.counts.sales,
        returns: report.counts.returns,
        serialized_units_sold: report.counts.serializedUnitsSold,
        serialized_units_returned: report.counts.serializedUnitsReturned,
      },
      movements: {
        safe_drop: decimal(report.movements.safeDrop),
        paid_in: decimal(report.movements.paidIn),
        paid_out: decimal(report.movements.paidOut),
      },
    };
  });
}

async function shiftSummary(db: Db, row: ShiftsTable): Promise<Shift> {
  const [summary] = await shiftSummaries(db, [row]);
  if (summary === undefined) throw new Error(`shift ${row.shift_id} has no summary`);
  return summary;
}

export const MAX_SHIFT_LIST = 500;

/** A store's shifts, newest first: open and closed, each recomputed. */
export async function listShifts(db: Db, storeId: string, limit: number): Promise<Shift[]> {
  const rows = await db
    .selectFrom('shifts')
    .selectAll()
    .where('store_id', '=', storeId)
    .orderBy('opened_at', 'desc')
    .orderBy('shift_id')
    .limit(limit)
    .execute();
  return shiftSummaries(db, rows);
}
