/**
 * Search by name over the device's catalog (100 000 products): an in-memory index of every
 * product's folded title, brand and SKU words (`WordIndex`), answered in a millisecond or
 * two, then the best matches read from IndexedDB and ranked (`rankCandidates`).
 *
 * The index is built after start from the stored catalog, a chunk of products per read with
 * a pause between reads so scans and sales go on meanwhile; until then answers may miss
 * products (`ready`). Pulled pages feed it as they are applied, and it tells the device's
 * other tabs, whose indexes re-read the products named (only one tab syncs at a time).
 * Loaded on first use by CatalogRepository, off the first paint.
 */
import { WordIndex } from '../domain/word-index.ts';
import { productSearchWords, queryWords, rankCandidates } from '../domain/product-search.ts';
import { log } from '../log.ts';
import type { AisleDb } from './db.ts';
import type { ExternalIdentifier } from '../protocol/schemas.ts';
import type { ProductRecord } from './types.ts';

/**
 * Products per read while the index is built. A scan that comes meanwhile waits for the read
 * in progress and the words of its products: 500 took up to 75 ms on the loaded bench
 * machine; 250 take 17 ms at p95, for a build of about 3 s in all (bench:search).
 */
export const BUILD_CHUNK = 250;

/**
 * Matches read from IndexedDB and ranked per keystroke: the best by whole-word hits (the
 * index's order), of which the list shows the first few. Reading and ranking 50 took up to
 * 20 ms on the loaded bench machine; 24 are three lists' worth. A list too broad to rank
 * whole is one the associate narrows with a letter.
 */
export const RANKED_MATCHES = 24;

/** The tabs of one device database talk on a channel of its name. */
const channelOf = (db: AisleDb): string => `aisle-catalog-search:${db.name}`;

type ChannelMessage =
  { readonly kind: 'products'; readonly ids: readonly string[] } | { readonly kind: 'cleared' };

/** Where a product's SKUs are among its identifiers. */
export function skusOf(identifiers: readonly ExternalIdentifier[]): string[] {
  return identifiers
    .filter((identifier) => identifier.type.toLowerCase() === 'sku')
    .map((identifier) => identifier.value);
}

/** The words a product is found by. */
export function searchWordsOf(
  product: Pick<ProductRecord, 'title' | 'brand' | 'identifiers'>,
): string[] {
  return productSearchWords({
    title: product.title,
    brand: product.brand,
    skus: skusOf(product.identifiers),
  });
}

/** What one search by name answers. */
export interface SearchAnswer {
  /** The words searched (`queryWords`); none for a text too short to search ("c"). */
  readonly words: readonly string[];
  /** The matches, best first. */
  readonly products: ProductRecord[];
  /** False while the index is still being built from the stored catalog: some may be missing. */
  readonly complete: boolean;
}

/** Waits for an idle moment (at most a second), or a turn of the event loop without one. */
function idle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') {
      requestIdleCallback(() => resolve(), { timeout: 1000 });
    } else {
      setTimeout(resolve, 0);
    }
  });
}

export class CatalogSearch {
  private readonly _db: AisleDb;
  private readonly _index = new WordIndex();
  private readonly _channel: BroadcastChannel | null;
  private _building: Promise<void> | null = null;
  private _ready = false;
  private _settling = false;
  /** Bumped when the catalog is cleared: a build still running stops. */
  private _generation = 0;
  /**
   * Products indexed or deleted from a committed write while the build runs: the build must
   * not put back what it read of them before.
   */
  private readonly _touched = new Set<string>();

  constructor(db: AisleDb) {
    this._db = db;
    this._channel =
      typeof BroadcastChannel === 'function' ? new BroadcastChannel(channelOf(db)) : null;
    // Node's channels (the tests) would keep the process alive; browsers have no unref.
    (this._channel as { unref?: () => void } | null)?.unref?.();
    this._channel?.addEventListener('message', (event: MessageEvent<ChannelMessage>) => {
      this._onOtherTab(event.data).catch((error: unknown) =>
        log.warn('search: another tab’s catalog change was not indexed', { error: String(error) }),
      );
    });
  }

  /** True once every stored product is in the index. */
  get ready(): boolean {
    return this._ready;
  }

