/**
 * The receipt of a completed sale, read live from the device so its sync state turns to
 * "synced" on screen the moment the server accepts it, and each serial's state follows the
 * server's verdict; likewise whether the receipt was e-mailed, from the pulled store history.
 * Print prints the receipt alone.
 */
import { localized, msg, str } from '@lit/localize';
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repositoriesContext, syncControlsContext, type SyncControls } from '../app/contexts.ts';
import { navigate } from '../app/router.ts';
import '../components/pos-receipt.ts';
import { receiptPageStyles } from '../components/receipt-styles.ts';
import { controlStyles } from '../components/shared-styles.ts';
import { LiveQueryController } from '../controllers/live-query-controller.ts';
import type { Repositories } from '../data/repositories.ts';
import { receiptEmailPending, receiptEmailView } from '../domain/receipt-email.ts';
import { unitSerialViews } from '../domain/serial-states.ts';
import { formatMoney, minor } from '../domain/money.ts';
import type { Sale } from '../domain/sale.ts';
import { screenLocale } from '../i18n/format.ts';
import { unitSerialStateHelp, unitSerialStateLabel } from '../i18n/serial-states.ts';

/**
 * While the e-mailed receipt is not settled, the screen pulls the store history every few
 * seconds (the server's word comes with it), for two minutes at most.
 */
const EMAIL_PULL_MS = 3_000;
const EMAIL_PULLS = 40;

@customElement('pos-view-receipt')
@localized()
export class PosViewReceipt extends LitElement {
  static override styles = [
    controlStyles,
    receiptPageStyles,
    css`
      .actions .primary {
        min-width: 10rem;
      }
      .missing {
        text-align: center;
      }
      /* Read while counting coins: the change due, large, before the receipt. */
      .give {
        max-width: 40rem;
        margin: 0 auto 1rem;
        padding: 0.75rem 1rem;
        border-radius: var(--pos-radius);
        background: var(--pos-ok-soft);
        color: var(--pos-ok-text);
        font-size: 2.4rem;
        font-weight: 800;
        line-height: 1.2;
        text-align: center;
        font-variant-numeric: tabular-nums;
      }
      @media print {
        .give,
        .missing {
          display: none;
        }
      }
    `,
  ];

  @property({ attribute: 'sale-id' }) saleId = '';

  @consume({ context: repositoriesContext })
  @state()
  private _repos?: Repositories;

  @consume({ context: syncControlsContext, subscribe: true })
  @state()
  private _sync?: SyncControls;

  @query('button.primary') private _newSale?: HTMLButtonElement;

  private _emailPulls: ReturnType<typeof setInterval> | null = null;
  private _emailPullCount = 0;

  private readonly _sale = new LiveQueryController(this, {
    args: () => (this._repos === undefined ? undefined : ([this._repos, this.saleId] as const)),
    query: async (repos, saleId) => {
      const found = await repos.serials.saleSerials(saleId);
      const known = await repos.returns.getSale(saleId);
      return {
        sale: found?.sale,
        email: found?.sale === undefined ? null : receiptEmailView(found.sale, known?.receiptEmail),
        // Where each serial stands; put in words when shown, so the words follow the language.
        units:
          found === undefined
            ? []
            : unitSerialViews(found.sale, found.orderResult, found.exceptions),
      };
    },
  });

  override firstUpdated(): void {
    // Enter (or a scanner's Enter) on the receipt starts the next sale.
    this._newSale?.focus();
  }

  override updated(): void {
    const value = this._sale.value;
    const waiting =
      value?.sale?.sync.state === 'synced' &&
      receiptEmailPending(value.email) &&
      this._emailPullCount < EMAIL_PULLS;
    if (waiting && this._emailPulls === null) {
      this._emailPulls = setInterval(() => {
        this._emailPullCount += 1;
        this._sync?.scheduler.refreshCatalog();
        if (this._emailPullCount >= EMAIL_PULLS) this._stopEmailPulls();
      }, EMAIL_PULL_MS);
    }
    if (!waiting) this._stopEmailPulls();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this._stopEmailPulls();
  }

  private _stopEmailPulls(): void {
    if (this._emailPulls !== null) clearInterval(this._emailPulls);
    this._emailPulls = null;
  }

  override render() {
    return this._sale.render({
      pending: () => html`<p class="missing" role="status">${msg('Loading the receipt…')}</p>`,
      complete: ({ sale, units, email }) =>
        sale === undefined
          ? html`<div class="missing">
              <h1>${msg('Receipt not found')}</h1>
              <p>${msg('This device has no sale with that number.')}</p>
              <button class="primary" @click=${this._onNewSale}>${msg('New sale')}</button>
            </div>`
          : html`
              <div class="top">
                <h1>${msg('Sale complete')}</h1>
                <div class="actions">
                  <button @click=${() => window.print()}>${msg('Print')}</button>
                  <button class="primary" @click=${this._onNewSale}>${msg('New sale')}</button>
                </div>
              </div>
              ${this._renderChange(sale)}
              <pos-receipt
                .sale=${sale}
                .serialStates=${new Map(
                  units.map((unit) => [
                    unit.lineId,
                    { label: unitSerialStateLabel(unit), help: unitSerialStateHelp(unit) },
                  ]),
                )}
                .email=${email}
              ></pos-receipt>
            `,
      error: () =>
        html`<p class="missing" role="alert">
          ${msg('This receipt could not be read from the device.')}
        </p>`,
    });
  }

  /** "Give $68.16 change", large, when cash was handed over; nothing for card only. */
  private _renderChange(sale: Sale) {
    const cash = sale.tenders.filter((tender) => tender.method === 'cash');
    if (cash.length === 0) return nothing;
    const change = minor(cash.reduce((sum, tender) => sum + tender.change, 0));
    return html`<p class="give" data-testid="receipt.give">
      ${
        change > 0
          ? msg(str`Give ${formatMoney(change, sale.currency, screenLocale())} change`)
          : msg('No change to give')
      }
    </p>`;
  }

  private readonly _onNewSale = (): void => {
    navigate({ name: 'sell' });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-view-receipt': PosViewReceipt;
  }
}
