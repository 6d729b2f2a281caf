/**
 * Subtotal, tax and total of a cart or a sale, in the store's currency and locale.
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import type { CartTotals } from '../domain/cart-totals.ts';
import { formatMoney, minor } from '../domain/money.ts';
import { plural } from '../i18n/plural.ts';
import { PHONE } from './layout.ts';

const percent = (rate: number, locale: string) =>
  new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 3 }).format(rate);

@customElement('pos-cart-totals')
@localized()
export class PosCartTotals extends LitElement {
  static override styles = css`
    :host {
      display: block;
    }
    dl {
      display: flex;
      flex-direction: column;
      gap: 0.35rem;
      margin: 0;
    }
    .row {
      display: flex;
      justify-content: space-between;
      align-items: baseline;
      gap: 1rem;
    }
    dt {
      color: var(--pos-muted);
    }
    dd {
      margin: 0;
      text-align: right;
      font-variant-numeric: tabular-nums;
      white-space: nowrap;
    }
    .total {
      padding-top: 0.4rem;
      border-top: 2px solid var(--pos-border);
    }
    .total dt,
    .total dd {
      font-size: 1.6rem;
      font-weight: 800;
      color: var(--pos-text);
    }
    /* A phone's compact bar: the tax on one small line, the total under it; the subtotal is
       left to screen readers (it is the total less the tax). */
    @media ${PHONE} {
      dl {
        gap: 0;
      }
      .sub {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
      .row {
        justify-content: flex-start;
        flex-wrap: wrap;
        gap: 0 0.4rem;
      }
      .tax {
        font-size: 0.85rem;
      }
      .total {
        padding: 0;
        border: none;
      }
      .total dt,
      .total dd {
        font-size: 1.3rem;
      }
    }
  `;

  @property({ attribute: false }) totals?: CartTotals;
  @property() currency = 'USD';
  @property() locale = 'en-US';
  @property({ type: Number, attribute: 'tax-rate' }) taxRate = 0;
  /** Prices include the tax (a German store): the subtotal is net, the tax row says included. */
  @property({ type: Boolean, attribute: 'tax-included' }) taxIncluded = false;

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
            : html`<div class="row sub">
                  <dt>${msg('Before discounts')}</dt>
                  <dd data-testid="totals.list">${money(totals.listSubtotal ?? 0)}</dd>
                </div>
                <div class="row discount">
                  <dt>${msg('Discounts')}</dt>
                  <dd data-testid="totals.discount">−${money(totals.discount)}</dd>
                </div>`
        }
        <div class="row sub">
          <dt>
            ${
              this.taxIncluded
                ? plural(totals.units, {
                    one: () => msg('Net (1 item)'),
                    other: () => msg(str`Net (${totals.units} items)`),
                  })
                : plural(totals.units, {
                    one: () => msg('Subtotal (1 item)'),
                    other: () => msg(str`Subtotal (${totals.units} items)`),
                  })
            }
          </dt>
          <dd data-testid="totals.subtotal">${money(totals.subtotal)}</dd>
        </div>
        <div class="row tax">
          <dt>
            ${
              this.taxIncluded
                ? msg(str`Tax included ${percent(this.taxRate, this.locale)}`)
                : msg(str`Tax ${percent(this.taxRate, this.locale)}`)
            }
          </dt>
          <dd data-testid="totals.tax">${money(totals.tax)}</dd>
        </div>
        <div class="row total">
          <dt>${msg('Total')}</dt>
          <dd data-testid="totals.total">${money(totals.total)}</dd>
        </div>
      </dl>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-cart-totals': PosCartTotals;
  }
}
