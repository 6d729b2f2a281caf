/**
 * Bodies nested thousands of levels deep (issue 11: ~10 KB of `[[[…]]]` answered 500 on every
 * retry, so a device's queue stopped forever at that seq). A too-deep body is a 400 that
 * changes nothing; a too-deep mutation payload is one `rejected` mutation that advances seq,
 * and the device's next sale goes through.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { MAX_JSON_DEPTH, tooDeepAt } from '../../../server/src/body-limits.ts';
import type { ConfigEnvelope, ErrorBody } from '../../../src/protocol/schemas.ts';
import type { PushResponse } from '../../../src/protocol/sync-protocol.ts';
import { MutationTypes, PROTOCOL_VERSION } from '../../../src/protocol/wire-constants.ts';
import { mutation, newDevice, push } from './serial-support.ts';
import { demoOrder, startTestApp, type TestApp } from './support.ts';

/** `levels` nested arrays or objects around a 1: `[[[1]]]` / `{"a":{"a":{"a":1}}}`. */
function nested(levels: number, kind: 'array' | 'object' = 'array'): unknown {
  let value: unknown = 1;
  for (let i = 0; i < levels; i += 1) value = kind === 'array' ? [value] : { a: value };
  return value;
}

const DEEP = '"<deep>"';

/**
 * The JSON text of `body` with `levels` of nesting where it holds `DEEP_MARK`, sent as text:
 * JSON.stringify itself overflows the stack on such a value.
 */
function deepJson(body: unknown, levels: number, kind: 'array' | 'object' = 'array'): string {
  const [open, close] = kind === 'array' ? ['[', ']'] : ['{"a":', '}'];
  const deep = `${open.repeat(levels)}1${close.repeat(levels)}`;
  return JSON.stringify(body).replace(DEEP, deep);
}

const DEEP_MARK = JSON.parse(DEEP) as string;

describe('tooDeepAt', () => {
  it.each([
    ['a scalar', 1, 1, null],
    ['an empty object', {}, 1, null],
    ['one level over', { a: {} }, 1, 'a'],
    ['arrays at the limit', nested(MAX_JSON_DEPTH), MAX_JSON_DEPTH, null],
    ['arrays one over', nested(MAX_JSON_DEPTH + 1), MAX_JSON_DEPTH, `${'[0]'.repeat(32)}`],
    ['the deep branch of a wide value', { x: 1, y: [{ z: { w: [] } }] }, 3, 'y[0].z'],
  ])('%s', (_name, value, limit, expected) => {
    expect(tooDeepAt(value, limit)).toBe(expected);
  });

  it('walks 200 000 levels without overflowing the stack', () => {
    expect(tooDeepAt(nested(200_000, 'object'))).toMatch(/^a\.a\.a/);
  });
});

