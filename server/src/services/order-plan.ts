/**
 * The pure steps of `createOrder` (orders.ts), each testable without a database: what is wrong
 * with an order request on its face, who the order is recorded as (the token, not the body),
 * and the rows it becomes. `createOrder` reads, calls these, and writes; nothing here awaits.
 */
import { addMinor, currencyDigits, fromDecimal, minor } from '../../../src/domain/money.ts';
import type { OrderFinding } from '../../../src/domain/order-money.ts';
import type {
  ErrorDetail,
  OrderRequest,
  Role,
  SerialCapture,
} from '../../../src/protocol/schemas.ts';
import { OrderFlagKinds } from '../../../src/protocol/wire-constants.ts';
import type { OrderItemsTable, OrdersTable } from '../db/tables.ts';
import { contactColumns, type OrderContacts } from './order-contacts.ts';

function fits(value: number, digits: number): boolean {
  const scaled = value * 10 ** digits;
  return Math.abs(scaled - Math.round(scaled)) < 1e-6;
}

/** Amounts with more decimals than the currency has would lose money when stored in minor units. */
function precisionErrors(input: OrderRequest): ErrorDetail[] {
  const digits = currencyDigits(input.currency);
  const details: ErrorDetail[] = [];
  const check = (value: number | undefined, field: string): void => {
    if (value !== undefined && !fits(value, digits)) {
      details.push({ field, message: `has more than ${digits} decimals for ${input.currency}` });
    }
  };
  input.items.forEach((item, i) => {
    check(item.price.item_price, `items[${i}].price.item_price`);
    check(item.price.item_list_price, `items[${i}].price.item_list_price`);
    item.price.item_tax_lines?.forEach((line, j) =>
      check(line.amount, `items[${i}].price.item_tax_lines[${j}].amount`),
    );
    for (const key of ['item_discount_info', 'item_order_discount_info'] as const) {
      item.price[key]?.forEach((info, j) =>
        check(info.price_adjustment, `items[${i}].price.${key}[${j}].price_adjustment`),
      );
    }
  });
  input.payments?.forEach((payment, i) => {
    check(payment.amount, `payments[${i}].amount`);
    check(payment.tendered, `payments[${i}].tendered`);
    check(payment.change, `payments[${i}].change`);
  });
  return details;
}

/**
 * What makes an order unacceptable before any price is looked at (from a device too: such an
 * order cannot be stored faithfully): another currency than the store's, an item id used twice,
 * amounts finer than the currency's minor unit.
 */
export function orderRequestProblems(input: OrderRequest, storeCurrency: string): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  if (input.currency !== storeCurrency) {
    details.push({ field: 'currency', message: `must be the store currency ${storeCurrency}` });
  }
  const itemIds = new Map<string, number>();
  input.items.forEach((item, i) => {
    const first = itemIds.get(item.external_item_id);
    if (first === undefined) itemIds.set(item.external_item_id, i);
    else
      details.push({
        field: `items[${i}].external_item_id`,
        message: `duplicates items[${first}]`,
      });
  });
  details.push(...precisionErrors(input));
  return details;
}

/** The items naming a product the catalog does not hold (refused on the API). */
export function unknownProducts(input: OrderRequest, known: ReadonlySet<string>): ErrorDetail[] {
  const details: ErrorDetail[] = [];
  input.items.forEach((item, i) => {
    if (!known.has(item.product_id)) {
      details.push({
        field: `items[${i}].product_id`,
        message: `no product ${item.product_id} exists`,
      });
    }
  });
  return details;
}

/**
 * Who sent the order, as its token says. `trusted` is an admin (an integration injecting orders
 * for a store), whose body is believed; anyone else is recorded as the token says, whatever the
 * body claims.
 */
export interface Sender {
  readonly deviceId: string | null;
  readonly associateId: string | null;
  readonly trusted: boolean;
  /** The token's role: an associate's discount limit is not a manager's. */
  readonly role: Role;
}

export interface RecordedIdentity {
  readonly deviceId: string | null;
  readonly associateId: string | null;
  /** Each item's capture with the recorded device and associate in it. */
  readonly captures: readonly (SerialCapture | undefined)[];
  /** Every claim that contradicts the sender (empty for a trusted sender). */
  readonly findings: readonly OrderFinding[];
}

/**
 * The device and associate an order is recorded with. The audit trail is what the server can
 * vouch for: the token's device and user, never a string the body chose. A body naming another
 * device or associate (at the top or in a serial's capture) yields an `identity_mismatch`
 * finding; the caller refuses it (API) or keeps the sale with the finding as a flag (sync).
 */
