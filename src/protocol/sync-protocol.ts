/**
 * The device sync protocol (DESIGN §4): registration, the ordered push of an outbox of
 * mutations, and the paged pull of what the device must know. Versioned; the server and
 * `src/sync/` both import it.
 *
 * Push rules, in one place: mutations carry a per-device `seq` (1, 2, 3 …) and a UUID `id`.
 * The server applies them in order, in one transaction with the device's `last_applied_seq`.
 * `seq <= last_applied_seq` answers `duplicate` with the stored result; a gap answers 409
 * `{error: "seq_gap", expected_seq}`; a mutation that can never apply is `rejected` and still
 * advances `seq`; the same `id` with another payload is `idempotency_mismatch`.
 */
import { Type, type Static } from '@sinclair/typebox';
import { FulfillmentRequest } from './fulfillment.ts';
import { literalUnion } from './schema-helpers.ts';
import {
  ConfigEnvelope,
  ErrorDetail,
  ExternalIdentifier,
  Id,
  IsoDateTime,
  Uuid,
} from './schemas.ts';
import { ReturnRecord } from './returns.ts';
import { Order } from './schemas.ts';
import { SerialException } from './serials.ts';
import { MutationStatuses } from './wire-constants.ts';

export type { MutationStatus, MutationType } from './wire-constants.ts';

// ---------------------------------------------------------------- devices

export const DeviceRegistration = Type.Object({
  store_id: Id,
  /** Made on the device; sending it again returns that device's `last_applied_seq`. */
  device_id: Type.Optional(Uuid),
  name: Type.Optional(Type.String({ maxLength: 200 })),
});
export type DeviceRegistration = Static<typeof DeviceRegistration>;

export const DeviceRegistered = Type.Object({
  device_id: Uuid,
  store_id: Type.String(),
  last_applied_seq: Type.Integer({ minimum: 0 }),
});
export type DeviceRegistered = Static<typeof DeviceRegistered>;

// ---------------------------------------------------------------- push

/**
 * The envelope is validated here; each payload is validated against its type's schema in
 * `mutations.ts` on the server, so an unknown type or a malformed payload becomes a `rejected`
 * result instead of refusing the batch.
 */
export const Mutation = Type.Object({
  seq: Type.Integer({ minimum: 1 }),
  id: Uuid,
  type: Type.String({ minLength: 1, maxLength: 64 }),
  payload: Type.Unknown(),
});
export type Mutation = Static<typeof Mutation>;

export const PushRequest = Type.Object({
  device_id: Uuid,
  /** `PROTOCOL_VERSION` of the sending app; see `UnsupportedProtocol`. */
  protocol_version: Type.Integer(),
  mutations: Type.Array(Mutation, { minItems: 1, maxItems: 200 }),
});
export type PushRequest = Static<typeof PushRequest>;

export const MutationResult = Type.Object({
  seq: Type.Integer(),
  id: Type.String(),
  status: literalUnion(MutationStatuses),
  /** For `applied` and `duplicate`: the result schema of the mutation's type (`mutations.ts`). */
  result: Type.Optional(Type.Unknown()),
  error: Type.Optional(
    Type.Object({
      error: Type.String(),
      message: Type.String(),
      details: Type.Optional(Type.Array(ErrorDetail)),
    }),
  ),
});
export type MutationResult = Static<typeof MutationResult>;

export const PushResponse = Type.Object({
  results: Type.Array(MutationResult),
  last_applied_seq: Type.Integer({ minimum: 0 }),
});
export type PushResponse = Static<typeof PushResponse>;

export const SeqGap = Type.Object({
  error: Type.Literal('seq_gap'),
  message: Type.String(),
  details: Type.Array(Type.Unknown()),
  expected_seq: Type.Integer({ minimum: 1 }),
});
export type SeqGap = Static<typeof SeqGap>;

/**
 * 426 to a push whose `protocol_version` the server does not speak: nothing was applied, the
 * device keeps its outbox and tells the associate to update the app (or, for a version newer
 * than the server's, that the store server must be updated).
 */
export const UnsupportedProtocol = Type.Object({
  error: Type.Literal('unsupported_protocol_version'),
  message: Type.String(),
  details: Type.Array(ErrorDetail),
  min_protocol_version: Type.Integer({ minimum: 1 }),
  max_protocol_version: Type.Integer({ minimum: 1 }),
});
export type UnsupportedProtocol = Static<typeof UnsupportedProtocol>;

// ---------------------------------------------------------------- pull

/** A catalog entry as a device keeps it: identifiers, price in minor units is derived client-side. */
export const PulledProduct = Type.Object({
  product_id: Type.String(),
  title: Type.String(),
  brand: Type.Union([Type.String(), Type.Null()]),
  external_identifiers: Type.Array(ExternalIdentifier),
  serialized_inventory: Type.Boolean(),
  /** Decimal price in the store's currency from the `default` price book; null = not sellable. */
  price: Type.Union([Type.Number(), Type.Null()]),
  /** True when the product left the catalog (full import): the device deletes it. */
  deleted: Type.Boolean(),
  /** Months of warranty from the sale (`warranty_months` extended attribute), when it has one. */
  warranty_months: Type.Optional(Type.Union([Type.Integer({ minimum: 0 }), Type.Null()])),
});
export type PulledProduct = Static<typeof PulledProduct>;

export const PullQuery = Type.Object({
  since: Type.Optional(Type.String({ maxLength: 200 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 5000 })),
});
export type PullQuery = Static<typeof PullQuery>;

export const PullResponse = Type.Object({
  /** Opaque; pass it back as `since`. Resumable: a page applied locally is never fetched again. */
  next_cursor: Type.String(),
  has_more: Type.Boolean(),
  /** Products changed since the cursor, in this page and in all (for a progress bar). */
  products: Type.Array(PulledProduct),
  catalog_remaining: Type.Integer({ minimum: 0 }),
  /** The store's effective configuration, when its version changed since the cursor. */
  config: Type.Union([ConfigEnvelope, Type.Null()]),
  /** The device's last applied seq, so a device that lost a push answer can catch up. */
  last_applied_seq: Type.Optional(Type.Integer({ minimum: 0 })),
  /**
   * The store's fulfilment requests created or changed since the cursor, oldest change first,
   * in every state (a device drops the closed ones). Always present, maybe empty.
   */
  fulfillment_requests: Type.Array(FulfillmentRequest),
  /**
   * The store's serial exceptions opened or resolved since the cursor, oldest change first
   * (a device replaces its copy by `id`). Always present, maybe empty.
   */
  serial_exceptions: Type.Array(SerialException),
  /**
   * The store's orders and returns recorded after the cursor, from the last
   * `capabilities.returns.history_days` (default 90), oldest first (DESIGN §10.5): any device
   * of the store finds a sale to return, and a serial's last sale, offline. Optional only so
   * answers of older servers still fit.
   */
  store_orders: Type.Optional(Type.Array(Order)),
  store_returns: Type.Optional(Type.Array(ReturnRecord)),
  /**
   * Where that window starts now: a device drops its copies of the store's orders placed, and
   * returns made, before it (never what it has still to send).
   */
  history_since: Type.Optional(IsoDateTime),
});
export type PullResponse = Static<typeof PullResponse>;
