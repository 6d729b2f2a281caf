/**
 * The status screen (#/status): what a store associate or a manager on the phone needs to know
 * about this device. Sync: connection, sales waiting and since when, the last successful
 * sync, the problem in plain words, a "Send now" button. Storage: used and allowed, whether
 * the browser promised to keep the data. The app: offline-ready, version, device id.
 */
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

function when(iso: string | null, locale: string): string {
  if (iso === null) return 'never';
  return `${formatDateTime(iso, locale)} (${ageOf(iso)} ago)`;
}

function usageText(usage: number | null, quota: number | null): string {
  if (usage === null) return 'unknown';
  return quota === null
    ? formatBytes(usage)
    : `${formatBytes(usage)} of ${formatBytes(quota)} allowed`;
}

@customElement('pos-view-status')
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

  @consume({ context: syncControlsContext })
  @state()
  private _controls?: SyncControls;

  @state() private _persistAnswer = '';

  private readonly _storage = new StorageController(this);

  override render() {
    const sync = this._sync;
    const app = this._app;
    if (sync === undefined || app === undefined) return html``;
    const locale = app.store.locale;
    const { usage, quota, persisted } = this._storage.facts;
    const controlled = 'serviceWorker' in navigator && navigator.serviceWorker.controller !== null;
    return html`
      <h1>Device status</h1>
      <section aria-labelledby="status-sync">
        <h2 id="status-sync">Sync</h2>
        <dl>
          <dt>Connection</dt>
          <dd data-testid="status.connection">${sync.online ? 'Online' : 'Offline'}</dd>
          <dt>Sales waiting</dt>
          <dd data-testid="status.pending">${sync.pending ?? '…'}</dd>
          <dt>Oldest waiting</dt>
          <dd data-testid="status.oldest">
            ${sync.oldestPendingAt === null ? '—' : when(sync.oldestPendingAt, locale)}
          </dd>
          <dt>Need attention</dt>
          <dd>${sync.problems}</dd>
          <dt>Last successful sync</dt>
          <dd data-testid="status.last-sync">${when(sync.lastSyncAt, locale)}</dd>
          <dt>Problem</dt>
          <dd data-testid="status.error" class=${sync.message === null ? '' : 'problem'}>
            ${sync.message ?? 'None'}
          </dd>
        </dl>
        <button
          ?disabled=${sync.phase === 'syncing' || sync.signInNeeded}
          @click=${() => this._controls?.scheduler.requestFlush()}
        >
          Send waiting sales now
        </button>
      </section>
      <section aria-labelledby="status-storage">
        <h2 id="status-storage">Storage on this device</h2>
        <dl>
          <dt>Used</dt>
          <dd data-testid="status.usage">${usageText(usage, quota)}</dd>
          <dt>Kept by the browser</dt>
          <dd data-testid="status.persisted">
            ${
              persisted === null
                ? 'unknown'
                : persisted
                  ? 'Yes — the browser will not clear it to free space'
                  : 'Not guaranteed — install the app or allow storage to keep sales safe'
            }
          </dd>
        </dl>
        ${
          usage !== null && quota !== null && quota > 0
            ? html`<meter min="0" max=${quota} value=${usage} aria-label="Storage used"></meter>`
            : ''
        }
        ${
          persisted === false
            ? html`<button @click=${this._onPersist}>Ask the browser to keep the data</button>
                <span role="status">${this._persistAnswer}</span>`
            : ''
        }
      </section>
      <section aria-labelledby="status-app">
        <h2 id="status-app">App</h2>
        <dl>
          <dt>Works offline</dt>
          <dd data-testid="status.offline-ready">
            ${controlled ? 'Yes — starts without a connection' : 'Not yet — keep it open online once'}
          </dd>
          <dt>Version</dt>
          <dd data-testid="status.version">${APP_VERSION}</dd>
          <dt>Device id</dt>
          <dd data-testid="status.device">${app.session.deviceId}</dd>
          <dt>Store</dt>
          <dd>${app.store.label}</dd>
        </dl>
      </section>
    `;
  }

  private readonly _onPersist = async (): Promise<void> => {
    const granted = await this._storage.requestPersistence();
    this._persistAnswer = granted
      ? 'The browser will keep the data.'
      : 'The browser said no for now; installing the app usually helps.';
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-view-status': PosViewStatus;
  }
}
