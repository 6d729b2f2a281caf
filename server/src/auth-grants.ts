/**
 * `POST /v0/token`: the password grant and the rotating refresh grant. Access tokens are short
 * (15 minutes by default) so a lost one is soon worthless; refresh tokens live longer, are
 * spent on use (a new pair comes back), and a spent one presented again revokes its whole
 * family, since only a copy can be presented twice. Both kinds are stored as sha256 only and
 * carry the device they were issued for, so they work from that device only.
 */
import { randomBytes } from 'node:crypto';
import type {
  RefreshTokenRequest,
  Role,
  TokenRequest,
  TokenResponse,
} from '../../src/protocol/schemas.ts';
import { newId, sha256, verifyPassword } from './auth.ts';
import { refundAttempt, reserveAttempt } from './auth-limits.ts';
import { inTransaction, type StoreDb } from './db/database.ts';
import type { UsersTable } from './db/tables.ts';
import { ApiError } from './errors.ts';

export interface AccessSettings {
  accessTtlSeconds: number;
  refreshTtlSeconds: number;
  /** Failed sign-ins for one username, inside the window, before it locks. */
  maxUserFailures: number;
  /** Failed sign-ins from one address (a store's tills share one) before it locks. */
  maxAddressFailures: number;
  failureWindowSeconds: number;
  lockSeconds: number;
}

export const DEFAULT_ACCESS: AccessSettings = {
  accessTtlSeconds: 15 * 60,
  refreshTtlSeconds: 7 * 24 * 60 * 60,
  maxUserFailures: 5,
  maxAddressFailures: 50,
  failureWindowSeconds: 15 * 60,
  lockSeconds: 15 * 60,
};

const invalidGrant = (message = 'The username or password is not correct.'): ApiError =>
  new ApiError(401, 'invalid_grant', message);

const isRole = (value: string): value is Role =>
  value === 'associate' || value === 'manager' || value === 'admin';

const iso = (ms: number): string => new Date(ms).toISOString();

type Grantee = Pick<UsersTable, 'user_id' | 'role' | 'store_id' | 'display_name'>;

/** A device id may bind a token only when the device is unknown yet or of the user's store. */
async function checkDevice(store: StoreDb, user: Grantee, deviceId: string | undefined) {
  if (deviceId === undefined || user.store_id === null) return;
  const device = await store.db
    .selectFrom('devices')
    .select('store_id')
    .where('device_id', '=', deviceId)
    .executeTakeFirst();
  if (device !== undefined && device.store_id !== user.store_id) {
    throw new ApiError(403, 'device_mismatch', 'This device belongs to another store.', [
      { field: 'device_id', message: 'is registered to another store' },
    ]);
  }
}

async function issuePair(
  store: StoreDb,
  settings: AccessSettings,
  user: Grantee,
  deviceId: string | null,
  familyId: string,
): Promise<TokenResponse> {
  if (!isRole(user.role)) throw invalidGrant();
  const accessToken = randomBytes(32).toString('base64url');
  const refreshToken = randomBytes(32).toString('base64url');
  const now = Date.now();
  // Expired rows are useless; sweeping them at sign-in keeps the tables small.
  await store.db.deleteFrom('tokens').where('expires_at', '<', iso(now)).execute();
  await store.db.deleteFrom('refresh_tokens').where('expires_at', '<', iso(now)).execute();
  await store.db
    .deleteFrom('auth_failures')
    .where('first_failed_at', '<', iso(now - settings.failureWindowSeconds * 1000))
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', iso(now))]))
    .execute();
  await store.db
    .insertInto('tokens')
    .values({
      token_hash: sha256(accessToken),
      user_id: user.user_id,
      role: user.role,
      store_id: user.store_id,
      device_id: deviceId,
      family_id: familyId,
      expires_at: iso(now + settings.accessTtlSeconds * 1000),
      created_at: iso(now),
    })
    .execute();
  await store.db
    .insertInto('refresh_tokens')
    .values({
      token_hash: sha256(refreshToken),
      family_id: familyId,
      user_id: user.user_id,
      store_id: user.store_id,
      device_id: deviceId,
      expires_at: iso(now + settings.refreshTtlSeconds * 1000),
      used_at: null,
      created_at: iso(now),
    })
    .execute();
  return {
    access_token: accessToken,
    token_type: 'bearer',
    expires_in: settings.accessTtlSeconds,
    store_id: user.store_id,
    role: user.role,
    associate_id: user.user_id,
    display_name: user.display_name,
    refresh_token: refreshToken,
    refresh_expires_in: settings.refreshTtlSeconds,
  };
}

