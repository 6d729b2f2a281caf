/**
 * What every route module shares: the dependencies handed to it, the error responses listed in
 * the OpenAPI document, and the store a caller acts for (its own; an admin names one).
 */
import { Type } from '@sinclair/typebox';
import { ErrorBody } from '../../../src/protocol/schemas.ts';
import type { Caller } from '../auth.ts';
import type { StoreDb } from '../db/database.ts';
import type { ReceiptEmailPolicy } from '../services/receipt-email-queue.ts';
import { findStore } from '../services/stores.ts';
import type { StoresTable } from '../db/tables.ts';
import { ApiError, forbidden } from '../errors.ts';

export interface RouteDeps {
  store: StoreDb;
  /** Set when this server e-mails receipts (AISLE_SMTP_URL): orders queue their receipt. */
  receiptEmail: ReceiptEmailPolicy | null;
}

/** The 4xx/5xx answers a route may give, all in the one error shape. */
export const errors = (...codes: number[]): Record<number, typeof ErrorBody> =>
  Object.fromEntries([...codes, 500].map((code) => [code, ErrorBody]));

export const StoreQuery = Type.Object({
  store_id: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
});

/**
 * The store a request acts for: the caller's own, or for an admin the `store_id` it names
 * (null when it names none). Naming another store than one's own is 403.
 */
export async function storeForCaller(
  deps: RouteDeps,
  caller: Caller,
  requested: string | undefined,
): Promise<StoresTable | null> {
  if (caller.role !== 'admin' && requested !== undefined && requested !== caller.storeId)
    throw forbidden();
  const storeId = caller.role === 'admin' ? (requested ?? null) : caller.storeId;
  if (storeId === null) return null;
  const row = await findStore(deps.store.db, storeId);
  if (row === undefined) throw new ApiError(404, 'not_found', `There is no store ${storeId}.`);
  return row;
}
