// Fulfilment through device sync: requests reach the device in the pull (and again when they
// change), `fulfillment.pick` and `fulfillment.ship` apply once per mutation id, a serial that
// fails a pattern changed meanwhile is kept with an exception, and a request cancelled or
// picked by another device meanwhile comes back `rejected` with that reason.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FulfillmentRequest } from '../../../src/protocol/fulfillment.ts';
import type { PullResponse } from '../../../src/protocol/sync-protocol.ts';
import {
  exceptionsOf,
  freshSerial,
  inject,
  mutation,
  newDevice,
  push,
  serialSale,
  unitsWithSerial,
} from './serial-support.ts';
import { FULFILLMENT_PAGE } from '../../../server/src/services/sync-pull.ts';
import { startTestApp, userIdOf, type TestApp } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

/** A carrier order of one unit of demo product `index`; answers its request. */
async function carrierRequest(index: number): Promise<FulfillmentRequest> {
  const created = await inject(
    t,
    serialSale([{ product: index, shipping: 'traditional_carrier' }]),
  );
  const list = await t.call<{ fulfillment_requests: FulfillmentRequest[] }>(
    'GET',
    '/v0/stores/demo-store/fulfillment_requests',
    { token: t.tokens.associate },
  );
  const found = list.body.fulfillment_requests.find((r) => r.order_id === created.body.id);
  if (found === undefined) throw new Error('no request for the order');
  return found;
}

const firstItem = (request: FulfillmentRequest): string => request.items[0]?.id ?? '';

async function pullAll(deviceId: string, since?: string) {
  let cursor = since;
  const requests: FulfillmentRequest[] = [];
  for (;;) {
    const query = new URLSearchParams({ device_id: deviceId, limit: '5000' });
    if (cursor !== undefined) query.set('since', cursor);
    const reply = await t.call<PullResponse>('GET', `/v0/sync/pull?${query.toString()}`, {
      token: t.tokens.associate,
    });
    expect(reply.status).toBe(200);
    requests.push(...reply.body.fulfillment_requests);
    cursor = reply.body.next_cursor;
    if (!reply.body.has_more) return { requests, cursor };
  }
}

describe('fulfilment in the sync pull', () => {
  it('delivers new requests once, and again when they change', async () => {
    const device = await newDevice(t);
    const request = await carrierRequest(15);
    const first = await pullAll(device);
    expect(first.requests.map((r) => r.id)).toContain(request.id);
    const quiet = await pullAll(device, first.cursor);
    expect(quiet.requests).toEqual([]);

    await t.call('POST', `/v0/fulfillment_requests/${request.id}/cancel`, {
      token: t.tokens.manager,
      body: {},
    });
    const changed = await pullAll(device, quiet.cursor);
    expect(changed.requests.map((r) => [r.id, r.state])).toEqual([[request.id, 'cancelled']]);
  });

  it('pages many requests by their change number: each arrives once, none is skipped', async () => {
    const device = await newDevice(t);
    const start = await pullAll(device);
    const made = new Set<string>();
    for (let i = 0; i < FULFILLMENT_PAGE + 25; i += 1) {
      const created = await inject(t, serialSale([{ product: 15, shipping: 'in_store_pick_up' }]));
      made.add(created.body.id);
    }
    const pages: number[] = [];
    const seen: string[] = [];
    let cursor = start.cursor;
    for (;;) {
      const query = new URLSearchParams({ device_id: device, since: cursor });
      const reply = await t.call<PullResponse>('GET', `/v0/sync/pull?${query.toString()}`, {
        token: t.tokens.associate,
      });
      pages.push(reply.body.fulfillment_requests.length);
      seen.push(...reply.body.fulfillment_requests.map((r) => r.order_id));
      cursor = reply.body.next_cursor;
      if (!reply.body.has_more) break;
    }
    expect(pages).toEqual([FULFILLMENT_PAGE, 25]);
    expect(seen.sort()).toEqual([...made].sort());
  });
});

