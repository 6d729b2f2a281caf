/**
 * The service-worker notice in the shell's own row under the screen (never over the total,
 * Pay or the cart's last line): "Ready to work offline" after the
 * first install, "Update available" with a button afterwards, and, once the associate agreed,
 * why the update still waits (an open sale). Properties in, `pos-update-apply` and
 * `pos-update-dismiss` out.
 */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { PHONE } from './layout.ts';
import { controlStyles } from './shared-styles.ts';
import { emit } from './events.ts';

export type UpdateToastPhase = 'none' | 'offline-ready' | 'available' | 'accepted' | 'applying';

@customElement('pos-update-toast')
@localized()
export class PosUpdateToast extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      .toast {
        display: flex;
        flex-wrap: wrap;
        align-items: center;
        gap: 0.25rem 1rem;
        padding: 0.25rem 1rem calc(0.25rem + env(safe-area-inset-bottom));
        background: var(--pos-primary-soft);
        color: var(--pos-text);
        border-top: 2px solid var(--pos-primary);
      }
      p {
        margin: 0;
        flex: 1 1 12rem;
      }
      @media ${PHONE} {
        .more {
          display: none;
        }
      }
      .why {
        flex-basis: 100%;
        color: var(--pos-muted);
        font-size: 0.9rem;
      }
    `,
  ];

  @property() phase: UpdateToastPhase = 'none';
  /** Why an accepted update waits (shown under the message). */
  @property() reason = '';

  override render() {
    switch (this.phase) {
      case 'offline-ready':
        return html`<div class="toast" role="status" data-testid="update.toast">
          <p>
            ${msg('Ready to work offline.')}<span class="more">
              ${msg('Aisle now starts and sells without a connection.')}</span
            >
          </p>
          <button class="quiet" @click=${() => this._emit('pos-update-dismiss')}>
            ${msg('OK')}
          </button>
        </div>`;
      case 'available':
        return html`<div class="toast" role="status" data-testid="update.toast">
          <p>${msg('Update available. Sales and the cart are kept.')}</p>
          <button @click=${() => this._emit('pos-update-apply')}>${msg('Update now')}</button>
        </div>`;
      case 'accepted':
        return html`<div class="toast" role="status" data-testid="update.toast">
          <p>${msg('Update ready: it installs as soon as this sale is done.')}</p>
          <span class="why">${this.reason}</span>
        </div>`;
      case 'applying':
        return html`<div class="toast" role="status" data-testid="update.toast">
          <p>${msg('Updating Aisle…')}</p>
        </div>`;
      default:
        return nothing;
    }
  }

  private _emit(name: 'pos-update-apply' | 'pos-update-dismiss'): void {
    emit(this, name, null);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-update-toast': PosUpdateToast;
  }
}
