/**
 * A till's shift as the device keeps it (DESIGN §10.4): opened with a counted float, its cash
 * movements, the blind count at close, and the server's figures once it answered. The sales
 * and returns of the shift are the device's own records carrying its `shiftId`.
 */
import type { Minor } from '../domain/money.ts';
import type { DenominationCount } from '../domain/shift-report.ts';
import type { Shift } from '../protocol/shifts.ts';
import type { CashMovementType } from '../protocol/wire-constants.ts';
import type { AisleDb } from './db.ts';

export const ShiftStates = { open: 'open', closed: 'closed' } as const;
export type ShiftState = (typeof ShiftStates)[keyof typeof ShiftStates];

export interface CashMovementRecord {
  readonly movementId: string;
  readonly type: CashMovementType;
  readonly amount: Minor;
  readonly reason: string;
  readonly at: string;
}

export interface ShiftRecord {
  readonly shiftId: string;
  readonly storeId: string;
  readonly deviceId: string;
  readonly associateId: string;
  readonly associateName: string;
  readonly currency: string;
  readonly locale: string;
  readonly state: ShiftState;
  readonly openedAt: string;
  readonly openingFloat: Minor;
  readonly movements: readonly CashMovementRecord[];
  readonly closedAt: string | null;
  /** The blind count at close. */
  readonly countedCash: Minor | null;
  readonly countedByDenomination: readonly DenominationCount[] | null;
  /** The outbox seq of the `shift.close`, so the Z report knows when the server has it all. */
  readonly closeSeq: number | null;
  /** The shift as the server last answered it (open, a movement, or the close). */
  readonly server: Shift | null;
  /** A sentence when the server refused one of the shift's mutations. */
  readonly error: string | null;
}

/** The device's open shift, or undefined (one at most: opening refuses a second). */
export function openShiftOf(db: AisleDb, deviceId: string): Promise<ShiftRecord | undefined> {
  return db.shifts
    .where('state')
    .equals(ShiftStates.open)
    .filter((shift) => shift.deviceId === deviceId)
    .first();
}