export function recordedIdentity(input: OrderRequest, sender: Sender): RecordedIdentity {
  if (sender.trusted) {
    return {
      deviceId: sender.deviceId ?? input.device_id ?? null,
      associateId: input.associate_id ?? sender.associateId,
      captures: input.items.map((item) => item.serial_capture),
      findings: [],
    };
  }
  const findings: OrderFinding[] = [];
  const check = (field: string, claimed: string | undefined, actual: string | null): void => {
    if (claimed === undefined || claimed === actual) return;
    const who = field.endsWith('device_id') ? 'device' : 'associate';
    findings.push({
      kind: OrderFlagKinds.identityMismatch,
      field,
      message:
        actual === null
          ? `${field} names ${who} ${claimed}, but this token is bound to no ${who}; recorded as none.`
          : `${field} names ${who} ${claimed}, but the sale was sent by ${who} ${actual}; recorded as ${actual}.`,
      details: { claimed, recorded: actual },
    });
  };
  check('device_id', input.device_id, sender.deviceId);
  check('associate_id', input.associate_id, sender.associateId);
  const captures = input.items.map((item, i) => {
    const capture = item.serial_capture;
    if (capture === undefined) return undefined;
    check(`items[${i}].serial_capture.device_id`, capture.device_id, sender.deviceId);
    check(`items[${i}].serial_capture.associate_id`, capture.associate_id, sender.associateId);
    const { device_id: _device, associate_id: _associate, ...rest } = capture;
    return {
      ...rest,
      ...(sender.deviceId === null ? {} : { device_id: sender.deviceId }),
      ...(sender.associateId === null ? {} : { associate_id: sender.associateId }),
    };
  });
  return {
    deviceId: sender.deviceId,
    associateId: sender.associateId,
    captures,
    findings,
  };
}

export interface OrderRows {
  /** All but `history_change` (a counter value) and `shift_id`, which `createOrder` decides. */
  order: Omit<OrdersTable, 'history_change' | 'shift_id'>;
  items: OrderItemsTable[];
}

/** The `orders` row and one `order_items` row per unit, amounts in minor units as sent. */
export function planOrderRows(
  input: OrderRequest,
  plan: {
    orderId: string;
    newId: () => string;
    contentHash: string;
    identity: RecordedIdentity;
    /** The customer and addresses as checked (`orderContacts`). */
    contacts: OrderContacts;
    now: string;
  },
): OrderRows {
  const currency = input.currency;
  const items = input.items.map((item, position) => {
    const capture = plan.identity.captures[position];
    return {
      id: plan.newId(),
      order_id: plan.orderId,
      position,
      external_item_id: item.external_item_id,
      product_id: item.product_id,
      item_price_minor: fromDecimal(item.price.item_price, currency),
      list_price_minor:
        item.price.item_list_price === undefined
          ? null
          : fromDecimal(item.price.item_list_price, currency),
      tax_minor: addMinor(
        ...(item.price.item_tax_lines ?? []).map((line) => fromDecimal(line.amount, currency)),
      ),
      tax_lines_json: JSON.stringify(item.price.item_tax_lines ?? []),
      shipping_type: item.shipping_type,
      serial_number: item.serial_number ?? null,
      serial_capture_json: capture === undefined ? null : JSON.stringify(capture),
    };
  });
  const subtotal = addMinor(...items.map((item) => minor(item.item_price_minor)));
  const tax = addMinor(...items.map((item) => minor(item.tax_minor)));
  const priceMethod = input.price_method ?? 'tax_excluded';
  return {
    order: {
      id: plan.orderId,
      store_id: input.store_id,
      external_id: input.external_id,
      content_hash: plan.contentHash,
      channel_type: input.channel_type ?? 'store',
      currency,
      price_method: priceMethod,
      placed_at: input.placed_at ?? null,
      created_at: plan.now,
      associate_id: plan.identity.associateId,
      device_id: plan.identity.deviceId,
      status: 'completed',
      subtotal_minor: subtotal,
      tax_minor: tax,
      total_minor: priceMethod === 'tax_included' ? subtotal : addMinor(subtotal, tax),
      payments_json: JSON.stringify(input.payments ?? []),
      request_json: JSON.stringify(input),
      ...contactColumns(plan.contacts),
    },
    items,
  };
}

/**
 * The API's refusal of findings: the kind when they are all of one kind, else `fallback`; a
 * sentence with the first few; each finding a detail naming its field.
 */
export function refusalOf(
  findings: readonly OrderFinding[],
  fallback: string,
  summary: string,
): { code: string; message: string; details: ErrorDetail[] } {
  const kinds = new Set(findings.map((finding) => finding.kind));
  const [only] = kinds;
  const said = findings.slice(0, 3).map((finding) => finding.message);
  return {
    code: kinds.size === 1 && only !== undefined ? only : fallback,
    message: `${summary}; nothing was stored. ${said.join(' ')}`,
    details: findings.map((finding) => ({ field: finding.field, message: finding.message })),
  };
}
