/**
 * One line of the cart: what it is, its unit price, quantity controls, line total, and whether
 * it is taken now or shipped to the customer. A serialized unit is always one per line: it
 * shows its serial (or that it still needs one) and `+` adds another unit on a line of its own.
 *
 * @fires pos-quantity-change - the associate set a new quantity (1 … 999).
 * @fires pos-remove-line - the associate removed the line.
 * @fires pos-shipping-change - the associate switched between take now and ship.
 * @fires pos-serial-request - the associate wants to enter (or change) the unit's serial.
 * @fires pos-add-unit - one more unit of a serialized product.
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { discountedAmounts } from '../domain/discounts.ts';
import { formatMoney, minor } from '../domain/money.ts';
import type { SaleLine } from '../domain/sale.ts';
import { requiresSerialAtCheckout } from '../domain/serial-rules.ts';
import { ShippingTypes } from '../protocol/wire-constants.ts';
import { percentOff } from '../i18n/format.ts';
import { discountReasonLabel } from '../i18n/reason-words.ts';
import { emit } from './events.ts';
import { controlStyles } from './shared-styles.ts';

const MAX_QUANTITY = 999;

@customElement('pos-cart-line')
@localized()
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
        grid-template-columns: minmax(0, 1fr) auto auto auto auto;
        grid-template-areas:
          'what qty total discount remove'
          'serial qty total discount remove'
          'ship qty total discount remove';
        align-items: center;
        gap: 0.25rem 0.75rem;
        padding: 0.6rem 0.75rem;
      }
      .discount {
        grid-area: discount;
      }
      .discounted {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 0.75rem;
        color: var(--pos-ok-text);
        font-weight: 600;
      }
      .was {
        color: var(--pos-muted);
        font-weight: 400;
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
        grid-area: serial;
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.5rem;
        margin-top: 0.3rem;
        font-size: 0.95rem;
      }
      .serial button {
        padding: 0 0.75rem;
      }
      .needs {
        font-weight: 700;
        color: var(--pos-danger);
      }
      :host([attention]) .row {
        background: var(--pos-warn-soft);
        box-shadow: inset 4px 0 0 var(--pos-danger);
      }
      .ship {
        grid-area: ship;
        justify-self: start;
        display: inline-flex;
        align-items: center;
        gap: 0.5rem;
        font-size: 0.95rem;
        cursor: pointer;
      }
      .ship .short {
        display: none;
      }
      .controls {
        display: contents;
      }
      /* Narrow because of the line's own room (a phone, a split tablet), not the screen's:
         what it is and its total on top, the controls in one row under it. */
      @container (max-width: 520px) {
        .row {
          grid-template-columns: minmax(0, 1fr) auto;
          grid-template-areas:
            'what total'
            'serial serial'
            'controls controls';
          gap: 0.25rem 0.4rem;
          padding: 0.4rem 0.45rem;
        }
        .controls {
          grid-area: controls;
          display: flex;
          flex-wrap: wrap;
          align-items: center;
          gap: 0.25rem 0.35rem;
        }
        .ship {
          gap: 0.25rem;
        }
        .remove {
          margin-left: auto;
        }
        .total {
          align-self: start;
          min-width: 0;
        }
        .ship .long {
          display: none;
        }
        .ship .short {
          display: inline;
        }
        .qty input {
          width: 3rem;
        }
        .qty button {
          min-width: 2.75rem;
        }
      }
    `,
  ];

  @property({ attribute: false }) line?: SaleLine;
  @property() currency = 'USD';
  @property() locale = 'en-US';
  /** Briefly highlights the line (just scanned). */
  @property({ type: Boolean, reflect: true }) highlight = false;
  /** Marks a unit that still needs its serial before payment. */
  @property({ type: Boolean, reflect: true }) attention = false;

  @query('button.serial-action') private _serialButton?: HTMLButtonElement;

  /** Moves focus to the line's serial button (the first line that still needs a serial). */
  focusSerial(): void {
    this._serialButton?.focus();
  }

  override render() {
    const line = this.line;
    if (line === undefined) return nothing;
    const money = (amount: number) => formatMoney(minor(amount), this.currency, this.locale);
    const listTotal = line.unitPrice * line.quantity;
    // What the line costs after its own discount and override (the sale's discount is apart).
    const paid = discountedAmounts([line], null, 0).units.reduce(
      (sum, unit) => sum + unit.price,
      0,
    );
    return html`<div class="row">
      <div class="what">
        <div class="title">${line.title}</div>
        <div class="meta">
          <span class="money">${money(line.unitPrice)}</span> ${msg('each')} · ${line.productId}
        </div>
        ${this._renderDiscount(line, money)}
      </div>
      ${this._renderSerial(line)}
      <div class="controls">
        <label class="ship">
          <input
            type="checkbox"
            aria-label=${msg(str`Ship to customer: ${line.title}`)}
            .checked=${line.shippingType !== ShippingTypes.inStoreHandover}
            @change=${this._onShipChange}
          />
          <span class="long">${msg('Ship to customer')}</span
          ><span class="short">${msg('Ship')}</span>
        </label>
        <div class="qty">
          ${
            line.serialized
              ? html`<span aria-label=${msg('Quantity 1')}>× 1</span>
                  <button
                    class="quiet"
                    aria-label=${msg(str`One more ${line.title}`)}
                    @click=${() => emit(this, 'pos-add-unit', { lineId: line.lineId })}
                  >
                    +
                  </button>`
              : html`
                  <button
                    class="quiet"
                    aria-label=${msg(str`One less ${line.title}`)}
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
                    aria-label=${msg(str`Quantity of ${line.title}`)}
                    .value=${String(line.quantity)}
                    @change=${this._onQuantityInput}
                    @keydown=${this._onQuantityKey}
                  />
                  <button
                    class="quiet"
                    aria-label=${msg(str`One more ${line.title}`)}
                    ?disabled=${line.quantity >= MAX_QUANTITY}
                    @click=${() => this._setQuantity(line.quantity + 1)}
                  >
                    +
                  </button>
                `
          }
        </div>
        <button
          class="quiet discount"
          aria-label=${msg(str`Discount on ${line.title}`)}
          @click=${() => emit(this, 'pos-line-discount', { lineId: line.lineId })}
        >
          %
        </button>
        <button
          class="danger remove"
          aria-label=${msg(str`Remove ${line.title}`)}
          @click=${() => emit(this, 'pos-remove-line', { lineId: line.lineId })}
        >
          ✕
        </button>
      </div>
      <div class="total money" data-testid="line.total">
        ${
          paid === listTotal
            ? money(listTotal)
            : html`<s class="was">${money(listTotal)}</s> ${money(paid)}`
        }
      </div>
    </div>`;
  }

  private _renderDiscount(line: SaleLine, money: (amount: number) => string) {
    const override = line.priceOverride;
    const discount = line.discount;
    if (override == null && discount == null) return nothing;
    return html`<div class="discounted" data-testid="line.discount">
      ${override == null ? nothing : html`<span>${msg(str`Price set to ${money(override.price)} · ${discountReasonLabel(override.reason)}`)}</span>`}
      ${
        discount == null
          ? nothing
          : html`<span
              >${msg(
                str`Discount ${discount.kind === 'percentage' ? percentOff(discount.value, this.locale) : money(discount.value)} · ${discountReasonLabel(discount.reason)}`,
              )}${discount.approval === null ? '' : ` · ${msg('approved')}`}</span
            >`
      }
    </div>`;
  }

  private _renderSerial(line: SaleLine) {
    if (!line.serialized) return nothing;
    if (!requiresSerialAtCheckout(line)) {
      return html`<div class="serial" data-testid="line.serial">
        ${msg('To be shipped: its serial is scanned when the order is picked')}
      </div>`;
    }
    const request = () => emit(this, 'pos-serial-request', { lineId: line.lineId });
    if (line.serial === null) {
      return html`<div class="serial" data-testid="line.serial">
        <span class="needs">${msg('Needs a serial')}</span>
        <button
          class="serial-action primary"
          aria-label=${msg(str`Add serial of ${line.title}`)}
          @click=${request}
        >
          ${msg('Add serial')}
        </button>
      </div>`;
    }
    return html`<div class="serial" data-testid="line.serial">
      <span>S/N <strong>${line.serial}</strong> · ${msg('captured')}</span>
      <button
        class="serial-action quiet"
        aria-label=${msg(str`Change serial of ${line.title}`)}
        @click=${request}
      >
        ${msg('Change')}
      </button>
    </div>`;
  }

  private readonly _onShipChange = (event: Event): void => {
    if (this.line === undefined) return;
    const ship = (event.target as HTMLInputElement).checked;
    emit(this, 'pos-shipping-change', {
      lineId: this.line.lineId,
      shippingType: ship ? ShippingTypes.traditionalCarrier : ShippingTypes.inStoreHandover,
    });
  };

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
