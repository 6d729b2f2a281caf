/**
 * Serial lookup (issue 12): scan any serial and see its product, where it stands (sold,
 * returned, quarantined, picked, shipped), when and where it was sold, its warranty end and
 * its whole history. Offline the answer comes from the store's history on this device; online
 * the store server's registry answers too (across devices and the chain), and a manager can
 * release or scrap a quarantined unit.
 */
import { localized, msg, str } from '@lit/localize';
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import {
  repositoriesContext,
  sessionContext,
  syncControlsContext,
  type AppSession,
  type SyncControls,
} from '../app/contexts.ts';
import type { PosEvent } from '../components/events.ts';
import '../components/pos-scan-field.ts';
import type { PosScanField } from '../components/pos-scan-field.ts';
import { controlStyles } from '../components/shared-styles.ts';
import { KeyboardWedgeController } from '../controllers/keyboard-wedge-controller.ts';
import { describeDataError } from '../data/errors.ts';
import type { Repositories } from '../data/repositories.ts';
import { receiptNumber } from '../domain/receipt-number.ts';
import { cleanScannedText } from '../domain/serial-cleaning.ts';
import { serialTimeline, warrantyEnd, type SerialEvent } from '../domain/store-history.ts';
import type { SerialLookup } from '../protocol/serials.ts';
import type { OnlineLookup } from '../sync/serial-lookup-client.ts';
import { WedgeScanMemory } from './sell-scan.ts';
import { formatDateTime, formatDay } from '../i18n/format.ts';

interface DeviceAnswer {
  readonly serial: string;
  readonly title: string | null;
  readonly productId: string | null;
  readonly events: SerialEvent[];
  readonly state: string | null;
  readonly warrantyEnds: string | null;
}

const STATE_LABELS: Record<string, () => string> = {
  sold: () => msg('Sold'),
  picked: () => msg('Picked for an order'),
  shipped: () => msg('Shipped'),
  returned: () => msg('Returned, back in stock'),
  quarantined: () => msg('Quarantined (returned damaged or defective)'),
  released: () => msg('Released from quarantine, back in stock'),
  scrapped: () => msg('Scrapped'),
  voided: () => msg('Voided by a manager'),
  exception: () => msg('Sold, with an open exception'),
};

const label = (state: string | null): string =>
  state === null ? msg('Unknown') : (STATE_LABELS[state]?.() ?? state);

