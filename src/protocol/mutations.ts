/**
 * The registry of sync mutations (DESIGN §4): each mutation type with the schema of its payload
 * and of the result an `applied` answer carries. The server validates every pushed payload
 * against its type's schema and dispatches through a table keyed by these types; the client's
 * outbox writes typed payloads through one `enqueue()` and reads typed answers. A table typed
 * `Record<MutationType, …>` on each side makes a new type a compile error until it has its
 * schema here, its server handler and its client answer handler.
 *
 * The client imports only types from this module (TypeBox stays out of the bundle).
 */
import type { Static, TSchema } from '@sinclair/typebox';
import {
  FulfillmentPickPayload,
  FulfillmentRequest,
  FulfillmentShipPayload,
} from './fulfillment.ts';
import { OrderReturnPayload, ReturnRecord } from './returns.ts';
import { OrderCreated, OrderRequest } from './schemas.ts';
import { SerialException, SerialExceptionResolvePayload } from './serials.ts';
import { Shift, ShiftCashMovementPayload, ShiftClosePayload, ShiftOpenPayload } from './shifts.ts';
import { MutationTypes, type MutationType } from './wire-constants.ts';

interface MutationSchema {
  readonly payload: TSchema;
  readonly result: TSchema;
}

export const MutationSchemas = {
  /** A completed sale: exactly the body of `POST /v0/d/fulfill_order`. */
  [MutationTypes.orderCreate]: { payload: OrderRequest, result: OrderCreated },
  /** A pick (or `complete: true`): the body of `/pick` plus the request id. */
  [MutationTypes.fulfillmentPick]: { payload: FulfillmentPickPayload, result: FulfillmentRequest },
  /** A shipment or hand-over: the body of `/shipment` plus the request id. */
  [MutationTypes.fulfillmentShip]: { payload: FulfillmentShipPayload, result: FulfillmentRequest },
  /** A manager's resolution: the body of `/resolve` plus the exception id. */
  [MutationTypes.serialExceptionResolve]: {
    payload: SerialExceptionResolvePayload,
    result: SerialException,
  },
  /** A return (or blind return) paid out on a device, maybe offline. */
  [MutationTypes.orderReturn]: { payload: OrderReturnPayload, result: ReturnRecord },
  /** A till opened with its counted float; each answers the shift as the server reckons it. */
  [MutationTypes.shiftOpen]: { payload: ShiftOpenPayload, result: Shift },
  [MutationTypes.shiftCashMovement]: { payload: ShiftCashMovementPayload, result: Shift },
  /** The blind count at close; the answer carries the server's expected cash and variance. */
  [MutationTypes.shiftClose]: { payload: ShiftClosePayload, result: Shift },
} as const satisfies Record<MutationType, MutationSchema>;

type Schemas = typeof MutationSchemas;

/** The payload of a mutation of type `T`. */
export type MutationPayload<T extends MutationType> = Static<Schemas[T]['payload']>;
/** The `result` of an `applied` (or `duplicate`) answer to a mutation of type `T`. */
export type MutationResultBody<T extends MutationType> = Static<Schemas[T]['result']>;

/** A mutation whose payload is typed by its type, as the outbox stores and sends it. */
export type TypedMutation = {
  [T in MutationType]: { readonly type: T; readonly payload: MutationPayload<T> };
}[MutationType];
