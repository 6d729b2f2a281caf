// Serial patterns at configuration time: both PUT endpoints refuse what devices cannot run in
// linear time (422 naming the field and the reason) and change nothing; usable ones apply.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConfigEnvelope } from '../../../src/protocol/schemas.ts';
import { startTestApp, type TestApp } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const FIELD = 'capabilities.serialized_inventory.serial_number_regex';
const withPattern = (pattern: string | null) => ({
  capabilities: { serialized_inventory: { serial_number_regex: pattern } },
});

const endpoints = [
  ['global', '/v0/associate-app/config'],
  ['store', '/v0/stores/demo-store/associate-app/config'],
] as const;

const read = () =>
  t.call<ConfigEnvelope>('GET', '/v0/associate-app/config', { token: t.tokens.associate });

describe.each(endpoints)('PUT %s configuration', (_scope, url) => {
  it.each([
    ['a lookahead', '^(?=SN)[A-Z0-9]{14}$', /lookahead/i],
    ['a negative lookahead', '^(?!XX)[A-Z0-9]{14}$', /lookahead/i],
    ['a lookbehind', '^[A-Z0-9]{13}(?<=SN.{11})[0-9]$', /lookbehind/i],
    ['a backreference', '^([A-Z])\\1[0-9]{12}$', /backreference/i],
    ['a named backreference', '^(?<p>[A-Z]{2})\\k<p>[0-9]{10}$', /backreference/i],
    ['an unbalanced group', '^([A-Z0-9]{14}$', /no matching \)/],
    ['an unclosed class', '^[A-Z0-9{14}$', /no matching \]/],
    ['a reversed range', '^[Z-A]+$', /range/],
    ['a possessive quantifier', '^[A-Z]*+$', /possessive/],
    ['an unreasonable length', `^${'[A-Z]'.repeat(120)}$`, /602 characters; at most 500/],
    ['a repetition beyond RE2 limits', '^[A-Z]{1001}$', /above 1000/],
  ])(
    'refuses %s with 422 naming the field and the reason, changing nothing',
    async (_n, pattern, reason) => {
      const before = await read();
      const reply = await t.call<{
        error: string;
        details: Array<{ field: string; message: string }>;
      }>('PUT', url, { token: t.tokens.admin, body: withPattern(pattern) });
      expect(reply.status).toBe(422);
      expect(reply.body.error).toBe('invalid_config');
      expect(reply.body.details).toHaveLength(1);
      expect(reply.body.details[0]?.field).toBe(FIELD);
      expect(reply.body.details[0]?.message).toMatch(reason);
      expect((await read()).body).toEqual(before.body);
    },
  );

  it.each([
    ['the demo pattern', '^[A-Z0-9]{14}$'],
    ['no pattern (null)', null],
    ['a JavaScript escape RE2 spells otherwise', '^SN\\u0041[0-9]{4}$'],
  ])('accepts %s and serves it to devices', async (_n, pattern) => {
    const before = await read();
    const reply = await t.call<ConfigEnvelope>('PUT', url, {
      token: t.tokens.admin,
      body: withPattern(pattern),
    });
    expect(reply.status).toBe(200);
    const after = await read();
    expect(after.body.version).toBeGreaterThan(before.body.version);
    expect(after.body.config).toEqual(withPattern(pattern));
  });

  it('accepts a configuration without the serial capability at all', async () => {
    const reply = await t.call<ConfigEnvelope>('PUT', url, {
      token: t.tokens.admin,
      body: { capabilities: { offline_mode: true } },
    });
    expect(reply.status).toBe(200);
    expect((await read()).body.config).toEqual({ capabilities: { offline_mode: true } });
  });
});
