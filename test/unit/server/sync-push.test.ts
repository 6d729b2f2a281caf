// Device registration and POST /v0/sync/push: exactly-once application of an outbox.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order, OrderCreated } from '../../../src/protocol/schemas.ts';
import type { Mutation, PushResponse } from '../../../src/protocol/sync-protocol.ts';
import { demoOrder, OTHER_STORE, startTestApp, type TestApp } from './support.ts';
import { PROTOCOL_VERSION } from '../../../src/protocol/wire-constants.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

async function newDevice(store = 'demo-store', token?: string): Promise<string> {
  const reply = await t.call<{ device_id: string; last_applied_seq: number }>(
    'POST',
    '/v0/devices',
    {
      token: token ?? t.tokens.associate,
      body: { store_id: store, name: 'Till 1' },
    },
  );
  expect(reply.status).toBe(201);
  expect(reply.body.last_applied_seq).toBe(0);
  return reply.body.device_id;
}

const sale = (seq: number, payload: unknown = demoOrder()): Mutation => ({
  seq,
  id: randomUUID(),
  type: 'order.create',
  payload,
});

const push = (deviceId: string, mutations: Mutation[], token = t.tokens.associate) =>
  t.call<PushResponse & { error?: string; expected_seq?: number }>('POST', '/v0/sync/push', {
    token,
    body: { device_id: deviceId, protocol_version: PROTOCOL_VERSION, mutations },
  });

const orderCount = async (): Promise<number> =>
  (await t.app.storeDb.db.selectFrom('orders').select('id').execute()).length;

describe('POST /v0/devices', () => {
  it('registers, returns the last applied seq on re-registration, refuses another store', async () => {
    const deviceId = await newDevice();
    await push(deviceId, [sale(1), sale(2)]);
    const again = await t.call('POST', '/v0/devices', {
      token: t.tokens.associate,
      body: { store_id: 'demo-store', device_id: deviceId },
    });
    expect(again).toMatchObject({
      status: 200,
      body: { device_id: deviceId, last_applied_seq: 2 },
    });
    const stolen = await t.call('POST', '/v0/devices', {
      body: { store_id: OTHER_STORE, device_id: deviceId },
    });
    expect(stolen.status).toBe(409);
    const foreign = await t.call('POST', '/v0/devices', {
      token: t.tokens.associate,
      body: { store_id: OTHER_STORE },
    });
    expect(foreign.status).toBe(403);
  });
});

