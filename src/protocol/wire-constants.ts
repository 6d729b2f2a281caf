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
  orderReturn: 'order.return',
  shiftOpen: 'shift.open',
  shiftCashMovement: 'shift.cash_movement',
  shiftClose: 'shift.close',
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

/** `exchange`: paid with the credit of a return made together with the sale (DESIGN §10.2). */
export const PaymentMethods = { cash: 'cash', card: 'card', exchange: 'exchange' } as const;
export type PaymentMethod = (typeof PaymentMethods)[keyof typeof PaymentMethods];

/** How money goes back: to the original tender, or as credit for the sale of an exchange. */
export const RefundMethods = PaymentMethods;
export type RefundMethod = PaymentMethod;

/**
 * A returned unit's condition: `resellable` goes back to stock and sells again; `damaged` and
 * `defective` are quarantined until a manager releases or scraps them.
 */
export const ReturnConditions = {
  resellable: 'resellable',
  damaged: 'damaged',
  defective: 'defective',
} as const;
export type ReturnCondition = (typeof ReturnConditions)[keyof typeof ReturnConditions];

/**
 * Where a serialized unit stands (DESIGN §10.1): sold → returned → sold again …;
 * sold → quarantined → released | scrapped; picked → shipped. `voided` by a manager.
 */
export const SerialStates = {
  sold: 'sold',
  picked: 'picked',
  shipped: 'shipped',
  returned: 'returned',
  quarantined: 'quarantined',
  released: 'released',
  scrapped: 'scrapped',
  voided: 'voided',
} as const;
export type SerialState = (typeof SerialStates)[keyof typeof SerialStates];

export const PriceMethods = { taxExcluded: 'tax_excluded', taxIncluded: 'tax_included' } as const;
export type PriceMethod = (typeof PriceMethods)[keyof typeof PriceMethods];

/**
 * `duplicate`: the serial of this product is already sold by another order (or item);
 * `invalid_format`: it fails the store's pattern at the time the server received it;
 * `missing`: a serialized unit handed over in store arrived without a serial;
 * `quarantined_unit`, `duplicate_return`: see below.
 */
export const SerialExceptionKinds = {
  duplicate: 'duplicate',
  invalidFormat: 'invalid_format',
  missing: 'missing',
  /** A unit of a quarantined (or scrapped) serial was sold. */
  quarantinedUnit: 'quarantined_unit',
  /** The same unit was returned twice (two tills, offline): both returns are kept. */
  duplicateReturn: 'duplicate_return',
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

/**
 * What the server found wrong with an order's money or identity (DESIGN §10.3). On the API such
 * an order is refused (422); from a device the sale is kept — money changed hands — and each
 * finding is stored as a flag on the order for a manager.
 * - `totals_mismatch`: an amount that does not add up (item price vs list price less its
 *   adjustments; a cash payment's tendered less change vs its amount);
 * - `price_below_catalog`: a unit sold below the store's catalog price, unexplained;
 * - `tax_mismatch`: a tax line that is not the store's rate on the price, or the wrong price
 *   method;
 * - `underpaid` / `overpaid`: payments that do not add up to the order's total;
 * - `change_exceeds_tendered`: change larger than the cash handed over (or change on a card);
 * - `unknown_product`: a product the catalog does not hold, so its price could not be checked;
 * - `identity_mismatch`: the sale names another device or associate than the token that sent it;
 * - `unknown_shift` / `shift_closed` / `shift_of_another_device`: the sale names a shift the
 *   server does not hold, one already closed, or another till's (DESIGN §10.4); it is then
 *   counted in no shift.
 */
export const OrderFlagKinds = {
  totalsMismatch: 'totals_mismatch',
  priceBelowCatalog: 'price_below_catalog',
  taxMismatch: 'tax_mismatch',
  underpaid: 'underpaid',
  overpaid: 'overpaid',
  changeExceedsTendered: 'change_exceeds_tendered',
  unknownProduct: 'unknown_product',
  identityMismatch: 'identity_mismatch',
  unknownShift: 'unknown_shift',
  shiftClosed: 'shift_closed',
  shiftOfAnotherDevice: 'shift_of_another_device',
} as const;
export type OrderFlagKind = (typeof OrderFlagKinds)[keyof typeof OrderFlagKinds];

/**
 * Where an order's e-mailed receipt stands (DESIGN §10.3): `none` (no address, or the store
 * server sends no e-mail), `queued` (waiting, maybe after a failed attempt), `sending` (an
 * attempt is handing it to the mail server), `sent`, `failed` (refused for good or out of
 * attempts), `uncertain` (the server stopped while the mail server was taking the message: it
 * was probably delivered, and it is never sent again).
 */
export const ReceiptEmailStates = {
  none: 'none',
  queued: 'queued',
  sending: 'sending',
  sent: 'sent',
  failed: 'failed',
  uncertain: 'uncertain',
} as const;
export type ReceiptEmailState = (typeof ReceiptEmailStates)[keyof typeof ReceiptEmailStates];

/** Cash moved in or out of a till's drawer during a shift, other than by a sale or refund. */
export const CashMovementTypes = {
  safeDrop: 'safe_drop',
  paidIn: 'paid_in',
  paidOut: 'paid_out',
} as const;
export type CashMovementType = (typeof CashMovementTypes)[keyof typeof CashMovementTypes];
