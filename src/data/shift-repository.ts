/**
 * The till's shift on the device (DESIGN §10.4). Reading the open shift is on the first paint
 * (the sell screen sells nothing without one); opening, cash movements, the close and the
 * reports load with the Shift screen (`shift-actions.ts`).
 */
import type { DenominationCount, ShiftReport } from '../domain/shift-report.ts';
import type { Minor } from '../domain/money.ts';
import { MutationTypes, type CashMovementType } from '../protocol/wire-constants.ts';
import { isDone, type AnswerHandler, type AnswerHandlers } from './answer-handlers.ts';
import type { AisleDb } from './db.ts';
import type { OpenShiftInput, ShiftActions, ShiftSyncWait } from './shift-actions.ts';
import { openShiftOf, type ShiftRecord } from './shift-records.ts';

export class ShiftRepository {
  private _actions: Promise<ShiftActions> | null = null;

  constructor(private readonly _db: AisleDb) {}

  private _load(): Promise<ShiftActions> {
    this._actions ??= import('./shift-actions.ts').then(
      ({ ShiftActions }) => new ShiftActions(this._db),
      (error: unknown) => {
        this._actions = null;
        throw error;
      },
    );
    return this._actions;
  }

  /** This device's open shift, or undefined. */
  openShift(deviceId: string): Promise<ShiftRecord | undefined> {
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
    return (await this._load()).open(input);
  }

  async addMovement(
    shiftId: string,
    movement: { type: CashMovementType; amount: Minor; reason: string; now: string },
  ): Promise<ShiftRecord> {
    return (await this._load()).addMovement(shiftId, movement);
  }

  async close(
    shiftId: string,
    count: { countedCash: Minor; byDenomination: readonly DenominationCount[] | null; now: string },
  ): Promise<ShiftRecord> {
    return (await this._load()).close(shiftId, count);
  }

  async report(shiftId: string): Promise<ShiftReport | null> {
    return (await this._load()).report(shiftId);
  }

  async syncWait(shiftId: string): Promise<ShiftSyncWait> {
    return (await this._load()).syncWait(shiftId);
  }
}

/** Each `shift.*` answer: the server's figures (or its refusal) onto the device's shift. */
const shiftAnswer = <
  T extends 'shift.open' | 'shift.cash_movement' | 'shift.close',
>(): AnswerHandler<T> => ({
  tables: (db) => [db.shifts],
  async settle(db, entry, answer) {
    if (entry.ref === null) return;
    const shift = await db.shifts.get(entry.ref);
    if (shift === undefined) return;
    if (isDone(answer)) {
      await db.shifts.update(entry.ref, { server: answer.result ?? shift.server });
      return;
    }
    await db.shifts.update(entry.ref, {
      error: answer.error?.message ?? 'The store server refused this shift change.',
    });
  },
});

export const shiftAnswerHandlers: Pick<
  AnswerHandlers,
  'shift.open' | 'shift.cash_movement' | 'shift.close'
> = {
  [MutationTypes.shiftOpen]: shiftAnswer<'shift.open'>(),
  [MutationTypes.shiftCashMovement]: shiftAnswer<'shift.cash_movement'>(),
  [MutationTypes.shiftClose]: shiftAnswer<'shift.close'>(),
};
