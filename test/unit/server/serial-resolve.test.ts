// A manager resolving serial exceptions (HTTP and sync mutation), and who may see or resolve.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderCreated } from '../../../src/protocol/schemas.ts';
import type { SerialException, SerialLookup } from '../../../src/protocol/serials.ts';
import {
  exceptionsOf,
  freshSerial,
  inject,
  mutation,
  newDevice,
  openExceptions,
  push,
  serialSale,
  unitsWithSerial,
} from './serial-support.ts';
import { OTHER_STORE, startTestApp, userIdOf, type TestApp } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

interface ErrorReply {
  error: string;
  message: string;
  details: Array<{ field: string; message: string }>;
}

/** Two sales of one serial: the second carries an open duplicate exception. */
async function duplicatePair(serial = freshSerial()) {
  const first = await inject(t, serialSale([{ serial }]));
  const request = serialSale([{ serial }]);
  const second = await inject(t, request);
  const [exception] = await exceptionsOf(t, second.body.id);
  if (exception === undefined) throw new Error('no exception opened');
  return {
    serial,
    first: first.body,
    second: { ...second.body, request },
    exceptionId: exception.id,
  };
}

const resolve = (id: string, body: unknown, token = t.tokens.manager) =>
  t.call<SerialException & ErrorReply>('POST', `/v0/serial-exceptions/${id}/resolve`, {
    token,
    body,
  });

const lookup = (serial: string, token = t.tokens.associate) =>
  t.call<SerialLookup & ErrorReply & { product_ids?: string[] }>(
    'GET',
    `/v0/serials/${encodeURIComponent(serial)}`,
    { token },
  );

