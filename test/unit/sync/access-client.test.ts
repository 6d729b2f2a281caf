/**
 * The device side of access (issue 7) against the REAL store server: the sign-in binds the
 * token to this device and keeps a refresh token, an expired access token is renewed once and
 * the request repeated (never two refreshes with one token), a refused refresh leaves the
 * 401; and the unlock PIN, hashed on the device, with its failure limit and day limit.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/src/server.ts';
import { AisleDb } from '../../../src/data/db.ts';
import { createRepositories, type Repositories } from '../../../src/data/repositories.ts';
import { SignInService } from '../../../src/sync/sign-in.ts';
import { TokenRefresher } from '../../../src/sync/token-refresh.ts';
import { requestJson, type HttpOptions } from '../../../src/sync/transport.ts';

let folder: string;
let server: RunningServer;
let db: AisleDb;
let repos: Repositories;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'aisle-access-client-'));
  server = await startServer({
    port: 0,
    databaseUrl: `sqlite:${join(folder, 'aisle.sqlite')}`,
    demo: true,
    logger: false,
  });
});
afterAll(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});
beforeEach(async () => {
  db = new AisleDb(`access-client-${crypto.randomUUID()}`);
  await db.open();
  repos = createRepositories(db);
});

const signIn = () =>
  new SignInService({
    sessions: repos.sessions,
    catalog: repos.catalog,
    http: { baseUrl: server.url },
  }).signIn('associate', 'associate123');

/** Ends every access token on the server, as 15 minutes would. */
const expireAccessTokens = () =>
  server.app.storeDb.db
    .updateTable('tokens')
    .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
    .execute();

function httpFor(
  refresher: TokenRefresher,
  counter: { count: number },
  first: string | null,
): HttpOptions {
  let token = first;
  return {
    baseUrl: server.url,
    token: () => token,
    refresh: async (refused) => {
      counter.count += 1;
      const renewed = await refresher.refresh(refused);
      if (renewed !== null) token = renewed;
      return renewed;
    },
  };
}

describe('tokens on the device', () => {
  it('keeps a refresh token and a device-bound access token after sign-in', async () => {
    const session = await signIn();
    expect(session.refreshToken?.length ?? 0).toBeGreaterThanOrEqual(40);
    const row = await server.app.storeDb.db
      .selectFrom('tokens')
      .select('device_id')
      .where('device_id', '=', session.deviceId)
      .executeTakeFirst();
    expect(row?.device_id).toBe(session.deviceId);
  });

  it('renews an expired access token once and repeats the request', async () => {
    const session = await signIn();
    await expireAccessTokens();
    const refresher = new TokenRefresher({
      sessions: repos.sessions,
      http: { baseUrl: server.url },
    });
    const refreshes = { count: 0 };
    const http = httpFor(refresher, refreshes, session.accessToken);
    // Two requests at once both meet the expired token: one refresh serves both.
    const [a, b] = await Promise.all([
      requestJson(http, 'GET', '/v0/stores'),
      requestJson(http, 'GET', '/v0/associate-app/config'),
    ]);
    expect([a.status, b.status]).toEqual([200, 200]);
    // Both asked; the second got the first one's token without spending the refresh again.
    expect(refreshes.count).toBe(2);
    const saved = await repos.sessions.current();
    expect(saved?.accessToken).toBe(http.token());
    expect(saved?.accessToken).not.toBe(session.accessToken);
    expect(saved?.refreshToken).not.toBe(session.refreshToken);
    // The chain is intact: the saved refresh token still works (no reuse was detected).
    await expireAccessTokens();
    expect((await requestJson(http, 'GET', '/v0/stores')).status).toBe(200);
  });

  it('leaves the 401 when the server refuses the refresh (the associate signs in again)', async () => {
    await signIn();
    await expireAccessTokens();
    await server.app.storeDb.db.deleteFrom('refresh_tokens').execute();
    const refresher = new TokenRefresher({
      sessions: repos.sessions,
      http: { baseUrl: server.url },
    });
    const counter = { count: 0 };
    const session = await repos.sessions.current();
    const http = httpFor(refresher, counter, session?.accessToken ?? null);
    const reply = await requestJson(http, 'GET', '/v0/stores');
    expect(reply.status).toBe(401);
    expect(counter.count).toBe(1);
    // Nothing of the session is lost: the outbox and the session stay for the password.
    expect((await repos.sessions.current())?.storeId).toBe('demo-store');
  });
});

describe('the unlock PIN', () => {
  it('stores only a salted hash and unlocks with the right PIN', async () => {
    await signIn();
    await repos.sessions.setPin('4821');
    const stored = await repos.sessions.current();
    expect(JSON.stringify(stored)).not.toContain('4821');
    expect(stored?.pin?.iterations).toBeGreaterThanOrEqual(100_000);
    expect(await repos.sessions.checkPin('4821')).toEqual({ ok: true });
    expect(await repos.sessions.checkPin('1111')).toEqual({
      ok: false,
      reason: 'wrong',
      attemptsLeft: 4,
    });
  });

  it('refuses a PIN that is not 4 to 6 digits', async () => {
    await signIn();
    await expect(repos.sessions.setPin('12a4')).rejects.toThrow('4 to 6 digits');
    await expect(repos.sessions.setPin('123')).rejects.toThrow();
    expect((await repos.sessions.current())?.pin).toBeUndefined();
  });

  it('after 5 wrong PINs refuses even the right one, until a password sign-in', async () => {
    await signIn();
    await repos.sessions.setPin('482190');
    for (let i = 0; i < 4; i += 1) expect((await repos.sessions.checkPin('000000')).ok).toBe(false);
    expect(await repos.sessions.checkPin('000000')).toMatchObject({ reason: 'locked_out' });
    expect(await repos.sessions.checkPin('482190')).toMatchObject({ reason: 'locked_out' });
    await signIn();
    expect((await repos.sessions.current())?.pin).toBeUndefined();
  });

  it('a right PIN clears the count of wrong ones', async () => {
    await signIn();
    await repos.sessions.setPin('4821');
    for (let i = 0; i < 4; i += 1) await repos.sessions.checkPin('0000');
    expect((await repos.sessions.checkPin('4821')).ok).toBe(true);
    expect(await repos.sessions.checkPin('0000')).toMatchObject({ attemptsLeft: 4 });
  });

  it('unlocks for 7 days after the password sign-in by default, or as configured', async () => {
    const session = await signIn();
    await repos.sessions.setPin('4821');
    const day = 24 * 3600 * 1000;
    const signedAt = Date.parse(session.signedInAt);
    expect((await repos.sessions.checkPin('4821', new Date(signedAt + 6.9 * day))).ok).toBe(true);
    expect(await repos.sessions.checkPin('4821', new Date(signedAt + 7.1 * day))).toMatchObject({
      reason: 'too_old',
    });
    await db.config.put({
      key: 'active',
      fetchedAt: new Date().toISOString(),
      envelope: {
        version: 2,
        updated_at: new Date().toISOString(),
        source: 'global',
        config: { capabilities: { offline_mode_pin_days: 2, idle_lock_minutes: 1 } },
      },
    });
    expect(await repos.sessions.lockSettings()).toEqual({ pinDays: 2, idleMinutes: 1 });
    expect(await repos.sessions.checkPin('4821', new Date(signedAt + 3 * day))).toMatchObject({
      reason: 'too_old',
    });
  });
});
