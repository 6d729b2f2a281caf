/**
 * Row types of the store database, one interface per table, as Kysely sees them. The same
 * shapes hold on SQLite and PostgreSQL: booleans are 0/1 integers, timestamps ISO-8601 UTC
 * text (sorts correctly as text), JSON columns text, money integer minor units.
 */
export interface StoresTable {
  store_id: string;
  label: string;
  currency: string;
  /** Sales tax rate in millionths (80000 = 8 %), so no float is stored. */
  tax_rate_micros: number;
  price_method: string;
  locale: string;
  timezone: string;
  address: string | null;
  created_at: string;
}

export interface UsersTable {
  user_id: string;
  username: string;
  password_hash: string;
  display_name: string;
  role: string;
  /** Null for an admin user, who sees every store. */
  store_id: string | null;
  created_at: string;
}

export interface TokensTable {
  /** sha256 hex of the bearer token: a stolen database does not give working tokens. */
  token_hash: string;
  user_id: string;
  role: string;
  store_id: string | null;
  /** The device the token was issued for (migration 003); null = not bound to a device. */
  device_id: string | null;
  /** The refresh family it was minted with (migration 005): revoked with that family. */
  family_id: string | null;
  expires_at: string;
  created_at: string;
}

/** Rotating refresh tokens (migration 003): one row per issued token, sha256 only. */
export interface RefreshTokensTable {
  token_hash: string;
  family_id: string;
  user_id: string;
  store_id: string | null;
  device_id: string | null;
  expires_at: string;
  used_at: string | null;
  created_at: string;
}

/** Sign-in failure counters per `user:NAME` and `ip:ADDRESS` (migration 003). */
export interface AuthFailuresTable {
  key: string;
  failures: number;
  first_failed_at: string;
  locked_until: string | null;
}

export interface CountersTable {
  name: string;
  value: number;
}

export interface ProductsTable {
  product_id: string;
  title: string;
  brand: string | null;
  variant_group_id: string | null;
  serialized: number;
  identifiers_json: string;
  attributes_json: string;
  /** Catalog change number: pull pages order by it, so paging is resumable. */
  change_no: number;
  deleted: number;
  updated_at: string;
}

export interface ProductIdentifiersTable {
  /** A normalised lookup key from `identifierKeys` (the raw value, and its GTIN-14). */
  key: string;
  product_id: string;
}

export interface PricesTable {
  pricebook: string;
  currency: string;
  product_id: string;
  amount_minor: number;
  updated_at: string;
}

export interface AvailabilitiesTable {
  fulfillment_node_id: string;
  product_id: string;
  quantity: number;
  updated_at: string;
}

export interface AppConfigsTable {
  /** `*` for the global configuration, else a store id. */
  scope: string;
  /** Null when a store override was removed: the row keeps its version so devices notice. */
  config_json: string | null;
  version: number;
  updated_at: string;
}

export interface OrdersTable {
  id: string;
  store_id: string;
  external_id: string;
  content_hash: string;
  channel_type: string;
  currency: string;
  price_method: string;
  placed_at: string | null;
  created_at: string;
  associate_id: string | null;
  device_id: string | null;
  status: string;
  subtotal_minor: number;
  tax_minor: number;
  total_minor: number;
  payments_json: string;
  request_json: string;
  /** From the `history_change` counter (migration 006): the pull delivers recent orders by it. */
  history_change: number | null;
  /** The customer as kept (migration 007): checked by `checkCustomer`, bad fields dropped. */
  customer_name: string | null;
  customer_email: string | null;
  customer_phone: string | null;
  /** The addresses as kept (migration 007), JSON; the request as sent is in `request_json`. */
  shipping_address_json: string | null;
  billing_address_json: string | null;
  /** The shift the sale is counted in (migration 008): set only when accepted into it. */
  shift_id: string | null;
}

export interface OrderItemsTable {
  id: string;
  order_id: string;
  position: number;
  external_item_id: string;
  product_id: string;
  item_price_minor: number;
  list_price_minor: number | null;
  tax_minor: number;
  tax_lines_json: string;
  shipping_type: string;
  serial_number: string | null;
  serial_capture_json: string | null;
}

