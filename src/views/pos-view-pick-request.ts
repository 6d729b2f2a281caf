/**
 * Picking one fulfilment request, offline too: scanning a product (hardware scanner anywhere on
 * the screen, the barcode field, or the camera in continuous mode) marks the next unpicked unit
 * of that product; a product the order does not hold is refused with a message; a serialized
 * unit asks for its serial with the checkout's prompt and validation (a GS1 code with AI (21)
 * gives both at once). Then picking is completed, and the order shipped (tracking code
 * optional) or handed over for pick-up. Every action is written with its outbox entry by the
 * fulfilment repository and synced like a sale.
 */
import { localized, msg, str } from '@lit/localize';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { repeat } from 'lit/directives/repeat.js';
import {
  repositoriesContext,
  sessionContext,
  syncControlsContext,
  type AppSession,
  type SyncControls,
} from '../app/contexts.ts';
import { navigate } from '../app/router.ts';
import '../components/pos-pick-item.ts';
import '../components/pos-scan-field.ts';
import type { PosScanField } from '../components/pos-scan-field.ts';
import { controlStyles } from '../components/shared-styles.ts';
import { KeyboardWedgeController } from '../controllers/keyboard-wedge-controller.ts';
import { LiveQueryController } from '../controllers/live-query-controller.ts';
import { LazyProductSearch } from '../controllers/lazy-product-search.ts';
import { ScanFocusController } from '../controllers/scan-focus-controller.ts';
import { describeDataError } from '../data/errors.ts';
import type { FulfillmentRecord } from '../domain/fulfillment-records.ts';
import { pickItems, pickProgress, type PickItemView } from '../domain/pick-items.ts';
import type { Repositories } from '../data/repositories.ts';
import type { ProductRecord } from '../data/types.ts';
import { Messages } from '../i18n/messages.ts';
import { screenLocale } from '../i18n/format.ts';
import { log } from '../log.ts';
import type { CaptureMethod } from '../protocol/schemas.ts';
import { SerialCaptureController } from '../controllers/serial-capture-controller.ts';
import type { CapturedSerial } from '../domain/sale.ts';
import { pickRequestStyles } from './pos-view-pick-request.styles.ts';
import { findScannedProduct, unknownCodeMessage, WedgeScanMemory } from './sell-scan.ts';
import type { PosEvent } from '../components/events.ts';

type Message = { readonly kind: 'info' | 'error'; readonly text: string };

@customElement('pos-view-pick-request')
@localized()
export class PosViewPickRequest extends LitElement {
  static override styles = [controlStyles, pickRequestStyles];

  @property({ attribute: 'request-id' }) requestId = '';

  @consume({ context: repositoriesContext })
  @state()
  private _repos?: Repositories;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private _app?: AppSession;

  @consume({ context: syncControlsContext, subscribe: true })
  @state()
  private _sync?: SyncControls;

  @state() private _message: Message | null = null;
  @state() private _cameraOpen = false;
  @state() private _busy = false;
  @state() private _lastItemId: string | null = null;

  @query('pos-scan-field') private _scanField?: PosScanField;
  @query('#tracking') private _tracking?: HTMLInputElement;
  private _fieldFocused = false;

  private readonly _record = new LiveQueryController(this, {
    args: () => (this._repos === undefined ? undefined : ([this._repos, this.requestId] as const)),
    query: (repos, id) => repos.fulfillment.get(id),
  });

  private readonly _serials = new SerialCaptureController<PickItemView>(this, {
    repos: () => this._repos,
    units: () => (this._record.value === undefined ? [] : pickItems(this._record.value)),
    record: async (item, serial) =>
      (await this._recordPick(item, serial)) ? null : (this._message?.text ?? ''),
    confirmMethod: (said) => this._wedgeScans.method(said),
    onClosed: () => this._refocus(),
  });

  protected readonly _scanFocus = new ScanFocusController(this, {
    focusField: () => this._scanField?.focusInput(),
    enabled: () => !this._serials.open && this.closest('[inert]') === null,
  });

