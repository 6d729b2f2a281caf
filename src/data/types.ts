/**
 * The records Aisle keeps in IndexedDB (DESIGN §3). Money is integer minor units in the
 * store's currency; every id made on the device is a UUID.
 */
import type { Minor } from '../domain/money.ts';
import type { Sale, SaleLine } from '../domain/sale.ts';
import type { MutationPayload } from '../protocol/mutations.ts';
import type { MutationType } from '../protocol/wire-constants.ts';
import type { ConfigEnvelope, ExternalIdentifier, Role, Store } from '../protocol/schemas.ts';

export interface ProductRecord {
  readonly productId: string;
  readonly title: string;
  readonly brand: string | null;
  readonly serialized: boolean;
  /** Default price book price in minor units; null means the product cannot be sold. */
  readonly price: Minor | null;
  readonly identifiers: readonly ExternalIdentifier[];
  /** Every lookup key of every identifier (raw value and GTIN-14), multi-entry indexed. */
  readonly lookupKeys: readonly string[];
}

/** The device's open cart. It is deleted when its sale completes. */
export interface CartRecord {
  readonly cartId: string;
  readonly deviceId: string;
  readonly createdAt: string;
  readonly updatedAt: string;
}

export interface CartLineRecord extends SaleLine {
  readonly cartId: string;
  /** Keeps lines in the order they were first scanned. */
  readonly position: number;
  readonly addedAt: string;
}

/**
 * A completed sale as stored: the domain sale plus `serialKeys`, the `serialKey` of every serial
 * it holds, multi-entry indexed so a serial is checked against unsent sales by index.
 */
export type SaleRecord = Sale & { serialKeys?: string[] };

export const OutboxStatuses = {
  pending: 'pending',
  done: 'done',
  rejected: 'rejected',
  mismatch: 'idempotency_mismatch',
} as const;
export type OutboxStatus = (typeof OutboxStatuses)[keyof typeof OutboxStatuses];

/** One queued mutation of type `T`, with its payload typed by `src/protocol/mutations.ts`. */
export interface OutboxEntry<T extends MutationType> {
  /** Per-device sequence number, 1, 2, 3 … with no gaps. */
  readonly seq: number;
  /** The mutation's UUID (its idempotency key). */
  readonly id: string;
  readonly type: T;
  readonly payload: MutationPayload<T>;
  readonly status: OutboxStatus;
  readonly createdAt: string;
  /** The record this mutation is about (a sale id), to report its outcome there. */
  readonly ref: string | null;
  readonly result: unknown;
  readonly error: string | null;
  readonly ackedAt: string | null;
  /**
   * 1 while the answer is recorded here but not yet on what it concerns (the disk was full
   * when it came): `OutboxRepository.reconcile` finishes it. Indexed; absent otherwise.
   */
  readonly unsettled?: 1;
}

/** An outbox entry of any type (a union discriminated by `type`). */
export type OutboxRecord = { [T in MutationType]: OutboxEntry<T> }[MutationType];

export interface SessionRecord {
  readonly key: 'current';
  readonly accessToken: string;
  readonly expiresAt: string;
  readonly associateId: string;
  readonly displayName: string;
  readonly username: string;
  readonly role: Role;
  readonly storeId: string;
  readonly deviceId: string;
  readonly signedInAt: string;
  /** Set when the server refused the token: the associate must sign in again. */
  readonly expired: boolean;
  /** Spent for a new access token when the server answers 401 (rotating, issue 7). */
  readonly refreshToken?: string;
  /** The associate's unlock PIN, only as a salted PBKDF2 hash; unset until chosen. */
  readonly pin?: PinRecord;
}

export interface PinRecord {
  /** PBKDF2-SHA-256 of the PIN, base64. */
  readonly hash: string;
  readonly salt: string;
  readonly iterations: number;
  /** Wrong PINs since the last right one; at the limit only the password unlocks. */
  readonly failures: number;
}

export type StoreRecord = Store;

export interface ConfigRecord {
  readonly key: 'active';
  readonly envelope: ConfigEnvelope;
  readonly fetchedAt: string;
}

export const MetaKeys = {
  deviceId: 'deviceId',
  pullCursor: 'pullCursor',
  catalogComplete: 'catalogComplete',
  catalogStoreId: 'catalogStoreId',
  lastSeq: 'lastSeq',
  lastSyncAt: 'lastSyncAt',
} as const;
export type MetaKey = (typeof MetaKeys)[keyof typeof MetaKeys];

export interface MetaRecord {
  readonly key: MetaKey;
  readonly value: string | number | boolean | null;
}
