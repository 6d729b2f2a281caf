/**
 * The access test's world (shared by access-routes and access-fuzz): the app with a built-app
 * folder, a manager of the other store, a demo-store order and an open serial exception, and
 * one row per route saying how to call it for the demo store and how the other store is kept
 * out. Not a test file: it registers no tests.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { DEMO_STORE } from '../../../server/src/seed/demo-catalog.ts';
import {
  demoOrder,
  demoProduct,
  signInOtherManager,
  startTestApp,
  type TestApp,
} from './support.ts';
import { PROTOCOL_VERSION } from '../../../src/protocol/wire-constants.ts';

export type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
export interface Probe {
  url: string;
  body?: unknown;
}

/**
 * What a caller of the OTHER store, with a high enough role, gets for the demo store's
 * resource: 403, 404 (it does not exist for them), or 'filtered' (200 without the demo store).
 */
export type Across = 403 | 404 | 'filtered' | 'n/a';

export interface Row {
  /** Builds a request aimed at the demo store that its own allowed callers may make. */
  probe: () => Promise<Probe> | Probe;
  across: Across;
}

export const STORE = DEMO_STORE.store_id;
const config = { capabilities: { serialized_inventory: { serial_number_regex: '^[A-Z0-9]+$' } } };

export interface AccessWorld {
  t: TestApp;
  otherManager: string;
  orderId: string;
  exceptionId: string;
  table: Record<string, Row>;
  close(): Promise<void>;
}

// 14 characters of [A-Z0-9], as the demo store's pattern wants.
const serial = `AC${String(Date.now()).slice(-12)}`;

async function newDevice(t: TestApp): Promise<string> {
  const reply = await t.call<{ device_id: string }>('POST', '/v0/devices', {
    body: { store_id: STORE },
  });
  return reply.body.device_id;
}

const tableFor = (
  t: TestApp,
  ids: {
    orderId: string;
    plainOrderId: string;
    exceptionId: string;
    requestId: string;
    requestItemId: string;
  },
): Record<string, Row> => ({
  'GET /healthz': { probe: () => ({ url: '/healthz' }), across: 'n/a' },
  'GET /v0/openapi.json': { probe: () => ({ url: '/v0/openapi.json' }), across: 'n/a' },
  'GET /*': { probe: () => ({ url: '/sell' }), across: 'n/a' },
  'POST /v0/token': {
    probe: () => ({
      url: '/v0/token',
      body: { grant_type: 'password', username: 'associate', password: 'associate123' },
    }),
    across: 'n/a',
  },
  'GET /v0/stores': { probe: () => ({ url: '/v0/stores' }), across: 'filtered' },
  'PUT /v0/stores/:': {
    probe: () => ({
      url: `/v0/stores/${STORE}`,
      body: { label: 'Demo', currency: 'USD', tax_rate: 0.08, locale: 'en-US', timezone: 'UTC' },
    }),
    across: 'n/a',
  },
  'POST /v0/users': {
    probe: () => ({
      url: '/v0/users',
      body: {
        username: `u-${randomUUID()}`,
        password: 'long-enough',
        display_name: 'New',
        role: 'associate',
        store_id: STORE,
      },
    }),
    across: 'n/a',
  },
  'POST /v0/d/import': {
    probe: () => ({
      url: '/v0/d/import',
      body: { entity: 'products', mode: 'partial', head: {}, items: [] },
    }),
    across: 'n/a',
  },
  'GET /v0/products': {
    probe: () => ({
      url: `/v0/products?identifier=${demoProduct(0).barcode}&store_id=${STORE}`,
    }),
    across: 403,
  },
  'GET /v0/products/:': {
    probe: () => ({ url: `/v0/products/${demoProduct(0).product_id}?store_id=${STORE}` }),
    across: 403,
  },
  'GET /v0/associate-app/config': {
    probe: () => ({ url: `/v0/associate-app/config?store_id=${STORE}` }),
    across: 403,
  },
  'PUT /v0/associate-app/config': {
    probe: () => ({ url: '/v0/associate-app/config', body: config }),
    across: 'n/a',
  },
  'PUT /v0/stores/:/associate-app/config': {
    probe: () => ({ url: `/v0/stores/${STORE}/associate-app/config`, body: config }),
    across: 403,
  },
  'DELETE /v0/stores/:/associate-app/config': {
    probe: () => ({ url: `/v0/stores/${STORE}/associate-app/config` }),
    across: 403,
  },
  'POST /v0/d/fulfill_order': {
    probe: () => ({ url: '/v0/d/fulfill_order', body: demoOrder({}, [15]) }),
    across: 403,
  },
  'GET /v0/orders': {
    probe: () => ({ url: `/v0/orders?external_id=nothing-here&store_id=${STORE}` }),
    across: 403,
  },
  // Another store's order answers as an unknown one would: its id stays unconfirmed.
  'GET /v0/orders/:': { probe: () => ({ url: `/v0/orders/${ids.orderId}` }), across: 404 },
  'GET /v0/order-flags': {
    probe: () => ({ url: `/v0/order-flags?store_id=${STORE}` }),
    across: 403,
  },
  'GET /v0/serials/:': { probe: () => ({ url: `/v0/serials/${serial}` }), across: 404 },
  'POST /v0/d/orders/:/returns': {
    probe: () => ({
      url: `/v0/d/orders/${ids.plainOrderId}/returns`,
      body: {
        x_external_id: `RET-${randomUUID()}`,
        returned_from: STORE,
        items: [{ item_id: '1', reason: 'changed mind', condition: 'resellable' }],
        refunds: [],
      },
    }),
    across: 403,
  },
  'GET /v0/d/orders/:/returns': {
    probe: () => ({ url: `/v0/d/orders/${ids.orderId}/returns` }),
    across: 404,
  },
  'POST /v0/d/returns': {
    probe: () => ({
      url: '/v0/d/returns',
      body: {
        x_external_id: `RET-${randomUUID()}`,
        returned_from: STORE,
        currency: 'USD',
        items: [
          {
            product_id: demoProduct(15).product_id,
            reason: 'no receipt',
            condition: 'resellable',
            price: 1,
          },
        ],
        refunds: [{ method: 'cash', amount: 1 }],
        approval: { manager_id: 'not-a-manager', reason: 'known customer' },
      },
    }),
    across: 403,
  },
  'POST /v0/serials/:/disposition': {
    probe: () => ({
      url: `/v0/serials/${serial}/disposition`,
      body: { product_id: demoProduct(0).product_id, action: 'release' },
    }),
    across: 404,
  },
  'GET /v0/serial-exceptions': {
    probe: () => ({ url: `/v0/serial-exceptions?store_id=${STORE}` }),
    across: 403,
  },
  'POST /v0/serial-exceptions/:/resolve': {
    probe: () => ({
      url: `/v0/serial-exceptions/${ids.exceptionId}/resolve`,
      body: { resolution: 'accepted', note: 'checked the box' },
    }),
    across: 404,
  },
  'GET /v0/stores/:/fulfillment_requests': {
    probe: () => ({ url: `/v0/stores/${STORE}/fulfillment_requests` }),
    across: 403,
  },
  'GET /v0/stores/:/shifts': {
    probe: () => ({ url: `/v0/stores/${STORE}/shifts` }),
    across: 403,
  },
  'POST /v0/fulfillment_requests/:/pick': {
    probe: () => ({
      url: `/v0/fulfillment_requests/${ids.requestId}/pick`,
      body: { items: [{ id: ids.requestItemId }] },
    }),
    across: 404,
  },
  'POST /v0/fulfillment_requests/:/shipment': {
    probe: () => ({ url: `/v0/fulfillment_requests/${ids.requestId}/shipment`, body: {} }),
    across: 404,
  },
  'POST /v0/fulfillment_requests/:/cancel': {
    probe: () => ({ url: `/v0/fulfillment_requests/${ids.requestId}/cancel`, body: {} }),
    across: 404,
  },
  'POST /v0/devices': {
    probe: () => ({ url: '/v0/devices', body: { store_id: STORE } }),
    across: 403,
  },
  'POST /v0/sync/push': {
    probe: async () => ({
      url: '/v0/sync/push',
      body: {
        device_id: await newDevice(t),
        protocol_version: PROTOCOL_VERSION,
        mutations: [{ seq: 1, id: randomUUID(), type: 'no.such.type', payload: {} }],
      },
    }),
    across: 403,
  },
  'GET /v0/sync/pull': {
    probe: async () => ({ url: `/v0/sync/pull?device_id=${await newDevice(t)}` }),
    across: 403,
  },
});

