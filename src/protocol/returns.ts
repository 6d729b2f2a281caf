/**
 * Wire shapes of returns and exchanges (DESIGN §10.2, NewStore's `POST /v0/d/orders/{id}/returns`):
 * a return of some units of an order with the serial each was sold with, their condition and
 * the refunds paid out; a blind return (no original order, always approved by a manager); and
 * the `order.return` sync mutation, which is either body plus the order it concerns.
 */
import { Type, type Static } from '@sinclair/typebox';
import { literalUnion, Nullable } from './schema-helpers.ts';
import { Amount, CurrencyCode, Id, IsoDateTime } from './schemas.ts';
import { ReturnConditions, RefundMethods } from './wire-constants.ts';

export const ReturnConditionSchema = literalUnion(ReturnConditions);

/** A manager's approval given on the device (their own PIN), or by an integration. */
export const Approval = Type.Object({
  manager_id: Type.String({ minLength: 1, maxLength: 128 }),
  reason: Type.String({ minLength: 1, maxLength: 500 }),
  /** When the manager approved, on the device's clock. */
  at: Type.Optional(IsoDateTime),
});
export type Approval = Static<typeof Approval>;

export const Refund = Type.Object({
  method: literalUnion(RefundMethods),
  amount: Amount,
  /** Card: the terminal's reference of the refund (or of the original payment). Exchange: the new sale's external id. */
  reference: Type.Optional(Type.String({ maxLength: 200 })),
});
export type Refund = Static<typeof Refund>;

const ReturnHead = {
  /** The return's own id, made on the device; idempotency key. */
  x_external_id: Type.String({ minLength: 1, maxLength: 128 }),
  returned_from: Id,
  returned_at: Type.Optional(IsoDateTime),
  associate_id: Type.Optional(Type.String({ maxLength: 128 })),
  device_id: Type.Optional(Type.String({ maxLength: 128 })),
  refunds: Type.Array(Refund, { maxItems: 20 }),
  approval: Type.Optional(Approval),
  /** The shift the till was in (DESIGN §10.4), when shifts are used. */
  shift_id: Type.Optional(Type.String({ maxLength: 128 })),
};

export const ReturnItemRequest = Type.Object({
  /** The order item's id, or its `external_item_id` (a device may not know the server's ids yet). */
  item_id: Type.String({ minLength: 1, maxLength: 128 }),
  reason: Type.String({ minLength: 1, maxLength: 200 }),
  condition: ReturnConditionSchema,
  /** Required for a serialized unit: the serial it was sold with. */
  serial_number: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
});
export type ReturnItemRequest = Static<typeof ReturnItemRequest>;

/** `POST /v0/d/orders/{order_id}/returns`. */
export const ReturnRequest = Type.Object({
  ...ReturnHead,
  items: Type.Array(ReturnItemRequest, { minItems: 1, maxItems: 500 }),
});
export type ReturnRequest = Static<typeof ReturnRequest>;

export const BlindReturnItem = Type.Object({
  product_id: Id,
  serial_number: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  reason: Type.String({ minLength: 1, maxLength: 200 }),
  condition: ReturnConditionSchema,
  /** What is refunded for the unit, tax included. */
  price: Amount,
});
export type BlindReturnItem = Static<typeof BlindReturnItem>;

/** `POST /v0/d/returns`: no original order, so always with a manager's approval. */
export const BlindReturnRequest = Type.Object({
  ...ReturnHead,
  approval: Approval,
  currency: CurrencyCode,
  items: Type.Array(BlindReturnItem, { minItems: 1, maxItems: 500 }),
});
export type BlindReturnRequest = Static<typeof BlindReturnRequest>;

/**
 * The `order.return` sync mutation: a return of an order (`order_id` is its id or external id,
 * as the device knows it) or, without `order_id`, a blind return.
 */
export const OrderReturnPayload = Type.Union([
  Type.Composite([
    ReturnRequest,
    Type.Object({ order_id: Type.String({ minLength: 1, maxLength: 128 }) }),
  ]),
  BlindReturnRequest,
]);
export type OrderReturnPayload = Static<typeof OrderReturnPayload>;

export const ReturnedItem = Type.Object({
  item_id: Nullable(Type.String()),
  external_item_id: Nullable(Type.String()),
  product_id: Type.String(),
  serial_number: Nullable(Type.String()),
  condition: ReturnConditionSchema,
  reason: Type.String(),
  refund_amount: Amount,
  /** The serial's state after this return: `returned` or `quarantined`; null for no serial. */
  serial_state: Nullable(Type.String()),
});
export type ReturnedItem = Static<typeof ReturnedItem>;

/** A recorded return (201 on creation, 200 on a replay), and as `GET …/returns` lists it. */
export const ReturnRecord = Type.Object({
  id: Type.String(),
  order_id: Nullable(Type.String()),
  order_external_id: Nullable(Type.String()),
  x_external_id: Type.String(),
  store_id: Type.String(),
  returned_at: Type.String(),
  associate_id: Nullable(Type.String()),
  device_id: Nullable(Type.String()),
  currency: CurrencyCode,
  items: Type.Array(ReturnedItem),
  refund_amount: Amount,
  refunds: Type.Array(Refund),
  approval: Nullable(Approval),
  shift_id: Nullable(Type.String()),
  /** Facts a manager must look at (a unit returned twice from two offline tills …). */
  flags: Type.Array(
    Type.Object({ kind: Type.String(), message: Type.String(), item_id: Nullable(Type.String()) }),
  ),
});
export type ReturnRecord = Static<typeof ReturnRecord>;

export const ReturnList = Type.Object({ returns: Type.Array(ReturnRecord) });
export type ReturnList = Static<typeof ReturnList>;
