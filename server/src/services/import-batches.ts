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

export interface UniqueItems<T> {
  /** The item's schema check, reporting under the prefix given. */
  readonly check: (value: unknown, prefix?: string) => ErrorDetail[];
  /** What makes an item unique in the batch. */
  readonly keyOf: (item: T) => string;
  /** Why an item repeats the one at `first` (reported on its product_id). */
  readonly duplicate: (first: number) => string;
  /** The item's own checks once it passed these: its problems (none: it is taken). */
  readonly more?: (item: T, index: number) => ErrorDetail[];
}

/**
 * Checks every item of a batch by its schema and uniqueness, reporting into `details` so the
 * whole batch is refused at once: the items taken, and the index of each key's first item.
 */
export function uniqueItems<T>(
  items: readonly unknown[],
  rules: UniqueItems<T>,
  details: ErrorDetail[],
): { taken: T[]; seen: Map<string, number> } {
  const taken: T[] = [];
  const seen = new Map<string, number>();
  items.forEach((raw, index) => {
    const errors = rules.check(raw, `items[${index}]`);
    if (errors.length > 0) {
      details.push(...atIndex(index, errors));
      return;
    }
    // The schema check passed, so `raw` has the item's shape.
    const item = raw as T;
    const key = rules.keyOf(item);
    const first = seen.get(key);
    if (first !== undefined) {
      details.push({ index, field: `items[${index}].product_id`, message: rules.duplicate(first) });
      return;
    }
    seen.set(key, index);
    const problems = rules.more?.(item, index) ?? [];
    if (problems.length > 0) {
      details.push(...problems);
      return;
    }
    taken.push(item);
  });
  return { taken, seen };
}
