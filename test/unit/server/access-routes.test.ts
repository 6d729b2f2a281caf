// Every route, every role, two stores: one table says who may call what, and the test fails
// when a route has no row (or a row no route), so a new endpoint cannot skip this check.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_ACCESS, routeKey, type Access } from '../../../server/src/access-policy.ts';
import { createUser } from '../../../server/src/services/stores.ts';
import { DEMO_STORE } from '../../../server/src/seed/demo-catalog.ts';
import { demoOrder, demoProduct, OTHER_STORE, startTestApp, type TestApp } from './support.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';
interface Probe {
  url: string;
  body?: unknown;
}

/**
 * What a caller of the OTHER store, with a high enough role, gets for the demo store's
 * resource: 403, 404 (it does not exist for them), or 'filtered' (200 without the demo store).
 */
type Across = 403 | 404 | 'filtered' | 'n/a';

interface Row {
  /** Builds a request aimed at the demo store that its own allowed callers may make. */
  probe: () => Promise<Probe> | Probe;
  across: Across;
}

const STORE = DEMO_STORE.store_id;
const config = { capabilities: { serialized_inventory: { serial_number_regex: '^[A-Z0-9]+$' } } };

let t: TestApp;
let dist: string;
let otherManager: string;
let orderId = '';
let exceptionId = 'no-exception';
// 14 characters of [A-Z0-9], as the demo store's pattern wants.
const serial = `AC${String(Date.now()).slice(-12)}`;

async function newDevice(): Promise<string> {
  const reply = await t.call<{ device_id: string }>('POST', '/v0/devices', {
    body: { store_id: STORE },
  });
  return reply.body.device_id;
}

const TABLE: Record<string, Row> = {
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
  'GET /v0/orders/:': { probe: () => ({ url: `/v0/orders/${orderId}` }), across: 403 },
  'GET /v0/serials/:': { probe: () => ({ url: `/v0/serials/${serial}` }), across: 404 },
  'GET /v0/serial-exceptions': {
    probe: () => ({ url: `/v0/serial-exceptions?store_id=${STORE}` }),
    across: 403,
  },
  'POST /v0/serial-exceptions/:/resolve': {
    probe: () => ({
      url: `/v0/serial-exceptions/${exceptionId}/resolve`,
      body: { resolution: 'accepted', note: 'checked the box' },
    }),
    across: 403,
  },
  'GET /v0/stores/:/fulfillment_requests': {
    probe: () => ({ url: `/v0/stores/${STORE}/fulfillment_requests` }),
    across: 403,
  },
  'POST /v0/fulfillment_requests/:/pick': {
    probe: () => ({ url: `/v0/fulfillment_requests/${randomUUID()}/pick`, body: { items: [] } }),
    across: 403,
  },
  'POST /v0/fulfillment_requests/:/shipment': {
    probe: () => ({ url: `/v0/fulfillment_requests/${randomUUID()}/shipment`, body: {} }),
    across: 403,
  },
  'POST /v0/devices': {
    probe: () => ({ url: '/v0/devices', body: { store_id: STORE } }),
    across: 403,
  },
  'POST /v0/sync/push': {
    probe: async () => ({
      url: '/v0/sync/push',
      body: {
        device_id: await newDevice(),
        mutations: [{ seq: 1, id: randomUUID(), type: 'no.such.type', payload: {} }],
      },
    }),
    across: 403,
  },
  'GET /v0/sync/pull': {
    probe: async () => ({ url: `/v0/sync/pull?device_id=${await newDevice()}` }),
    across: 403,
  },
};

const RANK: Record<Access, number> = { public: 0, associate: 1, manager: 2, admin: 3 };

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'aisle-access-dist-'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Aisle</title>');
  t = await startTestApp({ staticDir: dist });
  await createUser(t.app.storeDb.db, {
    username: 'other-manager',
    password: 'other-manager-1',
    display_name: 'Other Manager',
    role: 'manager',
    store_id: OTHER_STORE,
  });
  const signedIn = await t.call<{ access_token: string }>('POST', '/v0/token', {
    token: null,
    body: { grant_type: 'password', username: 'other-manager', password: 'other-manager-1' },
  });
  otherManager = signedIn.body.access_token;
  // A sale in the demo store, and a second sale of its serial: an order and an exception to aim at.
  const first = demoOrder({}, [0]);
  const item = first.items[0];
  if (item !== undefined) item.serial_number = serial;
  const created = await t.call<{ id: string }>('POST', '/v0/d/fulfill_order', { body: first });
  orderId = created.body.id;
  const second = demoOrder({}, [0]);
  const item2 = second.items[0];
  if (item2 !== undefined) item2.serial_number = serial;
  await t.call('POST', '/v0/d/fulfill_order', { body: second });
  const open = await t.call<{ serial_exceptions: Array<{ id: string }> }>(
    'GET',
    `/v0/serial-exceptions?store_id=${STORE}`,
  );
  exceptionId = open.body.serial_exceptions[0]?.id ?? exceptionId;
});

afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

function expectRefusal(reply: { status: number; body: unknown }, status: number, label: string) {
  expect(reply.status, label).toBe(status);
  // A refusal carries the error shape and nothing else: no data of the resource.
  expect(Object.keys(reply.body as object).sort(), label).toEqual(['details', 'error', 'message']);
}

describe('the access table', () => {
  it('aims at real resources of the demo store (an order and an open serial exception)', () => {
    expect(orderId).not.toBe('');
    expect(exceptionId).not.toBe('no-exception');
  });

  it('has exactly one row per route, and public routes are the ones the table calls public', () => {
    const routes = t.app.routeList.map((r) => routeKey(r.method, r.url));
    expect(new Set(routes).size).toBe(routes.length);
    const missing = routes.filter((route) => TABLE[route] === undefined);
    expect(missing, 'routes without a row in this table').toEqual([]);
    expect(Object.keys(ROUTE_ACCESS).sort()).toEqual(Object.keys(TABLE).sort());
    // Rows may run ahead of the code (DESIGN §5 routes still being built), never the reverse.
    const planned = Object.keys(TABLE).filter((key) => !routes.includes(key));
    expect(planned.every((key) => key.includes('fulfillment_requests'))).toBe(true);
    for (const route of t.app.routeList) {
      if (!route.url.startsWith('/v0')) continue;
      const access = ROUTE_ACCESS[routeKey(route.method, route.url)];
      expect(route.public, `${route.method} ${route.url}`).toBe(access === 'public');
    }
  });
});

describe.each(Object.entries(TABLE))('%s', (key, row) => {
  const method = key.split(' ')[0] as Method;
  const access = (): Access => ROUTE_ACCESS[key] ?? 'admin';
  // A planned route (see above) is checked from the day it is registered.
  const registered = (): boolean =>
    t.app.routeList.some((route) => routeKey(route.method, route.url) === key);

  it('refuses callers without a valid token, and roles below its own, with 401/403', async () => {
    if (access() === 'public' || !registered()) return;
    const probe = await row.probe();
    for (const token of [null, 'not-a-token']) {
      const reply = await t.call(method, probe.url, { token, body: probe.body });
      expectRefusal(reply, 401, `${key} token=${String(token)}`);
    }
    const below = (['associate', 'manager'] as const).filter((r) => RANK[r] < RANK[access()]);
    for (const role of below) {
      const reply = await t.call(method, probe.url, { token: t.tokens[role], body: probe.body });
      expectRefusal(reply, 403, `${key} as ${role}`);
    }
  });

  it("refuses another store's caller, even with the role", async () => {
    if (row.across === 'n/a' || !registered()) return;
    const probe = await row.probe();
    const token = access() === 'manager' ? otherManager : t.tokens.otherAssociate;
    const reply = await t.call(method, probe.url, { token, body: probe.body });
    if (row.across === 'filtered') {
      expect(reply.status).toBe(200);
      expect(JSON.stringify(reply.body)).not.toContain(`"${STORE}"`);
    } else {
      expectRefusal(reply, row.across, `${key} from ${OTHER_STORE}`);
    }
  });

  it('lets its own store through at the required role (so the refusals above mean something)', async () => {
    if (!registered()) return;
    const probe = await row.probe();
    const token =
      access() === 'public' || access() === 'admin'
        ? t.tokens.admin
        : t.tokens[access() as 'associate'];
    const reply = await t.call(method, probe.url, { token, body: probe.body });
    expect([401, 403], `${key}: ${JSON.stringify(reply.body)}`).not.toContain(reply.status);
    expect(reply.status, key).toBeLessThan(500);
  });
});
