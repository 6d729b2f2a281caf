/**
 * The lock over the app: after the first password sign-in the associate chooses a 4–6 digit
 * PIN (`mode="set"`); when the app locks (idle, or reopened after the idle time) the PIN
 * unlocks it, offline too (`mode="unlock"`). Five wrong PINs, or a password sign-in older than
 * the configured days, leave only the password, which needs the server. The screen under the
 * lock — the open cart included — is left as it is; the shell makes it inert meanwhile.
 * Fires `pos-unlocked` when the associate may carry on.
 */
import { localized, msg, str } from '@lit/localize';
import { consume } from '@lit/context';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import { repositoriesContext, syncControlsContext, type SyncControls } from '../app/contexts.ts';
import { controlStyles } from '../components/shared-styles.ts';
import type { Repositories } from '../data/repositories.ts';
import { Messages } from '../i18n/messages.ts';
import { plural } from '../i18n/plural.ts';
import { log } from '../log.ts';
import { SignInError } from '../sync/sign-in.ts';
import { emit } from '../components/events.ts';

const PIN_SHAPE = /^\d{4,6}$/;

const WHY_PASSWORD = {
  locked_out: () =>
    msg(
      'Too many wrong PINs. Enter your password to continue. Signing in needs the connection to the store server.',
    ),
  too_old: () =>
    msg(
      'Your PIN has expired. Enter your password to continue. Signing in needs the connection to the store server.',
    ),
  no_pin: () =>
    msg('Enter your password to continue. Signing in needs the connection to the store server.'),
} as const;