/** What the server found wrong with a sale it kept (migration 005), in the order found. */
export interface OrderFlagsTable {
  id: string;
  order_id: string;
  store_id: string;
  /** An `OrderFlagKinds` value. */
  kind: string;
  /** The request field it is about: `items[0].price.item_price`, `payments`. */
  field: string;
  message: string;
  details_json: string;
  created_at: string;
  /** Its place among the order's flags. */
  position: number;
}

export interface DevicesTable {
  device_id: string;
  store_id: string;
  name: string | null;
  last_applied_seq: number;
  created_at: string;
  last_seen_at: string | null;
}

export interface MutationLogTable {
  device_id: string;
  seq: number;
  mutation_id: string;
  type: string;
  payload_hash: string;
  status: string;
  result_json: string | null;
  error_json: string | null;
  created_at: string;
}

/** One captured unit of a serialized product (migration 002): kept forever, one ACTIVE per serial. */
export interface SerialUnitsTable {
  id: string;
  product_id: string;
  /** The serial now (a manager's correction replaces it), cleaned of scanner additions. */
  serial_number: string;
  /** The serial as captured at the till, cleaned; never changes. */
  captured_serial_number: string;
  store_id: string;
  order_id: string;
  order_item_id: string;
  /**
   * `sold`, `voided`, `picked` (at fulfilment), `shipped` (inactive: left the store),
   * `returned` / `released` (inactive: back in stock, sells again), `quarantined` / `scrapped`
   * (active: a sale of that serial opens `quarantined_unit`).
   */
  state: string;
  /** 1 for the unit holding this (product, serial) now; a partial unique index allows one. */
  active: number;
  capture_method: string | null;
  capture_associate_id: string | null;
  capture_device_id: string | null;
  captured_at: string | null;
  config_version: number | null;
  created_at: string;
  updated_at: string;
}

/** A serial problem for a manager (migration 002): `duplicate`, `invalid_format`, `missing`. */
export interface SerialExceptionsTable {
  id: string;
  kind: string;
  /** `open` or `resolved`. */
  state: string;
  store_id: string;
  product_id: string;
  serial_number: string | null;
  /** The sale the exception is about (for a duplicate, the later one). */
  order_id: string;
  /** For a duplicate: the order whose unit already held the serial. */
  other_order_id: string | null;
  order_item_id: string;
  unit_id: string | null;
  details_json: string;
  opened_at: string;
  /** From the `serial_change` counter; advanced again on resolution, so pulls see both. */
  change_no: number;
  resolution: string | null;
  resolved_serial: string | null;
  resolved_by: string | null;
  resolved_at: string | null;
  note: string | null;
}

/** A request to pick an order's ship or pick-up items in a store (migration 004). */
export interface FulfillmentRequestsTable {
  id: string;
  order_id: string;
  store_id: string;
  shipping_type: string;
  /** 2 pick-up, 1 carrier: higher is picked first. */
  priority: number;
  /** `open`, `picked`, `shipped` or `cancelled`. */
  state: string;
  customer_name: string | null;
  created_at: string;
  updated_at: string;
  /** From the `fulfillment_change` counter, advanced on every change: the pull follows it. */
  change_no: number;
  picked_at: string | null;
  shipped_at: string | null;
  tracking_code: string | null;
  carrier: string | null;
  /** Who shipped or cancelled it. */
  closed_by: string | null;
  cancel_reason: string | null;
}

/** One unit of a fulfilment request (migration 004). */
export interface FulfillmentItemsTable {
  id: string;
  request_id: string;
  order_item_id: string;
  position: number;
  product_id: string;
  title: string;
  serialized: number;
  picked: number;
  serial_number: string | null;
  unit_id: string | null;
  picked_at: string | null;
  picked_by: string | null;
  picked_device_id: string | null;
}

