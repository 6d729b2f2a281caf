/**
 * Shape checks for the server's sync answers. A garbled or truncated answer (a proxy's HTML
 * error page, a half-read body) must be retried, never half-applied, so every field the
 * engine relies on is checked before anything is written.
 */
import type {
  MutationResult,
  PullResponse,
  PushResponse,
  SeqGap,
  UnsupportedProtocol,
} from '../protocol/sync-protocol.ts';

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const isSeq = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;

const RESULT_STATUSES: ReadonlySet<unknown> = new Set([
  'applied',
  'duplicate',
  'rejected',
  'idempotency_mismatch',
]);

function isMutationResult(value: unknown): value is MutationResult {
  if (!isObject(value)) return false;
  if (!isSeq(value.seq) || typeof value.id !== 'string' || !RESULT_STATUSES.has(value.status)) {
    return false;
  }
  if (value.error === undefined) return true;
  return (
    isObject(value.error) &&
    typeof value.error.error === 'string' &&
    typeof value.error.message === 'string'
  );
}

export function isPushResponse(value: unknown): value is PushResponse {
  return (
    isObject(value) &&
    isSeq(value.last_applied_seq) &&
    Array.isArray(value.results) &&
    value.results.every(isMutationResult)
  );
}

export function isSeqGap(value: unknown): value is SeqGap {
  return isObject(value) && value.error === 'seq_gap' && isSeq(value.expected_seq);
}

export function isUnsupportedProtocol(value: unknown): value is UnsupportedProtocol {
  return (
    isObject(value) &&
    value.error === 'unsupported_protocol_version' &&
    isSeq(value.min_protocol_version) &&
    isSeq(value.max_protocol_version)
  );
}

function isPulledProduct(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.product_id === 'string' &&
    typeof value.title === 'string' &&
    Array.isArray(value.external_identifiers) &&
    value.external_identifiers.every(
      (identifier) =>
        isObject(identifier) &&
        typeof identifier.type === 'string' &&
        typeof identifier.value === 'string',
    ) &&
    typeof value.serialized_inventory === 'boolean' &&
    (value.price === null || (typeof value.price === 'number' && Number.isFinite(value.price))) &&
    typeof value.deleted === 'boolean'
  );
}

/** The fields a device relies on; the rest of an exception is shown as it came. */
function isSerialException(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    (value.state === 'open' || value.state === 'resolved') &&
    typeof value.kind === 'string' &&
    typeof value.product_id === 'string' &&
    typeof value.external_item_id === 'string' &&
    isObject(value.order) &&
    typeof value.order.external_id === 'string'
  );
}

/** The fields the pick screen relies on. */
function isFulfillmentRequest(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.state === 'string' &&
    typeof value.priority === 'number' &&
    typeof value.created_at === 'string' &&
    Array.isArray(value.items) &&
    value.items.every(
      (item) =>
        isObject(item) &&
        typeof item.id === 'string' &&
        typeof item.product_id === 'string' &&
        typeof item.picked === 'boolean',
    )
  );
}

const isAmount = (value: unknown): boolean => typeof value === 'number' && Number.isFinite(value);

/** The fields the store history (returns, serial lookup) relies on. */
function isStoreOrder(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.id === 'string' &&
    typeof value.external_id === 'string' &&
    typeof value.store_id === 'string' &&
    typeof value.currency === 'string' &&
    isObject(value.totals) &&
    isAmount(value.totals.total) &&
    Array.isArray(value.payments) &&
    value.payments.every(
      (p) => isObject(p) && typeof p.method === 'string' && isAmount(p.amount),
    ) &&
    Array.isArray(value.items) &&
    value.items.every(
      (item) =>
        isObject(item) &&
        typeof item.external_item_id === 'string' &&
        typeof item.product_id === 'string' &&
        isAmount(item.item_price) &&
        isAmount(item.tax),
    )
  );
}

function isStoreReturn(value: unknown): boolean {
  return (
    isObject(value) &&
    typeof value.x_external_id === 'string' &&
    typeof value.store_id === 'string' &&
    typeof value.returned_at === 'string' &&
    Array.isArray(value.refunds) &&
    Array.isArray(value.flags) &&
    Array.isArray(value.items) &&
    value.items.every(
      (item) =>
        isObject(item) && typeof item.product_id === 'string' && isAmount(item.refund_amount),
    )
  );
}

const optionalArray = (value: unknown, each: (entry: unknown) => boolean): boolean =>
  value === undefined || (Array.isArray(value) && value.every(each));

export function isPullResponse(value: unknown): value is PullResponse {
  return (
    isObject(value) &&
    // Absent from servers older than returns; when present, every entry is read.
    optionalArray(value.store_orders, isStoreOrder) &&
    optionalArray(value.store_returns, isStoreReturn) &&
    // Absent from servers older than fulfilment; when present, every entry is read.
    (value.fulfillment_requests === undefined ||
      (Array.isArray(value.fulfillment_requests) &&
        value.fulfillment_requests.every(isFulfillmentRequest))) &&
    // Absent from servers older than the serial registry; when present, every entry is read.
    (value.serial_exceptions === undefined ||
      (Array.isArray(value.serial_exceptions) &&
        value.serial_exceptions.every(isSerialException))) &&
    isObject(value) &&
    typeof value.next_cursor === 'string' &&
    typeof value.has_more === 'boolean' &&
    isSeq(value.catalog_remaining) &&
    Array.isArray(value.products) &&
    value.products.every(isPulledProduct) &&
    (value.config === null ||
      value.config === undefined ||
      (isObject(value.config) &&
        typeof value.config.version === 'number' &&
        isObject(value.config.config)))
  );
}
