/**
 * Access (issue 7): access tokens remember the device they were issued for, refresh tokens
 * (stored as sha256, rotating, grouped in a family so a replayed one revokes the whole chain),
 * and the failure counters behind sign-in rate limiting and lockout.
 */
import type { Kysely, Migration } from 'kysely';

export const accessMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('tokens').addColumn('device_id', 'text').execute();
    await db.schema
      .createTable('refresh_tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('family_id', 'text', (c) => c.notNull())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.user_id'))
      .addColumn('store_id', 'text')
      .addColumn('device_id', 'text')
      .addColumn('expires_at', 'text', (c) => c.notNull())
      // Set when rotated: presenting a used refresh token again means it was copied.
      .addColumn('used_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('refresh_tokens_family')
      .on('refresh_tokens')
      .column('family_id')
      .execute();
    await db.schema
      .createTable('auth_failures')
      // `user:NAME` or `ip:ADDRESS`.
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('failures', 'integer', (c) => c.notNull())
      .addColumn('first_failed_at', 'text', (c) => c.notNull())
      .addColumn('locked_until', 'text')
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('auth_failures').ifExists().execute();
    await db.schema.dropTable('refresh_tokens').ifExists().execute();
    await db.schema.alterTable('tokens').dropColumn('device_id').execute();
  },
};
