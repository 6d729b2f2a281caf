/**
 * The till's shift work, loaded with the Shift screen (off the first paint): open with a
 * counted float, record cash movements, close with a blind count — each written with its
 * `shift.*` outbox entry in one transaction, so it works offline and reaches the server in
 * order with the shift's sales. The X and Z reports are reckoned here from the device's own
 * sales, returns and movements with the same `shiftReport` the server uses.
 */
import {
  countedTotal,
  shiftReport,
  type DenominationCount,
  type ShiftReport,
} from '../domain/shift-report.ts';
import { toDecimal, type Minor } from '../domain/money.ts';
import { SaleSyncStates } from '../domain/sale.ts';
import {
  CashMovementTypes,
  MutationTypes,
  type CashMovementType,
} from '../protocol/wire-constants.ts';
import type { AisleDb } from './db.ts';
import { DataError, DataErrorReasons } from './errors.ts';
import { enqueue, outboxTables } from './outbox-repository.ts';
import { openShiftOf, ShiftStates, type ShiftRecord } from './shift-records.ts';
import type { StoreRecord } from './types.ts';
import { ShiftMessages } from '../i18n/shift-messages.ts';

export interface OpenShiftInput {
  readonly deviceId: string;
  readonly associateId: string;
  readonly associateName: string;
  readonly store: StoreRecord;
  readonly openingFloat: Minor;
  readonly now: string;
  readonly shiftId?: string;
}

/** What the Z report waits for: the shift's sales and returns, and the close, not yet answered. */
export interface ShiftSyncWait {
  readonly sales: number;
  readonly returns: number;
  /** True once the server has answered the close and everything before it. */
  readonly final: boolean;
}

const refuse = (message: string): DataError => new DataError(DataErrorReasons.invalid, message);

function checkAmount(amount: Minor, allowZero: boolean): void {
  if (!Number.isSafeInteger(amount) || amount < 0 || (!allowZero && amount === 0)) {
    throw refuse(ShiftMessages.amountInvalid());
  }
}

export class ShiftActions {
  constructor(private readonly _db: AisleDb) {}

  /** This device's open shift, or undefined. */
  openShiftOf(deviceId: string): Promise<ShiftRecord | undefined> {
    return openShiftOf(this._db, deviceId);
  }

  get(shiftId: string): Promise<ShiftRecord | undefined> {
    return this._db.shifts.get(shiftId);
  }

  /** This device's shifts, newest first. */
  recent(limit = 20): Promise<ShiftRecord[]> {
    return this._db.shifts.orderBy('openedAt').reverse().limit(limit).toArray();
  }

  async open(input: OpenShiftInput): Promise<ShiftRecord> {
    checkAmount(input.openingFloat, true);
    const db = this._db;
    const shiftId = input.shiftId ?? crypto.randomUUID();
    return db.transaction('rw', [db.shifts, ...outboxTables(db)], async () => {
      if ((await this.openShiftOf(input.deviceId)) !== undefined) {
        throw refuse(ShiftMessages.alreadyOpen());
      }
      const shift: ShiftRecord = {
        shiftId,
        storeId: input.store.store_id,
        deviceId: input.deviceId,
        associateId: input.associateId,
        associateName: input.associateName,
        currency: input.store.currency,
        locale: input.store.locale,
        state: ShiftStates.open,
        openedAt: input.now,
        openingFloat: input.openingFloat,
        movements: [],
        closedAt: null,
        countedCash: null,
        countedByDenomination: null,
        closeSeq: null,
        server: null,
        error: null,
      };
      await db.shifts.add(shift);
      await enqueue(db, {
        type: MutationTypes.shiftOpen,
        payload: {
          shift_id: shiftId,
          opened_at: input.now,
          opening_float: toDecimal(input.openingFloat, shift.currency),
        },
        ref: shiftId,
        now: input.now,
      });
      return shift;
    });
  }

  async addMovement(
    shiftId: string,
    movement: { type: CashMovementType; amount: Minor; reason: string; now: string },
  ): Promise<ShiftRecord> {
    checkAmount(movement.amount, false);
    const reason = movement.reason.trim();
    if (reason === '') throw refuse(ShiftMessages.reasonMissing());
    if (!Object.values(CashMovementTypes).includes(movement.type)) {
      throw refuse(ShiftMessages.amountInvalid());
    }
    const db = this._db;
    return db.transaction('rw', [db.shifts, ...outboxTables(db)], async () => {
      const shift = await this._openOrRefuse(shiftId);
      const record = {
        movementId: crypto.randomUUID(),
        type: movement.type,
        amount: movement.amount,
        reason,
        at: movement.now,
      };
      const updated: ShiftRecord = { ...shift, movements: [...shift.movements, record] };
      await db.shifts.put(updated);
      await enqueue(db, {
        type: MutationTypes.shiftCashMovement,
        payload: {
          shift_id: shiftId,
          movement_id: record.movementId,
          type: record.type,
          amount: toDecimal(record.amount, shift.currency),
          reason,
          moved_at: record.at,
        },
        ref: shiftId,
        now: movement.now,
      });
      return updated;
    });
  }

