/**
 * The till's shift on the device (DESIGN §10.4). Reading the open shift is on the first paint
 * (the sell screen sells nothing without one); opening, cash movements, the close and the
 * reports load with the Shift screen (`shift-actions.ts`, through `actions()`).
 */
import { MutationTypes } from '../protocol/wire-constants.ts';
import { isDone, type AnswerHandler, type AnswerHandlers } from './answer-handlers.ts';
import type { AisleDb } from './db.ts';
import type { ShiftActions } from './shift-actions.ts';
import { openShiftOf, type ShiftRecord } from './shift-records.ts';

export class ShiftRepository {
  private _actions: Promise<ShiftActions> | null = null;

  constructor(private readonly _db: AisleDb) {}

  /**
   * Opening, movements, the close and the reports, loaded on first use. Await it before a
   * transaction or a live query, never inside one (the module load is not a Dexie promise).
   */
  actions(): Promise<ShiftActions> {
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
