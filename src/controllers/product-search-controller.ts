/**
 * Search by name for a screen with a barcode field (sell, pick, blind return): the field's
 * text goes in as the associate types (`update`), the matching products come out as the
 * field's suggestions (`options`, for the text `answered`). At most one search runs at a
 * time and the newest text wins: a text typed while a search is running is searched next,
 * the ones in between never are, and an answer for a text no longer wanted is dropped. No
 * timer: a keystroke's results show as soon as the index answers (a scanner's burst is held
 * back by the field itself). A scan or a choice `clear`s the list.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ProductOption } from '../components/pos-product-search.ts';
import { skusOf } from '../data/catalog-search.ts';
import type { CatalogRepository } from '../data/catalog-repository.ts';
import type { ProductRecord } from '../data/types.ts';
import { queryWords } from '../domain/product-search.ts';
import { log } from '../log.ts';

/** Suggestions shown at once: a phone screen's worth, each a 52 px row. */
export const SUGGESTION_LIMIT = 8;

export interface ProductSearchOptions {
  readonly catalog: () => CatalogRepository | undefined;
  readonly limit?: number;
}

export function toProductOption(product: ProductRecord): ProductOption {
  return {
    productId: product.productId,
    title: product.title,
    brand: product.brand,
    sku: skusOf(product.identifiers)[0] ?? null,
    price: product.price,
    serialized: product.serialized,
  };
}

export class ProductSearchController implements ReactiveController {
  /** The suggestions for `answered`, best first. */
  options: readonly ProductOption[] = [];
  /** The text `options` answer; empty when nothing was searched (too short, or cleared). */
  answered = '';

  private readonly _host: ReactiveControllerHost;
  private readonly _options: ProductSearchOptions;
  private _wanted = '';
  /** Bumped by every update and clear: an answer is shown only if none came after its ask. */
  private _generation = 0;
  private _running = false;

  constructor(host: ReactiveControllerHost, options: ProductSearchOptions) {
    this._host = host;
    this._options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.clear();
  }

  /** The text in the field changed: search it (after the running search, if one is). */
  update(text: string): void {
    this._wanted = text;
    this._generation += 1;
    if (!this._running) void this._run();
  }

  /** A scan or a choice: no list until the next keystroke, whatever is still running. */
  clear(): void {
    this._wanted = '';
    this._generation += 1;
    this._show([], '');
  }

  private async _run(): Promise<void> {
    this._running = true;
    try {
      for (;;) {
        const generation = this._generation;
        const text = this._wanted;
        const catalog = this._options.catalog();
        const searchable = catalog !== undefined && queryWords(text).length > 0;
        const found = searchable
          ? await catalog.search(text, this._options.limit ?? SUGGESTION_LIMIT)
          : [];
        if (generation !== this._generation) continue;
        this._show(found, searchable ? text : '');
        return;
      }
    } catch (error) {
      // A failed search shows nothing; scanning and typing a code still work.
      log.warn('search: the catalog could not be searched', { error: String(error) });
      this._show([], '');
    } finally {
      this._running = false;
    }
  }

  private _show(products: readonly ProductRecord[], answered: string): void {
    this.options = products.map(toProductOption);
    this.answered = answered;
    this._host.requestUpdate();
  }
}
