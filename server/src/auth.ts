/**
 * Who is calling: salted scrypt password hashes, opaque bearer tokens stored only as sha256
 * with an expiry, the user's store and role and the device they were issued for, the optional
 * `AISLE_ADMIN_TOKEN` (compared in constant time), and the checks routes use — role at least
 * X, "this store is yours", and "this is your device". Tokens are issued in `auth-grants.ts`.
 */
import { createHash, randomBytes, randomUUID, scrypt, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Role } from '../../src/protocol/schemas.ts';
import { accessOf } from './access-policy.ts';
import type { StoreDb } from './db/database.ts';
import { ApiError, forbidden, notFound } from './errors.ts';

export interface Caller {
  role: Role;
  /** Null for admins, who may act on every store. */
  storeId: string | null;
  userId: string | null;
  displayName: string;
  /** The device the token was issued for; null = any device of its store. */
  deviceId: string | null;
}

declare module 'fastify' {
  interface FastifyRequest {
    caller: Caller | null;
  }
  interface FastifyContextConfig {
    /** Reachable without a bearer token; must agree with `access-policy.ts` (tested). */
    public?: boolean;
  }
}

const SCRYPT = { N: 16384, r: 8, p: 1, keylen: 32 } as const;

function scryptAsync(password: string, salt: Buffer, keylen: number): Promise<Buffer> {
  return new Promise((done, fail) => {
    scrypt(password, salt, keylen, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p }, (error, key) =>
      error ? fail(error) : done(key),
    );
  });
}

/** `scrypt$N$r$p$salt$key`, parameters kept so they can be raised later without a reset. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scryptAsync(password, salt, SCRYPT.keylen);
  return [
    'scrypt',
    SCRYPT.N,
    SCRYPT.r,
    SCRYPT.p,
    salt.toString('base64'),
    key.toString('base64'),
  ].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, saltText, keyText] = stored.split('$');
  if (scheme !== 'scrypt' || saltText === undefined || keyText === undefined) return false;
  const expected = Buffer.from(keyText, 'base64');
  const key = await new Promise<Buffer>((done, fail) => {
    scrypt(
      password,
      Buffer.from(saltText, 'base64'),
      expected.length,
      { N: Number(n), r: Number(r), p: Number(p) },
      (error, derived) => (error ? fail(error) : done(derived)),
    );
  });
  return timingSafeEqual(key, expected);
}

export const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

const isRole = (value: string): value is Role =>
  value === 'associate' || value === 'manager' || value === 'admin';

async function resolveCaller(
  store: StoreDb,
  adminTokenDigest: Buffer | null,
  header: string | undefined,
): Promise<Caller | null> {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  const token = match?.[1];
  if (token === undefined) return null;
  const digest = createHash('sha256').update(token).digest();
  // Digests have equal length, so timingSafeEqual never throws and leaks nothing about length.
  if (adminTokenDigest !== null && timingSafeEqual(digest, adminTokenDigest)) {
    return {
      role: 'admin',
      storeId: null,
      userId: null,
      displayName: 'Administrator',
      deviceId: null,
    };
  }
  const row = await store.db
    .selectFrom('tokens')
    .innerJoin('users', 'users.user_id', 'tokens.user_id')
    .select([
      'tokens.role',
      'tokens.store_id',
      'tokens.user_id',
      'tokens.device_id',
      'tokens.expires_at',
      'users.display_name',
    ])
    .where('tokens.token_hash', '=', digest.toString('hex'))
    .executeTakeFirst();
  if (row === undefined || row.expires_at <= new Date().toISOString() || !isRole(row.role))
    return null;
  return {
    role: row.role,
    storeId: row.store_id,
    userId: row.user_id,
    displayName: row.display_name,
    deviceId: row.device_id,
  };
}

/**
 * Adds `request.caller`; refuses a /v0 route without a valid token (401) or below the role
 * `access-policy.ts` names for it (403), before its body is parsed.
 */
export function installAuth(app: FastifyInstance, store: StoreDb, adminToken: string | null): void {
  const adminTokenDigest =
    adminToken === null ? null : createHash('sha256').update(adminToken).digest();
  app.decorateRequest('caller', null);
  app.addHook('onRequest', async (request) => {
    const route = request.routeOptions.url ?? '';
    if (request.is404 || !route.startsWith('/v0')) return;
    const access = accessOf(request.method === 'HEAD' ? 'GET' : request.method, route);
    if (access === 'public') return;
    request.caller = await resolveCaller(store, adminTokenDigest, request.headers.authorization);
    if (request.caller === null) {
      throw new ApiError(401, 'unauthorized', 'A valid bearer token is required (POST /v0/token).');
    }
    requireRole(request.caller, access);
  });
  // After validation, so the device id is a checked string wherever a route takes one.
  app.addHook('preHandler', async (request) => {
    const caller = request.caller;
    if (caller === null || caller.deviceId === null) return;
    const named = deviceIdIn(request.body) ?? deviceIdIn(request.query);
    if (named !== undefined && named !== caller.deviceId) {
      throw new ApiError(403, 'device_mismatch', 'This token was issued to another device.', [
        { field: 'device_id', message: 'is not the device this token was issued for' },
      ]);
    }
  });
}

function deviceIdIn(part: unknown): string | undefined {
  if (typeof part !== 'object' || part === null || !('device_id' in part)) return undefined;
  return typeof part.device_id === 'string' ? part.device_id : undefined;
}

const RANK: Record<Role, number> = { associate: 1, manager: 2, admin: 3 };

/** The authenticated caller; routes behind the auth hook always have one. */
export function callerOf(request: FastifyRequest): Caller {
  if (request.caller === null)
    throw new ApiError(401, 'unauthorized', 'A valid bearer token is required.');
  return request.caller;
}

export function requireRole(caller: Caller, role: Role): void {
  if (RANK[caller.role] < RANK[role]) {
    throw forbidden(`This action needs the ${role} role; this token has ${caller.role}.`);
  }
}

/** Whether the caller may see what belongs to this store (admins see every store). */
export const seesStore = (caller: Caller, storeId: string): boolean =>
  caller.role === 'admin' || caller.storeId === storeId;

/** For a store the caller names itself: another store's is 403 (store ids are no secret). */
export function assertStoreAccess(caller: Caller, storeId: string): void {
  if (!seesStore(caller, storeId)) throw forbidden();
}

/**
 * For a row found by its id: another store's answers exactly as an unknown id does (404), so a
 * token cannot learn that an order, request or exception exists elsewhere.
 */
export function foundInStore<T extends { readonly store_id: string }>(
  caller: Caller,
  row: T | null | undefined,
  what: string,
): T {
  if (row === null || row === undefined || !seesStore(caller, row.store_id)) throw notFound(what);
  return row;
}

export const newId = (): string => randomUUID();
