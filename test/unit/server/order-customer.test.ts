// An order's customer and addresses (issue 13): kept as checked, refused on the API with the
// field named, and from a device (a sale that took money) kept with the bad field dropped.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order, OrderCreated } from '../../../src/protocol/schemas.ts';
import type { PushResponse } from '../../../src/protocol/sync-protocol.ts';
import { PROTOCOL_VERSION } from '../../../src/protocol/wire-constants.ts';
import { demoOrder, startTestApp, type TestApp } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

interface ErrorReply {
  error: string;
  details: Array<{ field: string; message: string }>;
}

const inject = (body: unknown) =>
  t.call<OrderCreated & ErrorReply>('POST', '/v0/d/fulfill_order', {
    token: t.tokens.associate,
    body,
  });
const readOrder = (id: string) => t.call<Order>('GET', `/v0/orders/${id}`);
const countOrders = async (externalId: string): Promise<number> =>
  (
    await t.app.storeDb.db
      .selectFrom('orders')
      .select('id')
      .where('external_id', '=', externalId)
      .execute()
  ).length;

/** What a Shopify-like integration sends: more than NewStore names, some of it odd. */
const richAddress = {
  first_name: 'Ada',
  last_name: 'Lovelace',
  company: 'Analytical Engines Ltd',
  address_line_1: '12 St James’s Square',
  address_line_2: 'Flat 3',
  city: 'London',
  state: 'Greater London',
  zip_code: 'SW1Y 4JH',
  country: 'United Kingdom',
  country_code: 'GB',
  phone: '+44 20 7946 0958',
  email: 'ada@example.com',
  // Extras: small scalars are kept, the rest dropped; none refuses the order.
  province_code: 'LND',
  latitude: 51.5074,
  default: true,
  geo: { lat: 51.5, lng: -0.12 },
  tags: ['home'],
  note: 'x'.repeat(600),
  empty: '  ',
};

const withoutLine2 = <T extends { address_line_2: string }>(
  address: T,
): Omit<T, 'address_line_2'> => {
  const { address_line_2: _line2, ...rest } = address;
  return rest;
};

describe('customer and addresses on POST /v0/d/fulfill_order', () => {
  it('keeps the customer and both addresses, extra address fields included', async () => {
    const order = demoOrder({
      customer_name: '  Ada   Lovelace ',
      customer_email: 'Ada@Example.COM',
      customer_phone: '+44 20 7946 0958',
      shipping_address: richAddress,
      billing_address: { ...withoutLine2(richAddress), company: 'Babbage & Co' },
    });
    const created = await inject(order);
    expect(created.status).toBe(201);
    const read = await readOrder(created.body.id);
    expect(read.status).toBe(200);
    const kept = {
      first_name: 'Ada',
      last_name: 'Lovelace',
      company: 'Analytical Engines Ltd',
      address_line_1: '12 St James’s Square',
      address_line_2: 'Flat 3',
      city: 'London',
      state: 'Greater London',
      zip_code: 'SW1Y 4JH',
      country: 'United Kingdom',
      country_code: 'GB',
      phone: '+44 20 7946 0958',
      email: 'ada@example.com',
      province_code: 'LND',
      latitude: 51.5074,
      default: true,
    };
    expect(read.body).toMatchObject({
      customer_name: 'Ada Lovelace',
      customer_email: 'Ada@example.com',
      customer_phone: '+44 20 7946 0958',
      shipping_address: kept,
      billing_address: { ...withoutLine2(kept), company: 'Babbage & Co' },
      // This server sends no e-mail (no AISLE_SMTP_URL): nothing is queued.
      receipt_email: { state: 'none', attempts: 0, last_error: null, sent_at: null },
    });
    expect(read.body.shipping_address).not.toHaveProperty('geo');
    expect(read.body.shipping_address).not.toHaveProperty('tags');
    expect(read.body.shipping_address).not.toHaveProperty('note');
    expect(read.body.shipping_address).not.toHaveProperty('empty');
    expect(read.body.billing_address).not.toHaveProperty('address_line_2');
  });

  it('answers an order without customer with null contacts', async () => {
    const created = await inject(demoOrder());
    const read = await readOrder(created.body.id);
    expect(read.body).toMatchObject({
      customer_name: null,
      customer_email: null,
      customer_phone: null,
      shipping_address: null,
      billing_address: null,
    });
  });

  it.each([
    [{ customer_email: 'ada@' }, ['customer_email']],
    [{ customer_email: 'Ada <ada@example.com>' }, ['customer_email']],
    [{ customer_email: 'ada@example.com\r\nBcc: all@example.com' }, ['customer_email']],
    [{ customer_phone: 'call me' }, ['customer_phone']],
    [{ customer_phone: '12' }, ['customer_phone']],
    [{ customer_name: 'a'.repeat(201) }, ['customer_name']],
    [{ customer_email: 'nope', customer_phone: '1' }, ['customer_email', 'customer_phone']],
  ])('refuses %j with 422 naming %j and writes nothing', async (customer, fields) => {
    const order = demoOrder(customer);
    const reply = await inject(order);
    expect(reply.status).toBe(422);
    expect(reply.body.error).toBe('invalid_order');
    expect(reply.body.details.map((detail) => detail.field)).toEqual(fields);
    expect(await countOrders(order.external_id)).toBe(0);
  });

  it('refuses an address with absurdly many fields (the bound), naming it', async () => {
    const address = Object.fromEntries(Array.from({ length: 61 }, (_, i) => [`field_${i}`, 'x']));
    const reply = await inject(demoOrder({ shipping_address: address }));
    expect(reply.status).toBe(400);
    expect(reply.body.details.map((detail) => detail.field)).toEqual(['shipping_address']);
  });
});

describe('customer on a sale from a device (order.create)', () => {
  it('keeps the sale and drops only the bad field', async () => {
    const device = await t.call<{ device_id: string }>('POST', '/v0/devices', {
      token: t.tokens.associate,
      body: { store_id: 'demo-store', name: 'Till C' },
    });
    const payload = demoOrder({
      customer_name: 'Grace Hopper',
      customer_email: 'grace@@example.com',
      customer_phone: '(555) 010-4477',
    });
    const pushed = await t.call<PushResponse>('POST', '/v0/sync/push', {
      token: t.tokens.associate,
      body: {
        device_id: device.body.device_id,
        protocol_version: PROTOCOL_VERSION,
        mutations: [{ seq: 1, id: randomUUID(), type: 'order.create', payload }],
      },
    });
    expect(pushed.body.results.map((result) => result.status)).toEqual(['applied']);
    const orderId = (pushed.body.results[0]?.result as OrderCreated).id;
    const read = await readOrder(orderId);
    expect(read.body).toMatchObject({
      customer_name: 'Grace Hopper',
      customer_email: null,
      customer_phone: '(555) 010-4477',
    });
  });
});
