/**
 * The device's order history: its latest sales, newest first, with time, total, whether the
 * server has each one, and every serialized unit's serial with where it stands (`pending`
 * while the sale waits, then `accepted`, `exception` or `resolved` as the server says). Read
 * live, so a state changes on screen the moment a push answer or a pull brings it.
 */
import { localized, msg, str } from '@lit/localize';
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { repositoriesContext } from '../app/contexts.ts';
import { controlStyles } from '../components/shared-styles.ts';
import { LiveQueryController } from '../controllers/live-query-controller.ts';
import type { Repositories } from '../data/repositories.ts';
import type { SaleSerials } from '../data/serial-repository.ts';
import { unitSerialViews } from '../domain/serial-states.ts';
import { unitSerialStateLabel } from '../i18n/serial-states.ts';
import { formatMoney } from '../domain/money.ts';
import type { SaleSyncState } from '../domain/sale.ts';
import { receiptNumber } from '../domain/receipt-number.ts';
import { formatDateTime, screenLocale } from '../i18n/format.ts';

const SYNC_LABELS: Record<SaleSyncState, () => string> = {
  pending: () => msg('waiting to sync'),
  synced: () => msg('synced'),
  rejected: () => msg('refused by the server'),
  mismatch: () => msg('conflicts with another sale'),
};

/** How many sales the screen lists: a shift's worth, read in one go. */
const HISTORY_LIMIT = 100;

@customElement('pos-view-orders')
@localized()
export class PosViewOrders extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
        padding: 1rem;
        max-width: 48rem;
        margin: 0 auto;
      }
      h1 {
        font-size: 1.5rem;
        margin: 0 0 1rem;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      article {
        background: var(--pos-surface);
        border: 1px solid var(--pos-border);
        border-radius: var(--pos-radius);
        padding: 0.75rem 1rem;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        gap: 0.25rem 1rem;
        align-items: baseline;
      }
      .total {
        font-weight: 700;
        margin-left: auto;
      }
      .sync {
        color: var(--pos-muted);
      }
      .sync.rejected,
      .sync.mismatch,
      .exception {
        color: var(--pos-danger);
        font-weight: 700;
      }
      ul {
        margin: 0.4rem 0 0;
        padding-left: 1.2rem;
      }
    `,
  ];

  @consume({ context: repositoriesContext })
  @state()
  private _repos?: Repositories;

  private readonly _history = new LiveQueryController(this, {
    args: () => (this._repos === undefined ? undefined : ([this._repos] as const)),
    query: (repos) => repos.serials.recentSales(HISTORY_LIMIT),
  });

  override render() {
    return html`<h1>${msg('Order history')}</h1>
      ${this._history.render({
        pending: () => html`<p role="status">${msg('Loading the sales on this device…')}</p>`,
        complete: (sales) =>
          sales.length === 0
            ? html`<p>${msg('No sales on this device yet.')}</p>`
            : html`<ol aria-label=${msg('Sales on this device')}>
                ${repeat(
                  sales,
                  (entry) => entry.sale.saleId,
                  (entry) => html`<li>${this._renderSale(entry)}</li>`,
                )}
              </ol>`,
        error: () =>
          html`<p role="alert">${msg('The sales on this device could not be read.')}</p>`,
      })}`;
  }

  private _renderSale({ sale, orderResult, exceptions }: SaleSerials) {
    const units = unitSerialViews(sale, orderResult, exceptions);
    const locale = screenLocale();
    const when = formatDateTime(sale.createdAt, locale);
    const short = receiptNumber(sale.saleId);
    const label = msg(str`Sale ${short}`);
    return html`<article aria-label=${label} data-testid="orders.sale">
      <div class="head">
        <a class="link" href="#/receipt/${sale.saleId}">${label}</a>
        <span>${when}</span>
        <span class="sync ${sale.sync.state}">${SYNC_LABELS[sale.sync.state]()}</span>
        <span class="total">${formatMoney(sale.totals.total, sale.currency, locale)}</span>
      </div>
      ${
        units.length === 0
          ? nothing
          : html`<ul aria-label=${msg('Serial numbers')}>
              ${units.map(
                (unit) =>
                  html`<li data-testid="orders.serial">
                    ${unit.title}: S/N ${unit.serial ?? msg('missing')} ·
                    <span class=${unit.state === 'exception' ? 'exception' : ''}
                      >${unitSerialStateLabel(unit)}</span
                    >
                  </li>`,
              )}
            </ul>`
      }
    </article>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-view-orders': PosViewOrders;
  }
}
