/**
 * What a search by name must find, worked out in Node from the generated catalog itself: the
 * bench compares each answer of the device's index with it, so a faster search that drops
 * products it should have shown is caught. Built once per run on a sorted list of every
 * product's words (`productSearchWords`, as the device indexes them): a typed word's products
 * are those of the words it begins, found by binary search.
 */
import { productSearchWords, queryWords } from '../../src/domain/product-search.ts';
import type { GeneratedProduct } from './catalog-gen.ts';

export interface SearchReference {
  /** How many products have, for every word of `text`, a word it begins. */
  matchCount(text: string): number;
}

export function searchReference(catalog: readonly GeneratedProduct[]): SearchReference {
  const byWord = new Map<string, number[]>();
  catalog.forEach(({ product }, index) => {
    const words = productSearchWords({
      title: product.title,
      brand: product.brand ?? null,
      skus: product.external_identifiers.filter((i) => i.type === 'sku').map((i) => i.value),
    });
    for (const word of words) {
      const list = byWord.get(word);
      if (list === undefined) byWord.set(word, [index]);
      else list.push(index);
    }
  });
  const sorted = [...byWord.keys()].sort();

  /** Every product with a word that begins with `prefix`. */
  const productsOf = (prefix: string): Set<number> => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if ((sorted[middle] ?? '') < prefix) low = middle + 1;
      else high = middle;
    }
    const found = new Set<number>();
    for (let i = low; i < sorted.length && (sorted[i] ?? '').startsWith(prefix); i += 1) {
      for (const index of byWord.get(sorted[i] ?? '') ?? []) found.add(index);
    }
    return found;
  };

  return {
    matchCount(text) {
      const words = queryWords(text);
      if (words.length === 0) return 0;
      const sets = words.map(productsOf).sort((a, b) => a.size - b.size);
      const [smallest, ...others] = sets;
      let count = 0;
      for (const index of smallest ?? []) {
        if (others.every((set) => set.has(index))) count += 1;
      }
      return count;
    },
  };
}
