/**
 * Search by name for a screen with a barcode field, loaded with the first text to search:
 * the sell screen is on the first paint, `ProductSearchController` and the index behind it
 * are not. Until it is loaded there is nothing to show; the text asked for meanwhile is the
 * one searched once it is.
 */
import type { ReactiveControllerHost } from 'lit';
import type { Suggestions } from '../components/product-option.ts';
import { log } from '../log.ts';
import type { ProductSearchController, ProductSearchOptions } from './product-search-controller.ts';

export class LazyProductSearch {
  private readonly _host: ReactiveControllerHost;
  private readonly _options: ProductSearchOptions;
  private _controller: ProductSearchController | null = null;
  /** The text to search once the controller is loaded. */
  private _text = '';

  constructor(host: ReactiveControllerHost, options: ProductSearchOptions) {
    this._host = host;
    this._options = options;
  }

  /** See `ProductSearchController.suggestions`; null until loaded. */
  suggestions(currency: string, locale: string): Suggestions | null {
    return this._controller?.suggestions(currency, locale) ?? null;
  }

  update(text: string): void {
    this._text = text;
    if (this._controller !== null) {
      this._controller.update(text);
      return;
    }
    // Loaded once (the browser keeps the module); every text asked meanwhile waits for it.
    import('./product-search-controller.ts').then(
      ({ ProductSearchController }) => {
        this._controller ??= new ProductSearchController(this._host, this._options);
        this._controller.update(this._text);
      },
      (error: unknown) =>
        log.warn('search: search by name could not be loaded', { error: String(error) }),
    );
  }

  clear(): void {
    this._text = '';
    this._controller?.clear();
  }
}
