/**
 * The sell screen: scan or type a barcode / SKU, see the cart and its totals, take payment.
 * The cart lives in IndexedDB and is observed live, so a reload, a second tab or a crash never
 * loses it. Every code entry goes through `addByCode`, which a camera scanner can call too.
 * A serialized unit taken now opens the serial prompt (`SerialCaptureController`); while it
 * is open, every scan is that unit's serial.
 */
import { localized, msg, str } from '@lit/localize';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import {
  repositoriesContext,
  sessionContext,
  syncControlsContext,
  type AppSession,
  type SyncControls,
} from '../app/contexts.ts';
import { navigate } from '../app/router.ts';
import '../components/pos-cart-lines.ts';
import '../components/pos-cart-totals.ts';
import type { ParkedSaleView } from '../components/pos-parked-sales.ts';
import '../components/pos-scan-field.ts';
import type { PosScanField } from '../components/pos-scan-field.ts';
import { controlStyles } from '../components/shared-styles.ts';
import { KeyboardWedgeController } from '../controllers/keyboard-wedge-controller.ts';
import { LiveQueryController } from '../controllers/live-query-controller.ts';
import { LazyProductSearch } from '../controllers/lazy-product-search.ts';
import { ScanFocusController } from '../controllers/scan-focus-controller.ts';
import type { PosCartLines } from '../components/pos-cart-lines.ts';
import { DataError, DataErrorReasons, dataErrorReason, describeDataError } from '../data/errors.ts';
import type { Repositories } from '../data/repositories.ts';
import { saleAmounts } from '../domain/sale-amounts.ts';
import { formatMoney, minor, type Minor } from '../domain/money.ts';
import type { SplitTenderRequest } from '../domain/tender.ts';
import type { ExchangeDraft } from '../data/types.ts';
import { requiresSerialAtCheckout } from '../domain/serial-rules.ts';
import { MAX_SCAN_LENGTH } from '../domain/serial-cleaning.ts';
import type { CaptureMethod } from '../protocol/schemas.ts';
import { log } from '../log.ts';
import type { DiscountController } from '../controllers/discount-controller.ts';
import { SerialCaptureController } from '../controllers/serial-capture-controller.ts';
import {
  SaleCustomerController,
  saleCustomerStyles,
} from '../controllers/sale-customer-controller.ts';
import type { CapturedSerial } from '../domain/sale.ts';
import { Messages } from '../i18n/messages.ts';
import { sellStyles } from './pos-view-sell.styles.ts';
import { cartUnits, missingSerialTitles, shippingChangeMessage } from './sell-serials.ts';
import {
  addedMessage,
  findScannedProduct,
  unknownCodeMessage,
  WedgeScanMemory,
  withLine,
  type ScannedCode,
} from './sell-scan.ts';
import type { PosEvent } from '../components/events.ts';
import { formatDay, screenLocale } from '../i18n/format.ts';
import { plural } from '../i18n/plural.ts';

type Message = { readonly kind: 'info' | 'error'; readonly text: string };

/** The payment dialog, off the first paint; loaded on Pay (warmed while idle). */
const loadTenderDialog = () => import('../components/pos-tender-dialog.ts');

@customElement('pos-view-sell')
@localized()
export class PosViewSell extends LitElement {
  static override styles = [controlStyles, sellStyles, saleCustomerStyles];

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
  @state() private _paying = false;
  @state() private _completing = false;
  @state() private _tenderError = '';
  @state() private _lastLineId: string | null = null;
  @state() private _confirmClear = false;
  /** The last write failed for lack of storage: sales are blocked until one succeeds. */
  @state() private _storageFull = false;
  /** The camera scanner is shown (its module is loaded on the first tap, not at start). */
  @state() private _cameraOpen = false;
  /** Pay was refused for missing serials: those lines are flagged until they get one. */
  @state() private _flagMissing = false;

  @query('pos-scan-field') private _scanField?: PosScanField;
  @query('pos-cart-lines') private _cartLines?: PosCartLines;

  private readonly _cart = new LiveQueryController(this, {
    args: () =>
      this._repos !== undefined && this._app !== undefined
        ? ([this._repos, this._app.session.deviceId] as const)
        : undefined,
    query: (repos, deviceId) => repos.carts.current(deviceId),
  });

