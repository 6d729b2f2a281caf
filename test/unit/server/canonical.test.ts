/**
 * The canonical JSON behind every idempotency fingerprint: key order never matters, the text
 * is the one the recursive version wrote (fingerprints already stored must still match), and a
 * value nested far deeper than any stack allows is hashed without overflowing.
 */
import { describe, expect, it } from 'vitest';
import { canonicalJson, contentHash } from '../../../server/src/services/canonical.ts';
import { seededRandom } from '../../e2e/support/seeded-random.ts';

/** The version that shipped before: sorted copy, then JSON.stringify. The oracle. */
function recursiveCanonical(value: unknown): string {
  const sort = (item: unknown): unknown => {
    if (Array.isArray(item)) return item.map(sort);
    if (item !== null && typeof item === 'object') {
      const sorted: Record<string, unknown> = {};
      for (const key of Object.keys(item).sort()) {
        const inner = (item as Record<string, unknown>)[key];
        if (inner !== undefined) sorted[key] = sort(inner);
      }
      return sorted;
    }
    return item;
  };
  return JSON.stringify(sort(value)) ?? 'null';
}

describe('canonicalJson', () => {
  it.each([
    ['a scalar', 19.99, '19.99'],
    ['a string with quotes', 'say "hi"\n', '"say \\"hi\\"\\n"'],
    ['keys sorted', { b: 1, a: [2, { d: null, c: true }] }, '{"a":[2,{"c":true,"d":null}],"b":1}'],
    ['undefined dropped from objects', { a: undefined, b: 1 }, '{"b":1}'],
    ['undefined as null in arrays', [undefined, 1], '[null,1]'],
    ['empty containers', { a: {}, b: [] }, '{"a":{},"b":[]}'],
    ['undefined at the root', undefined, 'null'],
  ])('%s', (_name, value, expected) => {
    expect(canonicalJson(value)).toBe(expected);
    expect(canonicalJson(value)).toBe(recursiveCanonical(value));
  });

  it('writes what the recursive version wrote, for random values', () => {
    const random = seededRandom('canonical json');
    const keys = ['a', 'b', 'z', 'item_price', 'é', '1', ''];
    const make = (depth: number): unknown => {
      const pick = random.int(depth > 4 ? 4 : 7);
      if (pick === 0) return random.int(100_000) / 100;
      if (pick === 1) return `s${random.int(1000)}"\\`;
      if (pick === 2) return random.int(2) === 0;
      if (pick === 3) return null;
      if (pick === 4) return Array.from({ length: random.int(4) }, () => make(depth + 1));
      const record: Record<string, unknown> = {};
      for (let i = random.int(5); i > 0; i -= 1) {
        record[keys[random.int(keys.length)] ?? 'a'] = make(depth + 1);
      }
      return record;
    };
    for (let i = 0; i < 500; i += 1) {
      const value = make(0);
      expect(canonicalJson(value), `seed ${random.seed}, value ${i}`).toBe(
        recursiveCanonical(value),
      );
    }
  });

  it('hashes a value nested 100 000 levels deep without overflowing the stack', () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i += 1) deep = i % 2 === 0 ? [deep] : { a: deep };
    expect(() => JSON.stringify(deep)).toThrow(RangeError);
    expect(contentHash(deep)).toMatch(/^[0-9a-f]{64}$/);
    // 50 000 arrays `[…]` (2 characters each), 50 000 objects `{"a":…}` (6 each), the 1.
    expect(canonicalJson(deep).length).toBe(50_000 * 2 + 50_000 * 6 + 1);
  });
});
