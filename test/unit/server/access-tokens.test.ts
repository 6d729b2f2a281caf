// Access (issue 7): short tokens with a rotating refresh, device binding, sign-in lockout,
// nothing secret in the log, security headers and CORS only when configured.
import { randomUUID } from 'node:crypto';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TokenResponse } from '../../../src/protocol/schemas.ts';
import { sha256 } from '../../../server/src/auth.ts';
import { createUser } from '../../../server/src/services/stores.ts';
import { startTestApp, type TestApp } from './support.ts';
import { PROTOCOL_VERSION } from '../../../src/protocol/wire-constants.ts';

interface Answer extends Partial<TokenResponse> {
  error?: string;
  message?: string;
}

let t: TestApp;
const logLines: string[] = [];
beforeAll(async () => {
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logLines.push(chunk.toString('utf8'));
      done();
    },
  });
  t = await startTestApp({
    corsOrigins: ['https://backoffice.example'],
    logger: { level: 'debug', stream: sink },
  });
});
afterAll(async () => {
  await t.close();
});

const grant = (body: Record<string, unknown>) =>
  t.call<Answer>('POST', '/v0/token', { token: null, body });
const password = (username: string, secret: string, extra: Record<string, unknown> = {}) =>
  grant({ grant_type: 'password', username, password: secret, ...extra });
const refresh = (refreshToken: string, extra: Record<string, unknown> = {}) =>
  grant({ grant_type: 'refresh_token', refresh_token: refreshToken, ...extra });

async function newAssociate(storeId = 'demo-store'): Promise<string> {
  const username = `u${randomUUID().slice(0, 8)}`;
  await createUser(t.app.storeDb.db, {
    username,
    password: 'right-password',
    display_name: 'Test Associate',
    role: 'associate',
    store_id: storeId,
  });
  return username;
}

describe('access and refresh tokens', () => {
  it('gives a 15-minute access token and a refresh token, both stored as sha256 only', async () => {
    const reply = await password('associate', 'associate123');
    expect(reply.status).toBe(200);
    expect(reply.body.expires_in).toBe(900);
    expect(reply.body.refresh_expires_in).toBe(7 * 24 * 3600);
    const refreshToken = reply.body.refresh_token ?? '';
    expect(refreshToken.length).toBeGreaterThanOrEqual(40);
    const rows = await t.app.storeDb.db.selectFrom('refresh_tokens').select('token_hash').execute();
    expect(rows.map((r) => r.token_hash)).toContain(sha256(refreshToken));
    expect(rows.map((r) => r.token_hash)).not.toContain(refreshToken);
  });

  it('rotates: a refresh gives a working new pair and spends the old refresh token', async () => {
    const first = await password('associate', 'associate123');
    const second = await refresh(first.body.refresh_token ?? '');
    expect(second.status).toBe(200);
    expect(second.body.access_token).not.toBe(first.body.access_token);
    expect(second.body.refresh_token).not.toBe(first.body.refresh_token);
    expect(second.body).toMatchObject({ role: 'associate', store_id: 'demo-store' });
    const stores = await t.call('GET', '/v0/stores', { token: second.body.access_token ?? '' });
    expect(stores.status).toBe(200);
  });

  it('revokes the whole family when a spent refresh token comes back (it was copied)', async () => {
    const first = await password('associate', 'associate123');
    const second = await refresh(first.body.refresh_token ?? '');
    const replayed = await refresh(first.body.refresh_token ?? '');
    expect(replayed.status).toBe(401);
    expect(replayed.body.error).toBe('invalid_grant');
    // The thief's replay also ends the legitimate chain: it must sign in with the password.
    const legit = await refresh(second.body.refresh_token ?? '');
    expect(legit.status).toBe(401);
  });

  it('revokes the access tokens minted from a revoked family, not those of another', async () => {
    const first = await password('associate', 'associate123');
    const second = await refresh(first.body.refresh_token ?? '');
    const elsewhere = await password('associate', 'associate123');
    const stores = (token: string | undefined) =>
      t.call('GET', '/v0/stores', { token: token ?? '' }).then((reply) => reply.status);
    // Both of the family's access tokens work until the copy is presented.
    expect(await stores(first.body.access_token)).toBe(200);
    expect(await stores(second.body.access_token)).toBe(200);
    expect((await refresh(first.body.refresh_token ?? '')).status).toBe(401);
    expect(await stores(first.body.access_token)).toBe(401);
    expect(await stores(second.body.access_token)).toBe(401);
    expect(await stores(elsewhere.body.access_token)).toBe(200);
  });

  it('answers every sign-in with Cache-Control: no-store, refused ones too', async () => {
    const good = await password('associate', 'associate123');
    const bad = await password('associate', 'wrong-password');
    const malformed = await grant({ grant_type: 'password' });
    expect([good.status, bad.status, malformed.status]).toEqual([200, 401, 400]);
    for (const reply of [good, bad, malformed]) {
      expect(reply.headers['cache-control']).toBe('no-store');
    }
    const api = await t.call('GET', '/v0/stores', { token: good.body.access_token ?? '' });
    expect(api.headers['cache-control']).toBe('no-store');
  });

  it('refuses an unknown or expired refresh token with 401 and no data', async () => {
    expect((await refresh('not-a-token')).status).toBe(401);
    const first = await password('associate', 'associate123');
    await t.app.storeDb.db
      .updateTable('refresh_tokens')
      .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('token_hash', '=', sha256(first.body.refresh_token ?? ''))
      .execute();
    const reply = await refresh(first.body.refresh_token ?? '');
    expect(reply.status).toBe(401);
    expect(reply.body.access_token).toBeUndefined();
  });

  it('names the wrong field of a refresh grant', async () => {
    const reply = await grant({ grant_type: 'refresh_token' });
    expect(reply.status).toBe(400);
    expect(reply.body.message).toContain('refresh_token');
  });
});

