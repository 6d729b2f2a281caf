/**
 * The serial registry: `serial_units` (one row per captured unit, kept forever) and
 * `serial_exceptions` (duplicates, invalid formats and missing serials for a manager).
 * "One serial is sold once" is a partial unique index on the ACTIVE units of a
 * (product, serial) pair, so two concurrent sales cannot both hold it; the loser's unit is
 * kept inactive with a `duplicate` exception. Partial indexes exist on SQLite and PostgreSQL
 * alike, and the predicate is a literal (`active = 1`) as both require.
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const serialRegistryMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('serial_units')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('product_id', 'text', (c) => c.notNull())
      // Current serial (a manager's correction replaces it) and the one captured at the till.
      .addColumn('serial_number', 'text', (c) => c.notNull())
      .addColumn('captured_serial_number', 'text', (c) => c.notNull())
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.store_id'))
      .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
      .addColumn('order_item_id', 'text', (c) => c.notNull().unique().references('order_items.id'))
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('active', 'integer', (c) => c.notNull())
      .addColumn('capture_method', 'text')
      .addColumn('capture_associate_id', 'text')
      .addColumn('capture_device_id', 'text')
      .addColumn('captured_at', 'text')
      .addColumn('config_version', 'bigint')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('serial_units_active')
      .on('serial_units')
      .columns(['product_id', 'serial_number'])
      .unique()
      .where(sql.ref('active'), '=', 1)
      .execute();
    await db.schema
      .createIndex('serial_units_serial')
      .on('serial_units')
      .columns(['serial_number', 'product_id'])
      .execute();
    await db.schema
      .createIndex('serial_units_captured')
      .on('serial_units')
      .column('captured_serial_number')
      .execute();
    await db.schema
      .createIndex('serial_units_order')
      .on('serial_units')
      .column('order_id')
      .execute();

    await db.schema
      .createTable('serial_exceptions')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.store_id'))
      .addColumn('product_id', 'text', (c) => c.notNull())
      .addColumn('serial_number', 'text')
      .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
      .addColumn('other_order_id', 'text', (c) => c.references('orders.id'))
      .addColumn('order_item_id', 'text', (c) => c.notNull().references('order_items.id'))
      // Null for `missing` until a correction gives the item a unit.
      .addColumn('unit_id', 'text', (c) => c.references('serial_units.id'))
      .addColumn('details_json', 'text', (c) => c.notNull())
      .addColumn('opened_at', 'text', (c) => c.notNull())
      // Serial change number: the pull delivers exceptions opened or resolved after its cursor.
      .addColumn('change_no', 'bigint', (c) => c.notNull())
      .addColumn('resolution', 'text')
      .addColumn('resolved_serial', 'text')
      .addColumn('resolved_by', 'text')
      .addColumn('resolved_at', 'text')
      .addColumn('note', 'text')
      .execute();
    await db.schema
      .createIndex('serial_exceptions_change')
      .on('serial_exceptions')
      .columns(['store_id', 'change_no'])
      .execute();
    await db.schema
      .createIndex('serial_exceptions_state')
      .on('serial_exceptions')
      .columns(['store_id', 'state'])
      .execute();
    await db.schema
      .createIndex('serial_exceptions_item')
      .on('serial_exceptions')
      .column('order_item_id')
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('serial_exceptions').ifExists().execute();
    await db.schema.dropTable('serial_units').ifExists().execute();
  },
};
