/**
 * Wire schemas of Aisle's platform API (NewStore vocabulary, DESIGN §4–§5).
 *
 * One source for both sides: the server hands these JSON Schemas to Fastify (validation and
 * the generated OpenAPI document), the client imports their static types. Amounts travel as
 * decimals at the currency's precision; inside the app and the server they are integer minor
 * units (see `domain/money.ts`). Extend shapes here, never rename a NewStore field.
 */
import { Type, type Static } from '@sinclair/typebox';
import { literalUnion, Nullable } from './schema-helpers.ts';
import {
  CaptureMethods,
  OrderFlagKinds,
  PaymentMethods,
  PriceMethods,
  ReceiptEmailStates,
  Roles,
  SerialVerdicts,
  ShippingTypes,
} from './wire-constants.ts';

export type { CaptureMethod, Role, ShippingType } from './wire-constants.ts';

/** A string id as NewStore allows it: no `=` or `%` (lookups use `type=value`). */
export const Id = Type.String({ minLength: 1, maxLength: 128, pattern: '^[^=%\\s][^=%]*$' });
/**
 * A store id: ASCII letters, digits, `.`, `_` and `-`, starting with a letter or digit, at most
 * 64 characters. It travels in paths and names configuration scopes, so `*` (the global
 * configuration's scope), `/`, spaces and look-alike Unicode can never be a store.
 */
export const StoreId = Type.String({
  minLength: 1,
  maxLength: 64,
  pattern: '^[A-Za-z0-9][A-Za-z0-9._-]*$',
});
export const Uuid = Type.String({ format: 'uuid' });
export const IsoDateTime = Type.String({ format: 'date-time' });
export const CurrencyCode = Type.String({ pattern: '^[A-Z]{3}$' });
/** A decimal amount at the currency's precision, e.g. 19.99. */
export const Amount = Type.Number({ minimum: 0, maximum: 1e9 });

// ---------------------------------------------------------------- errors

export const ErrorDetail = Type.Object({
  field: Type.String(),
  message: Type.String(),
  index: Type.Optional(Type.Integer()),
});
export type ErrorDetail = Static<typeof ErrorDetail>;

/** Every 4xx/5xx body: a machine code, a sentence for a person, and what was wrong where. */
export const ErrorBody = Type.Object({
  error: Type.String(),
  message: Type.String(),
  details: Type.Array(ErrorDetail),
});
export type ErrorBody = Static<typeof ErrorBody>;

// ---------------------------------------------------------------- auth

export const RoleSchema = literalUnion(Roles);
export const PriceMethodSchema = literalUnion(PriceMethods);

export const TokenRequest = Type.Object({
  grant_type: Type.Literal('password'),
  username: Type.String({ minLength: 1, maxLength: 200 }),
  password: Type.String({ minLength: 1, maxLength: 200 }),
  /** The device signing in: its tokens then work for this device only (issue 7). */
  device_id: Type.Optional(Uuid),
});
export type TokenRequest = Static<typeof TokenRequest>;

/** A rotating refresh: the old refresh token is spent, a new pair comes back. */
export const RefreshTokenRequest = Type.Object({
  grant_type: Type.Literal('refresh_token'),
  refresh_token: Type.String({ minLength: 1, maxLength: 200 }),
  device_id: Type.Optional(Uuid),
});
export type RefreshTokenRequest = Static<typeof RefreshTokenRequest>;

export const TokenGrantRequest = Type.Union([TokenRequest, RefreshTokenRequest]);
export type TokenGrantRequest = Static<typeof TokenGrantRequest>;

export const TokenResponse = Type.Object({
  access_token: Type.String(),
  token_type: Type.Literal('bearer'),
  expires_in: Type.Integer(),
  store_id: Nullable(Type.String()),
  role: RoleSchema,
  associate_id: Type.String(),
  display_name: Type.String(),
  /** Spend it at POST /v0/token (grant_type refresh_token) when the access token expires. */
  refresh_token: Type.Optional(Type.String()),
  refresh_expires_in: Type.Optional(Type.Integer()),
});
export type TokenResponse = Static<typeof TokenResponse>;

// ---------------------------------------------------------------- stores

