// Sign-in, bearer tokens, roles and store scoping.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store, TokenResponse } from '../../../src/protocol/schemas.ts';
import { sha256 } from '../../../server/src/auth.ts';
import { DEMO_STORE, DEMO_STORE_DE } from '../../../server/src/seed/demo-catalog.ts';
import { OTHER_STORE, startTestApp, type TestApp } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const signIn = (username: string, password: string) =>
  t.call<TokenResponse & { error?: string }>('POST', '/v0/token', {
    token: null,
    body: { grant_type: 'password', username, password },
  });

describe('POST /v0/token', () => {
  it('gives a 15-minute bearer token with the user, store and role', async () => {
    const reply = await signIn('manager', 'manager123');
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      token_type: 'bearer',
      expires_in: 900,
      store_id: 'demo-store',
      role: 'manager',
      display_name: 'Morgan Manager',
    });
    expect(reply.body.access_token.length).toBeGreaterThanOrEqual(40);
    // Only a hash of the token is stored.
    const rows = await t.app.storeDb.db.selectFrom('tokens').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).toContain(sha256(reply.body.access_token));
    expect(rows.map((r) => r.token_hash)).not.toContain(reply.body.access_token);
  });

  it.each([
    ['wrong password', 'associate', 'associate124'],
    ['unknown user', 'nobody', 'associate123'],
  ])('refuses a %s with 401 invalid_grant', async (_name, username, password) => {
    const reply = await signIn(username, password);
    expect(reply.status).toBe(401);
    expect(reply.body.error).toBe('invalid_grant');
  });
});

describe('bearer auth', () => {
  it('is 401 without a token, with a bad one, and with an expired one', async () => {
    expect((await t.call('GET', '/v0/stores', { token: null })).status).toBe(401);
    expect((await t.call('GET', '/v0/stores', { token: 'made-up' })).status).toBe(401);

    const fresh = await signIn('associate', 'associate123');
    expect((await t.call('GET', '/v0/stores', { token: fresh.body.access_token })).status).toBe(
      200,
    );
    await t.app.storeDb.db
      .updateTable('tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('token_hash', '=', sha256(fresh.body.access_token))
      .execute();
    const expired = await t.call<{ error: string }>('GET', '/v0/stores', {
      token: fresh.body.access_token,
    });
    expect(expired.status).toBe(401);
    expect(expired.body.error).toBe('unauthorized');
  });

  it('leaves the OpenAPI document and health open', async () => {
    const doc = await t.call<{ openapi: string; paths: Record<string, unknown> }>(
      'GET',
      '/v0/openapi.json',
      {
        token: null,
      },
    );
    expect(doc.status).toBe(200);
    expect(Object.keys(doc.body.paths)).toEqual(
      expect.arrayContaining([
        '/v0/token',
        '/v0/d/import',
        '/v0/sync/push',
        '/v0/sync/pull',
        '/v0/d/fulfill_order',
      ]),
    );
    expect((await t.call('GET', '/healthz', { token: null })).body).toEqual({
      status: 'ok',
      db: t.app.storeDb.dialect,
    });
  });

  it('shows a store user only their store, an admin every store', async () => {
    const mine = await t.call<Store[]>('GET', '/v0/stores', { token: t.tokens.associate });
    expect(mine.body.map((s) => s.store_id)).toEqual(['demo-store']);
    expect(mine.body[0]).toMatchObject({
      currency: 'USD',
      tax_rate: 0.08,
      price_method: 'tax_excluded',
    });
    const all = await t.call<Store[]>('GET', '/v0/stores', { token: t.tokens.admin });
    expect(all.body.map((s) => s.store_id).sort()).toEqual(
      [DEMO_STORE.store_id, DEMO_STORE_DE.store_id, OTHER_STORE].sort(),
    );
  });
});

describe('roles and stores', () => {
  const config = { capabilities: { serialized_inventory: { serial_number_regex: '^X$' } } };

  it('lets only an admin replace the global configuration', async () => {
    for (const token of [t.tokens.associate, t.tokens.manager]) {
      const reply = await t.call<{ error: string }>('PUT', '/v0/associate-app/config', {
        token,
        body: config,
      });
      expect(reply.status).toBe(403);
      expect(reply.body.error).toBe('forbidden');
    }
    const current = await t.call<{ config: unknown }>('GET', '/v0/associate-app/config', {
      token: t.tokens.associate,
    });
    expect(current.body.config).not.toEqual(config);
  });

  it('lets a manager change their own store configuration only', async () => {
    const own = await t.call('PUT', '/v0/stores/demo-store/associate-app/config', {
      token: t.tokens.manager,
      body: config,
    });
    expect(own.status).toBe(200);
    const other = await t.call('PUT', `/v0/stores/${OTHER_STORE}/associate-app/config`, {
      token: t.tokens.manager,
      body: config,
    });
    expect(other.status).toBe(403);
    const byAssociate = await t.call('PUT', '/v0/stores/demo-store/associate-app/config', {
      token: t.tokens.associate,
      body: config,
    });
    expect(byAssociate.status).toBe(403);
  });

  it('is 403 when reading another store through store_id', async () => {
    const reply = await t.call('GET', `/v0/associate-app/config?store_id=${OTHER_STORE}`, {
      token: t.tokens.associate,
    });
    expect(reply.status).toBe(403);
  });
});
