/**
 * The receipt of a completed sale, read live from the device so its sync state turns to
 * "synced" on screen the moment the server accepts it, and each serial's state follows the
 * server's verdict. Print prints the receipt alone.
 */
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repositoriesContext } from '../app/contexts.ts';
import { navigate } from '../app/router.ts';
import '../components/pos-receipt.ts';
import { controlStyles } from '../components/shared-styles.ts';
import { LiveQueryController } from '../controllers/live-query-controller.ts';
import type { Repositories } from '../data/repositories.ts';
import { describeUnitSerialState } from '../domain/serial-states.ts';

@customElement('pos-view-receipt')
export class PosViewReceipt extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
        padding: 1rem;
      }
      .top {
        display: flex;
        flex-wrap: wrap;
        justify-content: space-between;
        align-items: center;
        gap: 0.75rem;
        max-width: 40rem;
        margin: 0 auto 1rem;
      }
      h1 {
        margin: 0;
        font-size: 1.5rem;
      }
      .actions {
        display: flex;
        gap: 0.5rem;
      }
      .actions .primary {
        min-width: 10rem;
      }
      .missing {
        text-align: center;
      }
      @media print {
        :host {
          padding: 0;
        }
        .top,
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

  @query('button.primary') private _newSale?: HTMLButtonElement;

  private readonly _sale = new LiveQueryController(this, {
    args: () => (this._repos === undefined ? undefined : ([this._repos, this.saleId] as const)),
    query: async (repos, saleId) => {
      const found = await repos.serials.saleSerials(saleId);
      return {
        sale: found?.sale,
        serialStates: new Map(
          (found?.units ?? []).map((unit) => [unit.lineId, describeUnitSerialState(unit)]),
        ),
      };
    },
  });

  override firstUpdated(): void {
    // Enter (or a scanner's Enter) on the receipt starts the next sale.
    this._newSale?.focus();
  }

  override render() {
    return this._sale.render({
      pending: () => html`<p class="missing" role="status">Loading the receipt…</p>`,
      complete: ({ sale, serialStates }) =>
        sale === undefined
          ? html`<div class="missing">
              <h1>Receipt not found</h1>
              <p>This device has no sale with that number.</p>
              <button class="primary" @click=${this._onNewSale}>New sale</button>
            </div>`
          : html`
              <div class="top">
                <h1>Sale complete</h1>
                <div class="actions">
                  <button @click=${() => window.print()}>Print</button>
                  <button class="primary" @click=${this._onNewSale}>New sale</button>
                </div>
              </div>
              <pos-receipt .sale=${sale} .serialStates=${serialStates}></pos-receipt>
            `,
      error: () =>
        html`<p class="missing" role="alert">This receipt could not be read from the device.</p>`,
    });
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