export const Store = Type.Object({
  store_id: Type.String(),
  label: Type.String(),
  currency: CurrencyCode,
  /** Sales tax rate as a fraction, e.g. 0.08 for 8 %. */
  tax_rate: Type.Number({ minimum: 0, maximum: 1 }),
  price_method: PriceMethodSchema,
  locale: Type.String(),
  timezone: Type.String(),
  address: Type.Optional(Type.String()),
});
export type Store = Static<typeof Store>;

// ---------------------------------------------------------------- catalog import

export const ExternalIdentifier = Type.Object({
  /** ean13, upc, gtin, ean8, sku, isbn, or a custom type. */
  type: Type.String({ minLength: 1, maxLength: 40 }),
  value: Type.String({ minLength: 1, maxLength: 128 }),
});
export type ExternalIdentifier = Static<typeof ExternalIdentifier>;

export const ExtendedAttribute = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100 }),
  value: Type.String({ maxLength: 2000 }),
});

export const ProductItem = Type.Object({
  product_id: Id,
  title: Type.String({ minLength: 1, maxLength: 500 }),
  brand: Type.Optional(Type.String({ maxLength: 200 })),
  variant_group_id: Type.Optional(Id),
  external_identifiers: Type.Array(ExternalIdentifier, { maxItems: 50 }),
  serialized_inventory: Type.Optional(Type.Boolean()),
  extended_attributes: Type.Optional(Type.Array(ExtendedAttribute, { maxItems: 100 })),
});
export type ProductItem = Static<typeof ProductItem>;

export const PriceItem = Type.Object({
  product_id: Id,
  value: Amount,
});
export type PriceItem = Static<typeof PriceItem>;

export const ImportHead = Type.Object({
  catalog: Type.Optional(Type.String()),
  locale: Type.Optional(Type.String()),
  pricebook: Type.Optional(Type.String()),
  currency: Type.Optional(CurrencyCode),
  is_master: Type.Optional(Type.Boolean()),
});

/**
 * `POST /v0/d/import`: inline JSON instead of NewStore's zip upload. All or nothing: the
 * items are checked one by one (the body schema only fixes the envelope) and any bad item
 * refuses the whole batch with 422 listing every bad item by index.
 */
export const ImportRequest = Type.Object({
  entity: Type.Union([
    Type.Literal('products'),
    Type.Literal('prices'),
    Type.Literal('availabilities'),
  ]),
  mode: Type.Union([Type.Literal('partial'), Type.Literal('full')]),
  head: ImportHead,
  items: Type.Array(Type.Unknown(), { maxItems: 100_000 }),
});
export type ImportRequest = Static<typeof ImportRequest>;

export const ImportResponse = Type.Object({
  entity: Type.String(),
  mode: Type.String(),
  imported: Type.Integer(),
  deleted: Type.Integer(),
});
export type ImportResponse = Static<typeof ImportResponse>;

/** A product as the API returns it: identifiers, its default price and whether it is serialized. */
export const Product = Type.Object({
  product_id: Type.String(),
  title: Type.String(),
  brand: Nullable(Type.String()),
  variant_group_id: Nullable(Type.String()),
  external_identifiers: Type.Array(ExternalIdentifier),
  serialized_inventory: Type.Boolean(),
  extended_attributes: Type.Array(ExtendedAttribute),
  price: Nullable(Type.Object({ value: Amount, currency: CurrencyCode, pricebook: Type.String() })),
});
export type Product = Static<typeof Product>;

// ---------------------------------------------------------------- app configuration

/** The whole associate-app configuration. Only the keys Aisle reads are typed; others pass through. */
export const AppConfig = Type.Object(
  {
    capabilities: Type.Optional(
      Type.Object(
        {
          serialized_inventory: Type.Optional(
            Type.Object(
              { serial_number_regex: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))) },
              { additionalProperties: true },
            ),
          ),
          /** Days after a password sign-in during which the PIN unlocks the app (default 7). */
          offline_mode_pin_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 90 })),
          /** Minutes without a touch before the app locks and asks for the PIN (default 5). */
          idle_lock_minutes: Type.Optional(Type.Integer({ minimum: 1, maximum: 1440 })),
          /** Days of the store's sales every device keeps for returns and lookups (default 90). */
          returns: Type.Optional(
            Type.Object(
              { history_days: Type.Optional(Type.Integer({ minimum: 1, maximum: 730 })) },
              { additionalProperties: true },
            ),
          ),
        },
        { additionalProperties: true },
      ),
    ),
  },
  { additionalProperties: true },
);
export type AppConfig = Static<typeof AppConfig>;