/**
 * Checks the credentials, unless the username or the caller's address has used up its
 * attempts (429). The attempt is counted against both before the password is checked (see
 * auth-limits.ts); a success gives it back.
 */
export async function passwordGrant(
  store: StoreDb,
  settings: AccessSettings,
  body: TokenRequest,
  address: string,
): Promise<TokenResponse> {
  const userKey = `user:${body.username.toLowerCase()}`;
  const addressKey = { key: `ip:${address}`, limit: settings.maxAddressFailures };
  await reserveAttempt(store, settings, [
    { key: userKey, limit: settings.maxUserFailures },
    addressKey,
  ]);
  const user = await store.db
    .selectFrom('users')
    .selectAll()
    .where('username', '=', body.username)
    .executeTakeFirst();
  // Hash even for an unknown user so response time does not reveal which usernames exist.
  const valid = await verifyPassword(body.password, user?.password_hash ?? DUMMY_HASH);
  if (user === undefined || !valid) throw invalidGrant();
  await refundAttempt(store, userKey, addressKey);
  await checkDevice(store, user, body.device_id);
  return issuePair(store, settings, user, body.device_id ?? null, newId());
}

export async function refreshGrant(
  store: StoreDb,
  settings: AccessSettings,
  body: RefreshTokenRequest,
): Promise<TokenResponse> {
  const hash = sha256(body.refresh_token);
  const now = iso(Date.now());
  const row = await store.db
    .selectFrom('refresh_tokens')
    .selectAll()
    .where('token_hash', '=', hash)
    .executeTakeFirst();
  const expired = 'The session has ended; sign in again with your password.';
  if (row === undefined || row.expires_at <= now) throw invalidGrant(expired);
  if (row.used_at !== null) {
    // A copy was presented: the whole family goes, with every access token minted from it.
    await inTransaction(store, async (trx) => {
      await trx.deleteFrom('refresh_tokens').where('family_id', '=', row.family_id).execute();
      await trx.deleteFrom('tokens').where('family_id', '=', row.family_id).execute();
    });
    throw invalidGrant(expired);
  }
  if (body.device_id !== undefined && row.device_id !== null && body.device_id !== row.device_id) {
    throw new ApiError(403, 'device_mismatch', 'This refresh token belongs to another device.', [
      { field: 'device_id', message: 'is not the device the token was issued for' },
    ]);
  }
  // Spend it; of two racing refreshes with one token only the first gets a new pair.
  const spent = await store.db
    .updateTable('refresh_tokens')
    .set({ used_at: now })
    .where('token_hash', '=', hash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  if (Number(spent.numUpdatedRows) !== 1) throw invalidGrant(expired);
  const user = await store.db
    .selectFrom('users')
    .select(['user_id', 'role', 'store_id', 'display_name'])
    .where('user_id', '=', row.user_id)
    .executeTakeFirst();
  if (user === undefined) throw invalidGrant(expired);
  const deviceId = row.device_id ?? body.device_id ?? null;
  await checkDevice(store, user, deviceId ?? undefined);
  return issuePair(store, settings, user, deviceId, row.family_id);
}

// A well-formed hash of a random password, used only to spend the same time on unknown users.
const DUMMY_HASH =
  'scrypt$16384$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=';
