/**
 * Giving a discount (DESIGN §10.3): on one line or on the whole sale, a percentage or a fixed
 * amount with a reason from the configured list — or, on a line, a new unit price (a price
 * override, always approved by a manager). The view checks the limits and asks for the
 * approval; this only collects what the associate entered. Properties in, events out.
 *
 * @fires pos-discount-apply - a discount (or override) to give
 * @fires pos-discount-remove - take the current discount away
 * @fires pos-discount-cancel - closed without a change
 */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { formatMoney, parseAmount, type Minor } from '../domain/money.ts';
import { discountReasonLabel } from '../i18n/reason-words.ts';
import { emit } from './events.ts';
import { controlStyles, dialogStyles } from './shared-styles.ts';

export type DiscountEntryKind = 'percentage' | 'fixed' | 'override';

@customElement('pos-discount-dialog')
@localized()
export class PosDiscountDialog extends LitElement {
  static override styles = [
    controlStyles,
    dialogStyles,
    css`
      fieldset {
        border: none;
        padding: 0;
        margin: 0.5rem 0;
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem 1rem;
      }
      fieldset label {
        flex-direction: row;
        align-items: center;
        gap: 0.4rem;
        min-height: 44px;
        margin-top: 0;
        font-weight: normal;
      }
      fieldset input {
        width: 24px;
        height: 24px;
      }
      .field {
        margin-top: 0.5rem;
      }
    `,
  ];

  @property({ type: Boolean, reflect: true }) open = false;
  /** What the discount is on: a product's title, or "the whole sale". */
  @property() target = '';
  /** The amount it would come off (list price of the line or sale), in minor units. */
  @property({ type: Number }) base = 0;
  @property() currency = 'USD';
  @property() locale = 'en-US';
  @property({ attribute: false }) reasons: readonly string[] = [];
  /** A line may get a new price; the whole sale may not. */
  @property({ type: Boolean, attribute: 'allow-override' }) allowOverride = false;
  /** A discount is there already (Remove is offered). */
  @property({ type: Boolean, attribute: 'has-discount' }) hasDiscount = false;
  @property() error = '';

  @state() private _kind: DiscountEntryKind = 'percentage';
  @query('form') private _form?: HTMLFormElement;
  @query('dialog') private _dialog?: HTMLDialogElement;

  override updated(changed: PropertyValues<this>): void {
    const dialog = this._dialog;
    if (dialog === undefined || !changed.has('open')) return;
    if (this.open && !dialog.open) {
      this._kind = 'percentage';
      this._form?.reset();
      dialog.showModal();
    }
    if (!this.open && dialog.open) dialog.close();
  }

  override render() {
    const money = (amount: number) => formatMoney(amount as Minor, this.currency, this.locale);
    const kinds: { kind: DiscountEntryKind; label: string }[] = [
      { kind: 'percentage', label: msg('Percentage') },
      { kind: 'fixed', label: msg('Amount off') },
      ...(this.allowOverride ? [{ kind: 'override' as const, label: msg('New price') }] : []),
    ];
    return html`<dialog aria-labelledby="discount-heading" @cancel=${this._onCancel}>
      <form @submit=${this._onSubmit} autocomplete="off" novalidate>
        <h2 id="discount-heading">${msg('Discount')}</h2>
        <p>${this.target} · ${money(this.base)}</p>
        <fieldset>
          <legend class="visually-hidden">${msg('Kind of discount')}</legend>
          ${kinds.map(
            ({ kind, label }) =>
              html`<label
                ><input
                  type="radio"
                  name="kind"
                  .checked=${this._kind === kind}
                  @change=${() => (this._kind = kind)}
                />${label}</label
              >`,
          )}
        </fieldset>
        <label class="field">
          ${
            this._kind === 'percentage'
              ? msg('Percent off')
              : this._kind === 'fixed'
                ? msg('Amount off')
                : msg('New unit price')
          }
          <input name="value" inputmode="decimal" data-testid="discount.value" required />
        </label>
        <label class="field">
          ${msg('Reason')}
          <select name="reason" data-testid="discount.reason">
            ${this.reasons.map(
              (reason) => html`<option value=${reason}>${discountReasonLabel(reason)}</option>`,
            )}
          </select>
        </label>
        ${
          this.error === ''
            ? nothing
            : html`<p class="error" role="alert" data-testid="discount.error">${this.error}</p>`
        }
        <div class="actions">
          ${
            this.hasDiscount
              ? html`<button
                  type="button"
                  class="danger"
                  @click=${() => emit(this, 'pos-discount-remove', null)}
                >
                  ${msg('Remove discount')}
                </button>`
              : nothing
          }
          <button type="button" class="quiet" @click=${this._onCancel}>${msg('Cancel')}</button>
          <button type="submit" class="primary">${msg('Apply')}</button>
        </div>
      </form>
    </dialog>`;
  }

  private readonly _onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this._form === undefined) return;
    const data = new FormData(this._form);
    const field = (name: string): string => {
      const value = data.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    const text = field('value');
    const reason = field('reason');
    const value =
      this._kind === 'percentage'
        ? Number(text.replace(',', '.'))
        : (parseAmount(text, this.currency) ?? Number.NaN);
    emit(this, 'pos-discount-apply', { kind: this._kind, value, reason });
  };

  private readonly _onCancel = (event: Event): void => {
    event.preventDefault();
    emit(this, 'pos-discount-cancel', null);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-discount-dialog': PosDiscountDialog;
  }
}
