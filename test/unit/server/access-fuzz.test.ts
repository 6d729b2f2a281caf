// Property-based bodies against every write endpoint, from every kind of caller: the server
// never answers 500, and a request it refuses (any 4xx) leaves every table exactly as it was.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROUTE_ACCESS } from '../../../server/src/access-policy.ts';
import { startAccessWorld, type AccessWorld, type Method } from './access-world.ts';

let world: AccessWorld;
let tables: string[] = [];
beforeAll(async () => {
  world = await startAccessWorld();
  tables = (await world.t.app.storeDb.db.introspection.getTables())
    .map((table) => table.name)
    .filter((name) => !name.startsWith('kysely_'))
    .sort();
});
afterAll(async () => {
  await world.close();
});

/** A digest of every row of every table: equal digests = nothing was written. */
async function snapshot(except: ReadonlySet<string> = new Set()): Promise<string> {
  const hash = createHash('sha256');
  for (const table of tables) {
    if (except.has(table)) continue;
    const rows = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(
      world.t.app.storeDb.db,
    );
    const lines = rows.rows.map((row) => JSON.stringify(row)).sort();
    hash.update(`${table}:${lines.length}\n${lines.join('\n')}\n`);
  }
  return hash.digest('hex');
}

const WRITES = Object.keys(ROUTE_ACCESS).filter((key) => !key.startsWith('GET '));

/** A valid body with one field replaced by anything, a field removed, or anything at all. */
function bodies(valid: unknown): fc.Arbitrary<unknown> {
  const anything = fc.oneof(
    fc.jsonValue(),
    fc.string(),
    fc.constant(null),
    fc.constant('\u0000'),
    fc.double(),
    fc.array(fc.jsonValue(), { maxLength: 3 }),
  );
  if (typeof valid !== 'object' || valid === null || Array.isArray(valid)) return anything;
  const keys = Object.keys(valid);
  if (keys.length === 0) return fc.oneof(anything, fc.dictionary(fc.string(), anything));
  const base = valid as Record<string, unknown>;
  return fc.oneof(
    anything,
    fc.record({ key: fc.constantFrom(...keys), value: anything }).map(({ key, value }) => ({
      ...base,
      [key]: value,
    })),
    fc.constantFrom(...keys).map((key) => {
      const { [key]: _dropped, ...rest } = base;
      return rest;
    }),
  );
}

const callers = ['none', 'associate', 'manager', 'otherAssociate', 'admin'] as const;

describe.each(WRITES)('%s with arbitrary bodies', (key) => {
  const method = key.split(' ')[0] as Method;

  it('never answers 500, and writes nothing when it refuses', async () => {
    const row = world.table[key];
    if (row === undefined) throw new Error(`no probe for ${key}`);
    // A refused sign-in counts a failure: that is the lockout working, not a write of data.
    const except = new Set(
      key === 'POST /v0/token' ? ['auth_failures', 'tokens', 'refresh_tokens'] : [],
    );
    const probe = await row.probe();
    const seen = new Set<number>();
    await fc.assert(
      fc.asyncProperty(bodies(probe.body), fc.constantFrom(...callers), async (body, who) => {
        const token = who === 'none' ? null : world.t.tokens[who];
        const before = await snapshot(except);
        const reply = await world.t.call(method, probe.url, { token, body });
        seen.add(reply.status);
        expect(reply.status, JSON.stringify(reply.body)).toBeLessThan(500);
        if (reply.status >= 400) {
          expect(await snapshot(except), `${who} ${reply.status}`).toBe(before);
          expect(reply.body).toMatchObject({ error: expect.any(String) as unknown });
        }
      }),
      { numRuns: 40 },
    );
    // The property was tried on refusals, not only on accepted bodies.
    expect([...seen].some((status) => status >= 400)).toBe(true);
  });
});
