/**
 * Sign-in rate limiting in the database (so every server process behind one database sees the
 * same counts): failures are counted per key (`user:NAME`, `ip:ADDRESS`) inside a window; at
 * the limit the key is locked for a while and further attempts are 429 without a password
 * check, so guessing costs the attacker time and the server no scrypt work.
 */
import { inTransaction, type StoreDb } from './db/database.ts';
import type { AccessSettings } from './auth-grants.ts';
import { ApiError } from './errors.ts';

export class LockedOut extends ApiError {
  constructor(readonly retryAfterSeconds: number) {
    super(
      429,
      'too_many_attempts',
      `Too many failed sign-ins. Try again in ${Math.ceil(retryAfterSeconds / 60)} minutes.`,
      [],
      { retry_after: retryAfterSeconds },
    );
  }
}

/** Throws LockedOut when any of the keys is locked now. */
export async function assertNotLocked(store: StoreDb, keys: string[]): Promise<void> {
  const now = Date.now();
  const rows = await store.db
    .selectFrom('auth_failures')
    .select('locked_until')
    .where('key', 'in', keys)
    .where('locked_until', '>', new Date(now).toISOString())
    .execute();
  const until = Math.max(0, ...rows.map((row) => Date.parse(row.locked_until ?? '')));
  if (until > now) throw new LockedOut(Math.ceil((until - now) / 1000));
}

export async function recordFailure(
  store: StoreDb,
  settings: AccessSettings,
  key: string,
  limit: number,
): Promise<void> {
  const now = Date.now();
  const windowStart = new Date(now - settings.failureWindowSeconds * 1000).toISOString();
  await inTransaction(store, async (trx) => {
    let query = trx.selectFrom('auth_failures').selectAll().where('key', '=', key);
    // Two failures at once must both count: lock the row (SQLite's writer lock already does).
    if (store.dialect === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirst();
    const fresh = row === undefined || row.first_failed_at < windowStart;
    const failures = fresh ? 1 : Number(row.failures) + 1;
    const values = {
      failures,
      first_failed_at: fresh ? new Date(now).toISOString() : row.first_failed_at,
      locked_until:
        failures >= limit ? new Date(now + settings.lockSeconds * 1000).toISOString() : null,
    };
    if (row === undefined)
      await trx
        .insertInto('auth_failures')
        .values({ key, ...values })
        .execute();
    else await trx.updateTable('auth_failures').set(values).where('key', '=', key).execute();
  });
}

export async function clearFailures(store: StoreDb, key: string): Promise<void> {
  await store.db.deleteFrom('auth_failures').where('key', '=', key).execute();
}
