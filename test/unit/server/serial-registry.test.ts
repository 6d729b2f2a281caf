// The serial registry at order creation: one active record per serial, duplicates and bad
// serials kept with exceptions, never a refused sale; the verdict in the create answer.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order, OrderCreated } from '../../../src/protocol/schemas.ts';
import type { SerialLookup } from '../../../src/protocol/serials.ts';
import {
  exceptionsOf,
  freshSerial,
  inject,
  mutation,
  newDevice,
  openExceptions,
  productId,
  push,
  serialSale,
  unitsWithSerial,
} from './serial-support.ts';
import { startTestApp, userIdOf, type TestApp } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('serials at order creation', () => {
  it('registers a valid take-now serial as the active record and answers accepted', async () => {
    const serial = freshSerial();
    const reply = await inject(t, serialSale([{ serial, method: 'camera' }, { product: 15 }]));
    expect(reply.status).toBe(201);
    expect(reply.body.items.map((i) => [i.serial_number, i.serial_state])).toEqual([
      [serial, 'accepted'],
      [null, null],
    ]);
    const units = await unitsWithSerial(t, serial);
    expect(units).toHaveLength(1);
    expect(units[0]).toMatchObject({
      product_id: productId(0),
      order_id: reply.body.id,
      order_item_id: reply.body.items[0]?.id,
      state: 'sold',
      active: 1,
      capture_method: 'camera',
      // Injected with a token bound to no device, by the demo associate.
      capture_device_id: null,
      capture_associate_id: await userIdOf(t, 'associate'),
      config_version: 3,
    });
    expect(await exceptionsOf(t, reply.body.id)).toEqual([]);
  });

  it('registers the serial without what the scanner added, letter case kept', async () => {
    const serial = freshSerial();
    const reply = await inject(t, serialSale([{ serial: `]C1${serial}\r\n` }]));
    expect(reply.body.items[0]?.serial_state).toBe('accepted');
    expect((await unitsWithSerial(t, serial)).map((u) => u.active)).toEqual([1]);
    const lower = serial.toLowerCase();
    // Lower case fails the demo pattern: a different serial, kept with an exception.
    const second = await inject(t, serialSale([{ serial: lower }]));
    expect(second.status).toBe(201);
    expect((await exceptionsOf(t, second.body.id)).map((e) => e.kind)).toEqual(['invalid_format']);
  });

  it('keeps two sales of one serial from two devices and opens one duplicate naming both', async () => {
    const serial = freshSerial();
    const tillA = await newDevice(t);
    const tillB = await newDevice(t);
    const saleA = serialSale([{ serial, method: 'scanner' }]);
    const saleB = serialSale([{ serial, method: 'typed' }]);
    const a = await push(t, tillA, [mutation(1, 'order.create', saleA)]);
    const b = await push(t, tillB, [mutation(1, 'order.create', saleB)]);
    expect([a.body.results[0]?.status, b.body.results[0]?.status]).toEqual(['applied', 'applied']);
    const first = a.body.results[0]?.result as OrderCreated;
    const second = b.body.results[0]?.result as OrderCreated;
    expect(first.items[0]?.serial_state).toBe('accepted');
    expect(second.items[0]?.serial_state).toBe('exception');

    const units = await unitsWithSerial(t, serial);
    expect(units.map((u) => [u.order_id, u.active])).toEqual([
      [first.id, 1],
      [second.id, 0],
    ]);
    const exceptions = await exceptionsOf(t, second.id);
    expect(exceptions).toHaveLength(1);
    expect(exceptions[0]).toMatchObject({
      kind: 'duplicate',
      state: 'open',
      serial_number: serial,
      order_id: second.id,
      other_order_id: first.id,
    });
    expect(second.items[0]?.serial_exception_ids).toEqual([exceptions[0]?.id]);
    const stored = await t.call<Order>('GET', `/v0/orders/${second.id}`);
    expect(stored.body.items[0]).toMatchObject({
      serial_number: serial,
      serial_state: 'exception',
      serial_exception_ids: [exceptions[0]?.id],
    });

    const listed = (await openExceptions(t)).find((e) => e.id === exceptions[0]?.id);
    expect(listed).toMatchObject({
      kind: 'duplicate',
      product_id: productId(0),
      order: { id: second.id, external_id: saleB.external_id, device_id: tillB },
      other_order: { id: first.id, external_id: saleA.external_id, device_id: tillA },
    });
  });

  it('does not count a replayed push or a re-injected order as a duplicate', async () => {
    const serial = freshSerial();
    const till = await newDevice(t);
    const sale = mutation(1, 'order.create', serialSale([{ serial }]));
    const first = await push(t, till, [sale]);
    const replay = await push(t, till, [sale]);
    expect(replay.body.results[0]?.status).toBe('duplicate');
    expect(replay.body.results[0]?.result).toEqual(first.body.results[0]?.result);

    const order = serialSale([{ serial: freshSerial() }]);
    const created = await inject(t, order);
    const again = await inject(t, order);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(created.body);
    expect(again.body.items[0]?.serial_state).toBe('accepted');

    const ids = [(first.body.results[0]?.result as OrderCreated).id, created.body.id];
    for (const id of ids) expect(await exceptionsOf(t, id)).toEqual([]);
    expect(await unitsWithSerial(t, serial)).toHaveLength(1);
  });

  it('keeps a sale whose serial fails the pattern changed while the device was offline', async () => {
    const serial = freshSerial(); // valid under the demo pattern the device still has
    const manager = t.tokens.manager;
    const config = {
      capabilities: { serialized_inventory: { serial_number_regex: '^[0-9]{10}$' } },
    };
    const changed = await t.call<{ version: number }>(
      'PUT',
      '/v0/stores/demo-store/associate-app/config',
      { token: manager, body: config },
    );
    expect(changed.status).toBe(200);
    try {
      const reply = await inject(t, serialSale([{ serial, method: 'camera' }]));
      expect(reply.status).toBe(201);
      expect(reply.body.items[0]?.serial_state).toBe('exception');
      const [exception] = await exceptionsOf(t, reply.body.id);
      expect(exception).toMatchObject({
        kind: 'invalid_format',
        state: 'open',
        serial_number: serial,
      });
      expect(JSON.parse(exception?.details_json ?? '{}')).toMatchObject({
        reason: 'pattern_mismatch',
        pattern: '^[0-9]{10}$',
        server_config_version: changed.body.version,
        device_config_version: 3,
      });
      // Kept, and it holds the serial: the unit is the active record.
      expect((await unitsWithSerial(t, serial)).map((u) => u.active)).toEqual([1]);
    } finally {
      await t.call('DELETE', '/v0/stores/demo-store/associate-app/config', { token: manager });
    }
  });

  it('opens a missing exception for a take-now serialized unit without serial', async () => {
    const reply = await inject(t, serialSale([{}, { product: 1, serial: '\r\n' }]));
    expect(reply.status).toBe(201);
    expect(reply.body.items.map((i) => i.serial_state)).toEqual(['exception', 'exception']);
    const exceptions = await exceptionsOf(t, reply.body.id);
    expect(exceptions.map((e) => [e.kind, e.order_item_id, e.serial_number])).toEqual([
      ['missing', reply.body.items[0]?.id, null],
      ['missing', reply.body.items[1]?.id, null],
    ]);
  });

  it('asks nothing of ship and pick-up lines: a serial sent on one is kept but not registered', async () => {
    const serial = freshSerial();
    const reply = await inject(
      t,
      serialSale([
        { shipping: 'traditional_carrier' },
        { shipping: 'in_store_pick_up', serial },
        { product: 15, serial: freshSerial() },
      ]),
    );
    expect(reply.status).toBe(201);
    expect(reply.body.items.map((i) => [i.serial_number, i.serial_state])).toEqual([
      [null, null],
      [serial, null],
      [expect.any(String), null],
    ]);
    expect(await exceptionsOf(t, reply.body.id)).toEqual([]);
    expect(await unitsWithSerial(t, serial)).toEqual([]);
  });

  it('lets only one of twenty devices pushing one serial at once hold it', async () => {
    const serial = freshSerial();
    const devices = await Promise.all(Array.from({ length: 20 }, () => newDevice(t)));
    const sales = devices.map(() => serialSale([{ serial, method: 'scanner' }]));
    const replies = await Promise.all(
      devices.map((device, i) => push(t, device, [mutation(1, 'order.create', sales[i])])),
    );
    expect(replies.map((r) => r.status)).toEqual(devices.map(() => 200));
    expect(replies.map((r) => r.body.results[0]?.status)).toEqual(devices.map(() => 'applied'));
    const orderIds = replies.map((r) => (r.body.results[0]?.result as OrderCreated).id);
    expect(new Set(orderIds).size).toBe(20);

    const units = await unitsWithSerial(t, serial);
    expect(units).toHaveLength(20);
    const active = units.filter((u) => u.active === 1);
    expect(active).toHaveLength(1);
    const holder = active[0]?.order_id;
    const duplicates = (
      await t.app.storeDb.db
        .selectFrom('serial_exceptions')
        .selectAll()
        .where('serial_number', '=', serial)
        .execute()
    ).filter((e) => e.kind === 'duplicate');
    expect(duplicates).toHaveLength(19);
    expect(new Set(duplicates.map((e) => e.other_order_id))).toEqual(new Set([holder]));
    expect(new Set(duplicates.map((e) => e.order_id))).toEqual(
      new Set(orderIds.filter((id) => id !== holder)),
    );

    const lookup = await t.call<SerialLookup>('GET', `/v0/serials/${serial}`, {
      token: t.tokens.associate,
    });
    expect(lookup.body).toMatchObject({ active: true, order: { id: holder }, state: 'sold' });
    expect(lookup.body.history).toHaveLength(20);
  });

  it('never refuses a sale of an unknown product through sync for its serial', async () => {
    const till = await newDevice(t);
    const sale = serialSale([{ serial: freshSerial() }]);
    sale.items[0]!.product_id = 'not-in-the-catalog';
    const reply = await push(t, till, [mutation(1, 'order.create', sale)]);
    expect(reply.body.results[0]?.status).toBe('applied');
    const created = reply.body.results[0]?.result as OrderCreated;
    expect(created.items[0]?.serial_state).toBeNull();
  });
});
