/**
 * Sign-in limits under concurrency (issue 11): attempts sent all at once used to read the same
 * old count before the slow password hash and all be evaluated. Now each is counted before its
 * hash, atomically: of a burst, exactly as many as the limit are checked (401), the rest are
 * 429 without a hash. Each test runs on a fresh app and address, so no count carries over.
 */
import { randomUUID } from 'node:crypto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createUser } from '../../../server/src/services/stores.ts';
import { startTestApp, type TestApp } from './support.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

/** A sign-in from a given address, answered with its status. */
async function signIn(username: string, password: string, address: string): Promise<number> {
  const reply = await t.app.inject({
    method: 'POST',
    url: '/v0/token',
    remoteAddress: address,
    payload: { grant_type: 'password', username, password },
  });
  return reply.statusCode;
}

async function newAssociate(): Promise<string> {
  const username = `u${randomUUID().slice(0, 8)}`;
  await createUser(t.app.storeDb.db, {
    username,
    password: 'right-password',
    display_name: 'Burst Target',
    role: 'associate',
    store_id: 'demo-store',
  });
  return username;
}

const tally = (statuses: number[]): Record<number, number> => {
  const counts: Record<number, number> = {};
  for (const status of statuses) counts[status] = (counts[status] ?? 0) + 1;
  return counts;
};

describe('a burst of sign-ins sent at once', () => {
  it('checks only 5 of 30 wrong passwords for one user; the other 25 are 429', async () => {
    const username = await newAssociate();
    const statuses = await Promise.all(
      Array.from({ length: 30 }, () => signIn(username, 'wrong', '192.0.2.10')),
    );
    expect(tally(statuses)).toEqual({ 401: 5, 429: 25 });
    // The lock holds afterwards, for the right password too.
    expect(await signIn(username, 'right-password', '192.0.2.11')).toBe(429);
  });

  it('gives no token to the right password sent after 39 wrong ones at once', async () => {
    const username = await newAssociate();
    // All 40 are in flight together; the right one is sent last, when the limit is reached.
    const statuses = await Promise.all([
      ...Array.from({ length: 39 }, () => signIn(username, 'wrong', '192.0.2.20')),
      signIn(username, 'right-password', '192.0.2.20'),
    ]);
    expect(statuses.at(-1)).toBe(429);
    expect(tally(statuses)).toEqual({ 401: 5, 429: 35 });
  });

  it('checks only 50 of 120 attempts from one address, across usernames', async () => {
    const statuses = await Promise.all(
      Array.from({ length: 120 }, (_, i) => signIn(`nobody-${i}`, 'wrong', '192.0.2.30')),
    );
    expect(tally(statuses)).toEqual({ 401: 50, 429: 70 });
    // Another address is not locked out: the lock is the address's.
    expect(await signIn('associate', 'associate123', '192.0.2.31')).toBe(200);
  });

  it("gives a good sign-in's attempt back, so a store's tills never lock their address", async () => {
    const strict = await startTestApp({ access: { maxAddressFailures: 3 } });
    try {
      for (let i = 0; i < 8; i += 1) {
        const reply = await strict.app.inject({
          method: 'POST',
          url: '/v0/token',
          remoteAddress: '192.0.2.40',
          payload: { grant_type: 'password', username: 'associate', password: 'associate123' },
        });
        expect(reply.statusCode, `sign-in ${i + 1}`).toBe(200);
      }
    } finally {
      await strict.close();
    }
  });
});
