// Fulfilment over HTTP on the real app and database: an order with ship or pick-up items makes
// requests; picking registers serials (a serial picked twice or after a sale opens an
// exception; the same pick again is harmless); shipping takes serials out of the active
// registry; a cancelled or otherwise picked request answers a clear conflict.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FulfillmentRequest } from '../../../src/protocol/fulfillment.ts';
import type { SerialException, SerialLookup } from '../../../src/protocol/serials.ts';
import { freshSerial, inject, serialSale, type UnitSpec } from './serial-support.ts';
import { demoProduct, startTestApp, type TestApp } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const STORE = 'demo-store';

/** Injects an order and answers its fulfilment requests (oldest created first). */
async function order(units: UnitSpec[], customer?: string): Promise<FulfillmentRequest[]> {
  const sale = serialSale(units, customer === undefined ? {} : { customer_name: customer });
  const created = await inject(t, sale);
  expect(created.status).toBe(201);
  const all = await t.call<{ fulfillment_requests: FulfillmentRequest[] }>(
    'GET',
    `/v0/stores/${STORE}/fulfillment_requests?state=all`,
    { token: t.tokens.associate },
  );
  return all.body.fulfillment_requests.filter((r) => r.order_id === created.body.id);
}

async function only(units: UnitSpec[]): Promise<FulfillmentRequest> {
  const [request] = await order(units);
  if (request === undefined) throw new Error('the order made no fulfilment request');
  return request;
}

const pick = (id: string, body: unknown, token = t.tokens.associate) =>
  t.call<FulfillmentRequest & { error?: string; message?: string }>(
    'POST',
    `/v0/fulfillment_requests/${id}/pick`,
    { token, body },
  );

const ship = (id: string, body: unknown = {}, token = t.tokens.associate) =>
  t.call<FulfillmentRequest & { error?: string; message?: string }>(
    'POST',
    `/v0/fulfillment_requests/${id}/shipment`,
    { token, body },
  );

const itemId = (request: FulfillmentRequest, index = 0): string => {
  const item = request.items[index];
  if (item === undefined) throw new Error(`request has no item ${index}`);
  return item.id;
};

async function exceptionsOf(orderId: string): Promise<SerialException[]> {
  const reply = await t.call<{ serial_exceptions: SerialException[] }>(
    'GET',
    `/v0/serial-exceptions?state=open&store_id=${STORE}`,
    { token: t.tokens.manager },
  );
  return reply.body.serial_exceptions.filter((e) => e.order.id === orderId);
}

describe('fulfilment requests from orders', () => {
  it('makes one request per shipping type, pick-up first, with titles and serialized flags', async () => {
    const requests = await order(
      [
        { product: 0, shipping: 'traditional_carrier' },
        { product: 15, shipping: 'traditional_carrier' },
        { product: 1, shipping: 'in_store_pick_up' },
        { product: 15, shipping: 'in_store_handover' },
      ],
      'Ada Lovelace',
    );
    expect(requests.map((r) => [r.shipping_type, r.priority, r.items.length])).toEqual([
      ['in_store_pick_up', 2, 1],
      ['traditional_carrier', 1, 2],
    ]);
    const carrier = requests[1];
    expect(carrier?.state).toBe('open');
    expect(carrier?.customer_name).toBe('Ada Lovelace');
    expect(carrier?.items.map((i) => [i.title, i.serialized, i.picked])).toEqual([
      [demoProduct(0).title, true, false],
      [demoProduct(15).title, false, false],
    ]);
  });

  it('makes none for an order taken entirely at the till', async () => {
    expect(await order([{ product: 15 }])).toEqual([]);
  });

  it('lists only the caller store, open by default; another store is refused, its ids unconfirmed', async () => {
    const request = await only([{ product: 15, shipping: 'traditional_carrier' }]);
    const open = await t.call<{ fulfillment_requests: FulfillmentRequest[] }>(
      'GET',
      `/v0/stores/${STORE}/fulfillment_requests`,
      { token: t.tokens.associate },
    );
    expect(open.body.fulfillment_requests.map((r) => r.id)).toContain(request.id);
    expect(open.body.fulfillment_requests.every((r) => r.state === 'open')).toBe(true);
    const other = await t.call('GET', `/v0/stores/${STORE}/fulfillment_requests`, {
      token: t.tokens.otherAssociate,
    });
    expect(other.status).toBe(403);
    const foreignPick = await pick(
      request.id,
      { items: [{ id: itemId(request) }] },
      t.tokens.otherAssociate,
    );
    // Another store's request id answers as an unknown one (404), not 403.
    expect(foreignPick.status).toBe(404);
  });
});

