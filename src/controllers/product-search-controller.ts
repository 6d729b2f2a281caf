/**
 * Search by name for a screen with a barcode field (sell, pick, blind return): the field's
 * text goes in as the associate types (`update`), the matching products come out as the
 * field's suggestions (`options`, for the text `answered`). The newest text wins: an answer
 * for a text no longer wanted is dropped. No timer: a keystroke's results show as soon as the
 * index answers, a millisecond or two (a scanner's burst is held back by the field itself).
 * A scan or a choice `clear`s the list.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ProductOption, Suggestions } from '../components/product-option.ts';
import type { CatalogRepository } from '../data/catalog-repository.ts';
import { skusOf } from '../data/catalog-search.ts';
import type { ProductRecord } from '../data/types.ts';
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
  /** The catalog's index is still being built: some products may be missing. */
  partial = false;

  private readonly _host: ReactiveControllerHost;
  private readonly _options: ProductSearchOptions;
  /** Bumped by every update and clear: an answer is shown only if none came after its ask. */
  private _generation = 0;

  constructor(host: ReactiveControllerHost, options: ProductSearchOptions) {
    this._host = host;
    this._options = options;
    host.addController(this);
  }

  hostDisconnected(): void {
    this.clear();
  }

  /** The text in the field changed: search it; only the newest text's answer is shown. */
  update(text: string): void {
    const generation = ++this._generation;
    const catalog = this._options.catalog();
    if (catalog === undefined || text === '') {
      this._show([], '');
      return;
    }
    const limit = this._options.limit ?? SUGGESTION_LIMIT;
    catalog
      .searchIndex()
      .then((index) => index.search(text, limit))
      .then(
        (answer) => {
          if (generation !== this._generation) return;
          // A text too short to search ("c") shows no list at all, not "no match".
          if (answer.words.length === 0) this._show([], '');
          else this._show(answer.products, text, !answer.complete);
        },
        (error: unknown) => {
          // A failed search shows nothing; scanning and typing a code still work.
          log.warn('search: the catalog could not be searched', { error: String(error) });
          if (generation === this._generation) this._show([], '');
        },
      );
  }

  /** What the barcode field shows for the latest answer, prices written as the store's. */
  suggestions(currency: string, locale: string): Suggestions | null {
    if (this.answered === '') return null;
    return { query: this.answered, options: this.options, partial: this.partial, currency, locale };
  }

  /** A scan or a choice: no list until the next keystroke, whatever is still running. */
  clear(): void {
    this._generation += 1;
    this._show([], '');
  }

  private _show(products: readonly ProductRecord[], answered: string, partial = false): void {
    this.options = products.map(toProductOption);
    this.answered = answered;
    this.partial = partial;
    this._host.requestUpdate();
  }
}
