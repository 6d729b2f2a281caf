/**
 * Registers Aisle's service worker through workbox-window and reports what the associate
 * needs to know: "ready to work offline" after the first install, "update available" when a
 * new version waits. The update is applied only by `applyUpdate()` (the shell calls it once the
 * associate agreed and no sale is open); the page reloads when the new worker takes control.
 *
 * workbox-window sometimes misses a waiting worker (GoogleChrome/workbox#2470: no `waiting`
 * after the third update), so after every registration and update check the registration's
 * own `waiting` slot is read as well.
 */
import { Workbox } from 'workbox-window';
import { log } from '../log.ts';
import { isSwMessage, SW_SYNC_TAG, SwMessageTypes } from './messages.ts';

export const SW_URL = '/service-worker.js';
/** How often an open app asks the server whether a new version exists. */
const UPDATE_CHECK_MS = 30 * 60_000;

export interface ServiceWorkerState {
  /** This browser has service workers and the page is served securely. */
  readonly supported: boolean;
  /** The first install finished: the app now starts with no network. */
  readonly offlineReady: boolean;
  /** A new version is installed and waiting for the associate. */
  readonly updateWaiting: boolean;
  /** A service worker controls this page (its requests go through the precache). */
  readonly controlled: boolean;
}

/** The registration's Background Sync manager, where the browser has one (Chromium). */
interface SyncCapableRegistration extends ServiceWorkerRegistration {
  readonly sync?: { register(tag: string): Promise<void> };
}

export class AppServiceWorker {
  private readonly _listeners = new Set<(state: ServiceWorkerState) => void>();
  private readonly _flushListeners = new Set<() => void>();
  private _state: ServiceWorkerState;
  private _workbox: Workbox | null = null;
  private _registration: ServiceWorkerRegistration | undefined;
  private _timer: ReturnType<typeof setInterval> | null = null;

  constructor() {
    const supported = 'serviceWorker' in navigator && window.isSecureContext;
    this._state = {
      supported,
      offlineReady: false,
      updateWaiting: false,
      controlled: supported && navigator.serviceWorker.controller !== null,
    };
  }

  get state(): ServiceWorkerState {
    return this._state;
  }

  subscribe(listener: (state: ServiceWorkerState) => void): () => void {
    this._listeners.add(listener);
    listener(this._state);
    return () => this._listeners.delete(listener);
  }

  /** Called when the worker relays a Background Sync event: flush the outbox. */
  onFlushRequest(listener: () => void): () => void {
    this._flushListeners.add(listener);
    return () => this._flushListeners.delete(listener);
  }

  async register(url = SW_URL): Promise<void> {
    if (!this._state.supported || this._workbox !== null) return;
    const workbox = new Workbox(url);
    this._workbox = workbox;
    workbox.addEventListener('installed', (event) => {
      if (event.isUpdate !== true) this._update({ offlineReady: true });
    });
    workbox.addEventListener('waiting', () => this._update({ updateWaiting: true }));
    workbox.addEventListener('controlling', () => this._update({ controlled: true }));
    navigator.serviceWorker.addEventListener('message', (event: MessageEvent<unknown>) => {
      if (isSwMessage(event.data, SwMessageTypes.flushOutbox)) {
        for (const listener of this._flushListeners) listener();
      }
    });
    try {
      this._registration = await workbox.register({ immediate: true });
    } catch (error) {
      log.warn('service worker: registration failed', { error: String(error) });
      return;
    }
    this._noticeWaiting();
    // Also watch the registration itself: an update found by the browser's own check (or by
    // another tab) must surface here even when workbox-window does not report it.
    this._registration?.addEventListener('updatefound', () => {
      const installing = this._registration?.installing ?? null;
      installing?.addEventListener('statechange', () => {
        if (installing.state === 'installed') this._noticeWaiting();
      });
    });
    this._timer ??= setInterval(() => void this.checkForUpdate(), UPDATE_CHECK_MS);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') void this.checkForUpdate();
    });
  }

  /** Asks the server for a newer worker; a failure (offline) is only logged. */
  async checkForUpdate(): Promise<void> {
    const registration = this._registration;
    if (registration === undefined || !navigator.onLine) return;
    try {
      await registration.update();
    } catch (error) {
      log.debug('service worker: update check failed', { error: String(error) });
    }
    this._noticeWaiting();
  }

  /**
   * Lets the waiting version take over, then reloads into it. Only call when no cart is open
   * and no sync is in flight: the reload drops whatever the page holds in memory.
   */
  applyUpdate(): boolean {
    const waiting = this._registration?.waiting ?? null;
    if (waiting === null) return false;
    navigator.serviceWorker.addEventListener('controllerchange', () => window.location.reload(), {
      once: true,
    });
    waiting.postMessage({ type: SwMessageTypes.skipWaiting });
    return true;
  }

  /** Asks the browser to wake the app when connectivity returns (Chromium Background Sync). */
  async requestBackgroundSync(): Promise<void> {
    const registration: SyncCapableRegistration | undefined = this._registration;
    if (registration?.sync === undefined) return;
    try {
      await registration.sync.register(SW_SYNC_TAG);
    } catch (error) {
      log.debug('service worker: background sync unavailable', { error: String(error) });
    }
  }

  private _noticeWaiting(): void {
    const registration = this._registration;
    // A worker waiting while none controls the page is a first install in progress.
    if (registration?.waiting != null && navigator.serviceWorker.controller !== null) {
      this._update({ updateWaiting: true });
    }
  }

  private _update(patch: Partial<ServiceWorkerState>): void {
    const next = { ...this._state, ...patch };
    if (JSON.stringify(next) === JSON.stringify(this._state)) return;
    this._state = next;
    for (const listener of this._listeners) listener(this._state);
  }
}
