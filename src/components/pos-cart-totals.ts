/**
 * Subtotal, tax and total of a cart or a sale, in the store's currency and locale.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CartTotals } from '../domain/cart-totals.ts';
import { formatMoney, minor } from '../domain/money.ts';

const percent = (rate: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3 }).format(rate);

@customElement('pos-cart-totals')
export class PosCartTotals extends LitElement {
  static override styles = css`
    dl {
      display: grid;
      grid-template-columns: 1fr auto;
      gap: 0.35rem 0;
      margin: 0;
    }
    dt {
      color: var(--pos-muted);
    }
    dd {
      margin: 0;
      padding-left: 1rem;
      text-align: right;
      font-variant-numeric: tabular-nums;
    }
    .total {
      font-size: 1.6rem;
      font-weight: 800;
      color: var(--pos-text);
      padding-top: 0.4rem;
      border-top: 2px solid var(--pos-border);
    }
  `;

  @property({ attribute: false }) totals?: CartTotals;
  @property() currency = 'USD';
  @property() locale = 'en-US';
  @property({ type: Number, attribute: 'tax-rate' }) taxRate = 0;

  override render() {
    const totals: CartTotals = this.totals ?? {
      subtotal: minor(0),
      tax: minor(0),
      total: minor(0),
      units: 0,
    };
    const money = (amount: number) => formatMoney(minor(amount), this.currency, this.locale);
    return html`
      <dl>
        ${
          totals.discount === undefined
            ? nothing
            : html`<dt>Before discounts</dt>
                <dd data-testid="totals.list">${money(totals.listSubtotal ?? 0)}</dd>
                <dt>Discounts</dt>
                <dd data-testid="totals.discount">−${money(totals.discount)}</dd>`
        }
        <dt>Subtotal (${totals.units} ${totals.units === 1 ? 'item' : 'items'})</dt>
        <dd data-testid="totals.subtotal">${money(totals.subtotal)}</dd>
        <dt>Tax ${percent(this.taxRate, this.locale)}</dt>
        <dd data-testid="totals.tax">${money(totals.tax)}</dd>
        <dt class="total">Total</dt>
        <dd class="total" data-testid="totals.total">${money(totals.total)}</dd>
      </dl>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-cart-totals': PosCartTotals;
  }
}
