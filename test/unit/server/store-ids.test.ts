/**
 * Store ids (issue 11): a documented character set, checked wherever a store is created or
 * configured, so a store can never be named `*` — the global configuration's scope, which its
 * manager would then rewrite for every store — nor carry spaces, slashes or look-alikes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigEnvelope, ErrorBody } from '../../../src/protocol/schemas.ts';
import { startTestApp, type TestApp } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('store ids', () => {
  it.each([
    ['*', '%2A'],
    ['a space', 'a%20b'],
    ['a slash', 'a%2Fb'],
    ['a look-alike letter', 'st%C3%B6re'],
    ['a leading dot', '.hidden'],
    ['65 characters', 'x'.repeat(65)],
  ])('refuses a store named with %s (400 naming store_id)', async (_name, id) => {
    const reply = await t.call<ErrorBody>('PUT', `/v0/stores/${id}`, {
      body: { label: 'X', currency: 'USD', tax_rate: 0.05, locale: 'en-US', timezone: 'UTC' },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.details.map((d) => d.field)).toEqual(['store_id']);
  });

  it.each(['east', 'S.1_a-2', 'x'.repeat(64)])('creates a store named %s', async (id) => {
    const reply = await t.call('PUT', `/v0/stores/${id}`, {
      body: { label: 'X', currency: 'USD', tax_rate: 0.05, locale: 'en-US', timezone: 'UTC' },
    });
    expect(reply.status).toBe(201);
  });

  it('never lets a store configuration write the global one', async () => {
    const global = await t.call<ConfigEnvelope>('GET', '/v0/associate-app/config');
    const reply = await t.call('PUT', '/v0/stores/%2A/associate-app/config', {
      body: { capabilities: { serialized_inventory: { serial_number_regex: '^X$' } } },
    });
    expect(reply.status).toBe(400);
    expect((await t.call('GET', '/v0/associate-app/config')).body).toEqual(global.body);
  });
});
