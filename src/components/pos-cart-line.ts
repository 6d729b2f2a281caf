/**
 * One line of the cart: what it is, its unit price, quantity controls and line total. A
 * serialized unit is always one per line, so it shows its serial state instead of − / +.
 *
 * @fires pos-quantity-change - the associate set a new quantity (1 … 999).
 * @fires pos-remove-line - the associate removed the line.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatMoney, minor } from '../domain/money.ts';
import type { SaleLine } from '../domain/sale.ts';
import { emit } from './events.ts';
import { controlStyles } from './shared-styles.ts';

const MAX_QUANTITY = 999;

@customElement('pos-cart-line')
export class PosCartLine extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
        container-type: inline-size;
        background: var(--pos-surface);
        border-bottom: 1px solid var(--pos-border);
      }
      .row {
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto auto auto;
        grid-template-areas: 'what qty total remove';
        align-items: center;
        gap: 0.75rem;
        padding: 0.6rem 0.75rem;
      }
      :host([highlight]) .row {
        animation: flash 1.2s ease-out;
      }
      @keyframes flash {
        from {
          background: var(--pos-highlight);
        }
      }
      .what {
        grid-area: what;
        min-width: 0;
      }
      .title {
        font-weight: 600;
        overflow-wrap: anywhere;
      }
      .meta {
        color: var(--pos-muted);
        font-size: 0.9rem;
      }
      .qty {
        grid-area: qty;
        display: flex;
        align-items: center;
        gap: 0.25rem;
      }
      .qty input {
        width: 4.2rem;
        text-align: center;
        padding: 0 0.25rem;
        -moz-appearance: textfield;
      }
      .qty input::-webkit-inner-spin-button {
        display: none;
      }
      .qty button {
        padding: 0;
        font-size: 1.4rem;
      }
      .total {
        grid-area: total;
        font-weight: 700;
        text-align: right;
        min-width: 5.5rem;
      }
      .remove {
        grid-area: remove;
      }
      .serial {
        color: var(--pos-muted);
        font-size: 0.9rem;
      }
      /* Narrow because of the line's own room (a phone, a split tablet), not the screen's. */
      @container (max-width: 520px) {
        .row {
          grid-template-columns: minmax(0, 1fr) auto;
          grid-template-areas:
            'what total'
            'qty remove';
          row-gap: 0.4rem;
        }
        .remove {
          justify-self: end;
        }
      }
    `,
  ];

  @property({ attribute: false }) line?: SaleLine;
  @property() currency = 'USD';
  @property() locale = 'en-US';
  /** Briefly highlights the line (just scanned). */
  @property({ type: Boolean, reflect: true }) highlight = false;

  override render() {
    const line = this.line;
    if (line === undefined) return nothing;
    const money = (amount: number) => formatMoney(minor(amount), this.currency, this.locale);
    return html`<div class="row">
      <div class="what">
        <div class="title">${line.title}</div>
        <div class="meta">
          <span class="money">${money(line.unitPrice)}</span> each · ${line.productId}
        </div>
        ${
          line.serialized
            ? html`<div class="serial">
                ${line.serial === null ? 'Serialized item' : `Serial ${line.serial}`}
              </div>`
            : nothing
        }
      </div>
      <div class="qty">
        ${
          line.serialized
            ? html`<span aria-label="Quantity 1">× 1</span>`
            : html`
                <button
                  class="quiet"
                  aria-label=${`One less ${line.title}`}
                  ?disabled=${line.quantity <= 1}
                  @click=${() => this._setQuantity(line.quantity - 1)}
                >
                  −
                </button>
                <input
                  type="number"
                  inputmode="numeric"
                  min="1"
                  max=${MAX_QUANTITY}
                  aria-label=${`Quantity of ${line.title}`}
                  .value=${String(line.quantity)}
                  @change=${this._onQuantityInput}
                  @keydown=${this._onQuantityKey}
                />
                <button
                  class="quiet"
                  aria-label=${`One more ${line.title}`}
                  ?disabled=${line.quantity >= MAX_QUANTITY}
                  @click=${() => this._setQuantity(line.quantity + 1)}
                >
                  +
                </button>
              `
        }
      </div>
      <div class="total money">${money(line.unitPrice * line.quantity)}</div>
      <button
        class="danger remove"
        aria-label=${`Remove ${line.title}`}
        @click=${() => emit(this, 'pos-remove-line', { lineId: line.lineId })}
      >
        ✕
      </button>
    </div>`;
  }

  private _setQuantity(quantity: number): void {
    if (this.line === undefined) return;
    emit(this, 'pos-quantity-change', { lineId: this.line.lineId, quantity });
  }

  private readonly _onQuantityKey = (event: KeyboardEvent): void => {
    // Enter commits the typed quantity without submitting anything else.
    if (event.key === 'Enter') (event.target as HTMLInputElement).blur();
  };

  private readonly _onQuantityInput = (event: Event): void => {
    const input = event.target as HTMLInputElement;
    const quantity = Number(input.value);
    // A field edited back to its value (or restored after a scan landed in it) is no change.
    if (quantity === this.line?.quantity) return;
    if (!Number.isInteger(quantity) || quantity < 1 || quantity > MAX_QUANTITY) {
      // Put the stored quantity back; the view explains the limits when it refuses.
      input.value = String(this.line?.quantity ?? 1);
    }
    this._setQuantity(quantity);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-cart-line': PosCartLine;
  }
}
