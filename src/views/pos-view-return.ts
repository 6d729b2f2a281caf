/**
 * The Return screen (issue 12): find the sale — scan its receipt code, type its receipt
 * number, or scan a serial one of its units was sold with — from the store's history on this
 * device (offline too, whichever device sold it); choose the units that come back, each
 * serialized one confirmed by the serial it was sold with; give each a reason and a
 * condition; refund to the sale's own tenders (another split, or no receipt at all, needs a
 * manager's approval on the device). The return is written with its `order.return` mutation
 * in one transaction, then its receipt opens.
 */
import { localized, msg, str } from '@lit/localize';
import { consume } from '@lit/context';
import { LitElement, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import {
  repositoriesContext,
  sessionContext,
  syncControlsContext,
  type AppSession,
  type SyncControls,
} from '../app/contexts.ts';
import { navigate } from '../app/router.ts';
import '../components/pos-approval-dialog.ts';
import type { ApproverOption } from '../components/pos-approval-dialog.ts';
import type { PosEvent } from '../components/events.ts';
import '../components/pos-scan-field.ts';
import type { PosScanField } from '../components/pos-scan-field.ts';
import { controlStyles } from '../components/shared-styles.ts';
import { KeyboardWedgeController } from '../controllers/keyboard-wedge-controller.ts';
import { LazyProductSearch } from '../controllers/lazy-product-search.ts';
import { SerialCaptureController } from '../controllers/serial-capture-controller.ts';
import { DataError, DataErrorReasons, describeDataError } from '../data/errors.ts';
import type { Repositories } from '../data/repositories.ts';
import type { HistoryOrderRecord, ProductRecord } from '../data/types.ts';
import { Messages } from '../i18n/messages.ts';
import { lineAmounts } from '../domain/cart-totals.ts';
import { currencyDigits, formatMoney, minor, parseAmount, type Minor } from '../domain/money.ts';
import type { TenderAmount } from '../domain/refund.ts';
import {
  blindRefundPlan,
  cashBack,
  orderRefundPlan,
  type RefundChoice,
  type RefundPlan,
} from '../domain/return-plan.ts';
import { cleanScannedText } from '../domain/serial-cleaning.ts';
import type { ReturnableUnit } from '../domain/store-history.ts';
import { CounterMessages } from '../i18n/counter-messages.ts';
import { log } from '../log.ts';
import type { Approval } from '../protocol/returns.ts';
import type { CaptureMethod, ReturnCondition } from '../protocol/wire-constants.ts';
import { returnStyles } from './pos-view-return.styles.ts';
import { findScannedProduct, WedgeScanMemory } from './sell-scan.ts';
import { amountForInput, formatDateTime, screenLocale } from '../i18n/format.ts';
import {
  RETURN_CONDITIONS,
  RETURN_REASONS,
  conditionLabel,
  returnReasonLabel,
} from '../i18n/reason-words.ts';

interface Choice {
  reason: string;
  condition: ReturnCondition;
  /** The serial it came back with (confirmed equal to the one sold), or null for none. */
  serial: string | null;
}

interface BlindUnit {
  readonly key: string;
  readonly productId: string;
  readonly title: string;
  readonly serialized: boolean;
  serial: string | null;
  price: Minor;
  reason: string;
  condition: ReturnCondition;
}

type Message = { readonly kind: 'info' | 'error'; readonly text: string };

@customElement('pos-view-return')
@localized()
export class PosViewReturn extends LitElement {
  static override styles = [controlStyles, returnStyles];

  /** A sale to open at once (`#/return/<sale id>`), else the search. */
  @property({ attribute: 'sale-id' }) saleId = '';

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
  @state() private _matches: HistoryOrderRecord[] = [];
  @state() private _order: HistoryOrderRecord | null = null;
  @state() private _units: ReturnableUnit[] = [];
  @state() private _earlier: TenderAmount[] = [];
  @state() private _chosen = new Map<string, Choice>();
  @state() private _blind: BlindUnit[] | null = null;
  @state() private _refund: RefundChoice = { kind: 'original' };
  @state() private _approving = false;
  @state() private _approvers: ApproverOption[] = [];
  @state() private _approvalError = '';
  @state() private _busy = false;
  private _approval: Approval | null = null;
  private _openedFor = '';

  @query('pos-scan-field') private _scanField?: PosScanField;

  private readonly _wedgeScans = new WedgeScanMemory();
  /** Search by name, for a return without a receipt (the unit's barcode may be gone). */
  private readonly _search = new LazyProductSearch(this, {
    catalog: () => this._repos?.catalog,
  });

  /** Confirms a unit's serial: only the one it was sold with is accepted. */
  private readonly _serials = new SerialCaptureController(this, {
    repos: () => this._repos,
    units: () => this._serialUnits(),
    record: async (unit, capture) => this._recordSerial(unit.id, capture.serial),
    confirmMethod: (said) => this._wedgeScans.method(said),
    // A unit whose serial was not confirmed stays unchosen (its box unticks).
    onClosed: () => this.requestUpdate(),
  });

  // The field takes a scanner's keys whole, even when a busy device splits the burst.
  override firstUpdated(): void {
    void this.updateComplete.then(() => this._scanField?.focusInput());
  }

  protected readonly _wedge = new KeyboardWedgeController(this, {
    onScan: (code) => void this.scan(code, 'scanner'),
    isScanField: this._wedgeScans.isScanField,
    enabled: () => !this._approving && this.closest('[inert]') === null,
  });

  override willUpdate(): void {
    if (this.saleId !== '' && this.saleId !== this._openedFor && this._repos !== undefined) {
      this._openedFor = this.saleId;
      void this._openById(this.saleId);
    }
  }

  /** A scanned or typed code: a sale to open, or on an open sale a serial to confirm. */
  async scan(code: string, said: CaptureMethod = 'typed'): Promise<void> {
    const method = this._wedgeScans.method(said);
    if (this._serials.open) {
      await this._serials.capture(code, method);
      return;
    }
    this._search.clear();
    const repos = this._repos;
    const text = cleanScannedText(code).text.trim();
    if (repos === undefined || text === '') return;
    try {
      if (this._blind !== null) {
        await this._addBlindUnit(code);
        return;
      }
      if (this._order !== null) {
        // A unit's serial scanned on the open sale chooses that unit, confirmed.
        const unit = this._units.find(
          (candidate) =>
            candidate.item.serial !== null && cleanScannedText(candidate.item.serial).text === text,
        );
        if (unit !== undefined) {
          this._choose(unit, text);
          return;
        }
      }
      const found = await repos.returns.findSales(code);
      if (found.length === 0) {
        this._message = {
          kind: 'error',
          text: msg(
            'No sale on this device has that receipt code, receipt number or serial. Check the receipt, or make a return without a receipt.',
          ),
        };
        return;
      }
      if (found.length > 1) {
        this._matches = found;
        this._message = { kind: 'info', text: msg(str`${found.length} sales match: choose one.`) };
        return;
      }
      await this._open(found[0]!, text);
    } catch (error) {
      log.warn('return: scan failed', { error: String(error) });
      this._message = { kind: 'error', text: describeDataError(error) };
    }
  }

  override render() {
    const app = this._app;
    if (app === undefined) return nothing;
    return html`
      <h1>${msg('Return')}</h1>
      <div class="scan-row">
        <pos-scan-field
          action=${msg('Find')}
          label=${
            this._order === null && this._blind === null
              ? msg('Receipt code, receipt number or serial')
              : this._blind === null
                ? msg('Serial of a unit')
                : msg('Barcode or SKU of the unit')
          }
          ?search=${this._blind !== null}
          .suggestions=${this._search.suggestions(app.store.currency, screenLocale())}
          @pos-code-input=${(event: PosEvent<'pos-code-input'>) =>
            this._search.update(event.detail.text)}
          @pos-code-entered=${(event: PosEvent<'pos-code-entered'>) =>
            void this.scan(event.detail.code, event.detail.method)}
          @pos-product-choose=${this._onProductChosen}
        ></pos-scan-field>
        ${
          this._order === null && this._blind === null
            ? html`<button type="button" @click=${this._onBlind} data-testid="return.blind">
                ${msg('Return without a receipt')}
              </button>`
            : html`<button type="button" class="quiet" @click=${this._reset}>
                ${msg('Start over')}
              </button>`
        }
      </div>
      <p class="message ${this._message?.kind ?? ''}" role="status" data-testid="return.message">
        ${this._message?.text ?? ''}
      </p>
      ${this._renderMatches()} ${this._order === null ? nothing : this._renderOrder(this._order)}
      ${this._blind === null ? nothing : this._renderBlind(app, this._blind)}
      ${this._serials.render()}
      <pos-approval-dialog
        ?open=${this._approving}
        summary=${this._approvalSummary(app)}
        reason=${this._blind === null ? msg('Refund to another tender') : msg('Return without a receipt')}
        .approvers=${this._approvers}
        error=${this._approvalError}
        ?busy=${this._busy}
        @pos-approval-submit=${this._onApprove}
        @pos-approval-cancel=${() => (this._approving = false)}
      ></pos-approval-dialog>
    `;
  }

  private _renderMatches() {
    if (this._matches.length < 2) return nothing;
    return html`<ul class="matches" aria-label=${msg('Matching sales')}>
      ${this._matches.map(
        (order) =>
          html`<li>
            <button type="button" @click=${() => void this._open(order, null)}>
              ${msg(str`Sale ${order.receipt}`)} · ${this._when(order.placedAt)} ·
              ${formatMoney(order.total, order.currency, screenLocale())}
            </button>
          </li>`,
      )}
    </ul>`;
  }

  private _renderOrder(order: HistoryOrderRecord) {
    const plan = this._plan(order);
    const locale = screenLocale();
    const money = (amount: Minor) => formatMoney(amount, order.currency, locale);
    return html`
      <section aria-labelledby="return-sale">
        <h2 id="return-sale">
          ${msg('Sale')} <span data-testid="return.receipt">${order.receipt}</span> ·
          ${this._when(order.placedAt)}
        </h2>
        <ul class="units" aria-label=${msg('Units of the sale')}>
          ${this._units.map((unit) => this._renderUnit(unit, money))}
        </ul>
      </section>
      ${this._renderRefund(plan, money, order)}
    `;
  }

  private _renderUnit(unit: ReturnableUnit, money: (amount: Minor) => string) {
    const { item, returnedBy } = unit;
    const choice = this._chosen.get(item.externalItemId);
    const label = `${item.title}${item.serial === null ? '' : ` · S/N ${item.serial}`}`;
    if (returnedBy !== null) {
      return html`<li class="unit returned" data-testid="return.unit">
        <span>${label}</span>
        <span class="note">${msg(str`Already returned ${this._when(returnedBy.returnedAt)}`)}</span>
      </li>`;
    }
    return html`<li class="unit" data-testid="return.unit">
      <label class="pick">
        <input
          type="checkbox"
          .checked=${live(choice !== undefined || this._serials.unitId === item.externalItemId)}
          @change=${(event: Event) => this._onToggle(unit, (event.target as HTMLInputElement).checked)}
        />
        <span>${label}</span>
        <span class="amount">${money(item.paid)}</span>
      </label>
      ${
        choice === undefined
          ? nothing
          : html`<div class="details">
              ${item.serial === null ? nothing : html`<span class="ok">${msg('Serial confirmed')}</span>`}
              ${this._renderReason(choice)}
            </div>`
      }
    </li>`;
  }

  private _renderReason(choice: { reason: string; condition: ReturnCondition }) {
    return html`<label>
        ${msg('Reason')}
        <select
          @change=${(event: Event) => {
            choice.reason = (event.target as HTMLSelectElement).value;
            this.requestUpdate();
          }}
        >
          ${RETURN_REASONS.map(
            (reason) =>
              html`<option value=${reason} ?selected=${reason === choice.reason}>
                ${returnReasonLabel(reason)}
              </option>`,
          )}
        </select>
      </label>
      <label>
        ${msg('Condition')}
        <select
          data-testid="return.condition"
          @change=${(event: Event) => {
            choice.condition = (event.target as HTMLSelectElement).value as ReturnCondition;
            this.requestUpdate();
          }}
        >
          ${RETURN_CONDITIONS.map(
            (condition) =>
              html`<option value=${condition} ?selected=${condition === choice.condition}>
                ${conditionLabel(condition)}
              </option>`,
          )}
        </select>
      </label>`;
  }

  private _renderBlind(app: AppSession, units: BlindUnit[]) {
    const currency = app.store.currency;
    const locale = screenLocale();
    const money = (amount: Minor) => formatMoney(amount, currency, locale);
    const plan = blindRefundPlan(
      units.map((unit) => unit.price),
      this._refund,
    );
    return html`
      <section aria-labelledby="return-blind">
        <h2 id="return-blind">${msg('Return without a receipt')}</h2>
        <p>${msg('Scan each unit that comes back. A manager approves the refund.')}</p>
        <ul class="units" aria-label=${msg('Units coming back')}>
          ${units.map(
            (unit) =>
              html`<li class="unit" data-testid="return.unit">
                <span>${unit.title}${unit.serial === null ? '' : ` · S/N ${unit.serial}`}</span>
                <label>
                  ${msg('Refund')}
                  <input
                    inputmode="decimal"
                    .value=${amountForInput(unit.price, currencyDigits(currency), locale)}
                    @change=${(event: Event) => {
                      const value = parseAmount((event.target as HTMLInputElement).value, currency);
                      if (value !== null) unit.price = value;
                      this.requestUpdate();
                    }}
                  />
                </label>
                ${this._renderReason(unit)}
              </li>`,
          )}
        </ul>
      </section>
      ${units.length === 0 ? nothing : this._renderRefund(plan, money, null)}
    `;
  }

  private _renderRefund(
    plan: RefundPlan,
    money: (amount: Minor) => string,
    order: HistoryOrderRecord | null,
  ) {
    if (plan.total === 0 && order !== null) return nothing;
    const back = cashBack(plan.refunds);
    return html`<aside class="refund" aria-labelledby="refund-title">
      <h2 id="refund-title">
        ${msg('Refund')} <span data-testid="return.total">${money(plan.total)}</span>
      </h2>
      ${
        plan.problem === 'exceeds_paid'
          ? html`<p class="message error" role="alert">
              ${msg("This is more than the sale's tenders can still refund.")}
            </p>`
          : html`<ul class="tenders" data-testid="return.refunds">
              ${(plan.refunds ?? []).map(
                (refund) =>
                  html`<li>
                    ${refund.method === 'cash' ? msg('Cash') : msg(str`Card ${refund.reference ?? ''}`)}
                    <span class="amount">${money(refund.amount)}</span>
                  </li>`,
              )}
            </ul>`
      }
      <fieldset>
        <legend>${msg('Refund to')}</legend>
        ${
          order === null
            ? nothing
            : html`<label
                ><input
                  type="radio"
                  name="refund"
                  .checked=${this._refund.kind === 'original'}
                  @change=${() => (this._refund = { kind: 'original' })}
                />
                ${msg("The sale's own tenders")}</label
              >`
        }
        ${
          order === null
            ? nothing
            : html`<label
                ><input
                  type="radio"
                  name="refund"
                  data-testid="return.exchange"
                  .checked=${this._refund.kind === 'exchange'}
                  @change=${() => (this._refund = { kind: 'exchange' })}
                />
                ${msg('Exchange: credit toward a replacement')}</label
              >`
        }
        <label
          ><input
            type="radio"
            name="refund"
            data-testid="return.to-cash"
            .checked=${this._refund.kind === 'cash'}
            @change=${() => (this._refund = { kind: 'cash' })}
          />
          ${msg('All in cash')}</label
        >
        <label
          ><input
            type="radio"
            name="refund"
            .checked=${this._refund.kind === 'card'}
            @change=${() => (this._refund = { kind: 'card', reference: '' })}
          />
          ${msg('To a card')}</label
        >
        ${
          this._refund.kind === 'card'
            ? html`<label
                >${msg('Card terminal reference')}
                <input
                  data-testid="return.card-ref"
                  @input=${(event: Event) =>
                    (this._refund = {
                      kind: 'card',
                      reference: (event.target as HTMLInputElement).value,
                    })}
              /></label>`
            : nothing
        }
      </fieldset>
      ${plan.needsApproval ? html`<p class="note">${msg('A manager approves this refund.')}</p>` : nothing}
      ${
        back > 0
          ? html`<p class="give-back" data-testid="return.cash-back">
              ${msg(str`Give ${money(back)} back in cash`)}
            </p>`
          : nothing
      }
      <button
        type="button"
        class="pay"
        data-testid="return.confirm"
        ?disabled=${this._busy || plan.problem !== null || plan.total === 0}
        @click=${() => void this._onConfirm()}
      >
        ${
          this._refund.kind === 'exchange'
            ? msg(str`Exchange: ${money(plan.total)} toward a replacement`)
            : msg(str`Return and refund ${money(plan.total)}`)
        }
      </button>
    </aside>`;
  }

  private _plan(order: HistoryOrderRecord): RefundPlan {
    return orderRefundPlan(
      order,
      this._units,
      new Set(this._chosen.keys()),
      this._earlier,
      this._refund,
    );
  }

  private _when(at: string): string {
    return formatDateTime(at);
  }

  private _approvalSummary(app: AppSession): string {
    const currency = app.store.currency;
    const total =
      this._blind !== null
        ? blindRefundPlan(
            this._blind.map((u) => u.price),
            this._refund,
          ).total
        : this._order === null
          ? minor(0)
          : this._plan(this._order).total;
    const amount = formatMoney(total, currency, screenLocale());
    return this._blind !== null
      ? msg(str`Refund ${amount} for a return without a receipt.`)
      : msg(str`Refund ${amount} another way than the sale was paid.`);
  }

  /** The serialized units awaiting their serial, as the prompt's units. */
  private _serialUnits() {
    if (this._blind !== null) {
      return this._blind
        .filter((unit) => unit.serialized)
        .map((unit) => ({ id: unit.key, productId: unit.productId, title: unit.title }));
    }
    return this._units
      .filter((unit) => unit.item.serial !== null && unit.returnedBy === null)
      .map((unit) => ({
        id: unit.item.externalItemId,
        productId: unit.item.productId,
        title: unit.item.title,
      }));
  }

  private async _recordSerial(unitId: string, serial: string): Promise<string | null> {
    const blind = this._blind?.find((unit) => unit.key === unitId);
    if (blind !== undefined) {
      blind.serial = serial;
      this.requestUpdate();
      return null;
    }
    const unit = this._units.find((candidate) => candidate.item.externalItemId === unitId);
    if (unit?.item.serial == null) return CounterMessages.unitNotInSale();
    if (cleanScannedText(unit.item.serial).text !== cleanScannedText(serial).text) {
      return msg(
        str`This ${unit.item.title} was sold with serial ${unit.item.serial}, not ${serial}. Scan the serial of the unit being returned; nothing was returned.`,
      );
    }
    this._choose(unit, serial);
    return null;
  }

  private _choose(unit: ReturnableUnit, serial: string | null): void {
    if (unit.returnedBy !== null) {
      this._message = {
        kind: 'error',
        text: msg(
          str`${unit.item.title} was already returned ${this._when(unit.returnedBy.returnedAt)}.`,
        ),
      };
      return;
    }
    const chosen = new Map(this._chosen);
    chosen.set(unit.item.externalItemId, {
      reason: RETURN_REASONS[0],
      condition: 'resellable',
      serial,
    });
    this._chosen = chosen;
    this._message = { kind: 'info', text: msg(str`${unit.item.title} will be returned.`) };
  }

  private _onToggle(unit: ReturnableUnit, checked: boolean): void {
    if (!checked) {
      const chosen = new Map(this._chosen);
      chosen.delete(unit.item.externalItemId);
      this._chosen = chosen;
      return;
    }
    if (unit.item.serial !== null) {
      // Checked only once its serial is confirmed.
      this.requestUpdate();
      this._serials.openFor(unit.item.externalItemId);
      this._message = {
        kind: 'info',
        text: CounterMessages.serialNeededToReturn(unit.item.title),
      };
      return;
    }
    this._choose(unit, null);
  }

  private async _openById(saleId: string): Promise<void> {
    const order = await this._repos?.returns.getSale(saleId);
    if (order === undefined) {
      this._message = { kind: 'error', text: msg('That sale is not on this device.') };
      return;
    }
    await this._open(order, null);
  }

  private async _open(order: HistoryOrderRecord, scanned: string | null): Promise<void> {
    const repos = this._repos;
    if (repos === undefined) return;
    const [units, returns] = await Promise.all([
      repos.returns.returnable(order),
      repos.returns.returnsOf(order.externalId),
    ]);
    this._matches = [];
    this._order = order;
    this._units = units;
    this._earlier = returns.flatMap((record) => record.refunds);
    this._chosen = new Map();
    this._refund = { kind: 'original' };
    this._approval = null;
    this._message = {
      kind: 'info',
      text: msg(str`Sale ${order.receipt}: choose what comes back.`),
    };
    // Found by a unit's serial: that unit is chosen, its serial confirmed by the scan.
    const byScan =
      scanned === null
        ? undefined
        : units.find(
            (unit) =>
              unit.item.serial !== null && cleanScannedText(unit.item.serial).text === scanned,
          );
    if (byScan !== undefined) this._choose(byScan, scanned);
  }

  private async _addBlindUnit(code: string): Promise<void> {
    const repos = this._repos;
    if (repos === undefined || this._blind === null) return;
    const scanned = await findScannedProduct(repos.catalog, code);
    if (scanned.kind === 'unknown') {
      this._message = { kind: 'error', text: msg(str`No product with code ${scanned.text}.`) };
      return;
    }
    this._addBlindProduct(scanned.product, scanned.serial);
  }

  /** A product chosen from the search suggestions: comes back exactly as a scan of its code. */
  private readonly _onProductChosen = async (
    event: PosEvent<'pos-product-choose'>,
  ): Promise<void> => {
    this._search.clear();
    try {
      const product = await this._repos?.catalog.get(event.detail.productId);
      if (product === undefined) {
        this._message = { kind: 'error', text: Messages.productGone() };
        return;
      }
      this._addBlindProduct(product, null);
    } catch (error) {
      log.warn('return: a chosen product failed', { error: String(error) });
      this._message = { kind: 'error', text: describeDataError(error) };
    }
  };

  /** One unit of a product coming back without a receipt (its serial asked for if it has one). */
  private _addBlindProduct(product: ProductRecord, serial: string | null): void {
    const app = this._app;
    if (app === undefined || this._blind === null) return;
    const { store } = app;
    const price = product.price ?? minor(0);
    const amounts = lineAmounts(
      { unitPrice: price, quantity: 1 },
      store.tax_rate,
      store.price_method,
    );
    const refund = store.price_method === 'tax_included' ? price : minor(price + amounts.unitTax);
    const unit: BlindUnit = {
      key: crypto.randomUUID(),
      productId: product.productId,
      title: product.title,
      serialized: product.serialized,
      serial,
      price: refund,
      reason: RETURN_REASONS[0],
      condition: 'resellable',
    };
    this._blind = [...this._blind, unit];
    if (product.serialized && unit.serial === null) this._serials.openFor(unit.key);
  }

  private readonly _onBlind = (): void => {
    this._reset();
    this._blind = [];
    this._refund = { kind: 'cash' };
    this._message = { kind: 'info', text: msg('Scan each unit that comes back.') };
  };

  private readonly _reset = (): void => {
    this._order = null;
    this._units = [];
    this._matches = [];
    this._chosen = new Map();
    this._blind = null;
    this._approval = null;
    this._refund = { kind: 'original' };
    this._message = null;
    if (this.saleId !== '') navigate({ name: 'return' }, { replace: true });
  };

  private async _onConfirm(): Promise<void> {
    const app = this._app;
    const repos = this._repos;
    if (app === undefined || repos === undefined) return;
    const plan =
      this._blind !== null
        ? blindRefundPlan(
            this._blind.map((u) => u.price),
            this._refund,
          )
        : this._order === null
          ? null
          : this._plan(this._order);
    if (plan === null || plan.refunds === null) return;
    if (this._refund.kind === 'exchange' && this._order !== null && this._blind === null) {
      await this._startExchange(this._order, plan.total);
      return;
    }
    if (plan.needsApproval && this._approval === null) {
      this._approvers = await repos.approvals.approvers(app.store.store_id);
      this._approvalError = '';
      this._approving = true;
      return;
    }
    await this._commit(plan.refunds);
  }

  private readonly _onApprove = async (event: PosEvent<'pos-approval-submit'>): Promise<void> => {
    const app = this._app;
    const repos = this._repos;
    if (app === undefined || repos === undefined) return;
    this._busy = true;
    try {
      this._approval = await repos.approvals.approve({
        ...event.detail,
        storeId: app.store.store_id,
        now: new Date().toISOString(),
      });
      this._approving = false;
      this._busy = false;
      await this._onConfirm();
    } catch (error) {
      this._approvalError = describeDataError(error);
    } finally {
      this._busy = false;
    }
  };

  /** The units chosen come back as credit: the sell screen sells the replacement against it. */
  private async _startExchange(order: HistoryOrderRecord, credit: Minor): Promise<void> {
    const app = this._app;
    const repos = this._repos;
    if (app === undefined || repos === undefined) return;
    const units = this._returnUnits();
    this._busy = true;
    try {
      await repos.returns.startExchange(
        app.session.deviceId,
        {
          ret: {
            order,
            orderExternalId: order.externalId,
            storeId: app.store.store_id,
            currency: app.store.currency,
            associateId: app.session.associateId,
            deviceId: app.session.deviceId,
            units,
            titles: units.map((unit) => unit.title),
            approval: this._approval,
          },
          credit,
        },
        new Date().toISOString(),
      );
      navigate({ name: 'sell' });
    } catch (error) {
      log.warn('return: exchange not started', { error: String(error) });
      this._message = { kind: 'error', text: describeDataError(error) };
    } finally {
      this._busy = false;
    }
  }

  /** The units being returned, as the return records them. */
  private _returnUnits() {
    return this._blind !== null
      ? this._blind.map((unit) => ({
          externalItemId: null,
          productId: unit.productId,
          serial: unit.serial,
          condition: unit.condition,
          reason: unit.reason,
          refund: unit.price,
          title: unit.title,
        }))
      : this._units
          .filter((unit) => this._chosen.has(unit.item.externalItemId))
          .map((unit) => {
            const choice = this._chosen.get(unit.item.externalItemId)!;
            return {
              externalItemId: unit.item.externalItemId,
              productId: unit.item.productId,
              serial: choice.serial,
              condition: choice.condition,
              reason: choice.reason,
              refund: unit.item.paid,
              title: unit.item.title,
            };
          });
  }

  private async _commit(refunds: readonly TenderAmount[]): Promise<void> {
    const app = this._app;
    const repos = this._repos;
    if (app === undefined || repos === undefined) return;
    const order = this._order;
    const units = this._returnUnits();
    this._busy = true;
    try {
      // A refund comes out of the till's open shift, like a sale goes into it.
      const shift = await repos.shifts.openShift(app.session.deviceId);
      if (shift === undefined) {
        throw new DataError(DataErrorReasons.shiftNotOpen, Messages.noOpenShift());
      }
      const record = await repos.returns.commitReturn({
        shiftId: shift.shiftId,
        order: this._blind !== null ? null : order,
        orderExternalId: this._blind !== null ? null : (order?.externalId ?? null),
        storeId: app.store.store_id,
        currency: app.store.currency,
        returnedAt: new Date().toISOString(),
        associateId: app.session.associateId,
        deviceId: app.session.deviceId,
        units,
        titles: units.map((unit) => unit.title),
        refunds,
        approval: this._approval,
      });
      this._sync?.scheduler.requestFlush();
      navigate({ name: 'return-receipt', returnId: record.returnId });
    } catch (error) {
      log.warn('return: not recorded', { error: String(error) });
      this._message = { kind: 'error', text: describeDataError(error) };
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-view-return': PosViewReturn;
  }
}
