/**
 * Signing out with a sale still open (issue 13): park it (it comes back for this associate)
 * or clear it — the next person never inherits someone else's cart.
 *
 * @fires pos-sign-out-choice - park, clear, or stay signed in
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { plural } from '../i18n/plural.ts';
import { emit } from './events.ts';
import { controlStyles, dialogStyles } from './shared-styles.ts';

@customElement('pos-sign-out-dialog')
@localized()
export class PosSignOutDialog extends LitElement {
  static override styles = [
    controlStyles,
    dialogStyles,
    css`
      :host {
        --pos-dialog-width: 28rem;
      }
    `,
  ];

  @property({ type: Boolean, reflect: true }) open = false;
  /** How many units the open sale holds. */
  @property({ type: Number }) units = 0;

  @query('dialog') private _dialog?: HTMLDialogElement;

  override updated(changed: PropertyValues<this>): void {
    const dialog = this._dialog;
    if (dialog === undefined || !changed.has('open')) return;
    if (this.open && !dialog.open) dialog.showModal();
    if (!this.open && dialog.open) dialog.close();
  }

  override render() {
    const choose = (choice: 'park' | 'clear' | 'cancel') => () =>
      emit(this, 'pos-sign-out-choice', { choice });
    return html`<dialog
      aria-labelledby="sign-out-heading"
      @cancel=${(event: Event) => {
        event.preventDefault();
        choose('cancel')();
      }}
    >
      <h2 id="sign-out-heading">${msg('A sale is still open')}</h2>
      <p>
        ${plural(this.units, {
          one: () =>
            msg(
              'The cart holds 1 item. Park it to finish it after your next sign-in, or clear it.',
            ),
          other: () =>
            msg(
              str`The cart holds ${this.units} items. Park it to finish it after your next sign-in, or clear it.`,
            ),
        })}
      </p>
      <div class="actions">
        <button type="button" class="quiet" @click=${choose('cancel')}>
          ${msg('Stay signed in')}
        </button>
        <button type="button" class="danger" @click=${choose('clear')}>
          ${msg('Clear the sale')}
        </button>
        <button type="button" class="primary" @click=${choose('park')}>
          ${msg('Park and sign out')}
        </button>
      </div>
    </dialog>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-sign-out-dialog': PosSignOutDialog;
  }
}
