/**
 * One store must not see or touch another's (issue 11). The serial registry is chain-wide by
 * design — a serial is sold once in the chain — but another store's sale shows only as "in
 * another store", and another store's ids answer as unknown ones do. Each refusal is paired
 * with what the same call shows to those who may see it, so the refusals mean something.
 * (Store ids: store-ids.test.ts; a device's own mutation log: sync-push.test.ts.)
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ErrorBody, OrderCreated } from '../../../src/protocol/schemas.ts';
import type {
  SerialException,
  SerialExceptionList,
  SerialLookup,
} from '../../../src/protocol/serials.ts';
import { MutationTypes } from '../../../src/protocol/wire-constants.ts';
import { freshSerial, mutation, newDevice, push, serialSale } from './serial-support.ts';
import {
  demoOrder,
  OTHER_STORE,
  signInOtherManager,
  startTestApp,
  type TestApp,
} from './support.ts';

let t: TestApp;
let otherManager: string;
let otherDevice: string;

beforeAll(async () => {
  t = await startTestApp();
  otherManager = await signInOtherManager(t);
  const device = await t.call<{ device_id: string }>('POST', '/v0/devices', {
    token: t.tokens.otherAssociate,
    body: { store_id: OTHER_STORE, name: 'Their till' },
  });
  otherDevice = device.body.device_id;
});
afterAll(async () => {
  await t.close();
});

/** A take-now sale of one serialized phone in the other store (7 % tax). */
function otherStoreSale(serial: string) {
  const sale = serialSale([{ serial, method: 'scanner' }]);
  const order = demoOrder({ store_id: OTHER_STORE }, [0], 0.07);
  return {
    ...order,
    items: order.items.map((item, i) => ({ ...item, ...sale.items[i], price: item.price })),
  };
}

/** The demo store sells `serial` from its till; the other store then sells it too. */
async function soldInBothStores(serial = freshSerial()) {
  const till = await newDevice(t);
  const first = serialSale([{ serial, method: 'scanner' }]);
  const firstPush = await push(t, till, [mutation(1, MutationTypes.orderCreate, first)]);
  const firstOrder = firstPush.body.results[0]?.result as OrderCreated;
  const second = otherStoreSale(serial);
  const seq = (await nextSeq(otherDevice)) + 1;
  const secondPush = await push(
    t,
    otherDevice,
    [mutation(seq, MutationTypes.orderCreate, second)],
    t.tokens.otherAssociate,
  );
  expect(secondPush.body.results[0]?.status).toBe('applied');
  const secondOrder = secondPush.body.results[0]?.result as OrderCreated;
  expect(secondOrder.items[0]?.serial_state).toBe('exception');
  return { serial, till, first, firstOrder, second, secondOrder };
}

async function nextSeq(deviceId: string): Promise<number> {
  const row = await t.app.storeDb.db
    .selectFrom('devices')
    .select('last_applied_seq')
    .where('device_id', '=', deviceId)
    .executeTakeFirstOrThrow();
  return Number(row.last_applied_seq);
}

/** Every way the demo store's sale could be named, none of which may reach the other store. */
function secretsOf(sold: Awaited<ReturnType<typeof soldInBothStores>>): string[] {
  return [
    sold.firstOrder.id,
    sold.first.external_id,
    sold.till,
    sold.firstOrder.items[0]?.id ?? '?',
  ];
}

const exceptionFor = async (token: string, serial: string, query = '') => {
  const reply = await t.call<SerialExceptionList>(
    'GET',
    `/v0/serial-exceptions?state=open${query}`,
    { token },
  );
  expect(reply.status).toBe(200);
  return reply.body.serial_exceptions.filter((e) => e.serial_number === serial);
};

describe('the chain-wide serial registry, seen from one store', () => {
  it("shows the other store's holder of a duplicate serial as only 'in another store'", async () => {
    const sold = await soldInBothStores();
    const [exception] = await exceptionFor(otherManager, sold.serial);
    expect(exception).toMatchObject({ kind: 'duplicate', store_id: OTHER_STORE });
    expect(exception?.other_order).toEqual({ in_another_store: true });
    const text = JSON.stringify(exception);
    for (const secret of secretsOf(sold)) expect(text).not.toContain(secret);

    // An admin sees the whole chain: the holder is there to be hidden.
    const [seenByAdmin] = await exceptionFor(
      t.tokens.admin,
      sold.serial,
      `&store_id=${OTHER_STORE}`,
    );
    expect(seenByAdmin?.other_order).toMatchObject({
      id: sold.firstOrder.id,
      external_id: sold.first.external_id,
      device_id: sold.till,
    });
  });

  it("answers GET /v0/serials/{serial} without the other store's sale", async () => {
    const sold = await soldInBothStores();
    const reply = await t.call<SerialLookup>('GET', `/v0/serials/${sold.serial}`, {
      token: t.tokens.otherAssociate,
    });
    expect(reply.status).toBe(200);
    expect(reply.body.store_id).toBe(OTHER_STORE);
    expect(reply.body.open_exceptions.map((e) => e.other_order)).toEqual([
      { in_another_store: true },
    ]);
    const text = JSON.stringify(reply.body);
    for (const secret of secretsOf(sold)) expect(text).not.toContain(secret);
  });

  it("keeps the other store's sale out of the device's pull too", async () => {
    const sold = await soldInBothStores();
    const pulled = await t.call<{ serial_exceptions: SerialException[] }>(
      'GET',
      `/v0/sync/pull?device_id=${otherDevice}`,
      { token: t.tokens.otherAssociate },
    );
    const mine = pulled.body.serial_exceptions.filter((e) => e.serial_number === sold.serial);
    expect(mine.map((e) => e.other_order)).toEqual([{ in_another_store: true }]);
    for (const secret of secretsOf(sold)) expect(JSON.stringify(mine)).not.toContain(secret);
  });

  it('refuses a correction to a serial the other store holds without naming its order', async () => {
    const held = await soldInBothStores();
    // Another duplicate gives the other store's manager an exception to correct.
    const own = await soldInBothStores();
    const [exception] = await exceptionFor(otherManager, own.serial);
    const reply = await t.call<ErrorBody>(
      'POST',
      `/v0/serial-exceptions/${exception?.id ?? '?'}/resolve`,
      { token: otherManager, body: { resolution: 'corrected', serial_number: held.serial } },
    );
    expect(reply.status).toBe(409);
    expect(reply.body.error).toBe('serial_conflict');
    expect(reply.body.message).toContain('another store');
    for (const secret of secretsOf(held)) expect(JSON.stringify(reply.body)).not.toContain(secret);
  });
});

describe("another store's ids answer as unknown ones", () => {
  it('for a serial exception to resolve', async () => {
    const sold = await soldInBothStores();
    const [exception] = await exceptionFor(otherManager, sold.serial);
    const id = exception?.id ?? '?';
    const foreign = await t.call<ErrorBody>('POST', `/v0/serial-exceptions/${id}/resolve`, {
      token: t.tokens.manager,
      body: { resolution: 'accepted' },
    });
    const unknown = await t.call<ErrorBody>('POST', '/v0/serial-exceptions/no-such-id/resolve', {
      token: t.tokens.manager,
      body: { resolution: 'accepted' },
    });
    expect([foreign.status, foreign.body.error]).toEqual([404, 'not_found']);
    expect(foreign.body.message.replace(id, 'ID')).toBe(
      unknown.body.message.replace('no-such-id', 'ID'),
    );
  });
});