  /** The till's open shift: no sale without one (DESIGN §10.4). */
  private readonly _shift = new LiveQueryController(this, {
    args: () =>
      this._repos !== undefined && this._app !== undefined
        ? ([this._repos, this._app.session.deviceId] as const)
        : undefined,
    query: async (repos, deviceId) => (await repos.shifts.openShift(deviceId)) ?? null,
  });

  /** This associate's parked sales on this device. */
  private readonly _parked = new LiveQueryController(this, {
    args: () =>
      this._repos !== undefined && this._app !== undefined
        ? ([this._repos, this._app] as const)
        : undefined,
    query: async (repos, app) => {
      const parked = await repos.carts.parked(app.session.deviceId, app.session.associateId);
      // The list's element loads only once there is a parked sale to show.
      if (parked.length > 0) await import('../components/pos-parked-sales.ts');
      return parked.map(({ cart, lines }): ParkedSaleView => ({
        cartId: cart?.cartId ?? '',
        parkedAt: cart?.parked?.at ?? '',
        units: lines.reduce((sum, line) => sum + line.quantity, 0),
        total: saleAmounts(lines, cart?.orderDiscount, app.store.tax_rate, app.store.price_method)
          .totals.total,
        titles: lines.map((line) => line.title),
      }));
    },
  });

  private readonly _wedgeScans = new WedgeScanMemory();
  private readonly _search = new LazyProductSearch(this, {
    catalog: () => this._repos?.catalog,
  });
  private readonly _serials = new SerialCaptureController(this, {
    repos: () => this._repos,
    units: () => cartUnits(this._cart.value?.lines ?? []),
    record: async (unit, capture) => {
      const warning = await this._soldBeforeWarning(unit.productId, capture.serial);
      if (warning !== null) return warning;
      const written = await this._repos?.carts.setSerial(unit.id, capture, capture.capturedAt);
      if (written === undefined) return Messages.lineGone();
      this._cart.preview((current) => withLine(current, written, written.addedAt));
      this._message = {
        kind: 'info',
        text: msg(str`Serial ${capture.serial} recorded for ${unit.title}.`),
      };
      return null;
    },
    confirmMethod: (said) => this._wedgeScans.method(said),
    onClosed: () => this._refocus(),
    onCancelled: (unit) => {
      const line = this._cart.value?.lines.find((candidate) => candidate.lineId === unit.id);
      if (line?.serial === null) {
        this._message = { kind: 'info', text: Messages.serialStillNeeded(unit.title) };
      }
    },
  });

  /** Discounts load on the first one given, off the first paint. */
  private _discounts: DiscountController | null = null;

  private async _openDiscount(
    target: { readonly kind: 'line'; readonly lineId: string } | { readonly kind: 'order' },
  ): Promise<void> {
    if (this._discounts === null) {
      const { DiscountController } = await import('../controllers/discount-controller.ts');
      this._discounts ??= new DiscountController(this, {
        repos: () => this._repos,
        context: () => {
          const app = this._app;
          return app === undefined
            ? undefined
            : {
                deviceId: app.session.deviceId,
                role: app.session.role,
                storeId: app.store.store_id,
                currency: app.store.currency,
                locale: screenLocale(),
              };
        },
        lines: () => this._cart.value?.lines ?? [],
        orderDiscount: () => this._cart.value?.cart?.orderDiscount ?? null,
        onChanged: (text) => {
          this._message = { kind: 'info', text };
          this._refocus();
        },
      });
    }
    await this._discounts.openFor(target);
  }
  private readonly _customer = new SaleCustomerController(this, {
    repos: () => this._repos,
    deviceId: () => this._app?.session.deviceId,
    customer: () => this._cart.value?.cart?.customer ?? null,
    onChanged: (text) => (this._message = { kind: 'info', text }),
    onClosed: () => this._refocus(),
  });

  // Typing on a button or on nothing goes to the barcode field (not while a dialog is open).
  protected readonly _scanFocus = new ScanFocusController(this, {
    focusField: () => this._scanField?.focusInput(),
    enabled: () =>
      !this._paying &&
      !this._serials.open &&
      this._discounts?.open !== true &&
      !this._customer.open &&
      this.closest('[inert]') === null,
  });

