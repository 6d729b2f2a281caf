/**
 * A product as the barcode field's suggestion list shows it, and the DOM id of each option:
 * shared by `<pos-scan-field>`, which names the active option (`aria-activedescendant`), and
 * `<pos-product-search>`, which renders the options and is loaded on first use.
 */
import type { Minor } from '../domain/money.ts';

export interface ProductOption {
  readonly productId: string;
  readonly title: string;
  readonly brand: string | null;
  readonly sku: string | null;
  /** Null: not priced, cannot be sold (choosing it says so, as a scan would). */
  readonly price: Minor | null;
  readonly serialized: boolean;
}

/** The id of option `index` of the list `listId`. */
export const optionId = (listId: string, index: number): string => `${listId}-${index}`;

/** What the barcode field shows under it: the products matching the text it sent. */
export interface Suggestions {
  /** The text these answer: they show only while the field holds exactly that text. */
  readonly query: string;
  readonly options: readonly ProductOption[];
  /** The catalog's index is still being built: some products may be missing. */
  readonly partial: boolean;
  /** How prices are written. */
  readonly currency: string;
  readonly locale: string;
}
