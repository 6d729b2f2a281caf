/**
 * The sales this associate parked on this device (issue 13): when, how many units, what
 * they come to; Recall brings one back to the till. Properties in, events out.
 *
 * @fires pos-parked-recall - the associate recalls this parked sale
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatMoney, type Minor } from '../domain/money.ts';
import { plural } from '../i18n/plural.ts';
import { emit } from './events.ts';
import { controlStyles } from './shared-styles.ts';

export interface ParkedSaleView {
  readonly cartId: string;
  readonly parkedAt: string;
  readonly units: number;
  readonly total: Minor;
  readonly titles: readonly string[];
}

@customElement('pos-parked-sales')
@localized()
export class PosParkedSales extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 1.05rem;
        margin: 0.75rem 0 0.4rem;
      }
      ul {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.4rem;
      }
      li {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        justify-content: space-between;
        padding: 0.4rem 0.6rem;
        border: 1px solid var(--pos-border);
        border-radius: var(--pos-radius-small);
      }
      .what {
        min-width: 0;
        overflow-wrap: anywhere;
      }
    `,
  ];

  @property({ attribute: false }) sales: readonly ParkedSaleView[] = [];
  @property() currency = 'USD';
  @property() locale = 'en-US';

  override render() {
    if (this.sales.length === 0) return nothing;
    const time = new Intl.DateTimeFormat(this.locale, { timeStyle: 'short' });
    return html`<h2>${msg('Parked sales')}</h2>
      <ul aria-label=${msg('Parked sales')}>
        ${this.sales.map(
          (sale) =>
            html`<li data-testid="parked.sale">
              <span class="what"
                >${time.format(new Date(sale.parkedAt))} ·
                ${plural(sale.units, {
                  one: () => msg('1 item'),
                  other: () => msg(str`${sale.units} items`),
                })}
                · ${formatMoney(sale.total, this.currency, this.locale)} ·
                ${sale.titles.join(', ')}</span
              >
              <button
                type="button"
                @click=${() => emit(this, 'pos-parked-recall', { cartId: sale.cartId })}
              >
                ${msg('Recall')}
              </button>
            </li>`,
        )}
      </ul>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-parked-sales': PosParkedSales;
  }
}
