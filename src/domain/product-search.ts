/**
 * Finding a product by the words of its name (title, brand, SKU) as an associate types them:
 * the words a product is indexed by, the words of a query, whether a product matches (every
 * query word is the beginning of one of its words, ignoring case and accents) and the order
 * the matches are shown in. Pure: the device's index (src/data/catalog-search.ts) holds the
 * words made here and ranks its matches with these functions.
 */

export const SEARCH_LIMITS = {
  /**
   * Longest word kept, in characters. A longer word is indexed by its first 24, which still
   * finds it by any prefix an associate types (nobody types 25 letters to find a product) and
   * keeps one long SKU or URL from bloating the index.
   */
  maxWordLength: 24,
  /** Words of a query beyond these are ignored (each is one pass over the in-memory index). */
  maxQueryWords: 6,
  /**
   * Fewest characters, all words together, before anything is searched: one letter matches a
   * good part of any catalog and says nothing about what the customer asked for.
   */
  minQueryLength: 2,
} as const;

const WORD = /[\p{L}\p{N}]+/gu;
const MARKS = /\p{M}+/gu;
/** Letters that NFKD leaves whole but a keyboard without them spells otherwise. */
const SPELLED: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  þ: 'th',
  ı: 'i',
};
const SPELLED_LETTERS = new RegExp(`[${Object.keys(SPELLED).join('')}]`, 'gu');

/** Lower case without accents (NFKD, combining marks removed): "Crème Brûlée" → "creme brulee". */
export function foldText(text: string): string {
  return text
    .normalize('NFKD')
    .replace(MARKS, '')
    .toLowerCase()
    .replace(SPELLED_LETTERS, (letter) => SPELLED[letter] ?? letter);
}

/** The words of a text, folded, in order, each cut to `maxWordLength`. */
export function textWords(text: string): string[] {
  return (foldText(text).match(WORD) ?? []).map((word) =>
    word.slice(0, SEARCH_LIMITS.maxWordLength),
  );
}

/**
 * Words of a chunk written without spaces ("USB-C", "Wi-Fi", "AIS-021", "3-in-1") also count
 * run together ("usbc", "wifi", "ais021"), so the associate finds them typed either way.
 */
function compoundWords(text: string): string[] {
  const compounds: string[] = [];
  for (const chunk of text.split(/\s+/)) {
    const words = textWords(chunk);
    if (words.length > 1) compounds.push(words.join('').slice(0, SEARCH_LIMITS.maxWordLength));
  }
  return compounds;
}

export interface SearchableProduct {
  readonly title: string;
  readonly brand: string | null;
  /** The product's SKUs (identifiers of type `sku`); barcodes are found by scanning. */
  readonly skus: readonly string[];
}

/** Every word a product is found by, without repeats: what the device indexes. */
export function productSearchWords(product: SearchableProduct): string[] {
  const words = new Set<string>();
  for (const text of [product.title, product.brand ?? '', ...product.skus]) {
    for (const word of textWords(text)) words.add(word);
    for (const word of compoundWords(text)) words.add(word);
  }
  return [...words];
}

/**
 * The words of what the associate typed, without repeats, at most `maxQueryWords`; none when
 * the query is too short to be worth searching.
 */
export function queryWords(text: string): string[] {
  const words = [...new Set(textWords(text))].slice(0, SEARCH_LIMITS.maxQueryWords);
  const length = words.reduce((sum, word) => sum + word.length, 0);
  return length < SEARCH_LIMITS.minQueryLength ? [] : words;
}

/** True when every query word begins one of the product's words. */
export function matchesAllWords(
  productWords: readonly string[],
  words: readonly string[],
): boolean {
  return words.every((word) => productWords.some((candidate) => candidate.startsWith(word)));
}

export interface RankedCandidate {
  readonly productId: string;
  readonly title: string;
  readonly skus: readonly string[];
  /** The product's indexed words (`productSearchWords`). */
  readonly words: readonly string[];
}

/** Letters and digits only, folded: how a SKU typed with or without its dashes compares. */
const compact = (text: string): string => textWords(text).join('');

/**
 * The matches in the order an associate wants them: the product whose SKU is exactly what was
 * typed; then those where more of the typed words are whole words (typing "charger" ranks
 * "Car Charger" above "Charging Stand"); then those whose title starts with the first typed
 * word; then shorter titles (the plain product before its variants); then by title, so the
 * list never reshuffles between two identical keystrokes.
 */
export function rankCandidates<C extends RankedCandidate>(
  query: string,
  candidates: readonly C[],
): C[] {
  const words = queryWords(query);
  const typed = compact(query);
  const first = words[0] ?? '';
  const keyed = candidates.map((candidate) => {
    const titleWords = textWords(candidate.title);
    return {
      candidate,
      skuHit: typed !== '' && candidate.skus.some((sku) => compact(sku) === typed) ? 0 : 1,
      wholeWords: words.filter((word) => candidate.words.includes(word)).length,
      titleStart: titleWords[0]?.startsWith(first) === true ? 0 : 1,
      titleLength: titleWords.length,
      title: foldText(candidate.title),
    };
  });
  keyed.sort(
    (a, b) =>
      a.skuHit - b.skuHit ||
      b.wholeWords - a.wholeWords ||
      a.titleStart - b.titleStart ||
      a.titleLength - b.titleLength ||
      (a.title < b.title ? -1 : a.title > b.title ? 1 : 0) ||
      (a.candidate.productId < b.candidate.productId ? -1 : 1),
  );
  return keyed.map((entry) => entry.candidate);
}