  // A hardware scanner works anywhere on this screen; with the serial prompt open, it is the
  // serial. The barcode field and the prompt submit their own scans (whole, even when a busy
  // device splits the burst), remembered so they are still recorded as `scanner` captures.
  private readonly _wedgeScans = new WedgeScanMemory();
  private readonly _search = new LazyProductSearch(this, {
    catalog: () => this._repos?.catalog,
  });
  protected readonly _wedge = new KeyboardWedgeController(this, {
    onScan: (code) => void this.scan(code, 'scanner'),
    isScanField: this._wedgeScans.isScanField,
    enabled: () => this.closest('[inert]') === null,
  });

  override updated(): void {
    // The field appears once the request is read: take focus then, once, for the scanner.
    if (!this._fieldFocused && this._scanField !== undefined && this._scanField !== null) {
      this._fieldFocused = true;
      this._refocus();
    }
  }

  /** A scanned or typed code: the serial while the prompt is open, else a product to pick. */
  async scan(code: string, said: CaptureMethod): Promise<void> {
    const method = this._wedgeScans.method(said);
    if (this._serials.open) {
      await this._serials.capture(code, method);
      return;
    }
    const repos = this._repos;
    const record = this._record.value;
    this._search.clear();
    if (repos === undefined || record === undefined || code.trim() === '') return;
    if (record.localState !== 'open') {
      this._message = { kind: 'error', text: msg('Picking of this order is complete.') };
      return;
    }
    try {
      const scanned = await findScannedProduct(repos.catalog, code);
      if (scanned.kind === 'unknown') {
        const validator = await this._serials.validator().catch(() => null);
        this._message = { kind: 'error', text: unknownCodeMessage(scanned.text, validator) };
        return;
      }
      await this._pickScanned(record, scanned.product, scanned.serial, method);
    } catch (error) {
      log.error('pick: scan failed', error);
      this._message = { kind: 'error', text: describeDataError(error) };
    } finally {
      this._refocus();
    }
  }

  /** A product chosen from the search suggestions: picked exactly as a scan of its code. */
  private readonly _onProductChosen = async (
    event: PosEvent<'pos-product-choose'>,
  ): Promise<void> => {
    this._search.clear();
    const record = this._record.value;
    if (record === undefined || record.localState !== 'open') return;
    try {
      const product = await this._repos?.catalog.get(event.detail.productId);
      if (product === undefined) {
        this._message = { kind: 'error', text: Messages.productGone() };
        return;
      }
      await this._pickScanned(record, product, null, 'typed');
    } catch (error) {
      log.error('pick: a chosen product failed', error);
      this._message = { kind: 'error', text: describeDataError(error) };
    } finally {
      this._refocus();
    }
  };

  /** The next unpicked unit of a scanned (or chosen) product, or why there is none. */
  private async _pickScanned(
    record: FulfillmentRecord,
    product: ProductRecord,
    gs1Serial: string | null,
    method: CaptureMethod,
  ): Promise<void> {
    const units = pickItems(record).filter((item) => item.productId === product.productId);
    const next = units.find((item) => !item.picked);
    if (next === undefined) {
      this._message = {
        kind: 'error',
        text:
          units.length === 0
            ? msg(str`Wrong product: ${product.title} is not in this order. Put it back.`)
            : msg(str`Every ${product.title} of this order is already picked.`),
      };
      return;
    }
    await this._pickUnit(next, gs1Serial, method);
  }