export const ConfigSource = Type.Union([
  Type.Literal('global'),
  Type.Literal('store'),
  Type.Literal('none'),
]);
export type ConfigSource = Static<typeof ConfigSource>;

export const ConfigEnvelope = Type.Object({
  version: Type.Integer(),
  updated_at: Nullable(IsoDateTime),
  source: ConfigSource,
  config: AppConfig,
});
export type ConfigEnvelope = Static<typeof ConfigEnvelope>;

// ---------------------------------------------------------------- orders

export const ShippingTypeSchema = literalUnion(ShippingTypes);
export const CaptureMethodSchema = literalUnion(CaptureMethods);
/** The server's verdict on a captured serial (see `serials.ts`). */
export const SerialVerdictSchema = literalUnion(SerialVerdicts);

export const TaxLine = Type.Object({
  amount: Amount,
  rate: Type.Number({ minimum: 0, maximum: 1 }),
  name: Type.Optional(Type.String({ maxLength: 100 })),
});

/**
 * One reduction of a unit's price (NewStore's `item_discount_info` / `item_order_discount_info`,
 * DESIGN §10.3): `price_adjustment` is what it takes off this unit; `original_value` the
 * percentage or amount as given; `approved_by` the manager who approved it, when one had to.
 */
export const DiscountInfo = Type.Object({
  discount_ref: Type.String({ minLength: 1, maxLength: 128 }),
  description: Type.Optional(Type.String({ maxLength: 200 })),
  type: Type.Union([
    Type.Literal('percentage'),
    Type.Literal('fixed'),
    Type.Literal('price_override'),
  ]),
  original_value: Type.Number({ minimum: 0, maximum: 1e9 }),
  price_adjustment: Amount,
  reason: Type.Optional(Type.String({ maxLength: 200 })),
  approved_by: Type.Optional(Type.String({ maxLength: 128 })),
  approval_reason: Type.Optional(Type.String({ maxLength: 500 })),
});
export type DiscountInfo = Static<typeof DiscountInfo>;

/** How a serial was captured, for the registry's audit trail (Aisle extension). */
export const SerialCapture = Type.Object({
  method: CaptureMethodSchema,
  captured_at: IsoDateTime,
  associate_id: Type.Optional(Type.String({ maxLength: 128 })),
  device_id: Type.Optional(Type.String({ maxLength: 128 })),
  config_version: Type.Optional(Type.Integer({ minimum: 0 })),
});
export type SerialCapture = Static<typeof SerialCapture>;

/** One unit of an order. */
export const OrderItem = Type.Object({
  external_item_id: Type.String({ minLength: 1, maxLength: 128 }),
  product_id: Id,
  price: Type.Object({
    item_price: Amount,
    item_list_price: Type.Optional(Amount),
    item_tax_lines: Type.Optional(Type.Array(TaxLine, { maxItems: 10 })),
    item_discount_info: Type.Optional(Type.Array(DiscountInfo, { maxItems: 10 })),
    item_order_discount_info: Type.Optional(Type.Array(DiscountInfo, { maxItems: 10 })),
  }),
  shipping_type: ShippingTypeSchema,
  serial_number: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  serial_capture: Type.Optional(SerialCapture),
  extended_attributes: Type.Optional(Type.Array(ExtendedAttribute, { maxItems: 50 })),
});
export type OrderItem = Static<typeof OrderItem>;

export const Payment = Type.Object({
  method: literalUnion(PaymentMethods),
  amount: Amount,
  /** Card: the reference typed from the external terminal. */
  reference: Type.Optional(Type.String({ maxLength: 200 })),
  /** Cash: what the customer handed over, and the change given back. */
  tendered: Type.Optional(Amount),
  change: Type.Optional(Amount),
});
export type Payment = Static<typeof Payment>;