  /**
   * Closes with the blind count (and the count by denomination, when given, which must add up
   * to it). Queued after the shift's sales, so the server receives them first.
   */
  async close(
    shiftId: string,
    count: { countedCash: Minor; byDenomination: readonly DenominationCount[] | null; now: string },
  ): Promise<ShiftRecord> {
    checkAmount(count.countedCash, true);
    if (count.byDenomination !== null) {
      if (
        count.byDenomination.some((line) => !Number.isSafeInteger(line.count) || line.count < 0)
      ) {
        throw refuse(ShiftMessages.amountInvalid());
      }
      if (countedTotal(count.byDenomination) !== count.countedCash) {
        throw refuse(ShiftMessages.countDoesNotAddUp());
      }
    }
    const db = this._db;
    return db.transaction('rw', [db.shifts, ...outboxTables(db)], async () => {
      const shift = await this._openOrRefuse(shiftId);
      const seq = await enqueue(db, {
        type: MutationTypes.shiftClose,
        payload: {
          shift_id: shiftId,
          closed_at: count.now,
          counted_cash: toDecimal(count.countedCash, shift.currency),
          ...(count.byDenomination === null
            ? {}
            : {
                counted_by_denomination: count.byDenomination
                  .filter((line) => line.count > 0)
                  .map((line) => ({
                    denomination: toDecimal(line.denomination, shift.currency),
                    count: line.count,
                  })),
              }),
        },
        ref: shiftId,
        now: count.now,
      });
      const closed: ShiftRecord = {
        ...shift,
        state: ShiftStates.closed,
        closedAt: count.now,
        countedCash: count.countedCash,
        countedByDenomination: count.byDenomination,
        closeSeq: seq,
      };
      await db.shifts.put(closed);
      return closed;
    });
  }

  /** The X report (open) or Z report (closed) from this device's own records. */
  async report(shiftId: string): Promise<ShiftReport | null> {
    const db = this._db;
    const shift = await db.shifts.get(shiftId);
    if (shift === undefined) return null;
    const [sales, returns] = await Promise.all([
      db.sales.where('shiftId').equals(shiftId).toArray(),
      db.storeReturns.where('shiftId').equals(shiftId).toArray(),
    ]);
    return shiftReport({
      openingFloat: shift.openingFloat,
      sales: sales.map((sale) => ({
        total: sale.totals.total,
        tax: sale.totals.tax,
        discount: sale.totals.discount ?? (0 as Minor),
        payments: sale.tenders,
        serializedUnits: sale.lines
          .filter((line) => line.serialized)
          .reduce((sum, line) => sum + line.quantity, 0),
      })),
      returns: returns.map((ret) => ({
        refunds: ret.refunds,
        serializedUnits: ret.items.filter((item) => item.serial !== null).length,
      })),
      movements: shift.movements,
      countedCash: shift.countedCash,
    });
  }

  /** How much of the shift still waits for the server; `final` once the close is answered. */
  async syncWait(shiftId: string): Promise<ShiftSyncWait> {
    const db = this._db;
    const shift = await db.shifts.get(shiftId);
    const [sales, returns] = await Promise.all([
      db.sales
        .where('shiftId')
        .equals(shiftId)
        .filter((sale) => sale.sync.state === SaleSyncStates.pending)
        .count(),
      db.storeReturns
        .where('shiftId')
        .equals(shiftId)
        .filter((ret) => ret.sync.state === 'pending')
        .count(),
    ]);
    const closeEntry = shift?.closeSeq == null ? undefined : await db.outbox.get(shift.closeSeq);
    const closeAnswered = closeEntry !== undefined && closeEntry.status !== 'pending';
    return { sales, returns, final: closeAnswered && sales === 0 && returns === 0 };
  }

  private async _openOrRefuse(shiftId: string): Promise<ShiftRecord> {
    const shift = await this._db.shifts.get(shiftId);
    if (shift === undefined)
      throw new DataError(DataErrorReasons.notFound, ShiftMessages.noShift());
    if (shift.state !== ShiftStates.open) throw refuse(ShiftMessages.closed());
    return shift;
  }
}
