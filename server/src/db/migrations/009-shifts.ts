/**
 * A till's shifts and cash movements (issue 14, DESIGN §10.4):
 * - `shifts`: one row per shift, opened and closed by one device. A partial unique index on
 *   `device_id` over the open rows lets the database itself refuse a second open shift on one
 *   device, even when two pushes race.
 * - `shift_movements`: safe drops, paid in, paid out, each keyed by the device's movement id.
 * - `orders.shift_id` (returns carry theirs since migration 006): the shift a sale is counted
 *   in, set only when the server accepted the sale into that shift (open, this device's).
 */
import { sql, type Kysely, type Migration } from 'kysely';

export const shiftsMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    await db.schema
      .createTable('shifts')
      .addColumn('shift_id', 'text', (c) => c.primaryKey())
      .addColumn('store_id', 'text', (c) => c.notNull())
      .addColumn('device_id', 'text', (c) => c.notNull())
      .addColumn('associate_id', 'text')
      .addColumn('currency', 'text', (c) => c.notNull())
      .addColumn('opened_at', 'text', (c) => c.notNull())
      .addColumn('opening_float_minor', 'bigint', (c) => c.notNull())
      .addColumn('open_hash', 'text', (c) => c.notNull())
      // 1 while open: the partial unique index below allows one open shift per device.
      .addColumn('open', 'integer', (c) => c.notNull())
      .addColumn('closed_at', 'text')
      .addColumn('counted_cash_minor', 'bigint')
      .addColumn('counted_json', 'text')
      .addColumn('close_hash', 'text')
      .addColumn('closed_by', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('shifts_open_per_device')
      .on('shifts')
      .column('device_id')
      .unique()
      .where(sql.ref('open'), '=', 1)
      .execute();
    await db.schema
      .createIndex('shifts_store')
      .on('shifts')
      .columns(['store_id', 'opened_at'])
      .execute();

    await db.schema
      .createTable('shift_movements')
      .addColumn('movement_id', 'text', (c) => c.primaryKey())
      .addColumn('shift_id', 'text', (c) => c.notNull().references('shifts.shift_id'))
      .addColumn('store_id', 'text', (c) => c.notNull())
      .addColumn('type', 'text', (c) => c.notNull())
      .addColumn('amount_minor', 'bigint', (c) => c.notNull())
      .addColumn('reason', 'text', (c) => c.notNull())
      .addColumn('moved_at', 'text', (c) => c.notNull())
      .addColumn('associate_id', 'text')
      .addColumn('content_hash', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('shift_movements_shift')
      .on('shift_movements')
      .column('shift_id')
      .execute();

    await db.schema.alterTable('orders').addColumn('shift_id', 'text').execute();
    await db.schema.createIndex('orders_shift').on('orders').column('shift_id').execute();
    await db.schema.createIndex('returns_shift').on('returns').column('shift_id').execute();
  },
};
