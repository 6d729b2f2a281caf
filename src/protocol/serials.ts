/**
 * Wire shapes of the serial registry (DESIGN §5–§6): the verdict a sale's serials get from the
 * server, serial exceptions as `GET /v0/serial-exceptions` and the sync pull deliver them, a
 * manager's resolution (the body of `POST /v0/serial-exceptions/{id}/resolve` and, with the
 * exception id, the `serial_exception.resolve` sync mutation), and `GET /v0/serials/{serial}`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { literalUnion, Nullable } from './schema-helpers.ts';
import { CaptureMethodSchema, Id } from './schemas.ts';
import { SerialExceptionKinds, SerialResolutions, type SerialVerdict } from './wire-constants.ts';

export type { SerialExceptionKind, SerialResolution } from './wire-constants.ts';

const SerialExceptionKindSchema = literalUnion(SerialExceptionKinds);
const SerialResolutionSchema = literalUnion(SerialResolutions);

/** The verdict on one order item's serial in the `order.create` answer (see `OrderCreated`). */
export type SerialItemState = SerialVerdict | null;

/** The orders an exception names, short enough to list. */
export const SerialOrderSummary = Type.Object({
  id: Type.String(),
  external_id: Type.String(),
  store_id: Type.String(),
  device_id: Nullable(Type.String()),
  associate_id: Nullable(Type.String()),
  placed_at: Nullable(Type.String()),
  created_at: Type.String(),
});
export type SerialOrderSummary = Static<typeof SerialOrderSummary>;

/**
 * Another store's sale as a store sees it: the registry is chain-wide (a serial is sold once in
 * the chain), but what another store did — its order, device, associate, times — is its own.
 */
export const OtherStoreSale = Type.Object({ in_another_store: Type.Literal(true) });
export type OtherStoreSale = Static<typeof OtherStoreSale>;

export const SerialException = Type.Object({
  id: Type.String(),
  kind: SerialExceptionKindSchema,
  state: Type.Union([Type.Literal('open'), Type.Literal('resolved')]),
  store_id: Type.String(),
  product_id: Type.String(),
  product_title: Nullable(Type.String()),
  /** The serial as captured (cleaned of scanner additions); null for `missing`. */
  serial_number: Nullable(Type.String()),
  order_item_id: Type.String(),
  external_item_id: Type.String(),
  /** The sale the exception is about (for a duplicate: the later one). */
  order: SerialOrderSummary,
  /** For a duplicate: the sale that already held the serial (another store's: only that). */
  other_order: Nullable(Type.Union([SerialOrderSummary, OtherStoreSale])),
  /** Kind-specific facts, e.g. `{pattern, expected, config_version}` for `invalid_format`. */
  details: Type.Record(Type.String(), Type.Unknown()),
  opened_at: Type.String(),
  resolution: Nullable(SerialResolutionSchema),
  resolved_serial: Nullable(Type.String()),
  resolved_by: Nullable(Type.String()),
  resolved_at: Nullable(Type.String()),
  note: Nullable(Type.String()),
});
export type SerialException = Static<typeof SerialException>;

/**
 * A manager's resolution. `serial_number` is required for `corrected` (and validated against
 * the store's pattern; it must not be another unit's active serial) and ignored otherwise.
 */
export const SerialExceptionResolve = Type.Object({
  resolution: SerialResolutionSchema,
  serial_number: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  note: Type.Optional(Type.String({ maxLength: 1000 })),
});
export type SerialExceptionResolve = Static<typeof SerialExceptionResolve>;

/** The `serial_exception.resolve` sync mutation: the resolve body plus the exception id. */
export const SerialExceptionResolvePayload = Type.Composite([
  SerialExceptionResolve,
  Type.Object({ exception_id: Type.String({ minLength: 1, maxLength: 128 }) }),
]);
export type SerialExceptionResolvePayload = Static<typeof SerialExceptionResolvePayload>;

export const SerialExceptionList = Type.Object({
  serial_exceptions: Type.Array(SerialException),
});
export type SerialExceptionList = Static<typeof SerialExceptionList>;

/** One captured unit of a serial, as the registry keeps it. */
export const SerialUnit = Type.Object({
  unit_id: Type.String(),
  product_id: Type.String(),
  serial_number: Type.String(),
  /** What was captured, when a manager later corrected it. */
  captured_serial_number: Type.String(),
  /** `sold`, `voided`, or `exception` while an exception about it is open. */
  state: Type.String(),
  /** True for the one unit that holds this serial of this product now. */
  active: Type.Boolean(),
  store_id: Type.String(),
  order: SerialOrderSummary,
  order_item_id: Type.String(),
  capture: Type.Object({
    method: Nullable(CaptureMethodSchema),
    associate_id: Nullable(Type.String()),
    device_id: Nullable(Type.String()),
    captured_at: Nullable(Type.String()),
    config_version: Nullable(Type.Integer()),
  }),
  created_at: Type.String(),
});
export type SerialUnit = Static<typeof SerialUnit>;

/** `GET /v0/serials/{serial_number}`: where the serial stands now, and every unit it was on. */
/** One event of a serial's life (DESIGN §10.1); another store's show no ids. */
export const SerialEvent = Type.Object({
  kind: Type.String(),
  at: Type.String(),
  /** False for an event of another store of the chain (its ids are not shown). */
  this_store: Type.Boolean(),
  store_id: Nullable(Type.String()),
  device_id: Nullable(Type.String()),
  associate_id: Nullable(Type.String()),
  order_id: Nullable(Type.String()),
  return_id: Nullable(Type.String()),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type SerialEvent = Static<typeof SerialEvent>;

export const SerialLookup = Type.Composite([
  SerialUnit,
  Type.Object({
    product_title: Nullable(Type.String()),
    open_exceptions: Type.Array(SerialException),
    history: Type.Array(SerialUnit),
    /** Where the serial stands in its life: the last event's kind (`sold`, `returned`, …). */
    lifecycle_state: Nullable(Type.String()),
    /** Every event, oldest first. */
    events: Type.Array(SerialEvent),
    /** The product's warranty and when it ends for the last sale of this serial. */
    warranty_months: Nullable(Type.Integer()),
    warranty_ends_on: Nullable(Type.String()),
  }),
]);
export type SerialLookup = Static<typeof SerialLookup>;

export const SerialLookupQuery = Type.Object({ product_id: Type.Optional(Id) });