  // A hardware scanner works anywhere on this screen, even while another field has focus;
  // while the serial prompt is open, its scan is the serial (captured by `scanner`).
  protected readonly _wedge = new KeyboardWedgeController(this, {
    onScan: (code) => void this.addByCode(code, 'scanner'),
    isScanField: this._wedgeScans.isScanField,
    // Not behind the app's lock (inert): a scan there would change the cart unseen; not while
    // the customer's details are typed (quick typing there is no scan).
    enabled: () => !this._paying && !this._customer.open && this.closest('[inert]') === null,
  });

  override firstUpdated(): void {
    this._refocus();
    // Payment and discounts load off the first paint, while the till waits for a scan.
    const warm = () => {
      void loadTenderDialog().catch(() => undefined);
      void import('../controllers/discount-controller.ts')
        .then(({ loadDiscountDialogs }) => loadDiscountDialogs())
        .catch(() => undefined);
    };
    if ('requestIdleCallback' in window) window.requestIdleCallback(warm);
    else setTimeout(warm, 500);
  }

  /**
   * Finds the product for a scanned or typed code on the device and adds one unit to the cart.
   * An unknown code or an unpriced product changes nothing and says why.
   */
  async addByCode(code: string, said: CaptureMethod = 'typed'): Promise<void> {
    const method = this._wedgeScans.method(said);
    if (this._serials.open) {
      await this._serials.capture(code, method);
      return;
    }
    this._search.clear();
    const repos = this._repos;
    const text = code.trim();
    if (repos === undefined || this._app === undefined || text === '') return;
    if (text.length > MAX_SCAN_LENGTH) {
      this._message = { kind: 'error', text: Messages.codeTooLong(text.length, MAX_SCAN_LENGTH) };
      this._refocus();
      return;
    }
    try {
      const scanned = await findScannedProduct(repos.catalog, code);
      if (scanned.kind === 'unknown') {
        const validator = await this._serials.validator().catch(() => null);
        this._message = { kind: 'error', text: unknownCodeMessage(scanned.text, validator) };
        return;
      }
      await this._addScanned(scanned, method);
    } catch (error) {
      log.error('sell: could not add a product', error, { code: text });
      this._message = this._failed(error);
    } finally {
      this._refocus();
    }
  }

  /** A product chosen from the search suggestions: added exactly as a scan of its code. */
  private readonly _onProductChosen = async (
    event: PosEvent<'pos-product-choose'>,
  ): Promise<void> => {
    const { productId } = event.detail;
    this._search.clear();
    try {
      const product = await this._repos?.catalog.get(productId);
      if (product === undefined) {
        this._message = { kind: 'error', text: Messages.productGone() };
        return;
      }
      await this._addScanned({ kind: 'product', product, serial: null }, 'typed');
    } catch (error) {
      log.error('sell: could not add a chosen product', error, { productId });
      this._message = this._failed(error);
    } finally {
      this._refocus();
    }
  };

  /** Adds one unit of a product found by a scan, a typed code or a search (serial flow included). */
  private async _addScanned(
    scanned: Extract<ScannedCode, { kind: 'product' }>,
    method: CaptureMethod,
  ): Promise<void> {
    const repos = this._repos;
    const app = this._app;
    if (repos === undefined || app === undefined) return;
    const { product } = scanned;
    if (product.price === null) {
      this._message = { kind: 'error', text: Messages.notSellable(product.title) };
      return;
    }
    // A GS1 code of a serialized product carries its unit's serial (AI 21): checked first.
    let serial: CapturedSerial | undefined;
    if (product.serialized && scanned.serial !== null) {
      const checked = await this._serials.check(scanned.serial, method);
      if (!checked.ok) {
        this._message = {
          kind: 'error',
          text: msg(str`${product.title} not added: ${checked.message}`),
        };
        return;
      }
      serial = checked.capture;
    }
    const now = new Date().toISOString();
    const line = await repos.carts.addProduct(app.session.deviceId, product, now, serial);
    this._cart.preview((current) => withLine(current, line, now));
    this._storageFull = false;
    this._lastLineId = line.lineId;
    this._message = { kind: 'info', text: addedMessage(line, product.price, app.store.currency) };
    log.debug('sell: added', { method, productId: product.productId });
    if (requiresSerialAtCheckout(line) && line.serial === null) this._serials.openFor(line.lineId);
  }

