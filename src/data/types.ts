/**
 * The records Aisle keeps in IndexedDB (DESIGN §3). Money is integer minor units in the
 * store's currency; every id made on the device is a UUID.
 */
import type { Discount } from '../domain/discounts.ts';
import type { Customer } from '../domain/customer.ts';
import type { Minor } from '../domain/money.ts';
import type { HistoryOrder, HistoryReturn } from '../domain/store-history.ts';
import type { Sale, SaleLine } from '../domain/sale.ts';
import type { MutationPayload } from '../protocol/mutations.ts';
import type { MutationType } from '../protocol/wire-constants.ts';
import type { ConfigEnvelope, ExternalIdentifier, Role, Store } from '../protocol/schemas.ts';
import type { ReturnInput } from './return-repository.ts';

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
  /** Months of warranty from the sale; absent or null when the product has none. */
  readonly warrantyMonths?: number | null;
}

/** The device's open cart. It is deleted when its sale completes. */
export interface CartRecord {
  readonly cartId: string;
  /** The device whose open cart this is; absent while the cart is parked (not indexed then). */
  readonly deviceId?: string;
  readonly createdAt: string;
  readonly updatedAt: string;
  /** A discount on the whole sale. */
  readonly orderDiscount?: Discount | null;
  /** Set while the sale is parked: by whom, on which device, when (issue 13). */
  readonly parked?: {
    readonly deviceId: string;
    readonly associateId: string;
    readonly associateName: string;
    readonly at: string;
  };
  /** The customer attached to the sale (checked), absent when none. */
  readonly customer?: Customer;
  /** An exchange in progress: units coming back whose credit pays this sale (issue 12). */
  readonly exchange?: ExchangeDraft;
}

/**
 * The return half of an exchange, chosen on the Return screen and held with the open sale
 * until payment: nothing is recorded (no refund, no serial state) until the replacement sale
 * completes, and then the return and the sale are written in one transaction.
 */
export interface ExchangeDraft {
  /** The return as chosen, without its refunds and time (both settled at payment). */
  readonly ret: Omit<ReturnInput, 'refunds' | 'returnId' | 'returnedAt'> & {
    readonly order: HistoryOrderRecord;
  };
  /** What the units coming back paid: the credit toward the replacement. */
  readonly credit: Minor;
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

/**
 * A sale of the store as this device knows it (DESIGN §10.5): its own sales (`device`, written
 * with the sale) and the store's orders pulled from the server (`server`, which replace them).
 * Indexed by receipt number and by every serial it holds.
 */
export type HistoryOrderRecord = HistoryOrder & {
  readonly serials: readonly string[];
  readonly source: 'device' | 'server';
};

export const ReturnSyncStates = {
  pending: 'pending',
  synced: 'synced',
  rejected: 'rejected',
  mismatch: 'mismatch',
} as const;
export type ReturnSyncState = (typeof ReturnSyncStates)[keyof typeof ReturnSyncStates];

/** A return of the store as this device knows it: its own (with their sync state) and pulled ones. */
export type HistoryReturnRecord = HistoryReturn & {
  readonly serials: readonly string[];
  readonly source: 'device' | 'server';
  readonly sync: {
    readonly state: ReturnSyncState;
    readonly error: string | null;
    /** The server's return id once it holds the return. */
    readonly returnRecordId: string | null;
  };
  /** What the server flagged on it for a manager (a unit returned twice …). */
  readonly flags: readonly { readonly kind: string; readonly message: string }[];
  /** The device's outbox seq of its `order.return` (own returns only). */
  readonly seq?: number;
  /** The till's shift it was paid out in (own returns only). */
  readonly shiftId?: string;
};

/**
 * A manager (or admin) who set a PIN on this device: offline, they approve a discount, a
 * refund split or a blind return by choosing their name and entering their own PIN.
 */
export interface ApproverRecord {
  readonly userId: string;
  readonly username: string;
  readonly displayName: string;
  readonly role: Role;
  readonly storeId: string;
  readonly pin: PinRecord;
  readonly updatedAt: string;
}

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
