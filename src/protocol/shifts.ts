/**
 * Wire shapes of a till's shift (DESIGN §10.4): the `shift.open`, `shift.cash_movement` and
 * `shift.close` sync mutations, and a shift as the server reckons it
 * (`GET /v0/stores/{store_id}/shifts`, and the result of each mutation). Amounts are decimals
 * at the currency's precision, like every amount on the wire; a variance may be negative.
 */
import { Type, type Static } from '@sinclair/typebox';
import { literalUnion, Nullable } from './schema-helpers.ts';
import { Amount, CurrencyCode, IsoDateTime } from './schemas.ts';
import { CashMovementTypes } from './wire-constants.ts';

const ShiftId = Type.String({ minLength: 1, maxLength: 128 });

export const ShiftOpenPayload = Type.Object({
  /** Made on the device: the shift's id everywhere, and the key that makes a replay harmless. */
  shift_id: ShiftId,
  opened_at: IsoDateTime,
  /** The cash counted into the drawer at opening. */
  opening_float: Amount,
});
export type ShiftOpenPayload = Static<typeof ShiftOpenPayload>;

export const CashMovementTypeSchema = literalUnion(CashMovementTypes);

export const ShiftCashMovementPayload = Type.Object({
  shift_id: ShiftId,
  /** Made on the device; the same movement sent again is recorded once. */
  movement_id: Type.String({ minLength: 1, maxLength: 128 }),
  type: CashMovementTypeSchema,
  amount: Amount,
  reason: Type.String({ minLength: 1, maxLength: 200 }),
  moved_at: Type.Optional(IsoDateTime),
});
export type ShiftCashMovementPayload = Static<typeof ShiftCashMovementPayload>;

export const DenominationCount = Type.Object({
  /** A note or coin, as a decimal (20 for a 20.00 note, 0.25 for a quarter). */
  denomination: Type.Number({ exclusiveMinimum: 0, maximum: 1e6 }),
  count: Type.Integer({ minimum: 0, maximum: 1e6 }),
});
export type DenominationCount = Static<typeof DenominationCount>;

export const ShiftClosePayload = Type.Object({
  shift_id: ShiftId,
  closed_at: IsoDateTime,
  /** The blind count: the cash in the drawer, counted before the expected amount is shown. */
  counted_cash: Amount,
  /** The count by note and coin, when the associate counted that way; adds up to `counted_cash`. */
  counted_by_denomination: Type.Optional(Type.Array(DenominationCount, { maxItems: 50 })),
});
export type ShiftClosePayload = Static<typeof ShiftClosePayload>;

const Signed = Type.Number({ minimum: -1e10, maximum: 1e10 });

/** A shift with the totals and counts the server recomputed from what it holds. */
export const Shift = Type.Object({
  shift_id: Type.String(),
  store_id: Type.String(),
  device_id: Type.String(),
  associate_id: Nullable(Type.String()),
  currency: CurrencyCode,
  opened_at: IsoDateTime,
  closed_at: Nullable(IsoDateTime),
  opening_float: Amount,
  expected_cash: Signed,
  counted_cash: Nullable(Amount),
  variance: Nullable(Signed),
  totals: Type.Object({
    sales: Amount,
    returns: Amount,
    discounts: Amount,
    tax: Amount,
    by_method: Type.Object({ cash: Signed, card: Signed }),
  }),
  counts: Type.Object({
    sales: Type.Integer(),
    returns: Type.Integer(),
    serialized_units_sold: Type.Integer(),
    serialized_units_returned: Type.Integer(),
  }),
  movements: Type.Object({ safe_drop: Amount, paid_in: Amount, paid_out: Amount }),
});
export type Shift = Static<typeof Shift>;

export const ShiftList = Type.Object({ shifts: Type.Array(Shift) });
export type ShiftList = Static<typeof ShiftList>;