@customElement('pos-view-lock')
@localized()
export class PosViewLock extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        position: fixed;
        inset: 0;
        z-index: 50;
        display: grid;
        grid-template-columns: minmax(0, 1fr);
        place-items: center;
        padding: 1rem;
        background: rgb(19 38 61 / 92%);
      }
      form {
        width: min(24rem, 100%);
        max-height: 100%;
        overflow: auto;
        display: flex;
        flex-direction: column;
        gap: 1rem;
        padding: 1.75rem;
        background: var(--pos-surface);
        border-radius: var(--pos-radius);
      }
      h1 {
        margin: 0;
        font-size: 1.5rem;
      }
      p {
        margin: 0;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 0.3rem;
        font-weight: 600;
      }
      input {
        width: 100%;
        min-width: 0;
      }
      input.pin {
        font-size: 1.6rem;
        letter-spacing: 0.4em;
        text-align: center;
      }
      .error {
        padding: 0.6rem 0.8rem;
        border-radius: var(--pos-radius-small);
        background: var(--pos-danger-soft);
        color: var(--pos-danger);
        font-weight: 600;
      }
    `,
  ];

  @property() mode: 'set' | 'unlock' = 'unlock';
  @property() username = '';
  @property({ attribute: 'display-name' }) displayName = '';

  @consume({ context: repositoriesContext })
  @state()
  private _repos?: Repositories;

  @consume({ context: syncControlsContext, subscribe: true })
  @state()
  private _sync?: SyncControls;

  @state() private _needsPassword: keyof typeof WHY_PASSWORD | null = null;
  /** Another associate signs in on this shared till (username and password). */
  @state() private _someoneElse = false;
  @state() private _error = '';
  @state() private _busy = false;

  protected override updated(changed: PropertyValues<this>): void {
    // A dialog takes the focus to its first field, so the PIN can be typed at once.
    if (
      changed.has('mode') ||
      changed.has('_needsPassword' as keyof PosViewLock) ||
      changed.has('_someoneElse' as keyof PosViewLock)
    ) {
      this.renderRoot.querySelector('input')?.focus();
    }
  }

  override render() {
    if (this.mode === 'set') return this._renderSet();
    if (this._someoneElse) return this._renderSomeoneElse();
    if (this._needsPassword !== null) return this._renderPassword(this._needsPassword);
    return html`<form
      role="dialog"
      aria-modal="true"
      aria-labelledby="lock-title"
      @submit=${this._onUnlock}
      novalidate
    >
      <h1 id="lock-title">${msg('Aisle is locked')}</h1>
      <p>${msg(str`${this.displayName}, enter your PIN to continue. The open sale is kept.`)}</p>
      <label>
        ${msg('PIN')}
        <input
          class="pin"
          name="pin"
          type="password"
          inputmode="numeric"
          autocomplete="off"
          required
        />
      </label>
      ${this._renderError()}
      <button type="submit" class="primary" ?disabled=${this._busy}>${msg('Unlock')}</button>
      ${this._renderSomeoneElseButton()}
    </form>`;
  }

  private _renderSomeoneElseButton() {
    return html`<button type="button" class="quiet" @click=${this._onSomeoneElse}>
      ${msg('Someone else: sign in')}
    </button>`;
  }

  /** A shared till: another associate signs in; the open sale and waiting sales stay. */
  private _renderSomeoneElse() {
    return html`<form
      role="dialog"
      aria-modal="true"
      aria-labelledby="lock-title"
      @submit=${this._onSomeoneElseSubmit}
      novalidate
    >
      <h1 id="lock-title">${msg('Aisle is locked')}</h1>
      <p>
        ${msg(
          'Sign in with your own account. The open sale stays on the till, and sales waiting to be sent keep their associate. Signing in needs the connection to the store server.',
        )}
      </p>
      <label>
        ${msg('Username')}
        <input
          name="username"
          autocomplete="username"
          autocapitalize="off"
          spellcheck="false"
          required
        />
      </label>
      <label>
        ${msg('Password')}
        <input name="password" type="password" autocomplete="current-password" required />
      </label>
      ${this._renderError()}
      <button type="submit" class="primary" ?disabled=${this._busy}>${msg('Sign in')}</button>
      <button type="button" class="quiet" @click=${this._onBack}>
        ${msg(str`Back to ${this.displayName}'s PIN`)}
      </button>
    </form>`;
  }

  private _renderSet() {
    return html`<form
      role="dialog"
      aria-modal="true"
      aria-labelledby="lock-title"
      @submit=${this._onSetPin}
      novalidate
    >
      <h1 id="lock-title">${msg('Choose a PIN')}</h1>
      <p>${msg('4 to 6 digits. It unlocks Aisle on this device, even without a connection.')}</p>
      <label>
        ${msg('New PIN')}
        <input
          class="pin"
          name="pin"
          type="password"
          inputmode="numeric"
          autocomplete="new-password"
          maxlength="6"
          required
        />
      </label>
      <label>
        ${msg('Repeat the PIN')}
        <input
          class="pin"
          name="again"
          type="password"
          inputmode="numeric"
          autocomplete="new-password"
          maxlength="6"
          required
        />
      </label>
      ${this._renderError()}
      <button type="submit" class="primary" ?disabled=${this._busy}>${msg('Save PIN')}</button>
    </form>`;
  }

  private _renderPassword(why: keyof typeof WHY_PASSWORD) {
    return html`<form
      role="dialog"
      aria-modal="true"
      aria-labelledby="lock-title"
      @submit=${this._onPassword}
      novalidate
    >
      <h1 id="lock-title">${msg('Aisle is locked')}</h1>
      <p>${WHY_PASSWORD[why]()}</p>
      <label>
        ${msg(str`Password for ${this.username}`)}
        <input name="password" type="password" autocomplete="current-password" required />
      </label>
      ${this._renderError()}
      <button type="submit" class="primary" ?disabled=${this._busy}>${msg('Sign in')}</button>
      ${this._renderSomeoneElseButton()}
    </form>`;
  }

  private _renderError() {
    return this._error === '' ? nothing : html`<p class="error" role="alert">${this._error}</p>`;
  }

  private _field(event: SubmitEvent, name: string): string {
    const value = new FormData(event.target as HTMLFormElement).get(name);
    return typeof value === 'string' ? value.trim() : '';
  }

  private _done(): void {
    this._error = '';
    this._needsPassword = null;
    this._someoneElse = false;
    emit(this, 'pos-unlocked', null);
  }

  private readonly _onSomeoneElse = (): void => {
    this._error = '';
    this._someoneElse = true;
  };

  private readonly _onBack = (): void => {
    this._error = '';
    this._someoneElse = false;
  };

  private readonly _onSomeoneElseSubmit = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const username = this._field(event, 'username');
    const password = new FormData(event.target as HTMLFormElement).get('password');
    const sync = this._sync;
    if (sync === undefined || username === '' || typeof password !== 'string' || password === '') {
      this._error = msg('Type your username and password.');
      return;
    }
    await this._run(async () => {
      try {
        // The new session has no PIN yet: the shell asks for one next.
        await sync.signIn.signIn(username, password);
        this._done();
      } catch (error) {
        if (!(error instanceof SignInError)) throw error;
        this._error = error.message;
      }
    });
  };

  private readonly _onSetPin = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    // Taken now: once dispatch ends, a shadow-DOM event no longer has its target.
    const form = event.target as HTMLFormElement;
    const pin = this._field(event, 'pin');
    if (!PIN_SHAPE.test(pin)) {
      this._error = Messages.pinFormat();
      return;
    }
    if (pin !== this._field(event, 'again')) {
      this._error = msg('The two PINs are not the same. Type them again.');
      return;
    }
    await this._run(async (repos) => {
      await repos.sessions.setPin(pin);
      form.reset();
      this._done();
    });
  };

  private readonly _onUnlock = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const pin = this._field(event, 'pin');
    if (!PIN_SHAPE.test(pin)) {
      // Not a PIN at all (a barcode scanned into the lock, say): not counted as a wrong one.
      form.reset();
      this._error = Messages.pinFormat();
      return;
    }
    await this._run(async (repos) => {
      const result = await repos.sessions.checkPin(pin);
      form.reset();
      if (result.ok) {
        this._done();
      } else if (result.reason === 'wrong') {
        const left = result.attemptsLeft;
        this._error = plural(left, {
          one: () => msg('Wrong PIN. 1 try left before the password is needed.'),
          other: () => msg(str`Wrong PIN. ${left} tries left.`),
        });
      } else {
        this._error = '';
        this._needsPassword = result.reason;
      }
    });
  };

  private readonly _onPassword = async (event: SubmitEvent): Promise<void> => {
    event.preventDefault();
    const password = new FormData(event.target as HTMLFormElement).get('password');
    const sync = this._sync;
    if (sync === undefined || typeof password !== 'string' || password === '') {
      this._error = msg('Type your password.');
      return;
    }
    await this._run(async () => {
      try {
        await sync.signIn.signIn(this.username, password);
        this._done();
      } catch (error) {
        if (!(error instanceof SignInError)) throw error;
        this._error = error.message;
      }
    });
  };

  private async _run(work: (repos: Repositories) => Promise<void>): Promise<void> {
    const repos = this._repos;
    if (repos === undefined || this._busy) return;
    this._busy = true;
    try {
      await work(repos);
    } catch (error) {
      log.error('lock: failed', error);
      this._error = msg('That did not work on this device. Try again.');
    } finally {
      this._busy = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-view-lock': PosViewLock;
  }
}