  override render() {
    const record = this._record.value;
    if (this._record.status === 'complete' && record === undefined) {
      return html`<p role="alert">${msg('This order is no longer on this device.')}</p>
        <button type="button" @click=${() => navigate({ name: 'pick' })}>
          ${msg('Back to orders')}
        </button>`;
    }
    if (record === undefined) return html`<p role="status">${msg('Loading…')}</p>`;
    const server = record.server;
    const items = pickItems(record);
    const { picked, total } = pickProgress(record);
    const open = record.localState === 'open';
    return html`
      <div class="head">
        <button type="button" class="quiet" @click=${() => navigate({ name: 'pick' })}>
          ← ${msg('Orders', { id: 'pick.orders' })}
        </button>
        <h1>${msg(str`Order ${server.external_order_id}`)}</h1>
        <span class="meta">
          ${
            server.shipping_type === 'in_store_pick_up'
              ? msg('Pick-up in store')
              : msg('Ship to customer')
          }
          ${server.customer_name === null ? nothing : html` · ${server.customer_name}`}
        </span>
        <span class="progress" data-testid="pick.progress"
          >${msg(str`${picked} of ${total} picked`)}</span
        >
      </div>
      ${
        record.syncError === null
          ? nothing
          : html`<p class="sync-error" role="alert" data-testid="pick.sync-error">
              ${msg(str`The server refused a change made here: ${record.syncError}`)}
            </p>`
      }
      ${open ? this._renderScanRow() : nothing}
      <p
        class="message ${this._message?.kind ?? ''}"
        role="status"
        aria-live="polite"
        data-testid="pick.message"
      >
        ${this._message?.text ?? ''}
      </p>
      <ol aria-label=${msg('Units to pick')}>
        ${repeat(
          items,
          (item) => item.id,
          (item) =>
            html`<li>
              <pos-pick-item
                .item=${item}
                ?highlight=${item.id === this._lastItemId}
                ?disabled=${!open || this._busy}
                @pos-pick-item-select=${this._onSelect}
              ></pos-pick-item>
            </li>`,
        )}
      </ol>
      ${this._renderActions(picked === total)} ${this._serials.render()}
    `;
  }

  private _renderScanRow() {
    return html`<div class="scan-row">
        <pos-scan-field
          search
          ?disabled=${this._busy}
          .suggestions=${this._search.suggestions(this._app?.store.currency ?? 'USD', screenLocale())}
          @pos-code-input=${(event: PosEvent<'pos-code-input'>) =>
            this._search.update(event.detail.text)}
          @pos-code-entered=${(event: PosEvent<'pos-code-entered'>) =>
            void this.scan(event.detail.code, event.detail.method)}
          @pos-product-choose=${this._onProductChosen}
        ></pos-scan-field>
        ${
          this._cameraOpen
            ? nothing
            : html`<button type="button" class="camera" @click=${this._onCameraOpen}>
                ${msg('Scan with camera')}
              </button>`
        }
      </div>
      ${
        this._cameraOpen
          ? html`<pos-scanner
              active
              mode="continuous"
              @pos-scan=${(event: PosEvent<'pos-scan'>) =>
                void this.scan(event.detail.code, 'camera')}
              @pos-scanner-close=${() => {
                this._cameraOpen = false;
                this._refocus();
              }}
            ></pos-scanner>`
          : nothing
      }`;
  }

  private _renderActions(allPicked: boolean) {
    const record = this._record.value;
    if (record === undefined) return nothing;
    const pickUp = record.server.shipping_type === 'in_store_pick_up';
    if (record.localState === 'shipped') {
      return html`<p class="done" role="status">
        ${pickUp ? msg('Handed over to the customer.') : msg('Shipped.')}
        ${record.pendingShipment === null ? '' : msg('Waiting to sync.')}
      </p>`;
    }
    if (record.localState === 'cancelled') {
      return html`<p class="done" role="alert">
        ${msg('This order was cancelled: do not ship it.')}
      </p>`;
    }
    if (record.localState === 'open') {
      return html`<div class="actions">
        <button
          type="button"
          class="primary"
          ?disabled=${!allPicked || this._busy}
          @click=${this._onComplete}
        >
          ${msg('Complete picking')}
        </button>
      </div>`;
    }
    return html`<div class="actions">
      ${
        pickUp
          ? html`<button type="button" class="pay" ?disabled=${this._busy} @click=${this._onShip}>
              ${msg('Hand over to customer')}
            </button>`
          : html`<label>
                ${msg('Tracking code (optional)')}
                <input id="tracking" autocomplete="off" spellcheck="false" />
              </label>
              <button type="button" class="pay" ?disabled=${this._busy} @click=${this._onShip}>
                ${msg('Ship', { id: 'pick.ship' })}
              </button>`
      }
    </div>`;
  }