describe('POST /v0/serial-exceptions/{id}/resolve', () => {
  it('corrects a duplicate: the later unit takes the right serial and holds it', async () => {
    const { serial, first, second, exceptionId } = await duplicatePair();
    const right = freshSerial();
    const reply = await resolve(exceptionId, { resolution: 'corrected', serial_number: right });
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      id: exceptionId,
      state: 'resolved',
      resolution: 'corrected',
      resolved_serial: right,
      order: { id: second.id },
      other_order: { id: first.id },
    });
    expect((await unitsWithSerial(t, serial)).map((u) => [u.order_id, u.active])).toEqual([
      [first.id, 1],
    ]);
    const moved = await lookup(right);
    expect(moved.body).toMatchObject({
      serial_number: right,
      captured_serial_number: serial,
      active: true,
      state: 'sold',
      order: { id: second.id },
      open_exceptions: [],
    });
    // Re-sending the later sale now answers its item as resolved.
    const replay = await inject(t, second.request);
    expect(replay.status).toBe(200);
    expect(replay.body.items[0]).toMatchObject({
      serial_state: 'resolved',
      serial_exception_ids: [exceptionId],
    });
  });

  it('accepts a duplicate as is: both units stay recorded, one holds the serial', async () => {
    const { serial, first, second, exceptionId } = await duplicatePair();
    const reply = await resolve(exceptionId, { resolution: 'accepted', note: 'customer swap' });
    expect(reply.body).toMatchObject({ state: 'resolved', resolution: 'accepted' });
    expect(reply.body.note).toBe('customer swap');
    expect((await unitsWithSerial(t, serial)).map((u) => [u.order_id, u.active, u.state])).toEqual([
      [first.id, 1, 'sold'],
      [second.id, 0, 'sold'],
    ]);
    expect((await openExceptions(t)).some((e) => e.id === exceptionId)).toBe(false);
  });

  it('voids an invalid serial: it leaves the active registry, the order stays', async () => {
    const bad = 'not-a-serial';
    const sale = await inject(t, serialSale([{ serial: bad }]));
    const [exception] = await exceptionsOf(t, sale.body.id);
    expect(exception?.kind).toBe('invalid_format');
    const reply = await resolve(exception!.id, { resolution: 'voided' });
    expect(reply.body).toMatchObject({ resolution: 'voided', state: 'resolved' });
    expect((await unitsWithSerial(t, bad)).map((u) => [u.state, u.active])).toEqual([
      ['voided', 0],
    ]);
    expect((await t.call('GET', `/v0/orders/${sale.body.id}`)).status).toBe(200);
    // The serial is free again: a later sale of it is not a duplicate (only invalid).
    const again = await inject(t, serialSale([{ serial: bad }]));
    expect((await exceptionsOf(t, again.body.id)).map((e) => e.kind)).toEqual(['invalid_format']);
  });

  it('gives a missing serial its unit when corrected', async () => {
    const sale = await inject(t, serialSale([{}]));
    const [exception] = await exceptionsOf(t, sale.body.id);
    const serial = freshSerial();
    const reply = await resolve(exception!.id, { resolution: 'corrected', serial_number: serial });
    expect(reply.status).toBe(200);
    const found = await lookup(serial);
    expect(found.body).toMatchObject({
      order: { id: sale.body.id },
      order_item_id: sale.body.items[0]?.id,
      active: true,
      capture: { method: 'typed' },
    });
  });

  it('refuses a correction that collides, fails the pattern or lacks the serial; nothing changes', async () => {
    const { exceptionId, second } = await duplicatePair();
    const taken = freshSerial();
    const holder = await inject(t, serialSale([{ serial: taken }]));

    const collide = await resolve(exceptionId, { resolution: 'corrected', serial_number: taken });
    expect(collide.status).toBe(409);
    expect(collide.body.error).toBe('serial_conflict');
    expect(collide.body.details[0]).toMatchObject({ field: 'serial_number' });
    expect(collide.body.message).toContain(holder.body.external_id);

    const invalid = await resolve(exceptionId, { resolution: 'corrected', serial_number: 'short' });
    expect(invalid.status).toBe(422);
    expect(invalid.body).toMatchObject({ error: 'invalid_serial' });
    expect(invalid.body.details[0]?.message).toMatch(/expected 14 capital letters or digits/);

    const without = await resolve(exceptionId, { resolution: 'corrected' });
    expect(without.status).toBe(422);
    expect(without.body.details[0]?.field).toBe('serial_number');

    const unknown = await resolve(exceptionId, { resolution: 'forgotten' });
    expect(unknown.status).toBe(400);

    const [row] = await exceptionsOf(t, second.id);
    expect(row).toMatchObject({ state: 'open', resolution: null });
    expect((await unitsWithSerial(t, taken)).map((u) => u.order_id)).toEqual([holder.body.id]);
  });

  it("settles all of a unit's problems with one correction, but accepts only the one named", async () => {
    const bad = `bad-${freshSerial()}`;
    const first = await inject(t, serialSale([{ serial: bad }]));
    const second = await inject(t, serialSale([{ serial: bad }]));
    const third = await inject(t, serialSale([{ serial: bad }]));
    // By kind: resolving renumbers the change order.
    const kinds = async (orderId: string) =>
      (await exceptionsOf(t, orderId))
        .map((e) => [e.kind, e.state, e.resolution])
        .sort((a, b) => String(a[0]).localeCompare(String(b[0])));
    expect(await kinds(second.body.id)).toEqual([
      ['duplicate', 'open', null],
      ['invalid_format', 'open', null],
    ]);

    const secondDuplicate = (await exceptionsOf(t, second.body.id)).find(
      (e) => e.kind === 'duplicate',
    );
    const fixed = freshSerial();
    await resolve(secondDuplicate!.id, { resolution: 'corrected', serial_number: fixed });
    expect(await kinds(second.body.id)).toEqual([
      ['duplicate', 'resolved', 'corrected'],
      ['invalid_format', 'resolved', 'corrected'],
    ]);
    // The first sale's own problem is untouched.
    expect(await kinds(first.body.id)).toEqual([['invalid_format', 'open', null]]);

    const thirdDuplicate = (await exceptionsOf(t, third.body.id)).find(
      (e) => e.kind === 'duplicate',
    );
    await resolve(thirdDuplicate!.id, { resolution: 'accepted' });
    expect(await kinds(third.body.id)).toEqual([
      ['duplicate', 'resolved', 'accepted'],
      ['invalid_format', 'open', null],
    ]);
  });

  it('answers 409 already_resolved the second time, and keeps the first resolution', async () => {
    const { exceptionId } = await duplicatePair();
    expect((await resolve(exceptionId, { resolution: 'accepted' })).status).toBe(200);
    const twice = await resolve(exceptionId, { resolution: 'voided' });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toBe('already_resolved');
    const [row] = await t.app.storeDb.db
      .selectFrom('serial_exceptions')
      .select('resolution')
      .where('id', '=', exceptionId)
      .execute();
    expect(row?.resolution).toBe('accepted');
  });

  it('lets one of two simultaneous resolutions win, and one of two corrections to one serial', async () => {
    const { exceptionId } = await duplicatePair();
    const both = await Promise.all([
      resolve(exceptionId, { resolution: 'accepted' }),
      resolve(exceptionId, { resolution: 'voided' }),
    ]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(both.find((r) => r.status === 409)?.body.error).toBe('already_resolved');

    const a = await duplicatePair();
    const b = await duplicatePair();
    const target = freshSerial();
    const corrections = await Promise.all([
      resolve(a.exceptionId, { resolution: 'corrected', serial_number: target }),
      resolve(b.exceptionId, { resolution: 'corrected', serial_number: target }),
    ]);
    expect(corrections.map((r) => r.status).sort()).toEqual([200, 409]);
    expect(corrections.find((r) => r.status === 409)?.body.error).toBe('serial_conflict');
    expect((await unitsWithSerial(t, target)).map((u) => u.active)).toEqual([1]);
  });

  it('lets only managers of the store (or admins) list and resolve', async () => {
    const { exceptionId } = await duplicatePair();
    expect(
      (await resolve(exceptionId, { resolution: 'accepted' }, t.tokens.associate)).status,
    ).toBe(403);
    const list = (token: string, query = 'state=open') =>
      t.call<{ serial_exceptions: SerialException[] }>('GET', `/v0/serial-exceptions?${query}`, {
        token,
      });
    expect((await list(t.tokens.associate)).status).toBe(403);
    expect((await list(t.tokens.manager, `store_id=${OTHER_STORE}`)).status).toBe(403);
    const admin = await list(t.tokens.admin, 'state=all');
    expect(admin.body.serial_exceptions.some((e) => e.id === exceptionId)).toBe(true);
    expect((await resolve('no-such-exception', { resolution: 'accepted' })).status).toBe(404);
    expect((await resolve(exceptionId, { resolution: 'accepted' }, t.tokens.admin)).status).toBe(
      200,
    );
    const resolved = await list(t.tokens.manager, 'state=resolved');
    expect(resolved.body.serial_exceptions.find((e) => e.id === exceptionId)).toMatchObject({
      resolution: 'accepted',
      resolved_by: 'Administrator',
    });
  });
});

