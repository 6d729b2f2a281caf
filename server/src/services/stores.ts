/**
 * Stores and the people who sign in to them: creating them (seed, tests, the admin API) and
 * listing what a caller may see. Signing in (the token grants) is `auth-grants.ts`.
 */
import type { Store } from '../../../src/protocol/schemas.ts';
import { hashPassword, newId, type Caller } from '../auth.ts';
import type { StoreDb } from '../db/database.ts';
import type { Kysely } from 'kysely';
import type { Database, StoresTable } from '../db/tables.ts';

export interface NewStore {
  store_id: string;
  label: string;
  currency: string;
  tax_rate: number;
  locale: string;
  timezone: string;
  address?: string;
  price_method?: 'tax_excluded' | 'tax_included';
}

const storeRow = (input: NewStore): StoresTable => ({
  store_id: input.store_id,
  label: input.label,
  currency: input.currency,
  tax_rate_micros: Math.round(input.tax_rate * 1_000_000),
  price_method: input.price_method ?? 'tax_excluded',
  locale: input.locale,
  timezone: input.timezone,
  address: input.address ?? null,
  created_at: new Date().toISOString(),
});

export async function createStore(db: Kysely<Database>, input: NewStore): Promise<void> {
  await db.insertInto('stores').values(storeRow(input)).execute();
}

/** Creates the store or replaces its settings; true when it was created. */
export async function saveStore(db: Kysely<Database>, input: NewStore): Promise<boolean> {
  const existing = await findStore(db, input.store_id);
  const { created_at: _created, ...settings } = storeRow(input);
  if (existing === undefined) {
    await createStore(db, input);
    return true;
  }
  await db.updateTable('stores').set(settings).where('store_id', '=', input.store_id).execute();
  return false;
}

export interface NewUser {
  username: string;
  password: string;
  display_name: string;
  role: 'associate' | 'manager' | 'admin';
  store_id: string | null;
}

export async function createUser(db: Kysely<Database>, input: NewUser): Promise<string> {
  const userId = newId();
  await db
    .insertInto('users')
    .values({
      user_id: userId,
      username: input.username,
      password_hash: await hashPassword(input.password),
      display_name: input.display_name,
      role: input.role,
      store_id: input.store_id,
      created_at: new Date().toISOString(),
    })
    .execute();
  return userId;
}

export const toStore = (row: StoresTable): Store => ({
  store_id: row.store_id,
  label: row.label,
  currency: row.currency,
  tax_rate: row.tax_rate_micros / 1_000_000,
  price_method: row.price_method === 'tax_included' ? 'tax_included' : 'tax_excluded',
  locale: row.locale,
  timezone: row.timezone,
  ...(row.address === null ? {} : { address: row.address }),
});

export async function findStore(
  db: Kysely<Database>,
  storeId: string,
): Promise<StoresTable | undefined> {
  return db.selectFrom('stores').selectAll().where('store_id', '=', storeId).executeTakeFirst();
}

export async function countStores(store: StoreDb): Promise<number> {
  const row = await store.db
    .selectFrom('stores')
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function listStores(store: StoreDb, caller: Caller): Promise<Store[]> {
  let query = store.db.selectFrom('stores').selectAll().orderBy('store_id');
  if (caller.role !== 'admin') query = query.where('store_id', '=', caller.storeId ?? '');
  return (await query.execute()).map(toStore);
}