/** A return (migration 006): of an order's units, or blind (no order). */
export interface ReturnsTable {
  id: string;
  store_id: string;
  order_id: string | null;
  x_external_id: string;
  content_hash: string;
  returned_at: string;
  created_at: string;
  associate_id: string | null;
  device_id: string | null;
  currency: string;
  refund_minor: number;
  refunds_json: string;
  approval_json: string | null;
  shift_id: string | null;
  /** What a manager must look at: `[{kind, message, item_id}]`. */
  flags_json: string;
  history_change: number;
}

export interface ReturnItemsTable {
  id: string;
  return_id: string;
  position: number;
  order_item_id: string | null;
  product_id: string;
  serial_number: string | null;
  condition: string;
  reason: string;
  refund_minor: number;
  /** The serial's state this return left it in (`returned`, `quarantined`), or null. */
  serial_state: string | null;
}

/** One event in the life of a (product, serial) (migration 006); the last one is its state. */
export interface SerialEventsTable {
  id: string;
  product_id: string;
  serial_number: string;
  /** `sold`, `picked`, `shipped`, `returned`, `quarantined`, `released`, `scrapped`, `voided`. */
  kind: string;
  store_id: string;
  device_id: string | null;
  associate_id: string | null;
  order_id: string | null;
  return_id: string | null;
  unit_id: string | null;
  capture_method: string | null;
  details_json: string;
  at: string;
  seq: number;
}

/**
 * An order's e-mailed receipt (migration 007), one row per order. `state`: `queued` →
 * `sending` (claimed: `claim_token` and `lease_until` set, the message not yet complete) →
 * `committing` (the message's end may be on its way: never sent again) → `sent`; or back to
 * `queued` (a definite failure, after its backoff), `failed` (refused for good, out of
 * attempts) or `uncertain` (a `committing` lease ran out: the server stopped mid-send).
 */
export interface ReceiptEmailsTable {
  order_id: string;
  store_id: string;
  recipient: string;
  message_id: string;
  state: string;
  attempts: number;
  next_attempt_at: string;
  claim_token: string | null;
  lease_until: string | null;
  last_error: string | null;
  smtp_response: string | null;
  created_at: string;
  updated_at: string;
  sent_at: string | null;
}

/** A till's shift (migration 008): opened and closed by one device, amounts in minor units. */
export interface ShiftsTable {
  shift_id: string;
  store_id: string;
  device_id: string;
  associate_id: string | null;
  currency: string;
  opened_at: string;
  opening_float_minor: number;
  /** The content hash of the `shift.open` payload: the same open sent again is harmless. */
  open_hash: string;
  /** 1 while open, 0 once closed (one open shift per device, by a partial unique index). */
  open: number;
  closed_at: string | null;
  counted_cash_minor: number | null;
  /** The count by denomination as sent, JSON, when given. */
  counted_json: string | null;
  close_hash: string | null;
  closed_by: string | null;
  created_at: string;
}

/** A safe drop, paid in or paid out of a shift's drawer (migration 008). */
export interface ShiftMovementsTable {
  movement_id: string;
  shift_id: string;
  store_id: string;
  /** A `CashMovementTypes` value. */
  type: string;
  amount_minor: number;
  reason: string;
  moved_at: string;
  associate_id: string | null;
  content_hash: string;
  created_at: string;
}

export interface Database {
  stores: StoresTable;
  users: UsersTable;
  tokens: TokensTable;
  refresh_tokens: RefreshTokensTable;
  auth_failures: AuthFailuresTable;
  counters: CountersTable;
  products: ProductsTable;
  product_identifiers: ProductIdentifiersTable;
  prices: PricesTable;
  availabilities: AvailabilitiesTable;
  app_configs: AppConfigsTable;
  orders: OrdersTable;
  order_items: OrderItemsTable;
  order_flags: OrderFlagsTable;
  devices: DevicesTable;
  mutation_log: MutationLogTable;
  serial_units: SerialUnitsTable;
  serial_exceptions: SerialExceptionsTable;
  fulfillment_requests: FulfillmentRequestsTable;
  fulfillment_items: FulfillmentItemsTable;
  returns: ReturnsTable;
  return_items: ReturnItemsTable;
  serial_events: SerialEventsTable;
  receipt_emails: ReceiptEmailsTable;
  shifts: ShiftsTable;
  shift_movements: ShiftMovementsTable;
}
