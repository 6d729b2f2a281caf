/**
 * The products matching what the associate types in the barcode field: one option per
 * product with its title, brand and SKU, price and a "Serialized" badge; or, when nothing
 * matches, a line saying so. It is the popup of the field's combobox (ARIA APG, list
 * autocomplete with manual selection): focus stays in the field, which moves the active
 * option with the arrow keys and chooses it with Enter; a tap or a click chooses too.
 *
 * Rendered without a shadow root, inside the field's own, so the field's `aria-controls` and
 * `aria-activedescendant` can name the list and its options: ARIA ids do not reach into
 * another shadow root. It brings its styles into that root itself: the field loads it on
 * first use, off the first paint.
 *
 * @fires pos-product-choose - an option was tapped or clicked.
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatMoney } from '../domain/money.ts';
import { emit } from './events.ts';
import { optionId, type ProductOption } from './product-option.ts';

const productSearchStyles = css`
  pos-product-search {
    display: block;
    position: absolute;
    z-index: 5;
    inset: 100% 0 auto 0;
    margin-top: 0.25rem;
  }
  pos-product-search [role='listbox'] {
    list-style: none;
    margin: 0;
    padding: 0.25rem;
    max-height: min(60vh, 26rem);
    overflow-y: auto;
    background: var(--pos-surface);
    border: 2px solid var(--pos-border-strong);
    border-radius: var(--pos-radius-small);
    box-shadow: 0 8px 24px rgb(15 23 32 / 18%);
  }
  pos-product-search [role='option'] {
    display: grid;
    grid-template-columns: minmax(0, 1fr) auto;
    align-items: center;
    column-gap: 0.75rem;
    min-height: 52px;
    padding: 0.4rem 0.75rem;
    border-radius: var(--pos-radius-small);
    cursor: pointer;
    touch-action: manipulation;
  }
  pos-product-search [role='option'][aria-selected='true'] {
    background: var(--pos-primary-soft);
    outline: 3px solid var(--pos-focus);
    outline-offset: -3px;
  }
  pos-product-search [role='option']:hover {
    background: var(--pos-primary-soft);
  }
  pos-product-search .title {
    font-weight: 700;
    overflow-wrap: anywhere;
  }
  pos-product-search .meta {
    grid-column: 1;
    color: var(--pos-muted);
    font-size: 0.9rem;
    overflow-wrap: anywhere;
  }
  pos-product-search .price {
    grid-column: 2;
    grid-row: 1 / span 2;
    font-weight: 700;
    font-variant-numeric: tabular-nums;
    text-align: end;
  }
  pos-product-search .badge {
    display: inline-block;
    margin-inline-start: 0.5rem;
    padding: 0 0.45rem;
    border-radius: 999px;
    background: var(--pos-chip-bg);
    color: var(--pos-chip-text);
    font-size: 0.8rem;
    font-weight: 700;
    vertical-align: 0.1em;
  }
  pos-product-search .note {
    margin: 0.25rem 0 0;
    padding: 0.5rem 0.75rem;
    background: var(--pos-warn-soft);
    border-radius: var(--pos-radius-small);
  }
  pos-product-search .no-match {
    margin: 0;
    padding: 0.75rem;
    background: var(--pos-surface);
    border: 2px solid var(--pos-border);
    border-radius: var(--pos-radius-small);
    color: var(--pos-muted);
  }
`;

/** Adds the list's styles to the shadow root (or document) it renders in, once. */
function addStylesTo(root: Node): void {
  if (!(root instanceof ShadowRoot || root instanceof Document)) return;
  const sheet = productSearchStyles.styleSheet;
  if (sheet !== undefined) {
    if (!root.adoptedStyleSheets.includes(sheet)) {
      root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
    }
    return;
  }
  // No constructable style sheets: a <style> element, as Lit itself falls back to.
  const host = root instanceof Document ? root.head : root;
  if (host.querySelector('style[data-pos-product-search]') !== null) return;
  const style = document.createElement('style');
  style.dataset.posProductSearch = '';
  style.textContent = productSearchStyles.cssText;
  host.append(style);
}

@customElement('pos-product-search')
@localized()
export class PosProductSearch extends LitElement {
  @property({ attribute: false }) options: readonly ProductOption[] = [];
  /** The option the field's arrow keys made active, or -1 for none. */
  @property({ type: Number, attribute: 'active-index' }) activeIndex = -1;
  /** The words these options answer, for the list's name and the "no match" line. */
  @property() query = '';
  /** Some products are not indexed for search yet (an older catalog being prepared). */
  @property({ type: Boolean }) partial = false;
  @property({ attribute: 'list-id' }) listId = 'product-options';
  @property() currency = 'USD';
  @property() locale = 'en-US';

  constructor() {
    super();
    // Pointer only, on the host: the keyboard drives the list from the field (the combobox
    // keeps focus), so the options take no keys of their own.
    this.addEventListener('click', this._onClick);
    this.addEventListener('mousedown', this._keepFocus);
  }

  // The field's ARIA references must reach the options: no shadow root (see the header).
  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override connectedCallback(): void {
    super.connectedCallback();
    addStylesTo(this.getRootNode());
  }

  override updated(changed: Map<string, unknown>): void {
    if (!changed.has('activeIndex') || this.activeIndex < 0) return;
    // The active option stays in view as the arrows move through a long list.
    this.querySelector(`#${optionId(this.listId, this.activeIndex)}`)?.scrollIntoView({
      block: 'nearest',
    });
  }

  override render() {
    const note = this.partial
      ? html`<p class="note" role="status">
          ${msg('Search is still being prepared on this device: some products are not found yet.')}
        </p>`
      : nothing;
    if (this.options.length === 0) {
      return this.query === ''
        ? nothing
        : html`<p class="no-match" role="status">
              ${msg(
                str`No product name or SKU matches “${this.query}”. Enter looks it up as a barcode.`,
              )}
            </p>
            ${note}`;
    }
    return html`<ul
        role="listbox"
        id=${this.listId}
        aria-label=${msg(str`Products matching ${this.query}`)}
      >
        ${this.options.map((option, index) => this._renderOption(option, index))}
      </ul>
      ${note}`;
  }

  private _renderOption(option: ProductOption, index: number) {
    const meta = [option.brand, option.sku].filter((part) => part !== null && part !== '');
    return html`<li
      role="option"
      id=${optionId(this.listId, index)}
      aria-selected=${index === this.activeIndex ? 'true' : 'false'}
      data-product-id=${option.productId}
    >
      <span class="title"
        >${option.title}${
          option.serialized ? html`<span class="badge">${msg('Serialized')}</span>` : nothing
        }</span
      >
      <span class="price"
        >${option.price === null ? msg('No price') : formatMoney(option.price, this.currency, this.locale)}</span
      >
      ${meta.length === 0 ? nothing : html`<span class="meta">${meta.join(' · ')}</span>`}
    </li>`;
  }

  private readonly _onClick = (event: MouseEvent): void => {
    const option = (event.target as Element).closest('[role="option"]');
    const productId = option instanceof HTMLElement ? option.dataset.productId : undefined;
    if (productId !== undefined) emit(this, 'pos-product-choose', { productId });
  };

  // A press on the list must not take focus from the field (the combobox keeps it).
  private readonly _keepFocus = (event: MouseEvent): void => {
    event.preventDefault();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-product-search': PosProductSearch;
  }
}
