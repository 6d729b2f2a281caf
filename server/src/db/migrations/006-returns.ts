/**
 * Returns and the serial's whole life (issue 12, DESIGN §10.1–§10.2, §10.5):
 * - `returns` and `return_items`: every return kept, idempotent on (store, x_external_id), a
 *   unit of an order referenced by its order item; blind returns have no order.
 * - `serial_events`: the append-only history of each (product, serial) — sold, picked,
 *   shipped, returned, quarantined, released, scrapped — whose last event is its state.
 * - `orders.history_change` / `returns.history_change`: numbers from the `history_change`
 *   counter, so the sync pull delivers the store's recent orders and returns after a cursor.
 *   Existing orders are numbered in creation order and get their `sold` events here.
 */
import { sql, type Kysely, type Migration } from 'kysely';

/** Orders numbered per UPDATE statement while backfilling (SQLite and PostgreSQL alike). */
const BACKFILL_BATCH = 500;

export const returnsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema.alterTable('orders').addColumn('history_change', 'bigint').execute();

    await db.schema
      .createTable('returns')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('store_id', 'text', (c) => c.notNull().references('stores.store_id'))
      .addColumn('order_id', 'text', (c) => c.references('orders.id'))
      .addColumn('x_external_id', 'text', (c) => c.notNull())
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('returned_at', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('associate_id', 'text')
      .addColumn('device_id', 'text')
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('refund_minor', 'bigint', (c) => c.notNull())
      .addColumn('refunds_json', 'text', (c) => c.notNull())
      .addColumn('approval_json', 'text')
      .addColumn('shift_id', 'text')
      .addColumn('flags_json', 'text', (c) => c.notNull())
      .addColumn('history_change', 'bigint', (c) => c.notNull())
      .addUniqueConstraint('returns_store_external', ['store_id', 'x_external_id'])
      .execute();
    await db.schema.createIndex('returns_order').on('returns').column('order_id').execute();
    await db.schema
      .createIndex('returns_history')
      .on('returns')
      .columns(['store_id', 'history_change'])
      .execute();

    await db.schema
      .createTable('return_items')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('return_id', 'text', (c) => c.notNull().references('returns.id'))
      .addColumn('position', 'integer', (c) => c.notNull())
      .addColumn('order_item_id', 'text', (c) => c.references('order_items.id'))
      .addColumn('product_id', 'text', (c) => c.notNull())
      .addColumn('serial_number', 'text')
      .addColumn('condition', 'text', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('refund_minor', 'bigint', (c) => c.notNull())
      .addColumn('serial_state', 'text')
      .execute();
    await db.schema
      .createIndex('return_items_return')
      .on('return_items')
      .columns(['return_id', 'position'])
      .execute();
    await db.schema
      .createIndex('return_items_order_item')
      .on('return_items')
      .column('order_item_id')
      .execute();

    await db.schema
      .createTable('serial_events')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('product_id', 'text', (c) => c.notNull())
      .addColumn('serial_number', 'text', (c) => c.notNull())
      .addColumn('kind', 'text', (c) => c.notNull())
      .addColumn('store_id', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text')
      .addColumn('associate_id', 'text')
      .addColumn('order_id', 'text')
      .addColumn('return_id', 'text')
      .addColumn('unit_id', 'text')
      .addColumn('capture_method', 'text')
      .addColumn('details_json', 'text', (c) => c.notNull())
      .addColumn('at', 'text', (c) => c.notNull())
      // Insertion order: events of one transaction share a timestamp.
      .addColumn('seq', 'bigint', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('serial_events_serial')
      .on('serial_events')
      .columns(['serial_number', 'product_id', 'seq'])
      .execute();

    // Existing orders, in creation order, get history numbers; existing units their events.
    const orders = await sql<{ id: string }>`select id from orders order by created_at, id`.execute(
      db,
    );
    let number = 0;
    for (let start = 0; start < orders.rows.length; start += BACKFILL_BATCH) {
      const batch = orders.rows.slice(start, start + BACKFILL_BATCH);
      const first = number + 1;
      number += batch.length;
      const cases = sql.join(
        batch.map((row, i) => sql`when ${row.id} then ${first + i}`),
        sql` `,
      );
      const ids = sql.join(batch.map((row) => sql`${row.id}`));
      await sql`update orders set history_change = case id ${cases} end where id in (${ids})`.execute(
        db,
      );
    }
    if (number > 0) {
      await sql`insert into counters (name, value) values ('history_change', ${number})
        on conflict (name) do update set value = excluded.value`.execute(db);
    }
    await sql`insert into serial_events
        (id, product_id, serial_number, kind, store_id, device_id, associate_id, order_id,
         return_id, unit_id, capture_method, details_json, at, seq)
      select id, product_id, serial_number,
             case when state = 'picked' or state = 'shipped' then 'picked' else 'sold' end,
             store_id, capture_device_id, capture_associate_id, order_id, null, id,
             capture_method, '{}', created_at, 0
      from serial_units`.execute(db);
    await db.schema
      .createIndex('orders_history')
      .on('orders')
      .columns(['store_id', 'history_change'])
      .execute();
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('serial_events').ifExists().execute();
    await db.schema.dropTable('return_items').ifExists().execute();
    await db.schema.dropTable('returns').ifExists().execute();
    await db.schema.dropIndex('orders_history').ifExists().execute();
    await db.schema.alterTable('orders').dropColumn('history_change').execute();
  },
};