describe('POST /v0/sync/push', () => {
  it('applies new mutations and answers a replayed batch (lost ack) with the stored results', async () => {
    const deviceId = await newDevice();
    const batch = [sale(1), sale(2)];
    const before = await orderCount();
    const first = await push(deviceId, batch);
    expect(first.status).toBe(200);
    expect(first.body.last_applied_seq).toBe(2);
    expect(first.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    const created = first.body.results[0]?.result as OrderCreated;
    expect(created.external_id).toBe((batch[0]?.payload as { external_id: string }).external_id);

    const replay = await push(deviceId, batch);
    expect(replay.status).toBe(200);
    expect(replay.body.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(replay.body.results.map((r) => r.result)).toEqual(
      first.body.results.map((r) => r.result),
    );
    expect(replay.body.last_applied_seq).toBe(2);
    expect(await orderCount()).toBe(before + 2);

    const order = await t.call<Order>('GET', `/v0/orders/${created.id}`, {
      token: t.tokens.associate,
    });
    expect(order.body.device_id).toBe(deviceId);
  });

  it('answers 409 with the expected seq on a gap and applies nothing', async () => {
    const deviceId = await newDevice();
    await push(deviceId, [sale(1)]);
    const before = await orderCount();
    const gap = await push(deviceId, [sale(3), sale(4)]);
    expect(gap.status).toBe(409);
    expect(gap.body).toMatchObject({ error: 'seq_gap', expected_seq: 2 });
    const holes = await push(deviceId, [sale(2), sale(4)]);
    expect(holes.status).toBe(409);
    expect(await orderCount()).toBe(before);

    const resumed = await push(deviceId, [sale(2), sale(3)]);
    expect(resumed.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect(resumed.body.last_applied_seq).toBe(3);
  });

  it('rejects a poison mutation, advances seq, and still applies the next one', async () => {
    const deviceId = await newDevice();
    const bad = demoOrder() as unknown as Record<string, unknown>;
    delete bad.items;
    const reply = await push(deviceId, [
      sale(1, bad),
      { seq: 2, id: randomUUID(), type: 'teleport.create', payload: {} },
      sale(3, demoOrder({ store_id: OTHER_STORE })),
      sale(4),
    ]);
    expect(reply.status).toBe(200);
    expect(reply.body.results.map((r) => [r.status, r.error?.error])).toEqual([
      ['rejected', 'invalid_payload'],
      ['rejected', 'unknown_mutation_type'],
      ['rejected', 'forbidden'],
      ['applied', undefined],
    ]);
    expect(reply.body.results[0]?.error?.message).toContain('payload.items');
    expect(reply.body.last_applied_seq).toBe(4);

    // Text a database cannot store is one more poison, not a reason to refuse the batch.
    const nul = demoOrder();
    nul.items[0]!.serial_number = 'SN\u0000BROKEN';
    const next = await push(deviceId, [sale(5, nul), sale(6)]);
    expect(next.status).toBe(200);
    expect(next.body.results.map((r) => [r.status, r.error?.error])).toEqual([
      ['rejected', 'invalid_payload'],
      ['applied', undefined],
    ]);
    expect(next.body.results[0]?.error?.message).toContain('payload.items[0].serial_number');
  });

  it('keeps a synced sale whose product the server does not know', async () => {
    const deviceId = await newDevice();
    const order = demoOrder();
    order.items[0]!.product_id = 'sold-offline-unknown';
    const reply = await push(deviceId, [sale(1, order)]);
    expect(reply.body.results[0]?.status).toBe('applied');
    const stored = await t.call<Order>('GET', `/v0/orders?external_id=${order.external_id}`, {
      token: t.tokens.associate,
    });
    expect(stored.body.items[0]).toMatchObject({ product_id: 'sold-offline-unknown', title: null });
  });

  it('flags the same mutation id or seq with another payload as idempotency_mismatch', async () => {
    const deviceId = await newDevice();
    const original = sale(1);
    await push(deviceId, [original]);
    const before = await orderCount();

    // Same seq and id, other payload.
    const sameSeq = await push(deviceId, [{ ...original, payload: demoOrder() }]);
    expect(sameSeq.body.results[0]?.status).toBe('idempotency_mismatch');
    expect(sameSeq.body.last_applied_seq).toBe(1);

    // Same id at a new seq, other payload: not applied, but the seq advances.
    const sameId = await push(deviceId, [{ ...original, seq: 2, payload: demoOrder() }]);
    expect(sameId.body.results[0]?.status).toBe('idempotency_mismatch');
    expect(sameId.body.last_applied_seq).toBe(2);

    // Same id and payload at a new seq: a duplicate with the first answer.
    const resent = await push(deviceId, [{ ...original, seq: 3 }]);
    expect(resent.body.results[0]?.status).toBe('duplicate');
    expect(await orderCount()).toBe(before);
  });

  it('answers a repeated mutation inside one batch as a duplicate of the first', async () => {
    const deviceId = await newDevice();
    const before = await orderCount();
    const once = sale(1);
    const reply = await push(deviceId, [once, { ...once, seq: 2 }]);
    expect(reply.body.results.map((r) => r.status)).toEqual(['applied', 'duplicate']);
    expect(reply.body.results[1]?.result).toEqual(reply.body.results[0]?.result);
    expect(await orderCount()).toBe(before + 1);
  });

  it("does not answer another store's device with this device's result for its mutation id", async () => {
    const deviceId = await newDevice();
    const theirs = sale(1);
    const applied = await push(deviceId, [theirs]);
    const orderId = (applied.body.results[0]?.result as OrderCreated).id;
    // A device of another store replays that mutation, id and payload, as its own seq 1.
    const other = await newDevice(OTHER_STORE, t.tokens.otherAssociate);
    const replayed = await push(other, [theirs], t.tokens.otherAssociate);
    expect(replayed.status).toBe(200);
    expect(replayed.body.results[0]?.status).toBe('rejected');
    expect(JSON.stringify(replayed.body)).not.toContain(orderId);
    // The device that sent it still gets its answer back: the replay the log is for.
    const again = await push(deviceId, [theirs]);
    expect(again.body.results[0]).toMatchObject({ status: 'duplicate', result: { id: orderId } });
  });

  it('applies a batch once when two tabs push it at the same time', async () => {
    const deviceId = await newDevice();
    const before = await orderCount();
    const batch = [sale(1), sale(2), sale(3)];
    const replies = await Promise.all([push(deviceId, batch), push(deviceId, batch)]);
    const statuses = replies.map((r) => r.body.results.map((x) => x.status).join());
    expect(statuses.sort()).toEqual(['applied,applied,applied', 'duplicate,duplicate,duplicate']);
    expect(replies[0]?.body.results.map((r) => r.result)).toEqual(
      replies[1]?.body.results.map((r) => r.result),
    );
    expect(await orderCount()).toBe(before + 3);
  });

  it('is 404 for an unknown device and 403 for another store’s device', async () => {
    const unknown = await push(randomUUID(), [sale(1)]);
    expect(unknown).toMatchObject({ status: 404, body: { error: 'unknown_device' } });
    const deviceId = await newDevice();
    const foreign = await push(deviceId, [sale(1)], t.tokens.otherAssociate);
    expect(foreign.status).toBe(403);
  });

  // One malformed payload per mutation type: each is checked against its own schema from
  // src/protocol/mutations.ts, refused naming the field, and the queue still moves on.
  it.each([
    ['order.create', { ...demoOrder(), currency: 'dollars' }, 'payload.currency'],
    [
      'fulfillment.pick',
      { request_id: 'r-1', items: [{ serial_number: 'X' }] },
      'payload.items[0].id',
    ],
    ['fulfillment.ship', { tracking_code: 'T-1' }, 'payload.request_id'],
    [
      'serial_exception.resolve',
      { exception_id: 'e-1', resolution: 'ignored' },
      'payload.resolution',
    ],
  ])(
    'rejects a malformed %s payload naming %s, then applies the next sale',
    async (type, payload, field) => {
      const deviceId = await newDevice();
      const before = await orderCount();
      const reply = await push(deviceId, [{ seq: 1, id: randomUUID(), type, payload }, sale(2)]);
      expect(reply.status).toBe(200);
      const [bad, next] = reply.body.results;
      expect(bad).toMatchObject({ status: 'rejected', error: { error: 'invalid_payload' } });
      expect(bad?.error?.details?.map((d) => d.field)).toContain(field);
      expect(bad?.error?.message).toContain(field);
      expect(next?.status).toBe('applied');
      expect(reply.body.last_applied_seq).toBe(2);
      expect(await orderCount()).toBe(before + 1);
    },
  );

  it.each([
    [0, 'Update the app.'],
    [2, 'Update the store server.'],
    [99, 'Update the store server.'],
  ])('answers protocol_version %i with 426 (%s) and applies nothing', async (version, advice) => {
    const deviceId = await newDevice();
    const before = await orderCount();
    const reply = await t.call<{ error: string; message: string; max_protocol_version: number }>(
      'POST',
      '/v0/sync/push',
      {
        token: t.tokens.associate,
        body: { device_id: deviceId, protocol_version: version, mutations: [sale(1)] },
      },
    );
    expect(reply.status).toBe(426);
    expect(reply.body).toMatchObject({
      error: 'unsupported_protocol_version',
      max_protocol_version: PROTOCOL_VERSION,
    });
    expect(reply.body.message).toContain(advice);
    expect(await orderCount()).toBe(before);
    // The device's queue is untouched: seq 1 is still the next one to apply.
    const retry = await push(deviceId, [sale(1)]);
    expect(retry.body.results[0]?.status).toBe('applied');
  });

  it('refuses a push without protocol_version with 400 naming the field', async () => {
    const deviceId = await newDevice();
    const reply = await t.call<{ details: Array<{ field: string }> }>('POST', '/v0/sync/push', {
      token: t.tokens.associate,
      body: { device_id: deviceId, mutations: [sale(1)] },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.details.map((d) => d.field)).toContain('protocol_version');
  });

  it('refuses a malformed envelope with 400 naming the field', async () => {
    const deviceId = await newDevice();
    const reply = await t.call<{ details: Array<{ field: string }> }>('POST', '/v0/sync/push', {
      token: t.tokens.associate,
      body: {
        device_id: deviceId,
        protocol_version: PROTOCOL_VERSION,
        mutations: [{ seq: 0, id: 'not-a-uuid', type: 'order.create', payload: {} }],
      },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.details.map((d) => d.field)).toEqual(['mutations[0].seq', 'mutations[0].id']);
  });
});
