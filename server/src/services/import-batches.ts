/**
 * What every import shares: chunking rows under the databases' bound-parameter limits, the
 * 422 that refuses a whole batch listing every bad item, and the product-existence check.
 */
import type { ErrorDetail } from '../../../src/protocol/schemas.ts';
import type { Trx } from '../db/database.ts';
import { ApiError } from '../errors.ts';

/** Rows per multi-row statement: far below SQLite's and PostgreSQL's bound-parameter limits. */
export const CHUNK = 500;

export function chunks<T>(items: readonly T[], size = CHUNK): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export const refuseBatch = (details: ErrorDetail[], total: number): ApiError => {
  const bad = new Set(details.map((d) => d.index)).size;
  details.sort((a, b) => (a.index ?? 0) - (b.index ?? 0));
  return new ApiError(
    422,
    'invalid_items',
    `${bad} of ${total} items are not valid; nothing was imported.`,
    details,
  );
};

export const atIndex = (index: number, details: ErrorDetail[]): ErrorDetail[] =>
  details.map((detail) => ({ ...detail, index }));

export interface ImportCounts {
  imported: number;
  deleted: number;
}

export async function existingProductIds(trx: Trx, ids: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (const part of chunks(ids)) {
    const rows = await trx
      .selectFrom('products')
      .select('product_id')
      .where('product_id', 'in', part)
      .where('deleted', '=', 0)
      .execute();
    for (const row of rows) found.add(row.product_id);
  }
  return found;
}