@customElement('pos-view-serial-lookup')
@localized()
export class PosViewSerialLookup extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
        max-width: 48rem;
        margin: 0 auto;
      }
      h1 {
        font-size: 1.5rem;
        margin: 0 0 0.75rem;
      }
      section {
        margin-top: 1rem;
        padding: 1rem;
        border-radius: var(--pos-radius);
        background: var(--pos-surface);
        border: 1px solid var(--pos-border);
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.3rem 1rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      ol {
        padding-inline-start: 1.25rem;
      }
      .message {
        min-height: 1.5rem;
        font-weight: 600;
      }
      .actions {
        display: flex;
        gap: 0.5rem;
        flex-wrap: wrap;
      }
    `,
  ];

  @consume({ context: repositoriesContext })
  @state()
  private _repos?: Repositories;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private _app?: AppSession;

  @consume({ context: syncControlsContext, subscribe: true })
  @state()
  private _sync?: SyncControls;

  @state() private _device: DeviceAnswer | null = null;
  @state() private _online: OnlineLookup | null = null;
  @state() private _message = '';

  @query('pos-scan-field') private _scanField?: PosScanField;

  private readonly _wedgeScans = new WedgeScanMemory();
  // The field takes a scanner's keys whole, even when a busy device splits the burst.
  override firstUpdated(): void {
    void this.updateComplete.then(() => this._scanField?.focusInput());
  }

  protected readonly _wedge = new KeyboardWedgeController(this, {
    onScan: (code) => void this.lookUp(code),
    isScanField: this._wedgeScans.isScanField,
    enabled: () => this.closest('[inert]') === null,
  });

  async lookUp(code: string): Promise<void> {
    const repos = this._repos;
    const serial = cleanScannedText(code).text.trim();
    if (repos === undefined || serial === '') return;
    try {
      const { orders, returns } = await repos.returns.historyOfSerial(serial);
      const timeline = serialTimeline(serial, orders, returns);
      const productId = timeline.events.at(-1)?.productId ?? null;
      const product = productId === null ? undefined : await repos.catalog.get(productId);
      const item = orders.flatMap((order) => order.items).find((i) => i.productId === productId);
      const lastSale = timeline.events.findLast((event) => event.kind === 'sold');
      this._device = {
        serial,
        productId,
        title: product?.title ?? item?.title ?? null,
        events: timeline.events,
        state: timeline.state,
        warrantyEnds:
          lastSale === undefined ? null : warrantyEnd(lastSale.at, product?.warrantyMonths ?? null),
      };
      this._online = null;
      this._message = navigator.onLine ? msg('Asking the store server…') : '';
      const online = (await this._sync?.serialLookup.lookup(serial)) ?? null;
      if (this._device.serial === serial) {
        this._online = online;
        this._message =
          online?.kind === 'offline'
            ? msg('Offline: this is what this device knows.')
            : online?.kind === 'unknown' && timeline.events.length === 0
              ? msg(str`No unit with serial ${serial} is known.`)
              : '';
      }
    } catch (error) {
      this._message = describeDataError(error);
    }
  }

  override render() {
    const app = this._app;
    if (app === undefined) return nothing;
    return html`
      <h1>${msg('Serial lookup')}</h1>
      <pos-scan-field
        label=${msg('Serial number')}
        action=${msg('Look up')}
        @pos-code-entered=${(event: PosEvent<'pos-code-entered'>) => void this.lookUp(event.detail.code)}
      ></pos-scan-field>
      <p class="message" role="status" data-testid="lookup.message">${this._message}</p>
      ${this._online?.kind === 'found' ? this._renderServer(app, this._online.lookup) : nothing}
      ${this._device === null ? nothing : this._renderDevice(app, this._device)}
    `;
  }

  private _date(at: string, time = true): string {
    return time ? formatDateTime(at) : formatDay(at);
  }

  private _renderServer(app: AppSession, lookup: SerialLookup) {
    const manager = app.session.role === 'manager' || app.session.role === 'admin';
    return html`<section aria-labelledby="lookup-server">
      <h2 id="lookup-server">${msg('Store server')}</h2>
      <dl>
        <dt>${msg('Product')}</dt>
        <dd>${lookup.product_title ?? lookup.product_id}</dd>
        <dt>${msg('State')}</dt>
        <dd data-testid="lookup.server-state">${label(lookup.lifecycle_state)}</dd>
        <dt>${msg('Warranty')}</dt>
        <dd>${this._warranty(lookup.warranty_ends_on)}</dd>
      </dl>
      <h3>${msg('History')}</h3>
      <ol data-testid="lookup.server-history">
        ${lookup.events.map(
          (event) =>
            html`<li>
              ${this._date(event.at)} · ${label(event.kind)}
              ${event.this_store ? '' : `· ${msg('in another store')}`}
            </li>`,
        )}
      </ol>
      ${
        manager && lookup.lifecycle_state === 'quarantined'
          ? html`<div class="actions">
              <button @click=${() => void this._dispose(lookup, 'release')}>
                ${msg('Release to stock')}
              </button>
              <button class="danger" @click=${() => void this._dispose(lookup, 'scrap')}>
                ${msg('Scrap')}
              </button>
            </div>`
          : nothing
      }
    </section>`;
  }

  private _renderDevice(app: AppSession, device: DeviceAnswer) {
    const sold = device.events.findLast((event) => event.kind === 'sold');
    return html`<section aria-labelledby="lookup-device">
      <h2 id="lookup-device">${msg('On this device')}</h2>
      ${
        device.events.length === 0
          ? html`<p>
              ${msg(str`This device holds no sale or return of serial ${device.serial}.`)}
            </p>`
          : html`<dl>
                <dt>${msg('Serial')}</dt>
                <dd>${device.serial}</dd>
                <dt>${msg('Product')}</dt>
                <dd data-testid="lookup.product">${device.title ?? device.productId ?? ''}</dd>
                <dt>${msg('State')}</dt>
                <dd data-testid="lookup.state">${label(device.state)}</dd>
                ${
                  sold === undefined
                    ? nothing
                    : html`<dt>${msg('Sold')}</dt>
                        <dd data-testid="lookup.sold">
                          ${msg(str`${this._date(sold.at)} in sale ${sold.receipt ?? ''}`)}
                          ${sold.storeId === app.store.store_id ? '' : msg('(another store)')}
                        </dd>`
                }
                <dt>${msg('Warranty')}</dt>
                <dd data-testid="lookup.warranty">${this._warranty(device.warrantyEnds)}</dd>
              </dl>
              <h3>${msg('History')}</h3>
              <ol data-testid="lookup.history">
                ${device.events.map(
                  (event) =>
                    html`<li>
                      ${this._date(event.at)} · ${label(event.kind)}
                      ${event.receipt === null ? '' : `· ${msg(str`sale ${event.receipt}`)}`}
                      ${
                        event.returnId === null
                          ? ''
                          : `· ${msg(str`return ${receiptNumber(event.returnId)}`)}`
                      }
                    </li>`,
                )}
              </ol>`
      }
    </section>`;
  }

  private _warranty(endsOn: string | null): string {
    return endsOn === null ? msg('None recorded') : msg(str`Until ${this._date(endsOn, false)}`);
  }

  private async _dispose(lookup: SerialLookup, action: 'release' | 'scrap'): Promise<void> {
    const answer = await this._sync?.serialLookup.dispose(
      lookup.serial_number,
      lookup.product_id,
      action,
    );
    if (answer === undefined) return;
    this._message = answer.ok
      ? msg(str`Serial ${lookup.serial_number}: ${label(answer.state)}.`)
      : answer.message;
    if (answer.ok) await this.lookUp(lookup.serial_number);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-view-serial-lookup': PosViewSerialLookup;
  }
}
