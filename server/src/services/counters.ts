/**
 * Named monotonically increasing counters (catalog change number, configuration version),
 * advanced inside the caller's transaction. On PostgreSQL the UPDATE holds the counter row's
 * lock until commit, so numbers become visible in the order they were handed out — a pull
 * that has seen number N never misses a later commit with a smaller one.
 */
import type { Trx } from '../db/database.ts';

export const Counters = {
  catalogChange: 'catalog_change',
  configVersion: 'config_version',
  serialChange: 'serial_change',
  fulfillmentChange: 'fulfillment_change',
  /** Orders and returns, for the store history in the pull (DESIGN §10.5). */
  historyChange: 'history_change',
} as const;
export type CounterName = (typeof Counters)[keyof typeof Counters];

/** Advances the counter by one and returns the new value. */
export async function nextValue(trx: Trx, name: CounterName): Promise<number> {
  await trx
    .insertInto('counters')
    .values({ name, value: 0 })
    .onConflict((conflict) => conflict.column('name').doNothing())
    .execute();
  const row = await trx
    .updateTable('counters')
    .set((eb) => ({ value: eb('value', '+', 1) }))
    .where('name', '=', name)
    .returning('value')
    .executeTakeFirstOrThrow();
  return Number(row.value);
}
