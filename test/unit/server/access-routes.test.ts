// Every route, every role, two stores: one table says who may call what, and the test fails
// when a route has no row (or a row no route), so a new endpoint cannot skip this check.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_ACCESS, routeKey, type Access } from '../../../server/src/access-policy.ts';
import {
  STORE,
  startAccessWorld,
  type AccessWorld,
  type Method,
  type Row,
} from './access-world.ts';
import { OTHER_STORE, type TestApp } from './support.ts';

const RANK: Record<Access, number> = { public: 0, associate: 1, manager: 2, admin: 3 };

let world: AccessWorld;
let t: TestApp;
beforeAll(async () => {
  world = await startAccessWorld();
  t = world.t;
});

afterAll(async () => {
  await world.close();
});

function expectRefusal(reply: { status: number; body: unknown }, status: number, label: string) {
  expect(reply.status, label).toBe(status);
  // A refusal carries the error shape and nothing else: no data of the resource.
  expect(Object.keys(reply.body as object).sort(), label).toEqual(['details', 'error', 'message']);
}

describe('the access table', () => {
  it('aims at real resources of the demo store (an order and an open serial exception)', () => {
    expect(world.orderId).not.toBe('');
    expect(world.exceptionId).not.toBe('no-exception');
  });

  it('has exactly one row per route, and public routes are the ones the table calls public', () => {
    const routes = t.app.routeList.map((r) => routeKey(r.method, r.url));
    expect(new Set(routes).size).toBe(routes.length);
    const missing = routes.filter((route) => world.table[route] === undefined);
    expect(missing, 'routes without a row in this table').toEqual([]);
    expect(Object.keys(ROUTE_ACCESS).sort()).toEqual(Object.keys(world.table).sort());
    const stale = Object.keys(world.table).filter((key) => !routes.includes(key));
    expect(stale, 'rows of routes that no longer exist').toEqual([]);
    for (const route of t.app.routeList) {
      if (!route.url.startsWith('/v0')) continue;
      const access = ROUTE_ACCESS[routeKey(route.method, route.url)];
      expect(route.public, `${route.method} ${route.url}`).toBe(access === 'public');
    }
  });
});

describe.each(Object.keys(ROUTE_ACCESS))('%s', (key) => {
  const row = (): Row => {
    const found = world.table[key];
    if (found === undefined) throw new Error(`no probe for ${key}`);
    return found;
  };
  const method = key.split(' ')[0] as Method;
  const access = (): Access => ROUTE_ACCESS[key] ?? 'admin';
  // Public routes (sign-in, health, the app) have no caller to refuse.
  if (ROUTE_ACCESS[key] !== 'public') {
    it('refuses callers without a valid token, and roles below its own, with 401/403', async () => {
      const probe = await row().probe();
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
  }

  it("refuses another store's caller, even with the role", async () => {
    const across = row().across;
    if (across === 'n/a') {
      // Only open routes and admin routes (admins belong to no store) have no other store.
      expect(['public', 'admin']).toContain(access());
      return;
    }
    const probe = await row().probe();
    const token = access() === 'manager' ? world.otherManager : t.tokens.otherAssociate;
    const reply = await t.call(method, probe.url, { token, body: probe.body });
    if (across === 'filtered') {
      expect(reply.status).toBe(200);
      expect(JSON.stringify(reply.body)).not.toContain(`"${STORE}"`);
    } else {
      expectRefusal(reply, across, `${key} from ${OTHER_STORE}`);
    }
  });

  it('lets its own store through at the required role (so the refusals above mean something)', async () => {
    const probe = await row().probe();
    const token =
      access() === 'public' || access() === 'admin'
        ? t.tokens.admin
        : t.tokens[access() as 'associate'];
    const reply = await t.call(method, probe.url, { token, body: probe.body });
    expect([401, 403], `${key}: ${JSON.stringify(reply.body)}`).not.toContain(reply.status);
    expect(reply.status, key).toBeLessThan(500);
  });
});
