/**
 * The cart's lines in scan order, or the empty-cart hint. Each `<pos-cart-line>` emits its
 * own events (quantity, removal, take now / ship, serial request, another unit); they bubble
 * out through this element to the view. `display: contents` keeps the list in the sell
 * screen's own flex layout, so it scrolls inside the cart column as before.
 */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import type { SaleLine } from '../domain/sale.ts';
import { requiresSerialAtCheckout } from '../domain/serial-rules.ts';
import './pos-cart-line.ts';
import type { PosCartLine } from './pos-cart-line.ts';

@customElement('pos-cart-lines')
@localized()
export class PosCartLines extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
    .lines {
      list-style: none;
      margin: 0;
      padding: 0;
      overflow: auto;
      flex: 1;
      min-height: 0;
      background: var(--pos-surface);
      border: 1px solid var(--pos-border);
      border-radius: var(--pos-radius);
    }
    .empty {
      flex: 1;
      display: flex;
      flex-direction: column;
      justify-content: center;
      align-items: center;
      text-align: center;
      padding: 2rem 1rem;
      color: var(--pos-muted);
      border: 2px dashed var(--pos-border-strong);
      border-radius: var(--pos-radius);
    }
    .empty p {
      margin: 0.2rem 0;
    }
  `;

  @property({ attribute: false }) lines: readonly SaleLine[] = [];
  @property() currency = 'USD';
  @property() locale = 'en-US';
  /** The line just scanned, highlighted briefly. */
  @property({ attribute: false }) highlightId: string | null = null;
  /** Flags the take-now serialized units that still lack a serial (payment was refused). */
  @property({ type: Boolean, attribute: 'flag-missing' }) flagMissing = false;

  // The line just scanned stays on screen, however long the cart: when it is added, and when
  // the room left for the list changes (a longer message above it, the phone's keyboard).
  private readonly _resize = new ResizeObserver(() => this._showHighlighted());
  private _observed: Element | null = null;

  override updated(changed: PropertyValues<this>): void {
    const list = this.renderRoot.querySelector('.lines');
    if (list !== this._observed) {
      if (this._observed !== null) this._resize.unobserve(this._observed);
      if (list !== null) this._resize.observe(list);
      this._observed = list;
    }
    if (changed.has('highlightId')) this._showHighlighted();
  }

  override disconnectedCallback(): void {
    this._resize.disconnect();
    this._observed = null;
    super.disconnectedCallback();
  }

  private _showHighlighted(): void {
    if (this.highlightId === null) return;
    this.renderRoot.querySelector('pos-cart-line[highlight]')?.scrollIntoView({ block: 'nearest' });
  }

  /** Focuses the serial button of the first flagged line. */
  async focusFirstMissing(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<PosCartLine>('pos-cart-line[attention]')?.focusSerial();
  }

  override render() {
    if (this.lines.length === 0) {
      return html`<div class="empty">
        <p><strong>${msg('The cart is empty.')}</strong></p>
        <p>${msg('Scan a barcode or type a SKU, then press Enter.')}</p>
      </div>`;
    }
    return html`<ul class="lines" aria-label=${msg('Cart lines')}>
      ${repeat(
        this.lines,
        (line) => line.lineId,
        (line) =>
          html`<li>
            <pos-cart-line
              .line=${line}
              currency=${this.currency}
              locale=${this.locale}
              ?highlight=${line.lineId === this.highlightId}
              ?attention=${
                this.flagMissing && requiresSerialAtCheckout(line) && line.serial === null
              }
            ></pos-cart-line>
          </li>`,
      )}
    </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-cart-lines': PosCartLines;
  }
}