/**
 * A shipping or billing address as integrations send it (NewStore, Shopify-like shapes): the
 * named fields below, and any other field kept out of the way rather than refusing the order
 * (see `server/src/services/order-contacts.ts`: scalar extras are kept, bounded, others
 * dropped). Contact fields are not checked as strictly as the order's customer: they are
 * information on a label, never an address the server mails to.
 */
export const Address = Type.Object(
  {
    first_name: Type.Optional(Type.String({ maxLength: 200 })),
    last_name: Type.Optional(Type.String({ maxLength: 200 })),
    company: Type.Optional(Type.String({ maxLength: 200 })),
    address_line_1: Type.Optional(Type.String({ maxLength: 500 })),
    address_line_2: Type.Optional(Type.String({ maxLength: 500 })),
    address_line_3: Type.Optional(Type.String({ maxLength: 500 })),
    city: Type.Optional(Type.String({ maxLength: 200 })),
    state: Type.Optional(Type.String({ maxLength: 200 })),
    zip_code: Type.Optional(Type.String({ maxLength: 40 })),
    /** A country name or code as sent ("US", "United States"). */
    country: Type.Optional(Type.String({ maxLength: 100 })),
    /** ISO 3166 code as sent ("US", "USA"). */
    country_code: Type.Optional(Type.String({ maxLength: 10 })),
    phone: Type.Optional(Type.String({ maxLength: 100 })),
    email: Type.Optional(Type.String({ maxLength: 320 })),
  },
  { additionalProperties: true, maxProperties: 60 },
);
export type Address = Static<typeof Address>;

/** `POST /v0/d/fulfill_order` body, and the payload of the `order.create` sync mutation. */
export const OrderRequest = Type.Object({
  external_id: Type.String({ minLength: 1, maxLength: 128 }),
  store_id: Id,
  channel_type: Type.Optional(
    Type.Union([Type.Literal('store'), Type.Literal('web'), Type.Literal('mobile')]),
  ),
  currency: CurrencyCode,
  price_method: Type.Optional(PriceMethodSchema),
  placed_at: Type.Optional(IsoDateTime),
  associate_id: Type.Optional(Type.String({ maxLength: 128 })),
  device_id: Type.Optional(Type.String({ maxLength: 128 })),
  items: Type.Array(OrderItem, { minItems: 1, maxItems: 500 }),
  payments: Type.Optional(Type.Array(Payment, { maxItems: 20 })),
  shipping_address: Type.Optional(Address),
  billing_address: Type.Optional(Address),
  /*
   * The customer (DESIGN §10.3). Checked by `checkCustomer` (src/domain/customer.ts), not here:
   * on the API a bad one is 422 naming the field; from a device the sale (it took money) is
   * kept and the bad field dropped, which a schema refusal would not allow.
   */
  customer_name: Type.Optional(Type.String({ maxLength: 1000 })),
  customer_email: Type.Optional(Type.String({ maxLength: 1000 })),
  customer_phone: Type.Optional(Type.String({ maxLength: 1000 })),
  /**
   * An exchange (DESIGN §10.2): the return (its `x_external_id`) whose credit pays this sale
   * through its `exchange` payments, each with that id as `reference`.
   */
  exchange_for_return_id: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  /** The till's shift the sale was made in (DESIGN §10.4); absent for web orders and older apps. */
  shift_id: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
});
export type OrderRequest = Static<typeof OrderRequest>;

export const OrderCreated = Type.Object({
  id: Type.String(),
  external_id: Type.String(),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      external_item_id: Type.String(),
      product_id: Type.String(),
      serial_number: Nullable(Type.String()),
      /**
       * The server's verdict on this item's serial (see `serials.ts`): `accepted`, `exception`
       * (open exceptions listed in `serial_exception_ids`), `resolved`, or null when the item
       * carries no serial to judge. Optional only so answers stored by older servers still fit.
       */
      serial_state: Type.Optional(Nullable(SerialVerdictSchema)),
      serial_exception_ids: Type.Optional(Type.Array(Type.String())),
    }),
  ),
});
export type OrderCreated = Static<typeof OrderCreated>;

