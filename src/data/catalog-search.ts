/**
 * Search by name over the device's catalog (100 000 products), answered by the multi-entry
 * index `searchWords` of `products` (Dexie version 7): every folded word of a product's
 * title, brand and SKUs. A typed word matches the index range of the words it begins, so the
 * products of a query are in the range of each of its words; the range of the rarest word is
 * read and its products are kept when every other word matches too (`matchesAllWords`), then
 * ranked (`rankCandidates`). Nothing is read but index keys and the rarest word's products.
 */
import {
  matchesAllWords,
  productSearchWords,
  queryWords,
  rankCandidates,
  rarestWord,
} from '../domain/product-search.ts';
import type { ExternalIdentifier } from '../protocol/schemas.ts';
import type { AisleDb } from './db.ts';
import type { ProductRecord } from './types.ts';

/**
 * Most index entries read for one word. A word found in fewer is "rare": its whole range is
 * read and the answer is exact. When every typed word is in more (each begins the words of
 * hundreds of products, "black usb"), the first 400 entries of the least common one are the
 * candidates: the range is in word order, so whole-word hits ("usb") come before longer words
 * ("usbc"), and the associate who sees too broad a list types one more letter. 400 product
 * reads stay within a few milliseconds in Chromium (bench:search); the index keys cost less.
 */
export const SEARCH_READ_LIMIT = 400;

/** Where a product's SKUs are among its identifiers. */
export function skusOf(identifiers: readonly ExternalIdentifier[]): string[] {
  return identifiers
    .filter((identifier) => identifier.type.toLowerCase() === 'sku')
    .map((identifier) => identifier.value);
}

/** The words a product record is indexed by for search by name. */
export function searchWordsOf(
  product: Pick<ProductRecord, 'title' | 'brand' | 'identifiers'>,
): string[] {
  return productSearchWords({
    title: product.title,
    brand: product.brand,
    skus: skusOf(product.identifiers),
  });
}

/**
 * The products whose title, brand or SKU words begin with every word of `text`, best first,
 * at most `limit` (see `rankCandidates`). Empty for a query too short to search.
 */
export async function searchCatalog(
  db: AisleDb,
  text: string,
  limit: number,
): Promise<ProductRecord[]> {
  const words = queryWords(text);
  if (words.length === 0 || limit <= 0) return [];
  const range = (word: string) => db.products.where('searchWords').startsWith(word);
  return db.transaction('r', db.products, async () => {
    // How common each word is, counted up to the read limit from index keys alone.
    const counts =
      words.length === 1
        ? [0]
        : await Promise.all(
            words.map(
              async (word) => (await range(word).limit(SEARCH_READ_LIMIT).primaryKeys()).length,
            ),
          );
    const rarest = rarestWord(words, counts);
    const read = await range(words[rarest] ?? words[0] ?? '')
      .limit(SEARCH_READ_LIMIT)
      .toArray();
    // A product with two words in the range (charger, charging) is read twice.
    const seen = new Set<string>();
    const matches = read.filter((product) => {
      if (seen.has(product.productId)) return false;
      seen.add(product.productId);
      return matchesAllWords(product.searchWords, words);
    });
    const ranked = rankCandidates(
      text,
      matches.map((product) => ({
        productId: product.productId,
        title: product.title,
        skus: skusOf(product.identifiers),
        words: product.searchWords,
        product,
      })),
    );
    return ranked.slice(0, limit).map((candidate) => candidate.product);
  });
}

/**
 * Fills `searchWords` on every product stored before version 7, in chunks read by primary
 * key (one getAll each) and written back with one bulk put each: a 100 000-product catalog
 * is upgraded in a few seconds instead of a cursor step per product (bench:search).
 */
export async function indexStoredProducts(
  table: Pick<AisleDb['products'], 'where' | 'bulkPut' | 'limit'>,
): Promise<number> {
  const CHUNK = 2_000;
  let done = 0;
  let after: string | null = null;
  for (;;) {
    const chunk: ProductRecord[] = await (
      after === null ? table.limit(CHUNK) : table.where(':id').above(after).limit(CHUNK)
    ).toArray();
    if (chunk.length === 0) return done;
    await table.bulkPut(
      chunk.map((product) => ({ ...product, searchWords: searchWordsOf(product) })),
    );
    done += chunk.length;
    after = chunk[chunk.length - 1]?.productId ?? null;
    if (chunk.length < CHUNK) return done;
  }
}
