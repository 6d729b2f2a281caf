/**
 * Sync follows the session: started for the signed-in store once its first catalog download
 * is complete (and the sync services have loaded; the shell updates when they have), stopped
 * on sign-out or when the server refused the session. Runs after each shell update (the
 * shell's session and catalog state are live queries), so the shell's own lifecycle methods
 * stay about rendering.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AppSession } from './contexts.ts';
import type { AppServices } from './services.ts';

export interface SessionSyncOptions {
  readonly services: () => AppServices | undefined;
  readonly app: () => AppSession | undefined;
  readonly catalogReady: () => boolean;
}

export class SessionSyncController implements ReactiveController {
  private readonly _options: SessionSyncOptions;
  private _syncingStore: string | null = null;

  constructor(host: ReactiveControllerHost, options: SessionSyncOptions) {
    this._options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    const services = this._options.services();
    if (services === undefined) return;
    const app = this._options.app();
    services.setSession(app?.session);
    const scheduler = services.sync?.scheduler;
    if (scheduler === undefined) return;
    const storeId =
      app?.session.expired === false && this._options.catalogReady() ? app.store.store_id : null;
    if (storeId === this._syncingStore) return;
    this._syncingStore = storeId;
    if (storeId === null || app === undefined) {
      scheduler.stop();
    } else {
      scheduler.start(app.store.currency);
      scheduler.refreshCatalog();
    }
  }

  hostDisconnected(): void {
    this._options.services()?.sync?.scheduler.stop();
    this._syncingStore = null;
  }
}
