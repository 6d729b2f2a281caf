// Serial exceptions reach devices through GET /v0/sync/pull: opened and resolved ones after the
// cursor, once each, inside the device's store; cursors of older servers still work.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DummyDriver,
  Kysely,
  PostgresAdapter,
  PostgresQueryCompiler,
  SqliteAdapter,
  SqliteIntrospector,
  SqliteQueryCompiler,
} from 'kysely';
import type { PullResponse } from '../../../src/protocol/sync-protocol.ts';
import type { Database, SerialUnitsTable } from '../../../server/src/db/tables.ts';
import { insertActiveUnit } from '../../../server/src/services/serial-registry.ts';
import { exceptionsOf, freshSerial, inject, newDevice, serialSale } from './serial-support.ts';
import { startTestApp, type TestApp } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const pull = (query: string, token = t.tokens.associate) =>
  t.call<PullResponse>('GET', `/v0/sync/pull?${query}`, { token });

/** Pulls page after page from `since` until the server has nothing more. */
async function pullAll(deviceId: string, since = '') {
  let cursor = since;
  const seen: PullResponse['serial_exceptions'] = [];
  for (let page = 0; page < 50; page += 1) {
    const reply = await pull(`device_id=${deviceId}${cursor === '' ? '' : `&since=${cursor}`}`);
    expect(reply.status).toBe(200);
    seen.push(...reply.body.serial_exceptions);
    cursor = reply.body.next_cursor;
    if (!reply.body.has_more) break;
  }
  return { cursor, seen };
}

describe('serial exceptions in the pull', () => {
  it('delivers an exception when opened and again when resolved, never twice otherwise', async () => {
    const device = await newDevice(t);
    const start = await pullAll(device);

    const serial = freshSerial();
    const first = await inject(t, serialSale([{ serial }]));
    const second = await inject(t, serialSale([{ serial }]));
    const [row] = await exceptionsOf(t, second.body.id);
    if (row === undefined) throw new Error('no exception opened');

    const opened = await pullAll(device, start.cursor);
    expect(opened.seen.map((e) => [e.id, e.kind, e.state])).toEqual([
      [row.id, 'duplicate', 'open'],
    ]);
    expect(opened.seen[0]).toMatchObject({
      order: { id: second.body.id },
      other_order: { id: first.body.id },
      serial_number: serial,
    });
    expect((await pullAll(device, opened.cursor)).seen).toEqual([]);

    await t.call('POST', `/v0/serial-exceptions/${row.id}/resolve`, {
      token: t.tokens.manager,
      body: { resolution: 'accepted' },
    });
    const resolved = await pullAll(device, opened.cursor);
    expect(resolved.seen.map((e) => [e.id, e.state, e.resolution])).toEqual([
      [row.id, 'resolved', 'accepted'],
    ]);
  });

  it('reads a cursor without the exception field (older server) as "every exception"', async () => {
    const device = await newDevice(t);
    await inject(t, serialSale([{}]));
    const all = (await pullAll(device)).seen.length;
    expect(all).toBeGreaterThan(0);
    const old = Buffer.from(JSON.stringify({ c: 0, p: '', v: 0 })).toString('base64url');
    expect((await pullAll(device, old)).seen).toHaveLength(all);
    const bad = Buffer.from(JSON.stringify({ c: 0, p: '', v: 0, x: -1 })).toString('base64url');
    expect((await pull(`device_id=${device}&since=${bad}`)).status).toBe(400);
  });

  it("keeps another store's exceptions out of a device's pull", async () => {
    const other = await t.call<{ device_id: string }>('POST', '/v0/devices', {
      token: t.tokens.otherAssociate,
      body: { store_id: 'other-store' },
    });
    await inject(t, serialSale([{}]));
    const reply = await pull(`device_id=${other.body.device_id}`, t.tokens.otherAssociate);
    expect(reply.body.serial_exceptions).toEqual([]);
  });
});

describe('the registry insert on both databases', () => {
  it.each([
    ['PostgreSQL', () => new PostgresAdapter(), () => new PostgresQueryCompiler()],
    ['SQLite', () => new SqliteAdapter(), () => new SqliteQueryCompiler()],
  ] as const)(
    'on %s repeats the partial index predicate literally in ON CONFLICT',
    async (_name, createAdapter, createQueryCompiler) => {
      const sent: string[] = [];
      // A driver that runs nothing: the test reads the SQL the service really builds.
      const db = new Kysely<Database>({
        dialect: {
          createAdapter,
          createDriver: () => new DummyDriver(),
          createIntrospector: (kysely) => new SqliteIntrospector(kysely),
          createQueryCompiler,
        },
        log: (event) => {
          sent.push(event.query.sql);
        },
      });
      const unit = { id: 'u1', product_id: 'p', serial_number: 's' } as SerialUnitsTable;
      await db.transaction().execute((trx) => insertActiveUnit(trx, unit));
      const insert = sent.find((text) => text.startsWith('insert into "serial_units"')) ?? '';
      // A bound parameter here would not match the partial index on PostgreSQL.
      expect(insert).toMatch(
        /on conflict \("product_id", "serial_number"\) where "active" = 1 do nothing returning "id"$/,
      );
    },
  );
});
