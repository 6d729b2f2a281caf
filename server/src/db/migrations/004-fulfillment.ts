/**
 * Fulfilment (issue 6): `fulfillment_requests`, one per order and shipping type whose items a
 * store picks (ship by carrier, or pick-up), and `fulfillment_items`, one per unit to pick with
 * its serial once picked. Each change of a request takes the next `fulfillment_change` number,
 * so the sync pull delivers requests created, picked, shipped or cancelled after its cursor.
 */
import type { Kysely, Migration } from 'kysely';

export const fulfillmentMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('fulfillment_requests')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.store_id'))
      .addColumn('shipping_type', 'text', (c) => c.notNull())
      .addColumn('priority', 'integer', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('customer_name', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('change_no', 'bigint', (c) => c.notNull())
      .addColumn('picked_at', 'text')
      .addColumn('shipped_at', 'text')
      .addColumn('tracking_code', 'text')
      .addColumn('carrier', 'text')
      .addColumn('closed_by', 'text')
      .addColumn('cancel_reason', 'text')
      .addUniqueConstraint('fulfillment_requests_order_type', ['order_id', 'shipping_type'])
      .execute();
    await db.schema
      .createIndex('fulfillment_requests_queue')
      .on('fulfillment_requests')
      .columns(['store_id', 'state', 'priority', 'created_at'])
      .execute();
    await db.schema
      .createIndex('fulfillment_requests_change')
      .on('fulfillment_requests')
      .columns(['store_id', 'change_no'])
      .execute();

    await db.schema
      .createTable('fulfillment_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('request_id', 'text', (c) => c.notNull().references('fulfillment_requests.id'))
      .addColumn('order_item_id', 'text', (c) => c.notNull().unique().references('order_items.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('product_id', 'text', (c) => c.notNull())
      .addColumn('title', 'text', (c) => c.notNull())
      .addColumn('serialized', 'integer', (c) => c.notNull())
      .addColumn('picked', 'integer', (c) => c.notNull())
      .addColumn('serial_number', 'text')
      .addColumn('unit_id', 'text', (c) => c.references('serial_units.id'))
      .addColumn('picked_at', 'text')
      .addColumn('picked_by', 'text')
      .addColumn('picked_device_id', 'text')
      .execute();
    await db.schema
      .createIndex('fulfillment_items_request')
      .on('fulfillment_items')
      .columns(['request_id', 'position'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('fulfillment_items').ifExists().execute();
    await db.schema.dropTable('fulfillment_requests').ifExists().execute();
  },
};