  override render() {
    const app = this._app;
    if (app === undefined) return nothing;
    const { store } = app;
    const locale = screenLocale();
    const lines = this._cart.value?.lines ?? [];
    const { totals } = saleAmounts(
      lines,
      this._cart.value?.cart?.orderDiscount,
      store.tax_rate,
      store.price_method,
    );
    const empty = lines.length === 0;
    const exchange = this._cart.value?.cart?.exchange;
    const money = (amount: Minor) => formatMoney(amount, store.currency, locale);
    // An exchange: the credit pays first; the rest is paid, or what is left given back.
    const due = minor(Math.max(0, totals.total - (exchange?.credit ?? 0)));
    const giveBack = minor(Math.max(0, (exchange?.credit ?? 0) - totals.total));
    return html`
      <div class="layout">
        <section class="cart" aria-labelledby="sell-title">
          <h1 id="sell-title" class="visually-hidden">${msg('Sell')}</h1>
          <div class="scan-row">
            <pos-scan-field
              search
              ?disabled=${this._completing}
              maxlength=${MAX_SCAN_LENGTH}
              .suggestions=${this._search.suggestions(store.currency, locale)}
              @pos-code-input=${(event: PosEvent<'pos-code-input'>) =>
                this._search.update(event.detail.text)}
              @pos-code-entered=${(event: PosEvent<'pos-code-entered'>) =>
                void this.addByCode(event.detail.code, event.detail.method)}
              @pos-product-choose=${this._onProductChosen}
            ></pos-scan-field>
            ${
              this._cameraOpen
                ? nothing
                : html`<button
                    type="button"
                    class="camera"
                    data-testid="sell.camera"
                    aria-label=${msg('Scan with camera')}
                    @click=${this._onCameraOpen}
                  >
                    <svg class="icon" viewBox="0 0 24 24" aria-hidden="true">
                      <path
                        d="M4 7h3l2-3h6l2 3h3v13H4zM12 17a4 4 0 1 0 0-8 4 4 0 0 0 0 8z"
                        fill="none"
                        stroke="currentColor"
                        stroke-width="2"
                        stroke-linejoin="round"
                      />
                    </svg>
                    <span class="label">${msg('Scan with camera')}</span>
                  </button>`
            }
          </div>
          ${
            this._cameraOpen
              ? html`<pos-scanner
                  active
                  mode="continuous"
                  @pos-scan=${(event: PosEvent<'pos-scan'>) =>
                    void this.addByCode(event.detail.code, 'camera')}
                  @pos-scanner-close=${this._onCameraClose}
                ></pos-scanner>`
              : nothing
          }
          <p
            class="message ${this._message?.kind ?? ''}"
            role="status"
            aria-live="polite"
            data-testid="sell.message"
          >
            ${this._message?.text ?? ''}
          </p>
          ${
            this._shift.status === 'complete' && this._shift.value === null
              ? html`<p class="storage-full" role="alert" data-testid="sell.no-shift">
                  ${Messages.noOpenShift()} <a href="#/shift">${msg('Open shift')}</a>
                </p>`
              : nothing
          }
          ${
            this._storageFull
              ? html`<p class="storage-full" role="alert">
                  ${msg(
                    'Storage on this device is full. New sales are blocked until space is freed: sync waiting sales, close other apps or ask a manager.',
                  )}
                </p>`
              : nothing
          }
          ${exchange === undefined ? nothing : this._renderExchange(exchange, money)}
          <div class="cart-head">
            <h2 class="cart-title">${msg('Cart')}</h2>
            ${
              empty
                ? nothing
                : html`<span class="cart-actions">
                    <button
                      class="quiet"
                      data-testid="sell.order-discount"
                      @click=${() => void this._openDiscount({ kind: 'order' })}
                    >
                      ${msg('Discount')}<span class="long"> ${msg('on sale')}</span>
                    </button>
                    <button class="quiet" data-testid="sell.park" @click=${this._onPark}>
                      ${msg('Park sale')}
                    </button>
                    <button class="danger clear" @click=${this._onClear}>
                      ${this._confirmClear ? msg('Tap again to clear the cart') : msg('Clear cart')}
                    </button>
                  </span>`
            }
          </div>
          <pos-cart-lines
            .lines=${lines}
            currency=${store.currency}
            locale=${locale}
            .highlightId=${this._lastLineId}
            ?flag-missing=${this._flagMissing}
            @pos-quantity-change=${this._onQuantityChange}
            @pos-remove-line=${this._onRemoveLine}
            @pos-shipping-change=${this._onShippingChange}
            @pos-serial-request=${(event: PosEvent<'pos-serial-request'>) =>
              this._serials.openFor(event.detail.lineId)}
            @pos-add-unit=${this._onAddUnit}
            @pos-line-discount=${(event: PosEvent<'pos-line-discount'>) =>
              void this._openDiscount({ kind: 'line', lineId: event.detail.lineId })}
          ></pos-cart-lines>
          <pos-parked-sales
            .sales=${this._parked.value ?? []}
            currency=${store.currency}
            locale=${locale}
            @pos-parked-recall=${this._onRecall}
          ></pos-parked-sales>
        </section>
        <aside class="checkout" aria-labelledby="checkout-title">
          <h2 id="checkout-title">${msg('Sale')}</h2>
          <pos-cart-totals
            .totals=${totals}
            currency=${store.currency}
            locale=${locale}
            tax-rate=${store.tax_rate}
            ?tax-included=${store.price_method === 'tax_included'}
          ></pos-cart-totals>
          ${
            exchange === undefined
              ? nothing
              : html`<dl class="exchange-totals" data-testid="sell.exchange-totals">
                  <dt>${msg('Exchange credit')}</dt>
                  <dd>−${money(exchange.credit)}</dd>
                  ${
                    giveBack > 0
                      ? html`<dt>${msg('To give back')}</dt>
                          <dd data-testid="sell.exchange-back">${money(giveBack)}</dd>`
                      : html`<dt>${msg('To pay')}</dt>
                          <dd data-testid="sell.exchange-due">${money(due)}</dd>`
                  }
                </dl>`
          }
          ${this._customer.renderControl(this._completing)}
          <button
            class="pay"
            data-testid="sell.pay"
            ?disabled=${empty || this._completing || this._shift.value == null}
            @click=${this._onPay}
          >
            ${
              exchange !== undefined && due === 0
                ? giveBack > 0
                  ? msg(str`Complete exchange, give back ${money(giveBack)}`)
                  : msg('Complete exchange')
                : html`${msg('Pay')}<span class="amount">
                      ${money(exchange === undefined ? totals.total : due)}</span
                    >`
            }
          </button>
        </aside>
      </div>
      <pos-tender-dialog
        ?open=${this._paying}
        .total=${exchange === undefined ? totals.total : due}
        currency=${store.currency}
        locale=${locale}
        ?busy=${this._completing}
        error=${this._tenderError}
        @pos-tender-cancel=${this._onTenderCancel}
        @pos-tender-complete=${this._onTenderComplete}
      ></pos-tender-dialog>
      ${this._serials.render()} ${this._discounts?.render() ?? nothing}
      ${this._customer.renderDialog()}
    `;
  }

