/**
 * Who is signed in on this device, for which store, and the device's own identity. Kept in
 * IndexedDB so a reload (or a night with the tablet off) stays signed in; sign-out is refused
 * while sales are still waiting for the server, because their token is needed to send them.
 * Also the unlock PIN (salted PBKDF2 via WebCrypto, never the PIN itself): it unlocks the app
 * offline for a number of days after the last password sign-in, and five wrong PINs in a row
 * leave only the password.
 */
import type { AisleDb } from './db.ts';
import { DataError, DataErrorReasons } from './errors.ts';
import {
  MetaKeys,
  OutboxStatuses,
  type PinRecord,
  type SessionRecord,
  type StoreRecord,
} from './types.ts';
import { Messages } from '../i18n/messages.ts';

export const PIN_PATTERN = /^\d{4,6}$/;
export const MAX_PIN_FAILURES = 5;
const PIN_ITERATIONS = 200_000;
const DEFAULT_PIN_DAYS = 7;
const DEFAULT_IDLE_MINUTES = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

/** How the lock behaves, from the app configuration when it says, else the defaults. */
export interface LockSettings {
  /** Days after the last password sign-in during which the PIN unlocks (offline too). */
  readonly pinDays: number;
  /** Minutes without a touch or key before the app locks. */
  readonly idleMinutes: number;
}

export type PinCheck =
  | { readonly ok: true }
  | {
      readonly ok: false;
      /** `wrong`: try again; `locked_out`/`too_old`/`no_pin`: the password is needed. */
      readonly reason: 'wrong' | 'locked_out' | 'too_old' | 'no_pin';
      readonly attemptsLeft: number;
    };

const toBase64 = (bytes: Uint8Array): string => btoa(String.fromCharCode(...bytes));
export const fromBase64 = (text: string): Uint8Array<ArrayBuffer> =>
  Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

export async function derive(pin: string, salt: Uint8Array<ArrayBuffer>, iterations: number) {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, [
    'deriveBits',
  ]);
  const bits = await crypto.subtle.deriveBits(
    { name: 'PBKDF2', hash: 'SHA-256', salt, iterations },
    key,
    256,
  );
  return new Uint8Array(bits);
}

/** Constant-time comparison, so a wrong PIN does not reveal how much of it was right. */
export function sameBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let difference = 0;
  for (let i = 0; i < a.length; i += 1) difference |= (a[i] ?? 0) ^ (b[i] ?? 0);
  return difference === 0;
}

const positive = (value: unknown, fallback: number): number =>
  typeof value === 'number' && Number.isFinite(value) && value > 0 ? value : fallback;

export interface SignInRecord {
  readonly session: SessionRecord;
  readonly store: StoreRecord;
  /** What the server says it already applied for this device (re-registration). */
  readonly lastAppliedSeq: number;
}

export class SessionRepository {
  private readonly _db: AisleDb;

  constructor(db: AisleDb) {
    this._db = db;
  }

  current(): Promise<SessionRecord | undefined> {
    return this._db.session.get('current');
  }

  store(storeId: string): Promise<StoreRecord | undefined> {
    return this._db.stores.get(storeId);
  }

  /** The device's UUID, made at its first sign-in and kept across sign-outs. */
  async deviceId(): Promise<string | null> {
    const record = await this._db.meta.get(MetaKeys.deviceId);
    return typeof record?.value === 'string' ? record.value : null;
  }

  async saveSignIn({ session, store, lastAppliedSeq }: SignInRecord): Promise<void> {
    const db = this._db;
    await db.transaction('rw', [db.session, db.stores, db.meta], async () => {
      await db.session.put(session);
      await db.stores.put(store);
      await db.meta.put({ key: MetaKeys.deviceId, value: session.deviceId });
      const counter = await db.meta.get(MetaKeys.lastSeq);
      const current = typeof counter?.value === 'number' ? counter.value : 0;
      // Never hand out a seq the server already holds for this device.
      if (lastAppliedSeq > current) {
        await db.meta.put({ key: MetaKeys.lastSeq, value: lastAppliedSeq });
      }
    });
  }