describe('fulfillment.pick and fulfillment.ship mutations', () => {
  it('pick then ship apply once; a replayed mutation id answers the same', async () => {
    const device = await newDevice(t);
    const request = await carrierRequest(8);
    const serial = freshSerial();
    const pickMutation = mutation(1, 'fulfillment.pick', {
      request_id: request.id,
      items: [
        {
          id: firstItem(request),
          serial_number: serial,
          serial_capture: { method: 'scanner', captured_at: '2026-11-27T11:00:00.000Z' },
        },
      ],
      complete: true,
    });
    const shipMutation = mutation(2, 'fulfillment.ship', { request_id: request.id });
    const reply = await push(t, device, [pickMutation, shipMutation]);
    expect(reply.body.results.map((r) => r.status)).toEqual(['applied', 'applied']);
    expect((reply.body.results[1]?.result as FulfillmentRequest).state).toBe('shipped');

    const replay = await push(t, device, [pickMutation, shipMutation]);
    expect(replay.body.results.map((r) => r.status)).toEqual(['duplicate', 'duplicate']);
    expect(replay.body.results[0]?.result).toEqual(reply.body.results[0]?.result);
    const units = await unitsWithSerial(t, serial);
    expect(units.map((u) => [u.state, u.active, u.capture_method, u.capture_device_id])).toEqual([
      ['shipped', 0, 'scanner', device],
    ]);
  });

  it("records the picking device and associate, not those a serial's capture names", async () => {
    const device = await newDevice(t);
    const request = await carrierRequest(8);
    const serial = freshSerial();
    const reply = await push(t, device, [
      mutation(1, 'fulfillment.pick', {
        request_id: request.id,
        items: [
          {
            id: firstItem(request),
            serial_number: serial,
            serial_capture: {
              method: 'camera',
              captured_at: '2026-11-27T11:00:00.000Z',
              device_id: 'till-of-someone-else',
              associate_id: 'someone-else',
            },
          },
        ],
      }),
    ]);
    expect(reply.body.results[0]?.status).toBe('applied');
    const units = await unitsWithSerial(t, serial);
    expect(units.map((u) => [u.capture_device_id, u.capture_associate_id])).toEqual([
      [device, await userIdOf(t, 'associate')],
    ]);
  });

  it('keeps a serial that fails the pattern now, with an invalid_format exception', async () => {
    const device = await newDevice(t);
    const request = await carrierRequest(9);
    const reply = await push(t, device, [
      mutation(1, 'fulfillment.pick', {
        request_id: request.id,
        items: [{ id: firstItem(request), serial_number: 'lower-case-1' }],
      }),
    ]);
    expect(reply.body.results[0]?.status).toBe('applied');
    const picked = reply.body.results[0]?.result as FulfillmentRequest;
    expect(picked.items[0]).toMatchObject({ picked: true, serial_state: 'exception' });
    expect((await exceptionsOf(t, request.order_id)).map((e) => e.kind)).toEqual([
      'invalid_format',
    ]);
  });

  it('is rejected with request_cancelled when the request was cancelled meanwhile', async () => {
    const device = await newDevice(t);
    const request = await carrierRequest(2);
    await t.call('POST', `/v0/fulfillment_requests/${request.id}/cancel`, {
      token: t.tokens.manager,
      body: {},
    });
    const reply = await push(t, device, [
      mutation(1, 'fulfillment.pick', {
        request_id: request.id,
        items: [{ id: firstItem(request), serial_number: freshSerial() }],
      }),
      mutation(2, 'order.create', serialSale([{ product: 15 }])),
    ]);
    // One refused pick never blocks the queue behind it.
    expect(reply.body.results.map((r) => [r.status, r.error?.error])).toEqual([
      ['rejected', 'request_cancelled'],
      ['applied', undefined],
    ]);
    expect(reply.body.last_applied_seq).toBe(2);
  });

  it('is rejected with already_picked when another device picked another serial', async () => {
    const [deviceA, deviceB] = [await newDevice(t), await newDevice(t)];
    const request = await carrierRequest(1);
    const pickWith = (seq: number, serial: string) =>
      mutation(seq, 'fulfillment.pick', {
        request_id: request.id,
        items: [{ id: firstItem(request), serial_number: serial }],
      });
    const serialA = freshSerial();
    expect((await push(t, deviceA, [pickWith(1, serialA)])).body.results[0]?.status).toBe(
      'applied',
    );
    const late = await push(t, deviceB, [pickWith(1, freshSerial())]);
    expect(late.body.results[0]).toMatchObject({
      status: 'rejected',
      error: { error: 'already_picked' },
    });
    expect(late.body.results[0]?.error?.message).toContain(serialA);
    // Nothing of the refused pick was written.
    const items = await t.app.storeDb.db
      .selectFrom('fulfillment_items')
      .select(['serial_number', 'picked_device_id'])
      .where('request_id', '=', request.id)
      .execute();
    expect(items).toEqual([{ serial_number: serialA, picked_device_id: deviceA }]);
  });

  it('rejects a malformed payload naming the field', async () => {
    const device = await newDevice(t);
    const reply = await push(t, device, [mutation(1, 'fulfillment.ship', { tracking_code: 5 })]);
    expect(reply.body.results[0]).toMatchObject({
      status: 'rejected',
      error: { error: 'invalid_payload' },
    });
  });
});
