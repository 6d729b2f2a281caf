/**
 * The customer of the open sale on the sell screen: the small "Customer" control that shows
 * who is attached, the `<pos-customer-dialog>` it opens, and the write through
 * `CartRepository.setCustomer` (the customer is stored with the cart, so it survives a
 * reload, offline too). The screen reads the attached customer from its live cart. The
 * dialog's module loads on the first tap (it is precached, so offline too), keeping it off
 * the first paint.
 */
import { msg, str } from '@lit/localize';
import { css, html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type { PosEvent } from '../components/events.ts';
import { describeDataError } from '../data/errors.ts';
import type { Repositories } from '../data/repositories.ts';
import { hasCustomer, type Customer } from '../domain/customer.ts';
import { log } from '../log.ts';

export interface SaleCustomerOptions {
  readonly repos: () => Repositories | undefined;
  readonly deviceId: () => string | undefined;
  /** The customer on the open cart now. */
  readonly customer: () => Customer | null;
  /** Says what changed (the sell screen's message line). */
  readonly onChanged: (message: string) => void;
  /** The dialog closed: focus goes back to the barcode field. */
  readonly onClosed: () => void;
}

export const saleCustomerStyles = css`
  .customer {
    display: flex;
    flex-direction: column;
    align-items: stretch;
    gap: 0.2rem;
  }
  .customer .summary {
    margin: 0;
    color: var(--pos-muted);
    overflow-wrap: anywhere;
  }
`;

export class SaleCustomerController implements ReactiveController {
  /** The dialog is open: scans and typing belong to it, not to the barcode field. */
  open = false;
  private _error = '';
  private _busy = false;
  private readonly _host: ReactiveControllerHost;
  private readonly _options: SaleCustomerOptions;

  constructor(host: ReactiveControllerHost, options: SaleCustomerOptions) {
    this._host = host;
    this._options = options;
    host.addController(this);
  }

  /** Leaving the screen closes the dialog; the customer stays on the cart. */
  hostDisconnected(): void {
    this.open = false;
    this._error = '';
  }

  /** The control in the checkout panel. */
  renderControl(disabled: boolean) {
    const customer = this._options.customer();
    const attached = hasCustomer(customer) ? customer : null;
    const who = attached === null ? null : (attached.name ?? attached.email ?? attached.phone);
    return html`<div class="customer">
      <button
        type="button"
        class="quiet"
        data-testid="sell.customer"
        ?disabled=${disabled}
        @click=${this._onOpen}
      >
        ${attached === null ? msg('Customer') : msg(str`Customer: ${who ?? ''}`)}
      </button>
      ${
        attached?.email == null
          ? ''
          : html`<p class="summary" data-testid="sell.customer-email">
              ${msg(str`E-mail: ${attached.email}`)}
            </p>`
      }
    </div>`;
  }

  renderDialog() {
    const customer = this._options.customer();
    return html`<pos-customer-dialog
      ?open=${this.open}
      .customer=${hasCustomer(customer) ? customer : null}
      error=${this._error}
      ?busy=${this._busy}
      @pos-customer-save=${(event: PosEvent<'pos-customer-save'>) =>
        void this._save(event.detail.customer)}
      @pos-customer-remove=${() => void this._save(null)}
      @pos-customer-cancel=${this._close}
    ></pos-customer-dialog>`;
  }

  private readonly _onOpen = async (): Promise<void> => {
    await import('../components/pos-customer-dialog.ts');
    this._error = '';
    this.open = true;
    this._host.requestUpdate();
  };

  private readonly _close = (): void => {
    this.open = false;
    this._host.requestUpdate();
    this._options.onClosed();
  };

  private async _save(customer: Customer | null): Promise<void> {
    const repos = this._options.repos();
    const deviceId = this._options.deviceId();
    if (repos === undefined || deviceId === undefined || this._busy) return;
    this._busy = true;
    this._error = '';
    this._host.requestUpdate();
    try {
      const kept = await repos.carts.setCustomer(deviceId, customer, new Date().toISOString());
      this._close();
      this._options.onChanged(
        kept === null
          ? msg('Customer removed from the sale.')
          : msg(str`Customer ${kept.name ?? kept.email ?? kept.phone ?? ''} added to the sale.`),
      );
    } catch (error) {
      log.error('sell: could not save the customer', error);
      this._error = describeDataError(error);
    } finally {
      this._busy = false;
      this._host.requestUpdate();
    }
  }
}
