// Associate-app configuration: global vs store override, versions, validation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigEnvelope } from '../../../src/protocol/schemas.ts';
import { validateConfig } from '../../../server/src/services/config.ts';
import { DEMO_CONFIG } from '../../../server/src/seed/demo-catalog.ts';
import { OTHER_STORE, startTestApp, type TestApp } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const read = (token: string) =>
  t.call<ConfigEnvelope>('GET', '/v0/associate-app/config', { token });

describe('associate-app configuration', () => {
  it('serves the seeded global configuration to every store', async () => {
    const reply = await read(t.tokens.associate);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({ source: 'global', config: DEMO_CONFIG });
    expect(reply.body.version).toBeGreaterThan(0);
    expect((await read(t.tokens.otherAssociate)).body.config).toEqual(DEMO_CONFIG);
  });

  it('lets a store override replace (not merge) the global one, then fall back on delete', async () => {
    const before = await read(t.tokens.associate);
    const override = { capabilities: { serialized_inventory: { serial_number_regex: null } } };
    const put = await t.call<ConfigEnvelope>('PUT', '/v0/stores/demo-store/associate-app/config', {
      token: t.tokens.manager,
      body: override,
    });
    expect(put.body).toMatchObject({ source: 'store', config: override });
    expect(put.body.version).toBeGreaterThan(before.body.version);
    expect((await read(t.tokens.associate)).body.config).toEqual(override);
    // The other store still has the global document.
    expect((await read(t.tokens.otherAssociate)).body.config).toEqual(DEMO_CONFIG);

    const removed = await t.call<ConfigEnvelope>(
      'DELETE',
      '/v0/stores/demo-store/associate-app/config',
      {
        token: t.tokens.manager,
      },
    );
    expect(removed.body).toMatchObject({ source: 'global', config: DEMO_CONFIG });
    expect(removed.body.version).toBeGreaterThan(put.body.version);
  });

  it('gives every change a higher version, global changes too', async () => {
    const v1 = (await read(t.tokens.associate)).body.version;
    const next = {
      capabilities: {
        offline_mode: false,
        serialized_inventory: { serial_number_regex: '^[0-9]{8}$' },
      },
    };
    const put = await t.call<ConfigEnvelope>('PUT', '/v0/associate-app/config', { body: next });
    expect(put.status).toBe(200);
    expect(put.body.source).toBe('global');
    const after = await read(t.tokens.otherAssociate);
    expect(after.body.config).toEqual(next);
    expect(after.body.version).toBeGreaterThan(v1);
  });

  it('refuses a bad configuration with 4xx naming the field and keeps the old one', async () => {
    const before = await read(t.tokens.associate);
    const long = await t.call<{ details: Array<{ field: string }> }>(
      'PUT',
      '/v0/associate-app/config',
      {
        body: { capabilities: { serialized_inventory: { serial_number_regex: 'a'.repeat(1001) } } },
      },
    );
    expect(long.status).toBe(400);
    expect(long.body.details[0]?.field).toBe(
      'capabilities.serialized_inventory.serial_number_regex',
    );
    const notString = await t.call('PUT', '/v0/associate-app/config', {
      body: { capabilities: { serialized_inventory: { serial_number_regex: 42 } } },
    });
    expect(notString.status).toBe(400);
    expect((await read(t.tokens.associate)).body).toEqual(before.body);
  });

  it.each([
    ['a lookahead', '^(?=SN)[A-Z0-9]{14}$', /lookahead/],
    ['a backreference', '^([A-Z])\\1[0-9]{12}$', /backreferences/],
    ['an unbalanced group', '^([A-Z0-9]{14}$', /no matching \)/],
  ])(
    'refuses a serial pattern with %s (422 naming the field), keeping the old one',
    async (_name, pattern, reason) => {
      const before = await read(t.tokens.associate);
      const reply = await t.call<{
        error: string;
        details: Array<{ field: string; message: string }>;
      }>('PUT', '/v0/stores/demo-store/associate-app/config', {
        token: t.tokens.manager,
        body: { capabilities: { serialized_inventory: { serial_number_regex: pattern } } },
      });
      expect(reply.status).toBe(422);
      expect(reply.body.error).toBe('invalid_config');
      expect(reply.body.details.map((d) => d.field)).toEqual([
        'capabilities.serialized_inventory.serial_number_regex',
      ]);
      expect(reply.body.details[0]?.message).toMatch(reason);
      expect((await read(t.tokens.associate)).body).toEqual(before.body);
    },
  );

  it('answers 404 for an unknown store (admin)', async () => {
    const reply = await t.call('PUT', '/v0/stores/atlantis/associate-app/config', { body: {} });
    expect(reply.status).toBe(404);
    expect((await t.call('GET', `/v0/associate-app/config?store_id=${OTHER_STORE}`)).status).toBe(
      200,
    );
  });
});

describe('validateConfig', () => {
  it.each([
    [{}, []],
    [{ capabilities: { serialized_inventory: { serial_number_regex: '^[A-Z0-9]{14}$' } } }, []],
    [{ capabilities: { serialized_inventory: { serial_number_regex: null } } }, []],
    [
      { capabilities: { serialized_inventory: { serial_number_regex: 'x'.repeat(1001) } } },
      ['capabilities.serialized_inventory.serial_number_regex'],
    ],
    [{ capabilities: { serialized_inventory: 'on' } }, ['capabilities.serialized_inventory']],
    [
      { capabilities: { serialized_inventory: { serial_number_regex: '^(?=SN)[A-Z0-9]{14}$' } } },
      ['capabilities.serialized_inventory.serial_number_regex'],
    ],
  ])('%j → %j', (config, fields) => {
    expect(validateConfig(config as never).map((d) => d.field)).toEqual(fields);
  });
});
