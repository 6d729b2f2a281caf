/**
 * The pick screen: the store's open fulfilment requests as cached on the device (so it works
 * offline), pick-up orders first — their customer is waiting in the store — then newest first,
 * each with what is picked so far. Opening one shows `<pos-view-pick-request>`. Read live: a
 * pull or a pick in another tab changes the list at once.
 */
import { localized, msg, str } from '@lit/localize';
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import { repositoriesContext, syncControlsContext, type SyncControls } from '../app/contexts.ts';
import { navigate } from '../app/router.ts';
import { controlStyles } from '../components/shared-styles.ts';
import { LiveQueryController } from '../controllers/live-query-controller.ts';
import type { FulfillmentRecord } from '../domain/fulfillment-records.ts';
import { pickProgress } from '../domain/pick-items.ts';
import type { Repositories } from '../data/repositories.ts';
import './pos-view-pick-request.ts';
import { formatDateTime } from '../i18n/format.ts';

const SHIPPING_LABELS: Record<string, () => string> = {
  in_store_pick_up: () => msg('Pick-up in store'),
  traditional_carrier: () => msg('Ship to customer'),
};

@customElement('pos-view-pick')
@localized()
export class PosViewPick extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
        padding: 1rem;
        max-width: 52rem;
        margin: 0 auto;
      }
      .head {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        justify-content: space-between;
        gap: 0.5rem;
        margin-bottom: 1rem;
      }
      h1 {
        font-size: 1.5rem;
        margin: 0;
      }
      ol {
        list-style: none;
        margin: 0;
        padding: 0;
        display: grid;
        gap: 0.75rem;
      }
      button.request {
        width: 100%;
        display: grid;
        grid-template-columns: minmax(0, 1fr) auto;
        gap: 0.25rem 1rem;
        text-align: start;
        padding: 0.75rem 1rem;
        border: 1px solid var(--pos-border);
        border-radius: var(--pos-radius);
        color: var(--pos-text);
      }
      .order {
        font-weight: 700;
        overflow-wrap: anywhere;
      }
      .meta {
        color: var(--pos-muted);
        font-weight: 400;
      }
      .progress {
        grid-row: span 2;
        align-self: center;
        font-size: 1.2rem;
      }
      .chip {
        display: inline-block;
        padding: 0.1rem 0.5rem;
        border-radius: 999px;
        background: var(--pos-chip-bg);
        color: var(--pos-chip-text);
        font-size: 0.9rem;
      }
      .chip.pick-up {
        background: var(--pos-warn-soft);
        color: var(--pos-text);
      }
      .empty {
        color: var(--pos-muted);
      }
    `,
  ];

  /** The request to show; empty for the list. */
  @property({ attribute: 'request-id' }) requestId = '';

  @consume({ context: repositoriesContext })
  @state()
  private _repos?: Repositories;

  @consume({ context: syncControlsContext, subscribe: true })
  @state()
  private _sync?: SyncControls;

  private readonly _requests = new LiveQueryController(this, {
    args: () => (this._repos === undefined ? undefined : ([this._repos] as const)),
    query: (repos) => repos.fulfillment.openRequests(),
  });

  override connectedCallback(): void {
    super.connectedCallback();
    // New orders arrive with the pull: look for them when the screen opens.
    this._sync?.scheduler.refreshCatalog();
  }

  override render() {
    if (this.requestId !== '') {
      return html`<pos-view-pick-request request-id=${this.requestId}></pos-view-pick-request>`;
    }
    const requests = this._requests.value;
    return html`
      <div class="head">
        <h1>${msg('Orders to pick')}</h1>
        <button type="button" class="quiet" @click=${() => this._sync?.scheduler.refreshCatalog()}>
          ${msg('Check for new orders')}
        </button>
      </div>
      ${
        requests === undefined
          ? html`<p role="status">${msg('Loading…')}</p>`
          : requests.length === 0
            ? html`<p class="empty" data-testid="pick.empty">
                ${msg('No orders to pick. New orders appear here when the device syncs.')}
              </p>`
            : html`<ol aria-label=${msg('Orders to pick')}>
                ${repeat(
                  requests,
                  (request) => request.id,
                  (request) => html`<li>${this._renderRequest(request)}</li>`,
                )}
              </ol>`
      }
    `;
  }

  private _renderRequest(record: FulfillmentRecord) {
    const { picked, total } = pickProgress(record);
    const server = record.server;
    const pickUp = server.shipping_type === 'in_store_pick_up';
    return html`<button
      type="button"
      class="request"
      data-testid="pick.request"
      data-order=${server.external_order_id}
      @click=${() => navigate({ name: 'pick-request', requestId: record.id })}
    >
      <span class="order">${msg(str`Order ${server.external_order_id}`)}</span>
      <span class="progress" aria-label=${msg(str`${picked} of ${total} picked`)}>
        ${picked}/${total}
      </span>
      <span class="meta">
        <span class="chip ${pickUp ? 'pick-up' : ''}">
          ${SHIPPING_LABELS[server.shipping_type]?.() ?? server.shipping_type}
        </span>
        ${server.customer_name === null ? nothing : html` · ${server.customer_name}`}
        ${
          record.localState === 'picked'
            ? html` · ${pickUp ? msg('picked, ready to hand over') : msg('picked, ready to ship')}`
            : nothing
        }
        · ${formatDateTime(server.created_at)}
      </span>
    </button>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-view-pick': PosViewPick;
  }
}