describe('device binding', () => {
  it('lets a device-bound token name only its own device', async () => {
    const deviceId = randomUUID();
    const bound = await password('associate', 'associate123', { device_id: deviceId });
    expect(bound.status).toBe(200);
    const token = bound.body.access_token ?? '';
    const own = await t.call('POST', '/v0/devices', {
      token,
      body: { store_id: 'demo-store', device_id: deviceId },
    });
    expect(own.status).toBe(201);
    const other = await t.call<Answer>('POST', '/v0/devices', {
      token,
      body: { store_id: 'demo-store', device_id: randomUUID() },
    });
    expect(other.status).toBe(403);
    expect(other.body.error).toBe('device_mismatch');
    const push = await t.call<Answer>('POST', '/v0/sync/push', {
      token,
      body: {
        device_id: randomUUID(),
        protocol_version: PROTOCOL_VERSION,
        mutations: [{ seq: 1, id: randomUUID(), type: 'order.create', payload: {} }],
      },
    });
    expect(push.status).toBe(403);
    // The refresh keeps the binding.
    const next = await refresh(bound.body.refresh_token ?? '');
    const pull = await t.call<Answer>('GET', `/v0/sync/pull?device_id=${randomUUID()}`, {
      token: next.body.access_token ?? '',
    });
    expect(pull.status).toBe(403);
  });

  it("refuses to sign in for another store's device", async () => {
    const deviceId = randomUUID();
    const registered = await t.call('POST', '/v0/devices', {
      token: t.tokens.otherAssociate,
      body: { store_id: 'other-store', device_id: deviceId },
    });
    expect(registered.status).toBe(201);
    const reply = await password('associate', 'associate123', { device_id: deviceId });
    expect(reply.status).toBe(403);
    expect(reply.body.access_token).toBeUndefined();
  });
});

