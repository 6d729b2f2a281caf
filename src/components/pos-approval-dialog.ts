/**
 * A manager's approval on the device (DESIGN §10.3): what needs approving, the managers who
 * can approve here (by name), their own PIN and a reason. Offline too: the view checks the PIN
 * against the hash kept on the device. Properties in, events out.
 *
 * @fires pos-approval-submit - a manager, their PIN and the reason were entered
 * @fires pos-approval-cancel - closed without an approval (Cancel or Escape)
 */
import { localized, msg } from '@lit/localize';
import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { emit } from './events.ts';
import { controlStyles, dialogStyles } from './shared-styles.ts';

export interface ApproverOption {
  readonly userId: string;
  readonly displayName: string;
}

@customElement('pos-approval-dialog')
@localized()
export class PosApprovalDialog extends LitElement {
  static override styles = [controlStyles, dialogStyles];

  @property({ type: Boolean, reflect: true }) open = false;
  /** What the manager approves, e.g. "Refund $21.59 to a new card". */
  @property() summary = '';
  @property({ attribute: false }) approvers: readonly ApproverOption[] = [];
  /** A reason proposed by the screen; the manager may change it. */
  @property() reason = '';
  @property() error = '';
  @property({ type: Boolean }) busy = false;

  @query('dialog') private _dialog?: HTMLDialogElement;
  @query('form') private _form?: HTMLFormElement;

  override updated(changed: PropertyValues<this>): void {
    const dialog = this._dialog;
    if (dialog === undefined || !changed.has('open')) return;
    if (this.open && !dialog.open) {
      this._form?.reset();
      dialog.showModal();
    }
    if (!this.open && dialog.open) dialog.close();
  }

  override render() {
    const none = this.approvers.length === 0;
    return html`<dialog aria-labelledby="approval-heading" @cancel=${this._onCancel}>
      <form @submit=${this._onSubmit} autocomplete="off">
        <h2 id="approval-heading">${msg('Manager approval')}</h2>
        <p data-testid="approval.summary">${this.summary}</p>
        ${
          none
            ? html`<p class="error" role="alert">
                ${msg(
                  'No manager has set a PIN on this device yet. A manager signs in here once to approve on it later.',
                )}
              </p>`
            : html`<label>
                  ${msg('Manager')}
                  <select name="manager" data-testid="approval.manager">
                    ${this.approvers.map(
                      (approver) =>
                        html`<option value=${approver.userId}>${approver.displayName}</option>`,
                    )}
                  </select>
                </label>
                <label>
                  ${msg('Their PIN')}
                  <input
                    name="pin"
                    type="password"
                    inputmode="numeric"
                    autocomplete="off"
                    data-testid="approval.pin"
                    required
                  />
                </label>
                <label>
                  ${msg('Reason')}
                  <input
                    name="reason"
                    value=${this.reason}
                    data-testid="approval.reason"
                    required
                  />
                </label>`
        }
        ${
          this.error === ''
            ? nothing
            : html`<p class="error" role="alert" data-testid="approval.error">${this.error}</p>`
        }
        <div class="actions">
          <button type="button" class="quiet" @click=${this._onCancel}>${msg('Cancel')}</button>
          <button type="submit" class="primary" ?disabled=${this.busy || none}>
            ${msg('Approve')}
          </button>
        </div>
      </form>
    </dialog>`;
  }

  private readonly _onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.busy || this._form === undefined) return;
    const data = new FormData(this._form);
    const text = (name: string) => {
      const value = data.get(name);
      return typeof value === 'string' ? value.trim() : '';
    };
    emit(this, 'pos-approval-submit', {
      userId: text('manager'),
      pin: text('pin'),
      reason: text('reason'),
    });
  };

  private readonly _onCancel = (event: Event): void => {
    event.preventDefault();
    emit(this, 'pos-approval-cancel', null);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-approval-dialog': PosApprovalDialog;
  }
}
