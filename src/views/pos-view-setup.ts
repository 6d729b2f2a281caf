/**
 * The first catalog download on a device, with a progress bar. Each page is saved with its
 * cursor, so a reload or a dropped connection resumes instead of starting over.
 */
import { localized, msg, str } from '@lit/localize';
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import {
  sessionContext,
  syncControlsContext,
  type AppSession,
  type SyncControls,
} from '../app/contexts.ts';
import { controlStyles } from '../components/shared-styles.ts';
import { screenLocale } from '../i18n/format.ts';
import { log } from '../log.ts';
import { describeSyncError, SyncError, SyncErrorReasons } from '../sync/sync-errors.ts';

function describeSetupError(error: unknown): string {
  if (!(error instanceof SyncError)) {
    return msg('The catalog could not be saved on this device. Try again.');
  }
  if (error.reason === SyncErrorReasons.offline) {
    return msg(
      'No connection to the store server. Connect this device to the store network, then try again: the download resumes where it stopped.',
    );
  }
  return msg(str`${describeSyncError(error.reason)} The download resumes where it stopped.`);
}

@customElement('pos-view-setup')
@localized()
export class PosViewSetup extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: grid;
        place-items: center;
        min-height: 100%;
        padding: 1.5rem 1rem;
      }
      .card {
        width: min(32rem, 100%);
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
        font-size: 1.5rem;
      }
      p {
        margin: 0;
      }
      progress {
        width: 100%;
        height: 1.25rem;
        accent-color: var(--pos-primary);
      }
      .error {
        color: var(--pos-danger);
        font-weight: 600;
      }
    `,
  ];

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private _app?: AppSession;

  @consume({ context: syncControlsContext, subscribe: true })
  @state()
  private _sync?: SyncControls;

  @state() private _received = 0;
  @state() private _remaining: number | null = null;
  @state() private _error = '';
  @state() private _running = false;

  /** The first download was started (the sync services may arrive after this screen). */
  private _started = false;

  override updated(): void {
    if (!this._started && this._sync !== undefined && this._app !== undefined) {
      this._started = true;
      void this._download();
    }
  }

  override render() {
    const total = this._remaining === null ? null : this._received + this._remaining;
    const numbers = new Intl.NumberFormat(screenLocale());
    const store = this._app?.store.label;
    return html`
      <div class="card">
        <h1>${msg('Preparing this device')}</h1>
        <p>
          ${
            store === undefined
              ? msg('Downloading the store catalog so you can sell without a connection.')
              : msg(str`Downloading the ${store} catalog so you can sell without a connection.`)
          }
        </p>
        <label for="catalog-progress">${msg('Catalog download')}</label>
        <progress
          id="catalog-progress"
          data-testid="setup.progress"
          max=${total ?? 1}
          .value=${total === null ? 0 : this._received}
        ></progress>
        <p role="status">
          ${
            total === null
              ? msg('Contacting the store server…')
              : msg(str`${numbers.format(this._received)} of ${numbers.format(total)} products`)
          }
        </p>
        ${
          this._error === ''
            ? nothing
            : html`<p class="error" role="alert">${this._error}</p>
                <button
                  class="primary"
                  ?disabled=${this._running}
                  @click=${() => void this._download()}
                >
                  ${msg('Try again')}
                </button>`
        }
      </div>
    `;
  }

  private async _download(): Promise<void> {
    const app = this._app;
    const sync = this._sync;
    if (app === undefined || sync === undefined || this._running) return;
    this._running = true;
    this._error = '';
    try {
      await sync.catalogSync.pullAll(app.store.currency, (progress) => {
        this._received = progress.received;
        this._remaining = progress.remaining;
      });
      // The app shell sees the finished catalog and shows the sell screen.
    } catch (error) {
      log.warn('setup: catalog download interrupted', { error: String(error) });
      this._error = describeSetupError(error);
    } finally {
      this._running = false;
    }
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-view-setup': PosViewSetup;
  }
}