export async function startAccessWorld(): Promise<AccessWorld> {
  const dist = mkdtempSync(join(tmpdir(), 'aisle-access-dist-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Aisle</title>');
  const t = await startTestApp({ staticDir: dist });
  const otherManager = await signInOtherManager(t);
  // A sale in the demo store, and a second sale of its serial: an order and an exception to aim at.
  const first = demoOrder({}, [0]);
  const item = first.items[0];
  if (item !== undefined) item.serial_number = serial;
  const created = await t.call<{ id: string }>('POST', '/v0/d/fulfill_order', { body: first });
  const orderId = created.body.id;
  const second = demoOrder({}, [0]);
  const item2 = second.items[0];
  if (item2 !== undefined) item2.serial_number = serial;
  await t.call('POST', '/v0/d/fulfill_order', { body: second });
  const open = await t.call<{ serial_exceptions: Array<{ id: string }> }>(
    'GET',
    `/v0/serial-exceptions?store_id=${STORE}`,
  );
  const exceptionId = open.body.serial_exceptions[0]?.id ?? 'no-exception';
  // An order shipped to the customer: a fulfilment request to pick, ship and cancel.
  const shipped = demoOrder({}, [15]);
  for (const line of shipped.items) line.shipping_type = 'traditional_carrier';
  const shippedOrder = await t.call<{ id: string }>('POST', '/v0/d/fulfill_order', {
    body: shipped,
  });
  const request = await t.app.storeDb.db
    .selectFrom('fulfillment_requests')
    .innerJoin('fulfillment_items', 'fulfillment_items.request_id', 'fulfillment_requests.id')
    .select(['fulfillment_requests.id', 'fulfillment_items.id as item_id'])
    .where('fulfillment_requests.order_id', '=', shippedOrder.body.id)
    .executeTakeFirst();
  const requestId = request?.id ?? 'no-request';
  const requestItemId = request?.item_id ?? 'no-item';
  // A plain sale whose unit a return may name.
  const plain = await t.call<{ id: string }>('POST', '/v0/d/fulfill_order', {
    body: demoOrder({}, [15]),
  });
  const plainOrderId = plain.body.id;
  return {
    t,
    otherManager,
    orderId,
    exceptionId,
    table: tableFor(t, { orderId, plainOrderId, exceptionId, requestId, requestItemId }),
    close: async () => {
      await t.close();
      rmSync(dist, { recursive: true, force: true });
    },
  };
}
