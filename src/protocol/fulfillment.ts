/**
 * Wire shapes of fulfilment (DESIGN §5, issue 6): the fulfilment requests a store picks
 * (`GET /v0/stores/{store_id}/fulfillment_requests`, and the sync pull), the pick body
 * (`POST /v0/fulfillment_requests/{id}/pick`, and with the request id the `fulfillment.pick`
 * mutation), and the shipment body (`…/shipment`, and the `fulfillment.ship` mutation).
 */
import { Type, type Static } from '@sinclair/typebox';
import { literalUnion, Nullable } from './schema-helpers.ts';
import { SerialCapture, SerialVerdictSchema, ShippingTypeSchema } from './schemas.ts';
import { FulfillmentStates } from './wire-constants.ts';

export type { FulfillmentState } from './wire-constants.ts';

export const FulfillmentStateSchema = literalUnion(FulfillmentStates);

export const FulfillmentItem = Type.Object({
  id: Type.String(),
  order_item_id: Type.String(),
  product_id: Type.String(),
  title: Type.String(),
  /** The product carried serials when the request was made: its unit needs a serial at picking. */
  serialized: Type.Boolean(),
  picked: Type.Boolean(),
  serial_number: Nullable(Type.String()),
  picked_at: Nullable(Type.String()),
  /**
   * The serial registry's verdict on the picked serial: `accepted`, `exception` (see
   * `serial_exception_ids`), `resolved`, or null when nothing was registered.
   */
  serial_state: Nullable(SerialVerdictSchema),
  serial_exception_ids: Type.Array(Type.String()),
});
export type FulfillmentItem = Static<typeof FulfillmentItem>;

export const FulfillmentRequest = Type.Object({
  id: Type.String(),
  order_id: Type.String(),
  external_order_id: Type.String(),
  store_id: Type.String(),
  state: FulfillmentStateSchema,
  /** Higher first: 2 pick-up, 1 carrier (`FulfillmentPriorities`). */
  priority: Type.Integer(),
  shipping_type: ShippingTypeSchema,
  created_at: Type.String(),
  updated_at: Type.String(),
  customer_name: Nullable(Type.String()),
  tracking_code: Nullable(Type.String()),
  carrier: Nullable(Type.String()),
  shipped_at: Nullable(Type.String()),
  items: Type.Array(FulfillmentItem),
});
export type FulfillmentRequest = Static<typeof FulfillmentRequest>;

export const FulfillmentRequestList = Type.Object({
  fulfillment_requests: Type.Array(FulfillmentRequest),
});
export type FulfillmentRequestList = Static<typeof FulfillmentRequestList>;

export const FulfillmentListQuery = Type.Object({
  state: Type.Optional(Type.Union([FulfillmentStateSchema, Type.Literal('all')])),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000 })),
});
export type FulfillmentListQuery = Static<typeof FulfillmentListQuery>;

export const PickItem = Type.Object({
  /** The fulfilment item's id. */
  id: Type.String({ minLength: 1, maxLength: 128 }),
  /** Required for a serialized item; validated like a checkout serial. */
  serial_number: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  serial_capture: Type.Optional(SerialCapture),
});
export type PickItem = Static<typeof PickItem>;

/**
 * Items picked now, and/or `complete: true` to close picking (every item must be picked).
 * Picking an item again with the same serial answers as before; with another serial it is 409
 * `already_picked`.
 */
export const PickRequest = Type.Object({
  items: Type.Array(PickItem, { maxItems: 500 }),
  complete: Type.Optional(Type.Boolean()),
});
export type PickRequest = Static<typeof PickRequest>;

const RequestRef = Type.Object({ request_id: Type.String({ minLength: 1, maxLength: 128 }) });

/** The `fulfillment.pick` sync mutation: the pick body plus the request id. */
export const FulfillmentPickPayload = Type.Composite([PickRequest, RequestRef]);
export type FulfillmentPickPayload = Static<typeof FulfillmentPickPayload>;

/** Ship by carrier (tracking code optional), or hand a pick-up order over (no fields). */
export const ShipmentRequest = Type.Object({
  tracking_code: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  carrier: Type.Optional(Type.String({ minLength: 1, maxLength: 100 })),
});
export type ShipmentRequest = Static<typeof ShipmentRequest>;

/** The `fulfillment.ship` sync mutation: the shipment body plus the request id. */
export const FulfillmentShipPayload = Type.Composite([ShipmentRequest, RequestRef]);
export type FulfillmentShipPayload = Static<typeof FulfillmentShipPayload>;

export const CancelRequest = Type.Object({
  reason: Type.Optional(Type.String({ maxLength: 500 })),
});
export type CancelRequest = Static<typeof CancelRequest>;