describe('sign-in lockout', () => {
  it('locks a username after 5 wrong passwords, even for the right one, with Retry-After', async () => {
    const username = await newAssociate();
    for (let i = 0; i < 5; i += 1) {
      expect((await password(username, 'wrong')).status).toBe(401);
    }
    const locked = await password(username, 'right-password');
    expect(locked.status).toBe(429);
    expect(locked.body.error).toBe('too_many_attempts');
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(800);
    // Another user on the same till is not locked out.
    const other = await newAssociate();
    expect((await password(other, 'right-password')).status).toBe(200);
  });

  it('lets the lock expire, and a success clears the count', async () => {
    const username = await newAssociate();
    for (let i = 0; i < 5; i += 1) await password(username, 'wrong');
    await t.app.storeDb.db
      .updateTable('auth_failures')
      .set({
        locked_until: new Date(Date.now() - 1000).toISOString(),
        first_failed_at: new Date(Date.now() - 3_600_000).toISOString(),
      })
      .where('key', '=', `user:${username}`)
      .execute();
    expect((await password(username, 'right-password')).status).toBe(200);
    for (let i = 0; i < 4; i += 1) await password(username, 'wrong');
    expect((await password(username, 'right-password')).status).toBe(200);
    for (let i = 0; i < 4; i += 1) await password(username, 'wrong');
    expect((await password(username, 'right-password')).status).toBe(200);
  });

  it('forgets stale failure counts at the next sign-in, but keeps a running lock', async () => {
    const hourAgo = new Date(Date.now() - 3_600_000).toISOString();
    const inAnHour = new Date(Date.now() + 3_600_000).toISOString();
    await t.app.storeDb.db
      .insertInto('auth_failures')
      .values([
        { key: 'ip:192.0.2.1', failures: 3, first_failed_at: hourAgo, locked_until: null },
        { key: 'ip:192.0.2.2', failures: 50, first_failed_at: hourAgo, locked_until: inAnHour },
      ])
      .execute();
    expect((await password('associate', 'associate123')).status).toBe(200);
    const keys = await t.app.storeDb.db.selectFrom('auth_failures').select('key').execute();
    expect(keys.map((k) => k.key)).not.toContain('ip:192.0.2.1');
    expect(keys.map((k) => k.key)).toContain('ip:192.0.2.2');
  });

  it('locks an address after its own limit of failures across usernames', async () => {
    const strict = await startTestApp({ access: { maxAddressFailures: 3 } });
    try {
      const call = (username: string, secret: string) =>
        strict.call('POST', '/v0/token', {
          token: null,
          body: { grant_type: 'password', username, password: secret },
        });
      for (const name of ['a1', 'a2', 'a3']) expect((await call(name, 'x')).status).toBe(401);
      expect((await call('associate', 'associate123')).status).toBe(429);
    } finally {
      await strict.close();
    }
  });

  it('stores passwords as salted scrypt with N >= 16384', async () => {
    const rows = await t.app.storeDb.db.selectFrom('users').select('password_hash').execute();
    for (const row of rows) {
      const [scheme, n, r, p, salt] = row.password_hash.split('$');
      expect(scheme).toBe('scrypt');
      expect(Number(n)).toBeGreaterThanOrEqual(16384);
      expect(Number(r)).toBeGreaterThanOrEqual(8);
      expect(Number(p)).toBeGreaterThanOrEqual(1);
      expect(Buffer.from(salt ?? '', 'base64').length).toBeGreaterThanOrEqual(16);
    }
  });
});

describe('headers and logs', () => {
  it('sends the security headers on API answers, errors and pages', async () => {
    for (const [url, token] of [
      ['/healthz', null],
      ['/v0/stores', null],
      ['/v0/stores', t.tokens.associate],
      ['/', null],
    ] as const) {
      const reply = await t.call('GET', url, { token });
      const csp = String(reply.headers['content-security-policy']);
      expect(csp).toContain("script-src 'self' 'wasm-unsafe-eval'");
      expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
      expect(csp).toContain("frame-ancestors 'none'");
      expect(reply.headers['x-content-type-options']).toBe('nosniff');
      expect(reply.headers['referrer-policy']).toBe('no-referrer');
      expect(String(reply.headers['permissions-policy'])).toContain('camera=(self)');
    }
  });

  it('answers CORS only for a configured origin', async () => {
    const ask = (origin: string, method: 'GET' | 'OPTIONS') =>
      t.app.inject({
        method,
        url: '/v0/stores',
        headers: {
          origin,
          authorization: `Bearer ${t.tokens.associate}`,
          'access-control-request-method': 'GET',
        },
      });
    const allowed = await ask('https://backoffice.example', 'OPTIONS');
    expect(allowed.statusCode).toBe(204);
    expect(allowed.headers['access-control-allow-origin']).toBe('https://backoffice.example');
    const foreign = await ask('https://evil.example', 'GET');
    expect(foreign.headers['access-control-allow-origin']).toBeUndefined();
    const plain = await startTestApp();
    try {
      const reply = await plain.app.inject({
        method: 'GET',
        url: '/v0/stores',
        headers: { origin: 'https://backoffice.example' },
      });
      expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    } finally {
      await plain.close();
    }
  });

  it('logs requests without any password, access token or refresh token', async () => {
    const before = logLines.length;
    const signedIn = await password('manager', 'manager123');
    const access = signedIn.body.access_token ?? '';
    await t.call('GET', '/v0/stores', { token: access });
    await refresh(signedIn.body.refresh_token ?? '');
    await password('manager', 'not-the-password-xyz');
    const written = logLines.slice(before).join('\n');
    expect(written).toContain('/v0/token');
    for (const secret of [
      'manager123',
      'not-the-password-xyz',
      access,
      signedIn.body.refresh_token ?? '',
      t.tokens.associate,
    ]) {
      expect(written).not.toContain(secret);
    }
  });
});