  private _renderExchange(exchange: ExchangeDraft, money: (amount: Minor) => string) {
    const count = exchange.ret.units.length;
    return html`<div class="exchange" role="status" data-testid="sell.exchange">
      <p>
        ${plural(count, {
          one: () =>
            msg(
              str`Exchange: one unit of sale ${exchange.ret.order.receipt} come back, ${money(exchange.credit)} of credit. Scan the replacement.`,
            ),
          other: () =>
            msg(
              str`Exchange: ${count} units of sale ${exchange.ret.order.receipt} come back, ${money(exchange.credit)} of credit. Scan the replacement.`,
            ),
        })}
      </p>
      <button
        type="button"
        class="quiet"
        data-testid="sell.exchange-cancel"
        ?disabled=${this._completing}
        @click=${this._onCancelExchange}
      >
        ${msg('Cancel exchange')}
      </button>
    </div>`;
  }

  private readonly _onCancelExchange = async (): Promise<void> => {
    const repos = this._repos;
    const app = this._app;
    if (repos === undefined || app === undefined) return;
    try {
      await repos.returns.cancelExchange(app.session.deviceId, new Date().toISOString());
      this._message = { kind: 'info', text: msg('Exchange cancelled: nothing was returned.') };
    } catch (error) {
      this._message = this._failed(error);
    }
  };

