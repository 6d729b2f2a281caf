// A chain runs several server processes against one database. Two servers (two connection
// pools; on SQLite two connections to one file) take pushes at the same instant: one serial is
// held once, a batch is applied once, and contention (40001/40P01, SQLITE_BUSY) is retried.
// Runs on SQLite and, with AISLE_TEST_PG_URL, on PostgreSQL (vitest project server-postgres).
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PushResponse } from '../../../src/protocol/sync-protocol.ts';
import { buildApp } from '../../../server/src/app.ts';
import { inTransaction } from '../../../server/src/db/database.ts';
import { freshSerial, mutation, newDevice, serialSale, unitsWithSerial } from './serial-support.ts';
import { ADMIN_TOKEN, startTestApp, type TestApp } from './support.ts';
import { PROTOCOL_VERSION } from '../../../src/protocol/wire-constants.ts';

let t: TestApp;
let second: FastifyInstance;
beforeAll(async () => {
  t = await startTestApp();
  second = await buildApp({ databaseUrl: t.databaseUrl, adminToken: ADMIN_TOKEN });
});
afterAll(async () => {
  await second.close();
  await t.close();
});

/** Alternates between the two servers, like a load balancer in front of them. */
async function pushVia(server: number, deviceId: string, body: unknown) {
  const app = server % 2 === 0 ? t.app : second;
  const reply = await app.inject({
    method: 'POST',
    url: '/v0/sync/push',
    headers: { authorization: `Bearer ${t.tokens.associate}` },
    payload: { device_id: deviceId, protocol_version: PROTOCOL_VERSION, mutations: body } as Record<
      string,
      unknown
    >,
  });
  return { status: reply.statusCode, body: JSON.parse(reply.body) as PushResponse };
}

describe('two servers, one database', () => {
  it('gives one serial pushed by 16 devices at once to exactly one sale; the rest are exceptions', async () => {
    const serial = freshSerial();
    const devices = await Promise.all(Array.from({ length: 16 }, () => newDevice(t)));
    const replies = await Promise.all(
      devices.map((device, i) =>
        pushVia(i, device, [mutation(1, 'order.create', serialSale([{ serial }]))]),
      ),
    );
    expect(replies.map((r) => r.status)).toEqual(devices.map(() => 200));
    expect(replies.map((r) => r.body.results[0]?.status)).toEqual(devices.map(() => 'applied'));
    const units = await unitsWithSerial(t, serial);
    expect(units).toHaveLength(16);
    expect(units.filter((u) => Number(u.active) === 1)).toHaveLength(1);
    const duplicates = await t.app.storeDb.db
      .selectFrom('serial_exceptions')
      .select('order_id')
      .where('serial_number', '=', serial)
      .where('kind', '=', 'duplicate')
      .execute();
    expect(duplicates).toHaveLength(15);
  });

  it('many devices returning and reselling one serial at once: every return and sale kept, one holder', async () => {
    const serial = freshSerial();
    const seller = await newDevice(t);
    const sale = serialSale([{ serial }]);
    const sold = await pushVia(0, seller, [mutation(1, 'order.create', sale)]);
    expect(sold.body.results[0]?.status).toBe('applied');
    // 6 tills return that unit (offline, so all pay out) while 6 others sell the serial again.
    const returners = await Promise.all(Array.from({ length: 6 }, () => newDevice(t)));
    const resellers = await Promise.all(Array.from({ length: 6 }, () => newDevice(t)));
    const replies = await Promise.all([
      ...returners.map((device, i) =>
        pushVia(i, device, [
          mutation(1, 'order.return', {
            order_id: sale.external_id,
            x_external_id: `RET-${randomUUID()}`,
            returned_from: 'demo-store',
            items: [
              { item_id: '1', reason: 'rush', condition: 'resellable', serial_number: serial },
            ],
            refunds: [],
          }),
        ]),
      ),
      ...resellers.map((device, i) =>
        pushVia(i + 1, device, [mutation(1, 'order.create', serialSale([{ serial }]))]),
      ),
    ]);
    expect(replies.map((r) => [r.status, r.body.results?.[0]?.status])).toEqual(
      replies.map(() => [200, 'applied']),
    );
    const db = t.app.storeDb.db;
    const returns = await db
      .selectFrom('return_items')
      .select('id')
      .where('serial_number', '=', serial)
      .execute();
    expect(returns).toHaveLength(6);
    const units = await unitsWithSerial(t, serial);
    expect(units).toHaveLength(7);
    expect(units.filter((u) => Number(u.active) === 1).length).toBeLessThanOrEqual(1);
    const duplicateReturns = await db
      .selectFrom('serial_exceptions')
      .select('id')
      .where('serial_number', '=', serial)
      .where('kind', '=', 'duplicate_return')
      .execute();
    expect(duplicateReturns).toHaveLength(5);
    // The history holds one `returned` (the unit came back once) and every sale.
    const events = await db
      .selectFrom('serial_events')
      .select('kind')
      .where('serial_number', '=', serial)
      .execute();
    expect(events.filter((e) => e.kind === 'returned')).toHaveLength(1);
    expect(events.filter((e) => e.kind === 'sold')).toHaveLength(7);
  });

  it('applies one batch sent to both servers at once exactly once', async () => {
    const device = await newDevice(t);
    const batch = [1, 2, 3].map((seq) =>
      mutation(seq, 'order.create', serialSale([{ serial: freshSerial() }])),
    );
    const replies = await Promise.all([0, 1, 2, 3].map((i) => pushVia(i, device, batch)));
    expect(replies.map((r) => r.status)).toEqual([200, 200, 200, 200]);
    for (const reply of replies) expect(reply.body.last_applied_seq).toBe(3);
    const statuses = replies.flatMap((r) => r.body.results.map((m) => m.status));
    // Each mutation is applied by exactly one of the four pushes, a duplicate for the others.
    expect(statuses.filter((s) => s === 'applied')).toHaveLength(3);
    expect(statuses.filter((s) => s === 'duplicate')).toHaveLength(9);
    const orders = await t.app.storeDb.db
      .selectFrom('orders')
      .select('id')
      .where('device_id', '=', device)
      .execute();
    expect(orders).toHaveLength(3);
  });

  it('retries transactions the database aborts for contention until each has run once', async () => {
    const name = `retry-${randomUUID()}`;
    await t.app.storeDb.db.insertInto('counters').values({ name, value: 0 }).execute();
    let attempts = 0;
    const bump = (store: typeof t.app.storeDb) =>
      inTransaction(
        store,
        async (trx) => {
          attempts += 1;
          // SERIALIZABLE on PostgreSQL: concurrent read-modify-writes fail with 40001.
          if (store.dialect === 'postgres')
            await sql`set transaction isolation level serializable`.execute(trx);
          const row = await trx
            .selectFrom('counters')
            .select('value')
            .where('name', '=', name)
            .executeTakeFirstOrThrow();
          await trx
            .updateTable('counters')
            .set({ value: Number(row.value) + 1 })
            .where('name', '=', name)
            .execute();
        },
        30,
      );
    await Promise.all(
      Array.from({ length: 12 }, (_, i) => bump(i % 2 === 0 ? t.app.storeDb : second.storeDb)),
    );
    const row = await t.app.storeDb.db
      .selectFrom('counters')
      .select('value')
      .where('name', '=', name)
      .executeTakeFirstOrThrow();
    // No lost update: every bump counted once, whatever the retries.
    expect(Number(row.value)).toBe(12);
    if (t.app.storeDb.dialect === 'postgres') expect(attempts).toBeGreaterThan(12);
  });
});