/**
 * What the server found wrong with a sale it kept (DESIGN §10.3): its kind, a sentence for a
 * manager, and the facts — `field` (where in the order) and amounts as decimals.
 */
export const OrderFlag = Type.Object({
  kind: literalUnion(OrderFlagKinds),
  message: Type.String(),
  details: Type.Record(Type.String(), Type.Unknown()),
});
export type OrderFlag = Static<typeof OrderFlag>;

/** `GET /v0/order-flags`: a store's flags, newest first, each with its order. */
export const OrderFlagEntry = Type.Composite([
  Type.Object({
    id: Type.String(),
    order_id: Type.String(),
    order_external_id: Type.String(),
    store_id: Type.String(),
    device_id: Nullable(Type.String()),
    associate_id: Nullable(Type.String()),
    created_at: IsoDateTime,
  }),
  OrderFlag,
]);
export type OrderFlagEntry = Static<typeof OrderFlagEntry>;

export const OrderFlagList = Type.Object({ order_flags: Type.Array(OrderFlagEntry) });
export type OrderFlagList = Static<typeof OrderFlagList>;

/** Where the order's e-mailed receipt stands (`none` when no e-mail is sent for it). */
export const ReceiptEmailStatus = Type.Object({
  state: literalUnion(ReceiptEmailStates),
  attempts: Type.Integer({ minimum: 0 }),
  last_error: Nullable(Type.String()),
  sent_at: Nullable(IsoDateTime),
});
export type ReceiptEmailStatus = Static<typeof ReceiptEmailStatus>;

/** `GET /v0/orders/{id}`: the stored order with its items, their serials and the totals. */
export const Order = Type.Object({
  id: Type.String(),
  external_id: Type.String(),
  store_id: Type.String(),
  channel_type: Type.String(),
  currency: CurrencyCode,
  price_method: Type.String(),
  placed_at: Nullable(IsoDateTime),
  created_at: IsoDateTime,
  associate_id: Nullable(Type.String()),
  device_id: Nullable(Type.String()),
  status: Type.String(),
  totals: Type.Object({ subtotal: Amount, tax: Amount, total: Amount }),
  items: Type.Array(
    Type.Object({
      id: Type.String(),
      external_item_id: Type.String(),
      product_id: Type.String(),
      title: Nullable(Type.String()),
      item_price: Amount,
      /** The catalog price the unit was sold from, when the order said. */
      item_list_price: Type.Optional(Amount),
      /** What came off the list price, and who approved it (item and order discounts). */
      discounts: Type.Optional(Type.Array(DiscountInfo)),
      tax: Amount,
      shipping_type: ShippingTypeSchema,
      serial_number: Nullable(Type.String()),
      /** The serial registry's verdict now, as in `OrderCreated`. */
      serial_state: Type.Optional(Nullable(SerialVerdictSchema)),
      serial_exception_ids: Type.Optional(Type.Array(Type.String())),
      /** The returns that took this unit back (normally one; two is a `duplicate_return`). */
      return_ids: Type.Optional(Type.Array(Type.String())),
    }),
  ),
  payments: Type.Array(Payment),
  /**
   * What the server found wrong with the sale when it kept it; empty for a clean one. Always
   * on `GET /v0/orders/{id}`; left out of the store history the pull sends devices.
   */
  flags: Type.Optional(Type.Array(OrderFlag)),
  /*
   * The customer and addresses as kept (see `checkCustomer`, `order-contacts.ts`). On
   * `GET /v0/orders/{id}` only: the store history in the sync pull leaves them out, so the
   * store's devices do not each keep 90 days of customers' contact details.
   */
  customer_name: Type.Optional(Nullable(Type.String())),
  customer_email: Type.Optional(Nullable(Type.String())),
  customer_phone: Type.Optional(Nullable(Type.String())),
  shipping_address: Type.Optional(Nullable(Address)),
  billing_address: Type.Optional(Nullable(Address)),
  /** Optional only so orders pulled from older servers still fit. */
  receipt_email: Type.Optional(ReceiptEmailStatus),
  /** The return whose credit paid part of this sale (an exchange), as sent. */
  exchange_for_return_id: Type.Optional(Nullable(Type.String())),
});
export type Order = Static<typeof Order>;