  /** Turns a failed write into the message shown, and notes a full disk. */
  private _failed(error: unknown): Message {
    this._storageFull = dataErrorReason(error) === DataErrorReasons.quotaExceeded;
    return { kind: 'error', text: describeDataError(error) };
  }

  private _refocus(): void {
    if (this._paying || this._serials.open || this._customer.open) return;
    void this.updateComplete.then(() => this._scanField?.focusInput());
  }

  /** The serial the associate was warned about and scanned again: it may be sold anyway. */
  private _warnedSerial: string | null = null;

  /**
   * The store already sold this serial and did not take it back (any device, from the
   * store's history): warn once; the same serial scanned again is sold anyway and the server
   * opens the exception for the manager.
   */
  private async _soldBeforeWarning(productId: string, serial: string): Promise<string | null> {
    const key = JSON.stringify([productId, serial]);
    if (this._warnedSerial === key) return null;
    const sold = await this._repos?.returns.soldBefore(productId, serial);
    if (sold == null) return null;
    this._warnedSerial = key;
    const when = formatDay(sold.at);
    return Messages.serialAlreadySold(serial, when, sold.receipt ?? '');
  }

  /** Parks the open sale for this associate: the till is free for the next customer. */
  private readonly _onPark = async (): Promise<void> => {
    const repos = this._repos;
    const app = this._app;
    if (repos === undefined || app === undefined) return;
    try {
      const parked = await repos.carts.park(
        app.session.deviceId,
        { associateId: app.session.associateId, associateName: app.session.displayName },
        new Date().toISOString(),
      );
      this._message =
        parked === null ? null : { kind: 'info', text: msg('Sale parked: recall it below.') };
    } catch (error) {
      this._message = this._failed(error);
    } finally {
      this._refocus();
    }
  };

  private readonly _onRecall = async (event: PosEvent<'pos-parked-recall'>): Promise<void> => {
    const repos = this._repos;
    const app = this._app;
    if (repos === undefined || app === undefined) return;
    try {
      await repos.carts.recall(
        event.detail.cartId,
        app.session.deviceId,
        app.session.associateId,
        new Date().toISOString(),
      );
      this._message = { kind: 'info', text: msg('Parked sale recalled.') };
    } catch (error) {
      this._message = this._failed(error);
    } finally {
      this._refocus();
    }
  };

  /** Take now or ship: a shipped unit drops its serial (it is captured at picking). */
  private readonly _onShippingChange = async (
    event: PosEvent<'pos-shipping-change'>,
  ): Promise<void> => {
    try {
      const { lineId, shippingType } = event.detail;
      const line = await this._repos?.carts.setShipping(
        lineId,
        shippingType,
        new Date().toISOString(),
      );
      if (line === undefined) return;
      this._cart.preview((current) => withLine(current, line, line.addedAt));
      this._message = { kind: 'info', text: shippingChangeMessage(line) };
    } catch (error) {
      this._message = this._failed(error);
    }
  };

  private readonly _onQuantityChange = async (
    event: PosEvent<'pos-quantity-change'>,
  ): Promise<void> => {
    const repos = this._repos;
    if (repos === undefined) return;
    try {
      await repos.carts.setQuantity(
        event.detail.lineId,
        event.detail.quantity,
        new Date().toISOString(),
      );
      this._message = null;
    } catch (error) {
      this._message = this._failed(error);
    } finally {
      this._refocus();
    }
  };

  private readonly _onRemoveLine = async (event: PosEvent<'pos-remove-line'>): Promise<void> => {
    const repos = this._repos;
    if (repos === undefined) return;
    const line = this._cart.value?.lines.find(
      (candidate) => candidate.lineId === event.detail.lineId,
    );
    try {
      await repos.carts.removeLine(event.detail.lineId, new Date().toISOString());
      this._message = {
        kind: 'info',
        text: line === undefined ? msg('Removed the line.') : msg(str`Removed ${line.title}.`),
      };
    } catch (error) {
      this._message = this._failed(error);
    } finally {
      this._refocus();
    }
  };

