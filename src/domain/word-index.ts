/**
 * An inverted index of words held in memory: each word maps to the entries (products) that
 * have it, each entry keeps its words, and a typed word finds the entries of every word it
 * begins (a range of the sorted words). Search by name over 100 000 products answers from
 * here in a millisecond or two, and exactly: the entries of the rarest typed word are checked
 * against the others, however common those are. An index in IndexedDB could not do that
 * within a keystroke: intersecting "black", "65" and "charger" there means reading thousands
 * of index entries each (bench:search).
 *
 * Entries are numbered in the order they are put; a replaced or deleted entry's number is
 * left dead in the posting lists (skipped when matching) and the lists are compacted once
 * the dead outnumber the living. Pure: the device's catalog fills it (src/data/catalog-search.ts).
 */
import { matchesAllWords } from './product-search.ts';

export interface WordMatches {
  /**
   * The best entries, at most the limit asked: more of the words present whole first, then
   * those of the rarest word's whole word before its longer ones, then by age.
   */
  readonly ids: string[];
  /** True when every entry with all the words was looked at (else `ids` are the best found). */
  readonly exhaustive: boolean;
}

/** Dead numbers tolerated before the posting lists are compacted. */
const COMPACT_AFTER = 1_000;
/**
 * New words inserted one by one into the sorted words; past this they are all sorted again.
 * Each insertion moves the words after it: 50 into 200 000 take about what one sort takes.
 */
const INSERT_AT_MOST = 50;

/** The first index of `sorted` whose word is not below `word`. */
function lowerBound(sorted: readonly string[], word: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] ?? '') < word) low = middle + 1;
    else high = middle;
  }
  return low;
}

export class WordIndex {
  /** The id of each entry number; null once replaced or deleted. */
  private _ids: (string | null)[] = [];
  /** The words of each entry number (the posting lists' inverse), for checking candidates. */
  private _words: (readonly string[] | null)[] = [];
  private _numberOf = new Map<string, number>();
  private _postings = new Map<string, number[]>();
  /** Every word in code-unit order, but `_unsorted` ones not placed yet. */
  private _sorted: string[] = [];
  private _unsorted: string[] = [];
  /** Postings before each sorted word (one more slot than words); null once lists changed. */
  private _before: Float64Array | null = null;
  private _dead = 0;

  /** Entries held. */
  get size(): number {
    return this._numberOf.size;
  }

  /** Adds `id` with its words, replacing the words it had. */
  put(id: string, words: readonly string[]): void {
    this.delete(id);
    const number = this._ids.length;
    const own = [...new Set(words)];
    this._ids.push(id);
    this._words.push(own);
    this._numberOf.set(id, number);
    for (const word of own) {
      const list = this._postings.get(word);
      if (list === undefined) {
        this._postings.set(word, [number]);
        this._unsorted.push(word);
      } else {
        list.push(number);
      }
    }
    this._before = null;
  }

  delete(id: string): void {
    const number = this._numberOf.get(id);
    if (number === undefined) return;
    this._numberOf.delete(id);
    this._ids[number] = null;
    this._words[number] = null;
    this._dead += 1;
    if (this._dead > COMPACT_AFTER && this._dead > this._numberOf.size) this._compact();
  }

  /** The words `id` was put with, or undefined. */
  wordsOf(id: string): readonly string[] | undefined {
    const number = this._numberOf.get(id);
    return number === undefined ? undefined : (this._words[number] ?? undefined);
  }

  clear(): void {
    this._ids = [];
    this._words = [];
    this._numberOf.clear();
    this._postings.clear();
    this._sorted = [];
    this._unsorted = [];
    this._before = null;
    this._dead = 0;
  }

  /**
   * The entries that have, for every one of `words`, a word it begins. The entries of the
   * rarest word (fewest postings in its range) are checked against the others in the order
   * of its range: its whole word first, then longer words, each in the order put. The check
   * stops once `limit` entries have every word whole that any entry could have whole, so the
   * commonest words ("sku", "bench") cost no more than a rare one.
   */
  match(words: readonly string[], limit: number): WordMatches {
    if (words.length === 0 || limit <= 0) return { ids: [], exhaustive: true };
    this.settle();
    const ranges = words.map((word) => this._range(word));
    let lead = 0;
    ranges.forEach((range, index) => {
      if (range.postings < (ranges[lead]?.postings ?? 0)) lead = index;
    });
    const others = words.filter((_, index) => index !== lead);
    // The most whole words an entry can have: those typed that are words of some entry.
    const best = words.filter((word) => this._postings.has(word)).length;
    const buckets: string[][] = Array.from({ length: best + 1 }, () => []);
    const seen = new Set<number>();
    const { from, to } = ranges[lead] ?? { from: 0, to: 0 };
    for (let at = from; at < to; at += 1) {
      for (const number of this._postings.get(this._sorted[at] ?? '') ?? []) {
        const id = this._ids[number];
        const own = this._words[number];
        if (id == null || own == null || seen.has(number)) continue;
        seen.add(number);
        if (!matchesAllWords(own, others)) continue;
        const whole = words.filter((word) => own.includes(word)).length;
        const bucket = buckets[whole];
        if (bucket === undefined || bucket.length >= limit) continue;
        bucket.push(id);
        if (whole === best && bucket.length === limit) return { ids: bucket, exhaustive: false };
      }
    }
    return { ids: buckets.reverse().flat().slice(0, limit), exhaustive: true };
  }

  /** The sorted words that begin with `prefix` (`from` to `to`) and their postings in all. */
  private _range(prefix: string): { from: number; to: number; postings: number } {
    const from = lowerBound(this._sorted, prefix);
    // Every word that begins with the prefix sorts below the prefix and the highest unit.
    const to = lowerBound(this._sorted, `${prefix}\uffff`);
    const before = this._before ?? this._countPostings();
    return { from, to, postings: (before[to] ?? 0) - (before[from] ?? 0) };
  }

  /**
   * Places the words added since among the sorted ones (tens of milliseconds after a large
   * batch), which the next match would do first: the owner calls it when the page is idle.
   */
  settle(): void {
    if (this._unsorted.length === 0) return;
    if (this._unsorted.length > INSERT_AT_MOST) {
      this._sorted = this._sorted.concat(this._unsorted).sort();
    } else {
      for (const word of this._unsorted) {
        this._sorted.splice(lowerBound(this._sorted, word), 0, word);
      }
    }
    this._unsorted = [];
    this._before = null;
  }

  private _countPostings(): Float64Array {
    const before = new Float64Array(this._sorted.length + 1);
    this._sorted.forEach((word, at) => {
      before[at + 1] = (before[at] ?? 0) + (this._postings.get(word)?.length ?? 0);
    });
    this._before = before;
    return before;
  }

  /** Renumbers the living entries in order and drops dead numbers and empty words. */
  private _compact(): void {
    const renumber = new Int32Array(this._ids.length).fill(-1);
    const ids: string[] = [];
    const words: (readonly string[])[] = [];
    this._ids.forEach((id, number) => {
      const own = this._words[number];
      if (id === null || own == null) return;
      renumber[number] = ids.length;
      this._numberOf.set(id, ids.length);
      ids.push(id);
      words.push(own);
    });
    for (const [word, list] of this._postings) {
      const kept = list.map((number) => renumber[number] ?? -1).filter((number) => number >= 0);
      if (kept.length === 0) this._postings.delete(word);
      else this._postings.set(word, kept);
    }
    this._ids = ids;
    this._words = words;
    this._sorted = [...this._postings.keys()].sort();
    this._unsorted = [];
    this._before = null;
    this._dead = 0;
  }
}
