/**
 * The sign-in screen: username and password for the store server. The first sign-in on a
 * device also registers it and downloads the catalog (next screen); later ones are quick.
 */
import { localized, msg } from '@lit/localize';
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { syncControlsContext, type SyncControls } from '../app/contexts.ts';
import { navigate } from '../app/router.ts';
import type { PosEvent } from '../components/events.ts';
import '../components/pos-language-picker.ts';
import { controlStyles } from '../components/shared-styles.ts';
import { chooseDeviceLanguage, deviceLanguage, storeLanguage } from '../i18n/localization.ts';
import { log } from '../log.ts';
import { SignInError } from '../sync/sign-in.ts';

@customElement('pos-view-sign-in')
@localized()
export class PosViewSignIn extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: grid;
        place-items: center;
        align-content: center;
        gap: 1rem;
        min-height: 100%;
        padding: 1.5rem 1rem;
      }
      form {
        width: min(26rem, 100%);
        display: flex;
        flex-direction: column;
        gap: 1rem;
        padding: 2rem 1.75rem;
        background: var(--pos-surface);
        border-radius: var(--pos-radius);
        box-shadow: 0 6px 28px rgb(15 23 32 / 14%);
      }
      h1 {
        margin: 0;
        font-size: 1.7rem;
      }
      .lead {
        margin: 0;
        color: var(--pos-muted);
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 0.3rem;
        font-weight: 600;
      }
      .error {
        margin: 0;
        padding: 0.6rem 0.8rem;
        border-radius: var(--pos-radius-small);
        background: var(--pos-danger-soft);
        color: var(--pos-danger);
        font-weight: 600;
      }
      .note {
        margin: 0;
        padding: 0.6rem 0.8rem;
        border-radius: var(--pos-radius-small);
        background: var(--pos-warn-soft);
      }
      .language {
        width: min(26rem, 100%);
      }
      button[type='submit'] {
        min-height: 56px;
        font-size: 1.1rem;
      }
    `,
  ];

  /** Shown above the form when the server ended the previous session. */
  @property({ type: Boolean, attribute: 'session-ended' }) sessionEnded = false;
  /** Pre-fills the username (the associate whose session ended). */
  @property() username = '';

  @consume({ context: syncControlsContext, subscribe: true })
  @state()
  private _sync?: SyncControls;

  @state() private _busy = false;
  @state() private _error = '';

  override render() {
    return html`
      <form @submit=${this._onSubmit} novalidate aria-describedby="sign-in-lead">
        <h1>${msg('Sign in to Aisle')}</h1>
        <p class="lead" id="sign-in-lead">${msg('Use your store account to start selling.')}</p>
        ${
          this.sessionEnded
            ? html`<p class="note">
                ${msg('Your session ended. Sign in again to send the sales waiting on this device.')}
              </p>`
            : nothing
        }
        <label>
          ${msg('Username')}
          <input
            name="username"
            autocomplete="username"
            autocapitalize="off"
            spellcheck="false"
            required
            .value=${this.username}
          />
        </label>
        <label>
          ${msg('Password')}
          <input name="password" type="password" autocomplete="current-password" required />
        </label>
        ${this._error === '' ? nothing : html`<p class="error" role="alert">${this._error}</p>`}
        <button
          type="submit"
          class="primary"
          ?disabled=${this._busy || this._sync === undefined}
          aria-describedby="sign-in-progress"
        >
          ${msg('Sign in')}
        </button>
        <p class="lead" id="sign-in-progress" role="status">
          ${this._busy ? msg('Signing in…') : ''}
        </p>
      </form>
      <pos-language-picker
        class="language"
        .chosen=${deviceLanguage()}
        .storeLanguage=${storeLanguage()}
        @pos-language-change=${this._onLanguageChange}
      ></pos-language-picker>
    `;
  }

  private readonly _onLanguageChange = async (
    event: PosEvent<'pos-language-change'>,
  ): Promise<void> => {
    try {
      await chooseDeviceLanguage(event.detail.language);
    } catch (error) {
      log.warn('sign-in: the language could not be loaded', { error: String(error) });
    }
    this.requestUpdate();
  };

  private readonly _onSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    if (this._busy || this._sync === undefined) return;
    const form = new FormData(event.target as HTMLFormElement);
    this._busy = true;
    this._error = '';
    try {
      const field = (name: string) => {
        const value = form.get(name);
        return typeof value === 'string' ? value : '';
      };
      await this._sync.signIn.signIn(field('username'), field('password'));
      navigate({ name: 'sell' }, { replace: true });
    } catch (error) {
      if (error instanceof SignInError) {
        this._error = error.message;
      } else {
        log.error('sign-in failed', error);
        this._error = msg('Signing in failed on this device. Reload the app and try again.');
      }
    } finally {
      this._busy = false;
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-view-sign-in': PosViewSignIn;
  }
}
