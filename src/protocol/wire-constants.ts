/**
 * Every constant value of the wire protocol, defined once. The schema modules build their
 * literal unions from these objects, and client code imports its values from here only, so
 * TypeBox (needed by the server's validation) stays out of the first paint.
 */

/**
 * The sync protocol's version (DESIGN §4). A push carries it; the server answers a version it
 * no longer speaks (or does not speak yet) with 426 `unsupported_protocol_version`.
 */
export const PROTOCOL_VERSION = 1;
/** The oldest version this code still speaks (the server accepts MIN … PROTOCOL_VERSION). */
export const MIN_PROTOCOL_VERSION = 1;

export const MutationTypes = {
  orderCreate: 'order.create',
  fulfillmentPick: 'fulfillment.pick',
  fulfillmentShip: 'fulfillment.ship',
  serialExceptionResolve: 'serial_exception.resolve',
} as const;
export type MutationType = (typeof MutationTypes)[keyof typeof MutationTypes];

export const MutationStatuses = {
  applied: 'applied',
  duplicate: 'duplicate',
  rejected: 'rejected',
  idempotencyMismatch: 'idempotency_mismatch',
} as const;
export type MutationStatus = (typeof MutationStatuses)[keyof typeof MutationStatuses];

export const Roles = { associate: 'associate', manager: 'manager', admin: 'admin' } as const;
export type Role = (typeof Roles)[keyof typeof Roles];

export const ShippingTypes = {
  inStoreHandover: 'in_store_handover',
  traditionalCarrier: 'traditional_carrier',
  inStorePickUp: 'in_store_pick_up',
} as const;
export type ShippingType = (typeof ShippingTypes)[keyof typeof ShippingTypes];

export const CaptureMethods = { camera: 'camera', scanner: 'scanner', typed: 'typed' } as const;
export type CaptureMethod = (typeof CaptureMethods)[keyof typeof CaptureMethods];

export const PaymentMethods = { cash: 'cash', card: 'card' } as const;
export type PaymentMethod = (typeof PaymentMethods)[keyof typeof PaymentMethods];

export const PriceMethods = { taxExcluded: 'tax_excluded', taxIncluded: 'tax_included' } as const;
export type PriceMethod = (typeof PriceMethods)[keyof typeof PriceMethods];

/**
 * `duplicate`: the serial of this product is already sold by another order (or item);
 * `invalid_format`: it fails the store's pattern at the time the server received it;
 * `missing`: a serialized unit handed over in store arrived without a serial.
 */
export const SerialExceptionKinds = {
  duplicate: 'duplicate',
  invalidFormat: 'invalid_format',
  missing: 'missing',
} as const;
export type SerialExceptionKind = (typeof SerialExceptionKinds)[keyof typeof SerialExceptionKinds];

/**
 * `corrected`: the unit takes the right serial and becomes its active record; `accepted`: kept
 * as it is (for a duplicate both sales stay recorded); `voided`: the unit leaves the active
 * registry, the order is kept.
 */
export const SerialResolutions = {
  corrected: 'corrected',
  accepted: 'accepted',
  voided: 'voided',
} as const;
export type SerialResolution = (typeof SerialResolutions)[keyof typeof SerialResolutions];

/** The server's verdict on one captured serial (an order item's or a pick's). */
export const SerialVerdicts = {
  accepted: 'accepted',
  exception: 'exception',
  resolved: 'resolved',
} as const;
export type SerialVerdict = (typeof SerialVerdicts)[keyof typeof SerialVerdicts];

/**
 * `open` (waiting or partly picked) → `picked` (every item picked and picking completed) →
 * `shipped` (shipped by carrier, or handed over for pick-up); `cancelled` from open or picked.
 */
export const FulfillmentStates = {
  open: 'open',
  picked: 'picked',
  shipped: 'shipped',
  cancelled: 'cancelled',
} as const;
export type FulfillmentState = (typeof FulfillmentStates)[keyof typeof FulfillmentStates];

/** Pick-up customers wait in the store, so their requests come before carrier ones. */
export const FulfillmentPriorities = { pickUp: 2, carrier: 1 } as const;