  /** Picks a non-serialized unit now; a serialized one with the GS1 serial or the prompt. */
  private async _pickUnit(item: PickItemView, gs1Serial: string | null, method: CaptureMethod) {
    if (!item.serialized) {
      await this._recordPick(item, undefined);
      return;
    }
    if (gs1Serial !== null) {
      const checked = await this._serials.check(gs1Serial, method);
      if (!checked.ok) {
        this._message = {
          kind: 'error',
          text: msg(str`${item.title} not picked: ${checked.message}`),
        };
        return;
      }
      await this._recordPick(item, checked.capture);
      return;
    }
    this._serials.openFor(item.id);
    this._message = { kind: 'info', text: msg(str`Scan the serial number of ${item.title}.`) };
  }

  /** Writes the pick; false (with the reason on the status line) when the device refused it. */
  private async _recordPick(item: PickItemView, serial: CapturedSerial | undefined) {
    const repos = this._repos;
    const app = this._app;
    if (repos === undefined || app === undefined) return false;
    try {
      const { record } = await repos.fulfillment.pick({
        requestId: this.requestId,
        itemId: item.id,
        ...(serial === undefined ? {} : { serial }),
        associateId: app.session.associateId,
        deviceId: app.session.deviceId,
        now: new Date().toISOString(),
      });
      this._record.preview(() => record);
      this._lastItemId = item.id;
      const { picked, total } = pickProgress(record);
      this._message = {
        kind: 'info',
        text:
          serial === undefined
            ? msg(str`Picked ${item.title} (${picked} of ${total}).`)
            : msg(str`Picked ${item.title} with serial ${serial.serial} (${picked} of ${total}).`),
      };
      this._sync?.scheduler.requestFlush();
      return true;
    } catch (error) {
      this._message = { kind: 'error', text: describeDataError(error) };
      return false;
    }
  }

  private _refocus(): void {
    if (this._serials.open) return;
    void this.updateComplete.then(() => this._scanField?.focusInput());
  }

  private readonly _onSelect = (event: PosEvent<'pos-pick-item-select'>): void => {
    const record = this._record.value;
    const item =
      record === undefined
        ? undefined
        : pickItems(record).find((i) => i.id === event.detail.itemId);
    if (item !== undefined && !item.picked) void this._pickUnit(item, null, 'typed');
  };

  private readonly _onCameraOpen = async (): Promise<void> => {
    // ZXing and the decoder Worker arrive in their own chunk, on the first tap.
    await import('../components/pos-scanner.ts');
    this._cameraOpen = true;
  };

  private readonly _onComplete = async (): Promise<void> => {
    const repos = this._repos;
    if (repos === undefined) return;
    this._busy = true;
    try {
      const record = await repos.fulfillment.completePicking(
        this.requestId,
        new Date().toISOString(),
      );
      this._record.preview(() => record);
      this._message = { kind: 'info', text: msg('Picking complete.') };
      this._sync?.scheduler.requestFlush();
    } catch (error) {
      this._message = { kind: 'error', text: describeDataError(error) };
    } finally {
      this._busy = false;
    }
  };

  private readonly _onShip = async (): Promise<void> => {
    const repos = this._repos;
    if (repos === undefined) return;
    this._busy = true;
    try {
      const trackingCode = this._tracking?.value ?? '';
      const record = await repos.fulfillment.ship({
        requestId: this.requestId,
        ...(trackingCode.trim() === '' ? {} : { trackingCode }),
        now: new Date().toISOString(),
      });
      this._record.preview(() => record);
      this._message = null;
      this._sync?.scheduler.requestFlush();
    } catch (error) {
      this._message = { kind: 'error', text: describeDataError(error) };
    } finally {
      this._busy = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-view-pick-request': PosViewPickRequest;
  }
}