describe('serial_exception.resolve sync mutation', () => {
  it('applies once for a manager device, answers replays the same, rejects a second resolution', async () => {
    const { exceptionId } = await duplicatePair();
    const till = await newDevice(t, t.tokens.manager);
    const resolution = mutation(1, 'serial_exception.resolve', {
      exception_id: exceptionId,
      resolution: 'accepted',
      note: 'resolved offline',
    });
    const first = await push(t, till, [resolution], t.tokens.manager);
    expect(first.body.results[0]).toMatchObject({
      status: 'applied',
      result: { id: exceptionId, resolution: 'accepted', note: 'resolved offline' },
    });
    const replay = await push(t, till, [resolution], t.tokens.manager);
    expect(replay.body.results[0]).toMatchObject({ status: 'duplicate' });
    expect(replay.body.results[0]?.result).toEqual(first.body.results[0]?.result);

    const other = mutation(2, 'serial_exception.resolve', {
      exception_id: exceptionId,
      resolution: 'voided',
    });
    const second = await push(t, till, [other], t.tokens.manager);
    expect(second.body.results[0]).toMatchObject({
      status: 'rejected',
      error: { error: 'already_resolved' },
    });
    expect(second.body.last_applied_seq).toBe(2);
  });

  it('rejects an associate device and a malformed payload without blocking the queue', async () => {
    const { exceptionId, second: order } = await duplicatePair();
    const till = await newDevice(t);
    const reply = await push(t, till, [
      mutation(1, 'serial_exception.resolve', { exception_id: exceptionId, resolution: 'voided' }),
      mutation(2, 'serial_exception.resolve', { resolution: 'voided' }),
      mutation(3, 'order.create', serialSale([{ serial: freshSerial() }])),
    ]);
    expect(reply.body.results.map((r) => [r.status, r.error?.error])).toEqual([
      ['rejected', 'forbidden'],
      ['rejected', 'invalid_payload'],
      ['applied', undefined],
    ]);
    expect((await exceptionsOf(t, order.id))[0]?.state).toBe('open');
  });
});

