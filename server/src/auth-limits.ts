/**
 * Sign-in rate limiting in the database (so every server process behind one database sees the
 * same counts), per key (`user:NAME`, `ip:ADDRESS`) inside a window. An attempt is counted
 * BEFORE its password is checked, in one transaction that locks the keys' rows: of a burst
 * sent at once, only as many as the limit allows get to the (slow) scrypt check, and the rest
 * are 429 without costing the server any hashing. Counting after the check let every attempt
 * of a burst read the same old count and all be evaluated.
 *
 * A successful sign-in gives its attempt back: the username's count is cleared, the address's
 * lowered by one (a store's tills share an address; their good sign-ins must not lock it).
 */
import { inTransaction, type StoreDb, type Trx } from './db/database.ts';
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

/** A key an attempt counts against, and how many attempts it allows in the window. */
export interface AttemptKey {
  key: string;
  limit: number;
}

const iso = (ms: number): string => new Date(ms).toISOString();

/** The keys' rows, created when missing and locked (PostgreSQL) in key order, so two bursts never deadlock. */
async function lockRows(trx: Trx, store: StoreDb, keys: readonly string[], now: number) {
  await trx
    .insertInto('auth_failures')
    .values(
      keys.map((key) => ({ key, failures: 0, first_failed_at: iso(now), locked_until: null })),
    )
    .onConflict((conflict) => conflict.column('key').doNothing())
    .execute();
  let query = trx.selectFrom('auth_failures').selectAll().where('key', 'in', keys).orderBy('key');
  // SQLite's single writer already serialises these transactions.
  if (store.dialect === 'postgres') query = query.forUpdate();
  return query.execute();
}

/**
 * Counts one attempt against every key, atomically, before the password is checked. Throws
 * LockedOut (and counts nothing) when a key is locked; the attempt that reaches a key's limit
 * is still checked, and locks the key for those after it.
 */
export async function reserveAttempt(
  store: StoreDb,
  settings: AccessSettings,
  keys: readonly AttemptKey[],
): Promise<void> {
  const now = Date.now();
  const windowStart = iso(now - settings.failureWindowSeconds * 1000);
  const limits = new Map(keys.map(({ key, limit }) => [key, limit]));
  await inTransaction(store, async (trx) => {
    const rows = await lockRows(trx, store, [...limits.keys()], now);
    const lockedUntil = Math.max(0, ...rows.map((row) => Date.parse(row.locked_until ?? '') || 0));
    if (lockedUntil > now) throw new LockedOut(Math.ceil((lockedUntil - now) / 1000));
    for (const row of rows) {
      const fresh = row.first_failed_at < windowStart;
      const failures = (fresh ? 0 : Number(row.failures)) + 1;
      const limit = limits.get(row.key) ?? 1;
      await trx
        .updateTable('auth_failures')
        .set({
          failures,
          first_failed_at: fresh ? iso(now) : row.first_failed_at,
          locked_until: failures >= limit ? iso(now + settings.lockSeconds * 1000) : null,
        })
        .where('key', '=', row.key)
        .execute();
    }
  });
}

/**
 * A sign-in succeeded: the username's count is cleared, the address's attempt given back (its
 * lock lifted only when the failures left are under its limit).
 */
export async function refundAttempt(
  store: StoreDb,
  userKey: string,
  address: AttemptKey,
): Promise<void> {
  await inTransaction(store, async (trx) => {
    await trx.deleteFrom('auth_failures').where('key', '=', userKey).execute();
    const [row] = await lockRows(trx, store, [address.key], Date.now());
    if (row === undefined) return;
    const failures = Math.max(0, Number(row.failures) - 1);
    await trx
      .updateTable('auth_failures')
      .set({ failures, ...(failures < address.limit ? { locked_until: null } : {}) })
      .where('key', '=', address.key)
      .execute();
  });
}
