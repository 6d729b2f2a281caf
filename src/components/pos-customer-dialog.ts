/**
 * The customer of the open sale (DESIGN §10.3): name, e-mail and phone, each optional. The
 * fields are checked with the server's own rules (`checkCustomer`) before anything is
 * emitted; a bad one is marked and explained beside it, and the first bad one focused.
 * Properties in, events out.
 *
 * @fires pos-customer-save - the checked customer (at least one field set)
 * @fires pos-customer-remove - the associate took the customer off the sale
 * @fires pos-customer-cancel - closed without a change (Cancel or Escape)
 */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { checkCustomer, CUSTOMER_LIMITS } from '../domain/customer-check.ts';
import { hasCustomer, type Customer, type CustomerField } from '../domain/customer.ts';
import { customerProblem } from '../i18n/customer-words.ts';
import { emit } from './events.ts';
import { controlStyles, dialogStyles } from './shared-styles.ts';

const FIELDS: readonly {
  readonly field: CustomerField;
  readonly label: () => string;
  readonly type: 'text' | 'email' | 'tel';
  readonly inputmode: 'text' | 'email' | 'tel';
  readonly maxlength: number;
}[] = [
  {
    field: 'name',
    label: () => msg('Name'),
    type: 'text',
    inputmode: 'text',
    maxlength: CUSTOMER_LIMITS.name,
  },
  {
    field: 'email',
    label: () => msg('E-mail (the receipt is sent there)'),
    type: 'email',
    inputmode: 'email',
    maxlength: CUSTOMER_LIMITS.email,
  },
  {
    field: 'phone',
    label: () => msg('Phone'),
    type: 'tel',
    inputmode: 'tel',
    maxlength: CUSTOMER_LIMITS.phone,
  },
];

@customElement('pos-customer-dialog')
@localized()
export class PosCustomerDialog extends LitElement {
  static override styles = [
    controlStyles,
    dialogStyles,
    css`
      .field-error {
        margin: 0.25rem 0 0;
        color: var(--pos-danger);
        font-weight: 600;
      }
      .actions .remove {
        margin-right: auto;
      }
    `,
  ];

  @property({ type: Boolean, reflect: true }) open = false;
  /** The customer attached now, shown in the fields when the dialog opens. */
  @property({ attribute: false }) customer: Customer | null = null;
  /** Why the last save failed (the device could not write it). */
  @property() error = '';
  @property({ type: Boolean }) busy = false;

  @state() private _problems: ReadonlyMap<CustomerField, string> = new Map();

  @query('dialog') private _dialog?: HTMLDialogElement;
  @query('form') private _form?: HTMLFormElement;

  override updated(changed: PropertyValues<this>): void {
    const dialog = this._dialog;
    if (dialog === undefined || !changed.has('open')) return;
    if (this.open && !dialog.open) {
      this._problems = new Map();
      this._form?.reset();
      dialog.showModal();
    }
    if (!this.open && dialog.open) dialog.close();
  }

  override render() {
    const attached = hasCustomer(this.customer);
    return html`<dialog aria-labelledby="customer-heading" @cancel=${this._onCancel}>
      <form @submit=${this._onSubmit} autocomplete="off" novalidate>
        <h2 id="customer-heading">${msg('Customer')}</h2>
        <p>${msg('Optional. Anything left empty is not kept.')}</p>
        ${FIELDS.map(({ field, label, type, inputmode, maxlength }) => {
          const problem = this._problems.get(field);
          return html`<label>
              ${label()}
              <input
                name=${field}
                type=${type}
                inputmode=${inputmode}
                maxlength=${maxlength}
                value=${this.customer?.[field] ?? ''}
                aria-invalid=${problem === undefined ? 'false' : 'true'}
                aria-describedby=${problem === undefined ? nothing : `customer-${field}-error`}
                data-testid="customer.${field}"
              />
            </label>
            ${
              problem === undefined
                ? nothing
                : html`<p
                    class="field-error"
                    id="customer-${field}-error"
                    data-testid="customer.${field}-error"
                  >
                    ${problem}
                  </p>`
            }`;
        })}
        ${
          this.error === ''
            ? nothing
            : html`<p class="error" role="alert" data-testid="customer.error">${this.error}</p>`
        }
        <div class="actions">
          ${
            attached
              ? html`<button
                  type="button"
                  class="danger remove"
                  data-testid="customer.remove"
                  ?disabled=${this.busy}
                  @click=${this._onRemove}
                >
                  ${msg('Remove customer')}
                </button>`
              : nothing
          }
          <button type="button" class="quiet" @click=${this._onCancel}>${msg('Cancel')}</button>
          <button type="submit" class="primary" data-testid="customer.save" ?disabled=${this.busy}>
            ${msg('Save')}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  private readonly _onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.busy || this._form === undefined) return;
    const data = new FormData(this._form);
    const text = (name: CustomerField): string => {
      const value = data.get(name);
      return typeof value === 'string' ? value : '';
    };
    const { customer, problems } = checkCustomer({
      name: text('name'),
      email: text('email'),
      phone: text('phone'),
    });
    this._problems = new Map(
      problems.map((problem) => [problem.field, customerProblem(problem.field, problem.message)]),
    );
    const first = problems[0];
    if (first !== undefined) {
      void this.updateComplete.then(() =>
        this.renderRoot.querySelector<HTMLInputElement>(`input[name="${first.field}"]`)?.focus(),
      );
      return;
    }
    if (hasCustomer(customer)) emit(this, 'pos-customer-save', { customer });
    else emit(this, 'pos-customer-remove', null);
  };

  private readonly _onRemove = (): void => {
    emit(this, 'pos-customer-remove', null);
  };

  private readonly _onCancel = (event: Event): void => {
    event.preventDefault();
    emit(this, 'pos-customer-cancel', null);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-customer-dialog': PosCustomerDialog;
  }
}