  /** Products in the index. */
  get size(): number {
    return this._index.size;
  }

  /**
   * Reads the stored catalog into the index (once), `pause` between reads. A failed build is
   * logged and `ready` stays false (answers say products may be missing); the next search
   * starts it again.
   */
  build(pause: () => Promise<void> = idle): Promise<void> {
    this._building ??= this._build(pause).catch((error: unknown) => {
      log.warn('search: the catalog could not be indexed', { error: String(error) });
      this._building = null;
    });
    return this._building;
  }

  /** Products written or deleted by a committed transaction of this tab (a pulled page). */
  applied(upserts: readonly ProductRecord[], deletions: readonly string[]): void {
    this._apply(upserts, deletions);
    const ids = [...upserts.map((product) => product.productId), ...deletions];
    if (ids.length > 0) this._channel?.postMessage({ kind: 'products', ids });
  }

  /** The catalog was emptied (the device moved to another store). */
  cleared(): void {
    this._clear();
    this._channel?.postMessage({ kind: 'cleared' });
  }

  /**
   * The products whose title, brand or SKU words begin with every word of `text`, best first,
   * at most `limit` (see `rankCandidates`).
   */
  async search(text: string, limit: number): Promise<SearchAnswer> {
    // A build that failed (its failure is logged) is tried again.
    if (!this._ready) void this.build();
    const words = queryWords(text);
    const complete = this._ready;
    if (words.length === 0 || limit <= 0) return { words, products: [], complete };
    const { ids } = this._index.match(words, Math.max(limit, RANKED_MATCHES));
    // A product deleted by a write not yet indexed is simply not read.
    const read = await this._db.products.bulkGet(ids);
    const found = read.filter((product): product is ProductRecord => product !== undefined);
    const ranked = rankCandidates(
      text,
      found.map((product) => ({
        productId: product.productId,
        title: product.title,
        skus: skusOf(product.identifiers),
        words: this._index.wordsOf(product.productId) ?? searchWordsOf(product),
        product,
      })),
    );
    const products = ranked.slice(0, limit).map((candidate) => candidate.product);
    return { words, products, complete };
  }

  private async _build(pause: () => Promise<void>): Promise<void> {
    const generation = this._generation;
    let after: string | null = null;
    for (;;) {
      const chunk: ProductRecord[] = await (
        after === null
          ? this._db.products.limit(BUILD_CHUNK)
          : this._db.products.where(':id').above(after).limit(BUILD_CHUNK)
      ).toArray();
      if (generation !== this._generation) return;
      for (const product of chunk) {
        if (!this._touched.has(product.productId)) {
          this._index.put(product.productId, searchWordsOf(product));
        }
      }
      const last = chunk.at(-1);
      if (chunk.length < BUILD_CHUNK || last === undefined) break;
      after = last.productId;
      await pause();
    }
    this._ready = true;
    this._touched.clear();
    this._settleSoon();
  }

  /** Sorts the index's new words when the page is idle, not on the next keystroke. */
  private _settleSoon(): void {
    if (this._settling) return;
    this._settling = true;
    void idle().then(() => {
      this._settling = false;
      this._index.settle();
    });
  }

  private _apply(upserts: readonly ProductRecord[], deletions: readonly string[]): void {
    for (const product of upserts) {
      this._index.put(product.productId, searchWordsOf(product));
      if (!this._ready) this._touched.add(product.productId);
    }
    for (const id of deletions) {
      this._index.delete(id);
      if (!this._ready) this._touched.add(id);
    }
    if (upserts.length > 0) this._settleSoon();
  }

  private _clear(): void {
    this._generation += 1;
    this._index.clear();
    this._touched.clear();
    // A build under way stops: nothing stored is left to read, what comes now comes through
    // `applied`. One not started yet reads whatever is stored by then.
    if (this._building !== null) this._ready = true;
  }

  private async _onOtherTab(message: ChannelMessage): Promise<void> {
    if (message.kind === 'cleared') {
      this._clear();
      return;
    }
    const read = await this._db.products.bulkGet([...message.ids]);
    const upserts = read.filter((product): product is ProductRecord => product !== undefined);
    const deletions = message.ids.filter((_, index) => read[index] === undefined);
    this._apply(upserts, deletions);
  }
}