describe('GET /v0/serials/{serial_number}', () => {
  it('shows product, state, order, store, device, associate and capture details', async () => {
    const serial = freshSerial();
    const till = await newDevice(t);
    const sale = serialSale([{ serial, method: 'scanner' }]);
    const pushed = await push(t, till, [mutation(1, 'order.create', sale)]);
    const created = pushed.body.results[0]?.result as OrderCreated;
    const reply = await lookup(`]C1${serial}`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      serial_number: serial,
      product_id: sale.items[0]?.product_id,
      state: 'sold',
      active: true,
      store_id: 'demo-store',
      order: { id: created.id, external_id: sale.external_id, device_id: till },
      order_item_id: created.items[0]?.id,
      capture: {
        method: 'scanner',
        associate_id: await userIdOf(t, 'associate'),
        device_id: till,
        captured_at: '2026-11-27T10:00:00.000Z',
        config_version: 3,
      },
      open_exceptions: [],
    });
    expect(reply.body.product_title).toBeTypeOf('string');
    expect(reply.body.history).toHaveLength(1);
  });

  it('shows a duplicate as the holder with the open exception and both units in history', async () => {
    const { serial, first, exceptionId } = await duplicatePair();
    const reply = await lookup(serial);
    expect(reply.body.order.id).toBe(first.id);
    expect(reply.body.open_exceptions.map((e) => e.id)).toEqual([exceptionId]);
    expect(reply.body.history.map((u) => [u.active, u.state])).toEqual([
      [true, 'sold'],
      [false, 'exception'],
    ]);
  });

  it.each([
    ['a slash and a space', 'AB/12 X'],
    ['URL characters', 'A%B?#&'],
    ['non-ASCII', 'ÄÖ-1'],
  ])('finds a serial with %s (URL-encoded in the path)', async (_name, serial) => {
    const sale = await inject(t, serialSale([{ serial: `${serial}-${freshSerial()}` }]));
    const stored = sale.body.items[0]?.serial_number ?? '';
    const reply = await lookup(stored);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ serial_number: stored, order: { id: sale.body.id } });
  });

  it('asks for product_id when several products share the serial, 404 when unknown or in another store', async () => {
    const serial = freshSerial();
    await inject(t, serialSale([{ serial }, { product: 1, serial }]));
    const ambiguous = await lookup(serial);
    expect(ambiguous.status).toBe(409);
    expect(ambiguous.body.error).toBe('ambiguous_serial');
    expect(ambiguous.body.product_ids).toHaveLength(2);
    const chosen = ambiguous.body.product_ids?.[1] ?? '';
    const one = await t.call<SerialLookup>(
      'GET',
      `/v0/serials/${serial}?product_id=${encodeURIComponent(chosen)}`,
      { token: t.tokens.associate },
    );
    expect(one.status).toBe(200);
    expect(one.body.product_id).toBe(chosen);
    expect((await lookup('SNNEVERSOLD000')).status).toBe(404);
    expect((await lookup(serial, t.tokens.otherAssociate)).status).toBe(404);
    expect((await lookup(serial, t.tokens.admin)).status).toBe(409);
  });
});