describe('request bodies nested too deep', () => {
  let t: TestApp;
  beforeEach(async () => {
    t = await startTestApp();
  });
  afterEach(async () => {
    await t.close();
  });

  const sendRaw = async (method: 'POST' | 'PUT', url: string, token: string, text: string) => {
    const response = await t.app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      payload: text,
    });
    return { status: response.statusCode, body: JSON.parse(response.body) as unknown };
  };

  const expectTooDeep = (reply: { status: number; body: unknown }) => {
    expect(reply.status).toBe(400);
    const body = reply.body as ErrorBody;
    expect(body.error).toBe('too_deep');
    expect(body.message).toContain(`deeper than ${MAX_JSON_DEPTH} levels`);
    expect(body.details[0]?.message).toBe(`nests deeper than ${MAX_JSON_DEPTH} levels`);
  };

  it('refuses a global configuration with a 2 500-level field, and keeps the old one', async () => {
    const before = await t.call<ConfigEnvelope>(
      'GET',
      '/v0/associate-app/config?store_id=demo-store',
    );
    const reply = await sendRaw(
      'PUT',
      '/v0/associate-app/config',
      t.tokens.admin,
      deepJson({ capabilities: {}, extra: DEEP_MARK }, 2_500, 'object'),
    );
    expectTooDeep(reply);
    expect((reply.body as ErrorBody).details[0]?.field).toMatch(/^extra\.a\.a/);
    const after = await t.call<ConfigEnvelope>(
      'GET',
      '/v0/associate-app/config?store_id=demo-store',
    );
    expect(after.body).toEqual(before.body);
  });

  it("refuses a store manager's configuration with a 5 000-level field", async () => {
    const reply = await sendRaw(
      'PUT',
      '/v0/stores/demo-store/associate-app/config',
      t.tokens.manager,
      deepJson({ capabilities: { serialized_inventory: { deep: DEEP_MARK } } }, 5_000),
    );
    expectTooDeep(reply);
    const served = await t.call<ConfigEnvelope>('GET', '/v0/associate-app/config', {
      token: t.tokens.associate,
    });
    expect(served.body.source).not.toBe('store');
  });

  it('accepts a configuration nested as deep as the limit allows (the positive control)', async () => {
    const reply = await t.call<ConfigEnvelope>(
      'PUT',
      '/v0/stores/demo-store/associate-app/config',
      {
        token: t.tokens.manager,
        body: { capabilities: {}, extra: nested(MAX_JSON_DEPTH - 1, 'object') },
      },
    );
    expect(reply.status).toBe(200);
    expect(reply.body.source).toBe('store');
  });

  it('refuses an injected order with a 5 000-level extra field, and stores nothing', async () => {
    const order = { ...demoOrder(), extra: DEEP_MARK };
    expectTooDeep(
      await sendRaw('POST', '/v0/d/fulfill_order', t.tokens.associate, deepJson(order, 5_000)),
    );
    const found = await t.call('GET', `/v0/orders?external_id=${order.external_id}`, {
      token: t.tokens.associate,
    });
    expect(found.status).toBe(404);
  });

  it('refuses a push whose envelope (not a payload) is too deep', async () => {
    const deviceId = await newDevice(t);
    const body = {
      device_id: deviceId,
      protocol_version: PROTOCOL_VERSION,
      mutations: [mutation(1, MutationTypes.orderCreate, demoOrder())],
      extra: DEEP_MARK,
    };
    expectTooDeep(
      await sendRaw('POST', '/v0/sync/push', t.tokens.associate, deepJson(body, 5_000)),
    );
  });

  it.each([
    ['arrays', 'array'],
    ['objects', 'object'],
  ] as const)(
    'rejects a payload of 5 000 nested %s, advances seq, then applies the next sale',
    async (_name, kind) => {
      const deviceId = await newDevice(t);
      const poison = mutation(1, MutationTypes.orderCreate, { ...demoOrder(), extra: DEEP_MARK });
      const text = deepJson(
        { device_id: deviceId, protocol_version: PROTOCOL_VERSION, mutations: [poison] },
        5_000,
        kind,
      );
      const sendPoison = async () =>
        (await sendRaw('POST', '/v0/sync/push', t.tokens.associate, text)) as {
          status: number;
          body: PushResponse;
        };
      const first = await sendPoison();
      expect(first.status).toBe(200);
      expect(first.body.last_applied_seq).toBe(1);
      expect(first.body.results[0]).toMatchObject({ seq: 1, status: 'rejected' });
      expect(first.body.results[0]?.error?.error).toBe('payload_too_deep');
      expect(first.body.results[0]?.error?.details?.[0]?.field).toMatch(/^payload\.extra/);

      // The retry a device makes after a lost answer gets the same rejection back.
      const again = await sendPoison();
      expect(again.body.results[0]).toMatchObject({ status: 'duplicate' });
      expect(again.body.results[0]?.error?.error).toBe('payload_too_deep');

      const sale = demoOrder();
      const next = await push(t, deviceId, [mutation(2, MutationTypes.orderCreate, sale)]);
      expect(next.body.results[0]).toMatchObject({ seq: 2, status: 'applied' });
      expect(next.body.last_applied_seq).toBe(2);
      const stored = await t.call('GET', `/v0/orders?external_id=${sale.external_id}`, {
        token: t.tokens.associate,
      });
      expect(stored.status).toBe(200);
    },
  );
});
