import { describe, expect, it } from 'vitest';
import { hasValidCheckDigit } from '../../../src/domain/gtin.ts';
import { intFlag, parseFlags } from '../../../bench/lib/args.ts';
import { benchEan13, CATALOG_WORDS, generateCatalog } from '../../../bench/lib/catalog-gen.ts';
import { searchReference } from '../../../bench/lib/search-reference.ts';
import {
  matchesAllWords,
  productSearchWords,
  queryWords,
} from '../../../src/domain/product-search.ts';
import { formatTable, meetsGoal } from '../../../bench/lib/report.ts';
import { percentile, summarize } from '../../../bench/lib/stats.ts';

describe('percentile (nearest rank)', () => {
  it.each([
    [[5], 50, 5],
    [[1, 2, 3, 4], 50, 2],
    [[4, 3, 2, 1], 100, 4],
    [Array.from({ length: 100 }, (_, i) => i + 1), 95, 95],
    [Array.from({ length: 20 }, (_, i) => 20 - i), 95, 19],
  ])('of %j at p%d is %d', (samples, p, expected) => {
    expect(percentile(samples, p)).toBe(expected);
  });

  it('refuses an empty list and a percentile outside (0, 100]', () => {
    expect(() => percentile([], 50)).toThrow('no samples');
    expect(() => percentile([1], 0)).toThrow('(0, 100]');
  });

  it('summarizes without reordering the input', () => {
    const samples = [3, 1, 2];
    expect(summarize(samples)).toEqual({ count: 3, min: 1, p50: 2, p95: 3, max: 3, mean: 2 });
    expect(samples).toEqual([3, 1, 2]);
  });
});

describe('generated catalog', () => {
  it('has unique EAN-13s with correct check digits and prices in whole cents', () => {
    const catalog = generateCatalog(2_000);
    const eans = new Set(catalog.map((item) => item.ean13));
    expect(eans.size).toBe(2_000);
    for (const item of catalog) {
      expect(item.ean13).toMatch(/^29\d{11}$/);
      expect(hasValidCheckDigit(item.ean13)).toBe(true);
      expect(item.product.external_identifiers).toContainEqual({
        type: 'ean13',
        value: item.ean13,
      });
      expect(Number.isInteger(Math.round(item.price.value * 100))).toBe(true);
      expect(item.price.value).toBeGreaterThanOrEqual(0.5);
      expect(item.price.product_id).toBe(item.product.product_id);
    }
  });

  it('is the same for the same seed and different for another', () => {
    const prices = (seed: number) => generateCatalog(50, seed).map((item) => item.price.value);
    expect(prices(1)).toEqual(prices(1));
    expect(prices(1)).not.toEqual(prices(2));
  });

  it("names products with a shop's words, common and rare as a real catalog's", () => {
    const catalog = generateCatalog(8_000);
    const share = (test: (title: string) => boolean) =>
      catalog.filter((item) => test(item.product.title)).length / catalog.length;
    for (const { product } of catalog) {
      // "Wireless Charger Q42, Graphite": features, a kind, a model, a colour.
      expect(product.title).toMatch(/^.+ [AMQSXZ]\d{2}, [\p{L} ]+$/u);
      expect(CATALOG_WORDS.brands).toContain(product.brand);
    }
    // One kind in 40 and one colour in 16, give or take the draw.
    expect(share((title) => / Charger [AMQSXZ]\d{2},/.test(title))).toBeCloseTo(1 / 40, 2);
    expect(share((title) => title.endsWith(', Black'))).toBeCloseTo(1 / 16, 1);
    expect(generateCatalog(20, 7).map((item) => item.product.title)).toEqual(
      generateCatalog(20, 7).map((item) => item.product.title),
    );
  });

  it('refuses an index outside the 10-digit range', () => {
    expect(benchEan13(0)).toBe('2900000000001');
    expect(() => benchEan13(-1)).toThrow('out of range');
    expect(() => benchEan13(10_000_000_000)).toThrow('out of range');
  });
});

describe('bench flags', () => {
  it('reads --name value and --name=value, and bare flags as true', () => {
    const flags = parseFlags(['--products', '500', '--json=out.json', '--server-only']);
    expect(Object.fromEntries(flags)).toEqual({
      products: '500',
      json: 'out.json',
      'server-only': 'true',
    });
    expect(intFlag(flags, 'products', 1)).toBe(500);
    expect(intFlag(flags, 'scans', 100)).toBe(100);
  });

  it('refuses stray arguments and non-integer counts', () => {
    expect(() => parseFlags(['products'])).toThrow('unexpected argument');
    expect(() => intFlag(parseFlags(['--products', '1e3x']), 'products', 1)).toThrow(
      '--products must be a positive integer',
    );
  });
});

describe('report', () => {
  it('prints each figure beside its goal and says whether it was met', () => {
    const rows = [
      { name: 'lookup p95', value: 3.25, unit: 'ms', goal: { op: '<=' as const, value: 5 } },
      { name: 'sync', value: 25.5, unit: 's', goal: { op: '<=' as const, value: 20 } },
      { name: 'import', value: 12, unit: 's' },
    ];
    expect(rows.map(meetsGoal)).toEqual([true, false, undefined]);
    const table = formatTable('Catalog', rows).split('\n');
    expect(table[0]).toBe('Catalog');
    expect(table[3]).toMatch(/^lookup p95\s+3\.25 ms\s+<= 5 ms\s+met$/);
    expect(table[4]).toMatch(/^sync\s+25\.5 s\s+<= 20 s\s+MISSED$/);
    expect(table[5]).toMatch(/^import\s+12 s$/);
  });
});

describe('search reference', () => {
  it('counts the products a query matches, as a product-by-product check does', () => {
    const catalog = generateCatalog(3_000, 11);
    const reference = searchReference(catalog);
    const wordsOf = catalog.map(({ product }) =>
      productSearchWords({
        title: product.title,
        brand: product.brand ?? null,
        skus: product.external_identifiers.filter((i) => i.type === 'sku').map((i) => i.value),
      }),
    );
    const texts = ['charger', 'wireless ch', 'voltra q4', 'usbc black', 'sku-bench-00012', 'qxz'];
    for (const text of texts) {
      const words = queryWords(text);
      const expected = wordsOf.filter((product) => matchesAllWords(product, words)).length;
      expect(reference.matchCount(text), text).toBe(expected);
    }
    expect(reference.matchCount('charger')).toBeGreaterThan(0);
    expect(reference.matchCount('qxz')).toBe(0);
    expect(reference.matchCount('c')).toBe(0);
  });
});