  /** A refresh gave a new pair: the old refresh token is spent on the server already. */
  async saveTokens(tokens: {
    accessToken: string;
    expiresAt: string;
    refreshToken: string | undefined;
  }): Promise<void> {
    await this._db.session.update('current', {
      accessToken: tokens.accessToken,
      expiresAt: tokens.expiresAt,
      ...(tokens.refreshToken === undefined ? {} : { refreshToken: tokens.refreshToken }),
    });
  }

  async lockSettings(): Promise<LockSettings> {
    const record = await this._db.config.get('active');
    const capabilities: unknown = record?.envelope.config?.capabilities;
    const read = (name: string): unknown =>
      typeof capabilities === 'object' && capabilities !== null
        ? (capabilities as Record<string, unknown>)[name]
        : undefined;
    return {
      pinDays: positive(read('offline_mode_pin_days'), DEFAULT_PIN_DAYS),
      idleMinutes: positive(read('idle_lock_minutes'), DEFAULT_IDLE_MINUTES),
    };
  }

  /** Stores a salted hash of a 4–6 digit PIN for the signed-in associate. */
  async setPin(pin: string): Promise<void> {
    if (!PIN_PATTERN.test(pin)) {
      throw new DataError(DataErrorReasons.invalid, Messages.pinFormat());
    }
    const salt = crypto.getRandomValues(new Uint8Array(16));
    const hash = await derive(pin, salt, PIN_ITERATIONS);
    const record: PinRecord = {
      hash: toBase64(hash),
      salt: toBase64(salt),
      iterations: PIN_ITERATIONS,
      failures: 0,
    };
    const db = this._db;
    await db.transaction('rw', [db.session, db.approvers], async () => {
      const session = await db.session.get('current');
      await db.session.update('current', { pin: record });
      // A manager's PIN also lets them approve on this device later, for someone else.
      if (session !== undefined && (session.role === 'manager' || session.role === 'admin')) {
        await db.approvers.put({
          userId: session.associateId,
          username: session.username,
          displayName: session.displayName,
          role: session.role,
          storeId: session.storeId,
          pin: record,
          updatedAt: new Date().toISOString(),
        });
      }
    });
  }

  /** Checks a PIN offline; counts failures and refuses once the limit or the days are past. */
  async checkPin(pin: string, now: Date = new Date()): Promise<PinCheck> {
    const session = await this.current();
    const stored = session?.pin;
    if (session === undefined || stored === undefined) {
      return { ok: false, reason: 'no_pin', attemptsLeft: 0 };
    }
    if (stored.failures >= MAX_PIN_FAILURES) {
      return { ok: false, reason: 'locked_out', attemptsLeft: 0 };
    }
    const { pinDays } = await this.lockSettings();
    if (now.getTime() - Date.parse(session.signedInAt) > pinDays * DAY_MS) {
      return { ok: false, reason: 'too_old', attemptsLeft: 0 };
    }
    const hash = await derive(pin, fromBase64(stored.salt), stored.iterations);
    const ok = PIN_PATTERN.test(pin) && sameBytes(hash, fromBase64(stored.hash));
    // Read again inside the write: two quick tries must both count.
    let failures = 0;
    await this._db.transaction('rw', [this._db.session], async () => {
      const fresh = await this._db.session.get('current');
      if (fresh?.pin === undefined) return;
      failures = ok ? 0 : fresh.pin.failures + 1;
      await this._db.session.update('current', { pin: { ...fresh.pin, failures } });
    });
    if (ok) return { ok: true };
    const attemptsLeft = Math.max(0, MAX_PIN_FAILURES - failures);
    return { ok: false, reason: attemptsLeft === 0 ? 'locked_out' : 'wrong', attemptsLeft };
  }

  /** The server refused the token: keep everything, ask the associate to sign in again. */
  async markExpired(): Promise<void> {
    await this._db.session.update('current', { expired: true });
  }

  /** How many outbox entries still wait for the server (their store's token must send them). */
  pendingCount(): Promise<number> {
    return this._db.outbox.where('status').equals(OutboxStatuses.pending).count();
  }

  async signOut(): Promise<void> {
    const db = this._db;
    await db.transaction('rw', [db.session, db.outbox], async () => {
      const pending = await db.outbox.where('status').equals(OutboxStatuses.pending).count();
      if (pending > 0) {
        throw new DataError(DataErrorReasons.unsyncedSales, Messages.salesUnsentAtSignOut(pending));
      }
      await db.session.delete('current');
    });
  }
}
