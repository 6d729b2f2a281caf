/**
 * The status screen (#/status): what a store associate or a manager on the phone needs to know
 * about this device. Sync: connection, sales waiting and since when, the last successful
 * sync, the problem in plain words, a "Send now" button. Storage: used and allowed, whether
 * the browser promised to keep the data. The app: offline-ready, version, device id.
 */
import { localized, msg, str } from '@lit/localize';
import { consume } from '@lit/context';
import { LitElement, css, html } from 'lit';
import { customElement, state } from 'lit/decorators.js';
import {
  sessionContext,
  syncControlsContext,
  syncStatusContext,
  type AppSession,
  type SyncControls,
} from '../app/contexts.ts';
import { ageOf } from '../components/pos-sync-status.ts';
import { controlStyles } from '../components/shared-styles.ts';
import { formatBytes, StorageController } from '../controllers/storage-controller.ts';
import type { SyncStatus } from '../sync/sync-status.ts';
import { formatDateTime } from '../i18n/format.ts';

const env: Record<string, unknown> = import.meta.env;
/** Set at build time by vite.config.ts from package.json. */
const APP_VERSION = typeof env.AISLE_VERSION === 'string' ? env.AISLE_VERSION : 'development';

function when(iso: string | null): string {
  if (iso === null) return msg('never');
  return msg(str`${formatDateTime(iso)} (${ageOf(iso)} ago)`);
}

function usageText(usage: number | null, quota: number | null): string {
  if (usage === null) return msg('unknown');
  return quota === null
    ? formatBytes(usage)
    : msg(str`${formatBytes(usage)} of ${formatBytes(quota)} allowed`);
}

@customElement('pos-view-status')
@localized()
export class PosViewStatus extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
        padding: 1rem;
        max-width: 48rem;
        margin: 0 auto;
      }
      h1 {
        font-size: 1.5rem;
        margin: 0 0 1rem;
      }
      section {
        background: var(--pos-surface);
        border: 1px solid var(--pos-border);
        border-radius: var(--pos-radius);
        padding: 0.75rem 1rem;
        margin-bottom: 1rem;
      }
      h2 {
        font-size: 1.1rem;
        margin: 0 0 0.5rem;
      }
      dl {
        display: grid;
        grid-template-columns: minmax(9rem, max-content) 1fr;
        gap: 0.35rem 1rem;
        margin: 0 0 0.75rem;
      }
      dt {
        color: var(--pos-muted);
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      .problem {
        color: var(--pos-danger);
        font-weight: 600;
      }
      meter {
        width: 100%;
      }
    `,
  ];

  @consume({ context: syncStatusContext, subscribe: true })
  @state()
  private _sync?: SyncStatus;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private _app?: AppSession;

  @consume({ context: syncControlsContext, subscribe: true })
  @state()
  private _controls?: SyncControls;

  /** What the browser answered to "keep the data"; null: not asked yet. */
  @state() private _persistGranted: boolean | null = null;

  private readonly _storage = new StorageController(this);

  override render() {
    const sync = this._sync;
    const app = this._app;
    if (sync === undefined || app === undefined) return html``;
    const { usage, quota, persisted } = this._storage.facts;
    const controlled = 'serviceWorker' in navigator && navigator.serviceWorker.controller !== null;
    return html`
      <h1>${msg('Device status')}</h1>
      <section aria-labelledby="status-sync">
        <h2 id="status-sync">${msg('Sync')}</h2>
        <dl>
          <dt>${msg('Connection')}</dt>
          <dd data-testid="status.connection">${sync.online ? msg('Online') : msg('Offline')}</dd>
          <dt>${msg('Sales waiting')}</dt>
          <dd data-testid="status.pending">${sync.pending ?? '…'}</dd>
          <dt>${msg('Oldest waiting')}</dt>
          <dd data-testid="status.oldest">
            ${sync.oldestPendingAt === null ? '—' : when(sync.oldestPendingAt)}
          </dd>
          <dt>${msg('Need attention')}</dt>
          <dd>${sync.problems}</dd>
          <dt>${msg('Last successful sync')}</dt>
          <dd data-testid="status.last-sync">${when(sync.lastSyncAt)}</dd>
          <dt>${msg('Problem')}</dt>
          <dd data-testid="status.error" class=${sync.message === null ? '' : 'problem'}>
            ${sync.message ?? msg('None')}
          </dd>
        </dl>
        <button
          ?disabled=${sync.phase === 'syncing' || sync.signInNeeded}
          @click=${() => this._controls?.scheduler.requestFlush()}
        >
          ${msg('Send waiting sales now')}
        </button>
      </section>
      <section aria-labelledby="status-storage">
        <h2 id="status-storage">${msg('Storage on this device')}</h2>
        <dl>
          <dt>${msg('Used')}</dt>
          <dd data-testid="status.usage">${usageText(usage, quota)}</dd>
          <dt>${msg('Kept by the browser')}</dt>
          <dd data-testid="status.persisted">
            ${
              persisted === null
                ? msg('unknown')
                : persisted
                  ? msg('Yes — the browser will not clear it to free space')
                  : msg('Not guaranteed — install the app or allow storage to keep sales safe')
            }
          </dd>
        </dl>
        ${
          usage !== null && quota !== null && quota > 0
            ? html`<meter
                min="0"
                max=${quota}
                value=${usage}
                aria-label=${msg('Storage used')}
              ></meter>`
            : ''
        }
        ${
          persisted === false
            ? html`<button @click=${this._onPersist}>
                  ${msg('Ask the browser to keep the data')}
                </button>
                <span role="status"
                  >${
                    this._persistGranted === null
                      ? ''
                      : this._persistGranted
                        ? msg('The browser will keep the data.')
                        : msg('The browser said no for now; installing the app usually helps.')
                  }</span
                >`
            : ''
        }
      </section>
      <section aria-labelledby="status-app">
        <h2 id="status-app">${msg('App')}</h2>
        <dl>
          <dt>${msg('Works offline')}</dt>
          <dd data-testid="status.offline-ready">
            ${
              controlled
                ? msg('Yes — starts without a connection')
                : msg('Not yet — keep it open online once')
            }
          </dd>
          <dt>${msg('Version')}</dt>
          <dd data-testid="status.version">${APP_VERSION}</dd>
          <dt>${msg('Device id')}</dt>
          <dd data-testid="status.device">${app.session.deviceId}</dd>
          <dt>${msg('Store')}</dt>
          <dd>${app.store.label}</dd>
        </dl>
      </section>
    `;
  }

  private readonly _onPersist = async (): Promise<void> => {
    this._persistGranted = await this._storage.requestPersistence();
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-view-status': PosViewStatus;
  }
}
