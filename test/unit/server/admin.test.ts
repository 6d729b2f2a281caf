// Administration: stores and users created through the API, and an empty start (AISLE_DEMO=0).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store, TokenResponse } from '../../../src/protocol/schemas.ts';
import { buildApp } from '../../../server/src/app.ts';
import { startTestApp, type TestApp } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const east = {
  label: 'Aisle East',
  currency: 'EUR',
  tax_rate: 0.19,
  locale: 'de-DE',
  timezone: 'Europe/Berlin',
};

describe('PUT /v0/stores/{store_id} and POST /v0/users', () => {
  it('creates a store and a user who can then sign in to it', async () => {
    const created = await t.call<Store>('PUT', '/v0/stores/east', { body: east });
    expect(created.status).toBe(201);
    expect(created.body).toEqual({ store_id: 'east', price_method: 'tax_excluded', ...east });

    const user = await t.call('POST', '/v0/users', {
      body: {
        username: 'erika',
        password: 'erika-secret',
        display_name: 'Erika East',
        role: 'associate',
        store_id: 'east',
      },
    });
    expect(user).toMatchObject({ status: 201, body: { username: 'erika', store_id: 'east' } });

    const token = await t.call<TokenResponse>('POST', '/v0/token', {
      token: null,
      body: { grant_type: 'password', username: 'erika', password: 'erika-secret' },
    });
    expect(token.body).toMatchObject({ store_id: 'east', role: 'associate' });
    const stores = await t.call<Store[]>('GET', '/v0/stores', { token: token.body.access_token });
    expect(stores.body.map((s) => s.store_id)).toEqual(['east']);
  });

  it('updates an existing store with 200', async () => {
    await t.call('PUT', '/v0/stores/west', { body: { ...east, label: 'West' } });
    const updated = await t.call<Store>('PUT', '/v0/stores/west', {
      body: { ...east, label: 'Aisle West', tax_rate: 0.07 },
    });
    expect(updated.status).toBe(200);
    expect(updated.body).toMatchObject({ label: 'Aisle West', tax_rate: 0.07 });
  });

  it('refuses what is not valid, naming the field, and changes nothing', async () => {
    const badZone = await t.call<{ details: Array<{ field: string }> }>('PUT', '/v0/stores/north', {
      body: { ...east, timezone: 'Mars/Olympus' },
    });
    expect(badZone.status).toBe(422);
    expect(badZone.body.details[0]?.field).toBe('timezone');
    const stores = await t.call<Store[]>('GET', '/v0/stores');
    expect(stores.body.map((s) => s.store_id)).not.toContain('north');

    const noStore = await t.call<{ details: Array<{ field: string }> }>('POST', '/v0/users', {
      body: { username: 'nostore', password: 'long-enough', display_name: 'N', role: 'manager' },
    });
    expect(noStore.status).toBe(422);
    expect(noStore.body.details[0]?.field).toBe('store_id');

    const taken = await t.call('POST', '/v0/users', {
      body: {
        username: 'associate',
        password: 'long-enough',
        display_name: 'Again',
        role: 'associate',
        store_id: 'demo-store',
      },
    });
    expect(taken.status).toBe(409);

    const short = await t.call<{ details: Array<{ field: string }> }>('POST', '/v0/users', {
      body: { username: 'x', password: 'short', display_name: 'X', role: 'admin' },
    });
    expect(short.status).toBe(400);
    expect(short.body.details[0]?.field).toBe('password');
  });

  it('is admin only', async () => {
    const reply = await t.call('PUT', '/v0/stores/demo-store', {
      token: t.tokens.manager,
      body: { ...east, label: 'Taken over' },
    });
    expect(reply.status).toBe(403);
    const stores = await t.call<Store[]>('GET', '/v0/stores', { token: t.tokens.manager });
    expect(stores.body[0]?.label).toBe('Aisle Demo Store');
  });
});

describe('an empty start (AISLE_DEMO=0)', () => {
  it('has no store, no catalog and no configuration', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aisle-empty-'));
    const app = await buildApp({
      databaseUrl: `sqlite:${join(dir, 'aisle.sqlite')}`,
      adminToken: 'empty-admin',
      demo: false,
    });
    try {
      const headers = { authorization: 'Bearer empty-admin' };
      expect((await app.inject({ method: 'GET', url: '/v0/stores', headers })).json()).toEqual([]);
      const config = await app.inject({ method: 'GET', url: '/v0/associate-app/config', headers });
      expect(config.json()).toEqual({ version: 0, updated_at: null, source: 'none', config: {} });
      const product = await app.inject({ method: 'GET', url: '/v0/products/demo-001', headers });
      expect(product.statusCode).toBe(404);
    } finally {
      await app.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