  private readonly _onClear = async (): Promise<void> => {
    const repos = this._repos;
    const app = this._app;
    if (repos === undefined || app === undefined) return;
    if (!this._confirmClear) {
      this._confirmClear = true;
      setTimeout(() => {
        this._confirmClear = false;
      }, 4000);
      return;
    }
    this._confirmClear = false;
    try {
      await repos.carts.clear(app.session.deviceId);
      this._message = { kind: 'info', text: msg('Cart cleared.') };
    } catch (error) {
      this._message = this._failed(error);
    } finally {
      this._refocus();
    }
  };

  // ZXing and the decoder Worker arrive in their own chunk, on the first tap.
  private readonly _onCameraOpen = (): Promise<void> =>
    import('../components/pos-scanner.ts').then(() => void (this._cameraOpen = true));

  private readonly _onCameraClose = (): void => {
    this._cameraOpen = false;
    this._refocus();
  };

  private readonly _onPay = async (): Promise<void> => {
    // The sale cannot complete: the lines that need a serial are flagged, the first focused.
    const missing = missingSerialTitles(this._cart.value?.lines ?? []);
    this._flagMissing = missing.length > 0;
    if (this._flagMissing) {
      this._message = { kind: 'error', text: Messages.serialsMissingBeforePayment(missing) };
      void this.updateComplete.then(() => this._cartLines?.focusFirstMissing());
      return;
    }
    this._tenderError = '';
    this._message = null;
    const app = this._app;
    const cart = this._cart.value;
    const exchange = cart?.cart?.exchange;
    if (exchange !== undefined && app !== undefined) {
      const { totals } = saleAmounts(
        cart?.lines ?? [],
        cart?.cart?.orderDiscount,
        app.store.tax_rate,
        app.store.price_method,
      );
      // The credit covers it all: nothing to take, what is left goes back with the return.
      if (totals.total <= exchange.credit) {
        await this._complete([]);
        return;
      }
    }
    try {
      await loadTenderDialog();
    } catch (error) {
      log.error('sell: the payment dialog could not be loaded', error);
      this._message = { kind: 'error', text: Messages.screenNotLoaded() };
      return;
    }
    this._paying = true;
  };

  /** `+` on a serialized line: another unit of its product, on a line of its own. */
  private readonly _onAddUnit = (event: PosEvent<'pos-add-unit'>): void => {
    const line = this._cart.value?.lines.find((other) => other.lineId === event.detail.lineId);
    if (line !== undefined) void this.addByCode(line.productId, 'typed');
  };

  private readonly _onTenderCancel = (): void => {
    this._paying = false;
    this._refocus();
  };

  private readonly _onTenderComplete = async (
    event: PosEvent<'pos-tender-complete'>,
  ): Promise<void> => {
    await this._complete(event.detail.tenders);
  };

  /** Money changes hands: the sale (with its exchange's return, if any) is written. */
  private async _complete(tenders: readonly SplitTenderRequest[]): Promise<void> {
    const repos = this._repos;
    const app = this._app;
    if (repos === undefined || app === undefined || this._completing) return;
    this._completing = true;
    this._tenderError = '';
    try {
      const shift = this._shift.value;
      if (shift == null) throw new DataError(DataErrorReasons.shiftNotOpen, Messages.noOpenShift());
      const input = {
        shiftId: shift.shiftId,
        deviceId: app.session.deviceId,
        associateId: app.session.associateId,
        associateName: app.session.displayName,
        store: app.store,
        tenders,
        now: new Date().toISOString(),
      };
      const sale =
        this._cart.value?.cart?.exchange === undefined
          ? await repos.sales.completeSale(input)
          : (await repos.returns.completeExchange(input)).sale;
      this._paying = false;
      this._lastLineId = null;
      this._sync?.scheduler.requestFlush();
      navigate({ name: 'receipt', saleId: sale.saleId });
    } catch (error) {
      log.error('sell: could not complete the sale', error);
      this._tenderError = this._failed(error).text;
    } finally {
      this._completing = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-view-sell': PosViewSell;
  }
}
