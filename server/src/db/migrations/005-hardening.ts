/**
 * Hardening (issue 11): `order_flags`, what the server found wrong with a sale it kept (money
 * that does not add up, a price below the catalog, a sale naming another device or associate),
 * listed for a manager beside serial exceptions; and `tokens.family_id`, so revoking a refresh
 * family revokes the access tokens minted from it too.
 */
import type { Kysely, Migration } from 'kysely';

export const hardeningMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('order_flags')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.store_id'))
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('field', 'text', (c) => c.notNull())
      .addColumn('message', 'text', (c) => c.notNull())
      .addColumn('details_json', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('position', 'integer', (c) => c.notNull())
      .execute();
    await db.schema.createIndex('order_flags_order').on('order_flags').column('order_id').execute();
    await db.schema
      .createIndex('order_flags_store')
      .on('order_flags')
      .columns(['store_id', 'created_at'])
      .execute();
    await db.schema.alterTable('tokens').addColumn('family_id', 'text').execute();
    await db.schema.createIndex('tokens_family').on('tokens').column('family_id').execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropIndex('tokens_family').ifExists().execute();
    await db.schema.alterTable('tokens').dropColumn('family_id').execute();
    await db.schema.dropTable('order_flags').ifExists().execute();
  },
};
