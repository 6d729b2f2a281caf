/**
 * Customers on orders and the e-mailed receipt's queue (issue 13, DESIGN §10.3):
 * - `orders.customer_*` and `orders.*_address_json`: the customer and addresses as kept (the
 *   request as sent stays in `request_json`). Existing orders get theirs from `request_json`;
 *   the schema they were accepted under allowed only name, e-mail and a strict address.
 * - `receipt_emails`: one row per order whose receipt is e-mailed, the primary key on the
 *   order so an order can never be queued twice; the worker's claim, lease and fencing token
 *   (see `server/src/services/receipt-email-queue.ts`).
 */
import { sql, type Kysely, type Migration } from 'kysely';

/** Orders read and updated per round while backfilling. */
const BACKFILL_BATCH = 500;

interface LegacyContacts {
  customer_name?: unknown;
  customer_email?: unknown;
  shipping_address?: unknown;
}

const text = (value: unknown): string | null =>
  typeof value === 'string' && value.trim() !== '' ? value.trim() : null;

export const receiptEmailMigration: Migration = {
  async up(db: Kysely<unknown>): Promise<void> {
    for (const column of [
      'customer_name',
      'customer_email',
      'customer_phone',
      'shipping_address_json',
      'billing_address_json',
    ]) {
      await db.schema.alterTable('orders').addColumn(column, 'text').execute();
    }

    await db.schema
      .createTable('receipt_emails')
      .addColumn('order_id', 'text', (c) => c.primaryKey().references('orders.id'))
      .addColumn('store_id', 'text', (c) => c.notNull())
      .addColumn('recipient', 'text', (c) => c.notNull())
      // Its own idempotency key: the same on every attempt, so a receiving system can tell.
      .addColumn('message_id', 'text', (c) => c.notNull())
      .addColumn('state', 'text', (c) => c.notNull())
      .addColumn('attempts', 'integer', (c) => c.notNull())
      .addColumn('next_attempt_at', 'text', (c) => c.notNull())
      .addColumn('claim_token', 'text')
      .addColumn('lease_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('smtp_response', 'text')
      .addColumn('created_at', 'text', (c) => c.notNull())
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .addColumn('sent_at', 'text')
      .execute();
    await db.schema
      .createIndex('receipt_emails_due')
      .on('receipt_emails')
      .columns(['state', 'next_attempt_at'])
      .execute();

    // Only orders whose request names a customer or an address have anything to copy.
    let after = '';
    for (;;) {
      const { rows } = await sql<{ id: string; request_json: string }>`
        select id, request_json from orders
        where id > ${after}
          and (request_json like '%"customer_%' or request_json like '%"shipping_address"%')
        order by id limit ${BACKFILL_BATCH}`.execute(db);
      for (const row of rows) {
        const request = JSON.parse(row.request_json) as LegacyContacts;
        const address =
          typeof request.shipping_address === 'object' && request.shipping_address !== null
            ? JSON.stringify(request.shipping_address)
            : null;
        await sql`update orders set customer_name = ${text(request.customer_name)},
            customer_email = ${text(request.customer_email)},
            shipping_address_json = ${address}
          where id = ${row.id}`.execute(db);
      }
      const last = rows.at(-1);
      if (last === undefined || rows.length < BACKFILL_BATCH) break;
      after = last.id;
    }
  },

  async down(db: Kysely<unknown>): Promise<void> {
    await db.schema.dropTable('receipt_emails').ifExists().execute();
    for (const column of [
      'billing_address_json',
      'shipping_address_json',
      'customer_phone',
      'customer_email',
      'customer_name',
    ]) {
      await db.schema.alterTable('orders').dropColumn(column).execute();
    }
  },
};
