/**
 * Taking payment, in one tender or several (split tender): cash (amount given, with one-tap
 * exact and round amounts, change due shown) or a card (the reference from the external
 * terminal, required; an amount, else the whole balance). A tender that does not cover the
 * balance is added as a part payment and the balance left is shown; change comes only from
 * cash, and a card never pays more than the balance. A modal dialog, so focus stays inside
 * until the sale completes or the associate goes back.
 *
 * @fires pos-tender-complete - the tender is valid; the view completes the sale.
 * @fires pos-tender-cancel - back to the cart.
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { currencyDigits, formatMoney, minor, parseAmount, type Minor } from '../domain/money.ts';
import {
  balanceAfter,
  cashSuggestions,
  changeDue,
  type SplitTenderRequest,
  type TenderMethod,
} from '../domain/tender.ts';
import { amountForInput } from '../i18n/format.ts';
import { emit } from './events.ts';
import { controlStyles } from './shared-styles.ts';

@customElement('pos-tender-dialog')
@localized()
export class PosTenderDialog extends LitElement {
  static override styles = [
    controlStyles,
    css`
      dialog {
        width: min(34rem, calc(100vw - 1.5rem));
        max-height: calc(100dvh - 1.5rem);
        padding: 0;
        border: none;
        border-radius: var(--pos-radius);
        background: var(--pos-surface);
        color: var(--pos-text);
        box-shadow: 0 24px 64px rgb(0 0 0 / 35%);
      }
      dialog::backdrop {
        background: rgb(10 20 35 / 55%);
      }
      form {
        display: flex;
        flex-direction: column;
        gap: 1rem;
        padding: 1.25rem;
      }
      h2 {
        margin: 0;
        font-size: 1.3rem;
      }
      .due {
        font-size: 2rem;
        font-weight: 800;
      }
      .methods {
        display: grid;
        grid-template-columns: 1fr 1fr;
        gap: 0.5rem;
      }
      .methods button[aria-pressed='true'] {
        background: var(--pos-primary);
        color: var(--pos-on-primary);
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 0.25rem;
        font-weight: 600;
      }
      label input {
        font-size: 1.4rem;
      }
      /* Room for "$1,132.00" or "1.132,00 €": two columns on a phone, four on a tablet. */
      .quick {
        display: grid;
        grid-template-columns: repeat(auto-fit, minmax(min(100%, 7.5rem), 1fr));
        gap: 0.5rem;
      }
      .quick button {
        padding: 0 0.5rem;
        white-space: nowrap;
        font-variant-numeric: tabular-nums;
      }
      .change {
        display: flex;
        justify-content: space-between;
        font-size: 1.3rem;
        font-weight: 700;
        padding: 0.6rem 0.8rem;
        border-radius: var(--pos-radius-small);
        background: var(--pos-ok-soft);
      }
      .short {
        background: var(--pos-warn-soft);
      }
      .parts {
        list-style: none;
        margin: 0;
        padding: 0;
      }
      .parts li {
        display: flex;
        align-items: center;
        gap: 0.75rem;
        justify-content: space-between;
      }
      .error {
        color: var(--pos-danger);
        font-weight: 600;
        margin: 0;
      }
      .actions {
        display: grid;
        /* Back as wide as its word needs (longer in German), Complete the rest. */
        grid-template-columns: minmax(min-content, 1fr) 2fr;
        gap: 0.5rem;
      }
      .actions .pay {
        min-height: 56px;
        font-size: 1.15rem;
      }
    `,
  ];

  /** Opens the dialog (modal). */
  @property({ type: Boolean, reflect: true }) open = false;
  @property({ type: Number }) total = 0;
  @property() currency = 'USD';
  @property() locale = 'en-US';
  /** True while the view writes the sale: the buttons wait. */
  @property({ type: Boolean }) busy = false;
  /** A message from the view when completing failed. */
  @property() error = '';

  /** Tenders already entered that do not cover the total (part payments, or a credit). */
  @property({ attribute: false }) credits: readonly SplitTenderRequest[] = [];

  @state() private _method: TenderMethod = 'cash';
  @state() private _cashText = '';
  @state() private _cardAmountText = '';
  @state() private _reference = '';
  @state() private _showErrors = false;
  @state() private _parts: SplitTenderRequest[] = [];

  @query('dialog') private _dialog!: HTMLDialogElement;

  override updated(changed: Map<string, unknown>): void {
    if (!changed.has('open')) return;
    if (this.open && !this._dialog.open) {
      this._method = 'cash';
      this._cashText = '';
      this._cardAmountText = '';
      this._reference = '';
      this._showErrors = false;
      this._parts = [];
      this._dialog.showModal();
      void this._focusAmount();
    } else if (!this.open && this._dialog.open) {
      this._dialog.close();
    }
  }

  /** Every tender entered so far: the view's credits, then the part payments. */
  private _entered(): SplitTenderRequest[] {
    return [...this.credits, ...this._parts];
  }

  override render() {
    const total = balanceAfter(minor(this.total), this._entered());
    const money = (amount: Minor) => formatMoney(amount, this.currency, this.locale);
    const entered = this._entered();
    return html`
      <dialog aria-labelledby="tender-title" @cancel=${this._onCancel}>
        <form @submit=${this._onSubmit} novalidate>
          <h2 id="tender-title">${msg('Payment')}</h2>
          ${
            entered.length === 0
              ? nothing
              : html`<ul class="parts" aria-label=${msg('Paid so far')} data-testid="tender.parts">
                  ${entered.map((part, index) => {
                    const own = index - this.credits.length;
                    return html`<li>
                      <span
                        >${part.method === 'cash' ? msg('Cash') : part.method === 'card' ? msg(str`Card ${part.reference}`) : msg('Exchange credit')}</span
                      >
                      <span class="money"
                        >${money(part.method === 'cash' ? part.tendered : (part.amount ?? minor(0)))}</span
                      >
                      ${
                        own < 0
                          ? nothing
                          : html`<button
                              type="button"
                              class="quiet"
                              aria-label=${msg('Remove this payment')}
                              @click=${() => (this._parts = this._parts.filter((_, i) => i !== own))}
                            >
                              ${msg('Remove')}
                            </button>`
                      }
                    </li>`;
                  })}
                </ul>`
          }
          <div>
            <div>${entered.length === 0 ? msg('Amount due') : msg('Balance due')}</div>
            <div class="due money" data-testid="tender.due">${money(total)}</div>
          </div>
          <div class="methods" role="group" aria-label=${msg('Payment method')}>
            ${this._methodButton('cash', msg('Cash'))} ${this._methodButton('card', msg('Card'))}
          </div>
          ${this._method === 'cash' ? this._renderCash(total, money) : this._renderCard()}
          ${this.error === '' ? nothing : html`<p class="error" role="alert">${this.error}</p>`}
          <div class="actions">
            <button type="button" ?disabled=${this.busy} @click=${this._onCancel}>
              ${msg('Back')}
            </button>
            <button type="submit" class="pay" ?disabled=${this.busy}>
              ${
                this.busy
                  ? msg('Completing…')
                  : this._covers(total)
                    ? msg('Complete sale')
                    : msg('Add part payment')
              }
            </button>
          </div>
        </form>
      </dialog>
    `;
  }

  private _methodButton(method: TenderMethod, label: string) {
    return html`<button
      type="button"
      aria-pressed=${this._method === method ? 'true' : 'false'}
      @click=${() => {
        this._method = method;
        this._showErrors = false;
        void this._focusAmount();
      }}
    >
      ${label}
    </button>`;
  }

  private _renderCash(total: Minor, money: (amount: Minor) => string) {
    const given = parseAmount(this._cashText, this.currency);
    const change = given === null ? null : changeDue(total, given);
    let problem = '';
    if (given === null)
      problem =
        this._cashText.trim() === ''
          ? msg('Type or pick the amount given.')
          : msg('That is not an amount.');
    else if (change === null) {
      problem = msg(
        str`A part payment: ${money(minor(total - given))} left to pay by another tender.`,
      );
    }
    return html`
      <label>
        ${msg('Cash given')}
        <input
          inputmode="decimal"
          autocomplete="off"
          data-testid="tender.cash"
          .value=${this._cashText}
          aria-invalid=${this._showErrors && problem !== '' ? 'true' : 'false'}
          aria-describedby="cash-change"
          @input=${(event: Event) => {
            this._cashText = (event.target as HTMLInputElement).value;
          }}
        />
      </label>
      <div class="quick" role="group" aria-label=${msg('Quick amounts')}>
        ${cashSuggestions(total, this.currency).map(
          (amount, index) =>
            html`<button
              type="button"
              @click=${() => {
                this._cashText = this._amountText(amount);
              }}
            >
              ${index === 0 ? msg('Exact') : money(amount)}
            </button>`,
        )}
      </div>
      <div id="cash-change" class="change ${change === null ? 'short' : ''}" aria-live="polite">
        ${
          change === null
            ? html`<span
                  >${this._showErrors || this._cashText.trim() !== '' ? problem : msg('Change due')}</span
                ><span></span>`
            : html`<span>${msg('Change due')}</span
                ><span class="money" data-testid="tender.change">${money(change)}</span>`
        }
      </div>
    `;
  }

  private _renderCard() {
    const missing = this._reference.trim() === '';
    return html`
      <label>
        ${msg('Amount on this card (empty: the whole balance)')}
        <input
          inputmode="decimal"
          autocomplete="off"
          data-testid="tender.card-amount"
          .value=${this._cardAmountText}
          @input=${(event: Event) => {
            this._cardAmountText = (event.target as HTMLInputElement).value;
          }}
        />
      </label>
      <label>
        ${msg('Card terminal reference')}
        <input
          autocomplete="off"
          data-testid="tender.reference"
          .value=${this._reference}
          aria-invalid=${this._showErrors && missing ? 'true' : 'false'}
          @input=${(event: Event) => {
            this._reference = (event.target as HTMLInputElement).value;
          }}
        />
      </label>
      ${
        this._showErrors && missing
          ? html`<p class="error" role="alert">
              ${msg('Type the reference printed by the card terminal.')}
            </p>`
          : nothing
      }
    `;
  }

  /** Puts the caret in the amount (cash) or reference (card) field. */
  private async _focusAmount(): Promise<void> {
    await this.updateComplete;
    this.renderRoot.querySelector<HTMLInputElement>('label input')?.focus();
  }

  /** An amount as a person would type it here ("21.59", "21,59"), for the quick buttons. */
  private _amountText(amount: Minor): string {
    return amountForInput(amount, currencyDigits(this.currency), this.locale);
  }

  private readonly _onCancel = (event: Event): void => {
    event.preventDefault();
    if (this.busy) return;
    emit(this, 'pos-tender-cancel', null);
  };

  /** The tender being entered, or null while it is not valid. */
  private _current(balance: Minor): SplitTenderRequest | null {
    if (this._method === 'card') {
      if (this._reference.trim() === '') return null;
      const text = this._cardAmountText.trim();
      if (text === '') return { method: 'card', reference: this._reference.trim() };
      const amount = parseAmount(text, this.currency);
      if (amount === null || amount <= 0 || amount > balance) return null;
      return { method: 'card', amount, reference: this._reference.trim() };
    }
    const given = parseAmount(this._cashText, this.currency);
    return given === null || given <= 0 ? null : { method: 'cash', tendered: given };
  }

  /** True when the tender being entered pays the whole balance. */
  private _covers(balance: Minor): boolean {
    const current = this._current(balance);
    if (current === null) return true;
    return balanceAfter(balance, [current]) === 0;
  }

  private readonly _onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.busy) return;
    this._showErrors = true;
    const balance = balanceAfter(minor(this.total), this._entered());
    const current = this._current(balance);
    if (current === null) return;
    if (balanceAfter(balance, [current]) > 0) {
      // A part payment: the next tender pays what is left.
      this._parts = [...this._parts, current];
      this._cashText = '';
      this._cardAmountText = '';
      this._reference = '';
      this._showErrors = false;
      void this._focusAmount();
      return;
    }
    emit(this, 'pos-tender-complete', { tenders: [...this._parts, current] });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-tender-dialog': PosTenderDialog;
  }
}
