/**
 * The protocol's constant values without its runtime schemas: the client bundle imports these
 * so TypeBox (needed only by the server's validation) stays out of the first paint. A unit
 * test (test/unit/sync/wire-constants.test.ts) keeps them equal to the schema modules' values.
 */
import type { ShippingType } from './schemas.ts';
import type { SerialExceptionKind, SerialResolution } from './serials.ts';
import type { MutationType } from './sync-protocol.ts';

export const WIRE_PROTOCOL_VERSION = 1;

export const WireShippingTypes = {
  inStoreHandover: 'in_store_handover',
  traditionalCarrier: 'traditional_carrier',
  inStorePickUp: 'in_store_pick_up',
} as const satisfies Record<string, ShippingType>;

export const WireMutationTypes = {
  orderCreate: 'order.create',
  fulfillmentPick: 'fulfillment.pick',
  fulfillmentShip: 'fulfillment.ship',
  serialExceptionResolve: 'serial_exception.resolve',
} as const satisfies Record<string, MutationType>;

export const WireSerialExceptionKinds = {
  duplicate: 'duplicate',
  invalidFormat: 'invalid_format',
  missing: 'missing',
} as const satisfies Record<string, SerialExceptionKind>;

export const WireSerialResolutions = {
  corrected: 'corrected',
  accepted: 'accepted',
  voided: 'voided',
} as const satisfies Record<string, SerialResolution>;
