/**
 * The customer and addresses of an order as the server keeps them. The customer goes through
 * the device's own check (`checkCustomer`): on the API a bad field refuses the order (422
 * naming it); from a device the sale took money, so the bad field is dropped and the sale
 * kept (the request as sent stays in `request_json`). Addresses keep their named fields and,
 * of whatever else an integration sends, small scalar values — an unknown field never refuses
 * an order, and never grows the row without bound.
 */
import type { Customer } from '../../../src/domain/customer.ts';
import { checkCustomer } from '../../../src/domain/customer-check.ts';
import type { Address, ErrorDetail, OrderRequest } from '../../../src/protocol/schemas.ts';

/** Extra address fields kept per address, and the longest extra text kept. */
export const ADDRESS_EXTRAS = { count: 20, textLength: 500, keyLength: 64 } as const;

const NAMED_FIELDS: ReadonlySet<string> = new Set([
  'first_name',
  'last_name',
  'company',
  'address_line_1',
  'address_line_2',
  'address_line_3',
  'city',
  'state',
  'zip_code',
  'country',
  'country_code',
  'phone',
  'email',
]);

const FIELD_OF = { name: 'customer_name', email: 'customer_email', phone: 'customer_phone' };

export interface OrderContacts {
  readonly customer: Customer;
  /** The customer fields that were not acceptable, named as on the wire. */
  readonly problems: ErrorDetail[];
  readonly shippingAddress: Address | null;
  readonly billingAddress: Address | null;
}

function extraValue(value: unknown): string | number | boolean | undefined {
  if (typeof value === 'string') {
    const text = value.trim();
    return text !== '' && text.length <= ADDRESS_EXTRAS.textLength ? text : undefined;
  }
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean') return value;
  return undefined;
}

/** The address as kept: named fields trimmed (empty ones left out), small scalar extras. */
export function keptAddress(address: Address | undefined): Address | null {
  if (address === undefined) return null;
  const kept: Record<string, unknown> = {};
  let extras = 0;
  for (const [key, value] of Object.entries(address)) {
    if (NAMED_FIELDS.has(key)) {
      if (typeof value === 'string' && value.trim() !== '') kept[key] = value.trim();
      continue;
    }
    if (extras >= ADDRESS_EXTRAS.count || key.length > ADDRESS_EXTRAS.keyLength) continue;
    const extra = extraValue(value);
    if (extra === undefined) continue;
    kept[key] = extra;
    extras += 1;
  }
  return Object.keys(kept).length === 0 ? null : kept;
}

export function orderContacts(input: OrderRequest): OrderContacts {
  const { customer, problems } = checkCustomer({
    name: input.customer_name,
    email: input.customer_email,
    phone: input.customer_phone,
  });
  return {
    customer,
    problems: problems.map((problem) => ({
      field: FIELD_OF[problem.field],
      message: problem.message,
    })),
    shippingAddress: keptAddress(input.shipping_address),
    billingAddress: keptAddress(input.billing_address),
  };
}

/** The `orders` columns the contacts fill. */
export function contactColumns(contacts: OrderContacts): {
  customer_name: string | null;
  customer_email: string | null;
  customer_phone: string | null;
  shipping_address_json: string | null;
  billing_address_json: string | null;
} {
  const json = (address: Address | null) => (address === null ? null : JSON.stringify(address));
  return {
    customer_name: contacts.customer.name,
    customer_email: contacts.customer.email,
    customer_phone: contacts.customer.phone,
    shipping_address_json: json(contacts.shippingAddress),
    billing_address_json: json(contacts.billingAddress),
  };
}

/** The `Order` fields of a stored order's contacts (`GET /v0/orders/{id}`). */
export function contactFields(row: {
  customer_name: string | null;
  customer_email: string | null;
  customer_phone: string | null;
  shipping_address_json: string | null;
  billing_address_json: string | null;
}): {
  customer_name: string | null;
  customer_email: string | null;
  customer_phone: string | null;
  shipping_address: Address | null;
  billing_address: Address | null;
} {
  const parse = (json: string | null) => (json === null ? null : (JSON.parse(json) as Address));
  return {
    customer_name: row.customer_name,
    customer_email: row.customer_email,
    customer_phone: row.customer_phone,
    shipping_address: parse(row.shipping_address_json),
    billing_address: parse(row.billing_address_json),
  };
}
