/**
 * The first schema: stores and people, the catalog (products, identifier keys, prices,
 * availabilities), app configuration, orders, and the device sync ledger. Written with
 * Kysely's schema builder only, so the same migration runs on SQLite and PostgreSQL.
 * Money columns are `bigint` because cents overflow PostgreSQL's 32-bit `integer`.
 */
import type { Kysely, Migration } from 'kysely';

export const initialMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('stores')
      .addColumn('store_id', 'text', (c) => c.primaryKey())
      .addColumn('label', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('tax_rate_micros', 'integer', (c) => c.notNull())
      .addColumn('price_method', 'text', (c) => c.notNull())
      .addColumn('locale', 'text', (c) => c.notNull())
      .addColumn('timezone', 'text', (c) => c.notNull())
      .addColumn('address', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('users')
      .addColumn('user_id', 'text', (c) => c.primaryKey())
      .addColumn('username', 'text', (c) => c.notNull().unique())
      .addColumn('password_hash', 'text', (c) => c.notNull())
      .addColumn('display_name', 'text', (c) => c.notNull())
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('store_id', 'text', (c) => c.references('stores.store_id'))
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('tokens')
      .addColumn('token_hash', 'text', (c) => c.primaryKey())
      .addColumn('user_id', 'text', (c) => c.notNull().references('users.user_id'))
      .addColumn('role', 'text', (c) => c.notNull())
      .addColumn('store_id', 'text')
      .addColumn('expires_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('counters')
      .addColumn('name', 'text', (c) => c.primaryKey())
      .addColumn('value', 'bigint', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('products')
      .addColumn('product_id', 'text', (c) => c.primaryKey())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('brand', 'text')
      .addColumn('variant_group_id', 'text')
      .addColumn('serialized', 'integer', (c) => c.notNull())
      .addColumn('identifiers_json', 'text', (c) => c.notNull())
      .addColumn('attributes_json', 'text', (c) => c.notNull())
      .addColumn('change_no', 'bigint', (c) => c.notNull())
      .addColumn('deleted', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('products_change')
      .on('products')
      .columns(['change_no', 'product_id'])
      .execute();

    await db.schema
      .createTable('product_identifiers')
      .addColumn('key', 'text', (c) => c.primaryKey())
      .addColumn('product_id', 'text', (c) => c.notNull().references('products.product_id'))
      .execute();
    await db.schema
      .createIndex('product_identifiers_product')
      .on('product_identifiers')
      .column('product_id')
      .execute();

    await db.schema
      .createTable('prices')
      .addColumn('pricebook', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('product_id', 'text', (c) => c.notNull().references('products.product_id'))
      .addColumn('amount_minor', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('prices_pk', ['pricebook', 'currency', 'product_id'])
      .execute();
    await db.schema.createIndex('prices_product').on('prices').column('product_id').execute();

    await db.schema
      .createTable('availabilities')
      .addColumn('fulfillment_node_id', 'text', (c) => c.notNull())
      .addColumn('product_id', 'text', (c) => c.notNull())
      .addColumn('quantity', 'integer', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('availabilities_pk', ['fulfillment_node_id', 'product_id'])
      .execute();

    await db.schema
      .createTable('app_configs')
      .addColumn('scope', 'text', (c) => c.primaryKey())
      .addColumn('config_json', 'text')
      .addColumn('version', 'bigint', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();

    await db.schema
      .createTable('orders')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.store_id'))
      .addColumn('external_id', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('channel_type', 'text', (c) => c.notNull())
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('price_method', 'text', (c) => c.notNull())
      .addColumn('placed_at', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('associate_id', 'text')
      .addColumn('device_id', 'text')
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('subtotal_minor', 'bigint', (c) => c.notNull())
      .addColumn('tax_minor', 'bigint', (c) => c.notNull())
      .addColumn('total_minor', 'bigint', (c) => c.notNull())
      .addColumn('payments_json', 'text', (c) => c.notNull())
      .addColumn('request_json', 'text', (c) => c.notNull())
      .addUniqueConstraint('orders_store_external', ['store_id', 'external_id'])
      .execute();

    await db.schema
      .createTable('order_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('external_item_id', 'text', (c) => c.notNull())
      // No foreign key: a sale synced from a device is kept even when its product is unknown.
      .addColumn('product_id', 'text', (c) => c.notNull())
      .addColumn('item_price_minor', 'bigint', (c) => c.notNull())
      .addColumn('list_price_minor', 'bigint')
      .addColumn('tax_minor', 'bigint', (c) => c.notNull())
      .addColumn('tax_lines_json', 'text', (c) => c.notNull())
      .addColumn('shipping_type', 'text', (c) => c.notNull())
      .addColumn('serial_number', 'text')
      .addColumn('serial_capture_json', 'text')
      .addUniqueConstraint('order_items_external', ['order_id', 'external_item_id'])
      .execute();
    await db.schema
      .createIndex('order_items_serial')
      .on('order_items')
      .column('serial_number')
      .execute();

    await db.schema
      .createTable('devices')
      .addColumn('device_id', 'text', (c) => c.primaryKey())
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.store_id'))
      .addColumn('name', 'text')
      .addColumn('last_applied_seq', 'bigint', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('last_seen_at', 'text')
      .execute();

    await db.schema
      .createTable('mutation_log')
      .addColumn('device_id', 'text', (c) => c.notNull().references('devices.device_id'))
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .addColumn('mutation_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('payload_hash', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('result_json', 'text')
      .addColumn('error_json', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addPrimaryKeyConstraint('mutation_log_pk', ['device_id', 'seq'])
      .execute();
    await db.schema
      .createIndex('mutation_log_mutation')
      .on('mutation_log')
      .column('mutation_id')
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    for (const table of [
      'mutation_log',
      'devices',
      'order_items',
      'orders',
      'app_configs',
      'availabilities',
      'prices',
      'product_identifiers',
      'products',
      'counters',
      'tokens',
      'users',
      'stores',
    ]) {
      await db.schema.dropTable(table).ifExists().execute();
    }
  },
};