describe('picking', () => {
  it('records a serial, is idempotent, and ships: the serial is shipped and no longer active', async () => {
    const request = await only([{ product: 0, shipping: 'traditional_carrier' }]);
    const serial = freshSerial();
    const body = { items: [{ id: itemId(request), serial_number: serial }], complete: true };
    const first = await pick(request.id, body);
    expect(first.status).toBe(200);
    expect(first.body.state).toBe('picked');
    expect(first.body.items[0]).toMatchObject({
      picked: true,
      serial_number: serial,
      serial_state: 'accepted',
    });
    const again = await pick(request.id, body);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(first.body);
    const units = await t.app.storeDb.db
      .selectFrom('serial_units')
      .select(['state', 'active'])
      .where('serial_number', '=', serial)
      .execute();
    expect(units).toEqual([{ state: 'picked', active: 1 }]);

    const shipped = await ship(request.id, { tracking_code: '1Z999', carrier: 'UPS' });
    expect(shipped.status).toBe(200);
    expect(shipped.body).toMatchObject({
      state: 'shipped',
      tracking_code: '1Z999',
      carrier: 'UPS',
    });
    const lookup = await t.call<SerialLookup>('GET', `/v0/serials/${serial}`, {
      token: t.tokens.associate,
    });
    expect(lookup.body).toMatchObject({ state: 'shipped', active: false });
    expect(lookup.body.order.id).toBe(request.order_id);
    const shipAgain = await ship(request.id);
    expect(shipAgain.status).toBe(409);
    expect(shipAgain.body.error).toBe('already_shipped');
  });

  it('opens a duplicate exception when one serial is picked for two requests', async () => {
    const serial = freshSerial();
    const a = await only([{ product: 2, shipping: 'traditional_carrier' }]);
    const b = await only([{ product: 2, shipping: 'in_store_pick_up' }]);
    expect((await pick(a.id, { items: [{ id: itemId(a), serial_number: serial }] })).status).toBe(
      200,
    );
    const second = await pick(b.id, { items: [{ id: itemId(b), serial_number: serial }] });
    expect(second.status).toBe(200);
    expect(second.body.items[0]).toMatchObject({ picked: true, serial_state: 'exception' });
    const exceptions = await exceptionsOf(b.order_id);
    const otherOrderId = (e: (typeof exceptions)[number]) =>
      e.other_order !== null && 'id' in e.other_order ? e.other_order.id : null;
    expect(exceptions.map((e) => [e.kind, e.serial_number, otherOrderId(e)])).toEqual([
      ['duplicate', serial, a.order_id],
    ]);
    expect(second.body.items[0]?.serial_exception_ids).toEqual(exceptions.map((e) => e.id));
  });

  it('opens a duplicate exception when the serial was already sold at a till', async () => {
    const serial = freshSerial();
    expect((await inject(t, serialSale([{ product: 3, serial }]))).status).toBe(201);
    const request = await only([{ product: 3, shipping: 'traditional_carrier' }]);
    const reply = await pick(request.id, {
      items: [{ id: itemId(request), serial_number: serial }],
    });
    expect(reply.body.items[0]?.serial_state).toBe('exception');
    expect((await exceptionsOf(request.order_id)).map((e) => e.kind)).toEqual(['duplicate']);
  });

  it('refuses an invalid serial with the pattern, and a missing one, writing nothing', async () => {
    const request = await only([{ product: 4, shipping: 'traditional_carrier' }]);
    const bad = await pick(request.id, {
      items: [{ id: itemId(request), serial_number: 'short-1' }],
    });
    expect(bad.status).toBe(422);
    expect(JSON.stringify(bad.body)).toContain('short-1 is not a valid serial number');
    const none = await pick(request.id, { items: [{ id: itemId(request) }] });
    expect(none.status).toBe(422);
    const unknown = await pick(request.id, {
      items: [{ id: 'no-such-item', serial_number: freshSerial() }],
    });
    expect(unknown.status).toBe(422);
    const items = await t.app.storeDb.db
      .selectFrom('fulfillment_items')
      .select('picked')
      .where('request_id', '=', request.id)
      .execute();
    expect(items).toEqual([{ picked: 0 }]);
  });

  it('answers already_picked naming the item when another serial was picked for it', async () => {
    const request = await only([{ product: 5, shipping: 'traditional_carrier' }]);
    const first = freshSerial();
    expect(
      (await pick(request.id, { items: [{ id: itemId(request), serial_number: first }] })).status,
    ).toBe(200);
    const other = await pick(request.id, {
      items: [{ id: itemId(request), serial_number: freshSerial() }],
    });
    expect(other.status).toBe(409);
    expect(other.body.error).toBe('already_picked');
    expect(other.body.message).toContain(demoProduct(5).title);
    expect(other.body.message).toContain(first);
  });

  it('will not complete or ship while items are unpicked', async () => {
    const request = await only([
      { product: 15, shipping: 'traditional_carrier' },
      { product: 16, shipping: 'traditional_carrier' },
    ]);
    expect((await pick(request.id, { items: [{ id: itemId(request) }] })).status).toBe(200);
    const complete = await pick(request.id, { items: [], complete: true });
    expect(complete.status).toBe(422);
    expect(complete.body.error).toBe('incomplete_pick');
    const early = await ship(request.id);
    expect(early.status).toBe(409);
    expect(early.body.error).toBe('not_picked');
  });
});

describe('cancellation', () => {
  it('is for managers; a cancelled request refuses picks and shipment; picked serials are freed', async () => {
    const request = await only([
      { product: 6, shipping: 'traditional_carrier' },
      { product: 7, shipping: 'traditional_carrier' },
    ]);
    const serial = freshSerial();
    await pick(request.id, { items: [{ id: itemId(request), serial_number: serial }] });
    const byAssociate = await t.call('POST', `/v0/fulfillment_requests/${request.id}/cancel`, {
      token: t.tokens.associate,
      body: {},
    });
    expect(byAssociate.status).toBe(403);
    const cancelled = await t.call<FulfillmentRequest>(
      'POST',
      `/v0/fulfillment_requests/${request.id}/cancel`,
      { token: t.tokens.manager, body: { reason: 'customer called' } },
    );
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.state).toBe('cancelled');

    const late = await pick(request.id, {
      items: [{ id: itemId(request, 1), serial_number: freshSerial() }],
    });
    expect(late.status).toBe(409);
    expect(late.body.error).toBe('request_cancelled');
    expect((await ship(request.id)).body.error).toBe('request_cancelled');
    const lookup = await t.call<SerialLookup>('GET', `/v0/serials/${serial}`, {
      token: t.tokens.associate,
    });
    expect(lookup.body).toMatchObject({ state: 'voided', active: false });
  });
});
