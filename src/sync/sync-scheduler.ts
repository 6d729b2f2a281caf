/**
 * When the outbox is flushed, and by which tab: after each sale, when the browser comes back
 * online, when the page becomes visible again, and on a timer while anything is waiting
 * (the backoff delay after a failure). Only one tab of the device flushes at a time, through
 * a Web Lock; where the browser has no Web Locks the engine's own single-flight guard still
 * keeps a tab from racing itself.
 *
 * It also keeps the status bar's `SyncStatus` up to date and refreshes the catalog now and
 * then, quietly.
 */
import { msg } from '@lit/localize';
import { observeQuery, type LiveSubscription } from '../data/live.ts';
import type { OutboxRepository } from '../data/outbox-repository.ts';
import { log } from '../log.ts';
import type { CatalogSync } from './catalog-sync.ts';
import type { FlushResult, OutboxEngine } from './outbox-engine.ts';
import { describeSyncError, SyncError, SyncErrorReasons } from './sync-errors.ts';
import { INITIAL_SYNC_STATUS, SyncPhases, type SyncStatus } from './sync-status.ts';

const LOCK_NAME = 'aisle-outbox';
/** How soon to look again when another tab holds the lock. */
const BUSY_RETRY_MS = 5_000;
/** How often the catalog and configuration are refreshed while the app is open. */
const CATALOG_REFRESH_MS = 5 * 60_000;

export interface SchedulerEnvironment {
  readonly window: Pick<Window, 'addEventListener' | 'removeEventListener'>;
  readonly document: Pick<Document, 'addEventListener' | 'removeEventListener' | 'visibilityState'>;
  readonly navigator: { readonly onLine: boolean; readonly locks?: LockManager };
  /** The clock `nextAttemptAt` is counted from (Date.now by default). */
  readonly now?: () => number;
}

export interface SyncSchedulerOptions {
  readonly engine: OutboxEngine;
  readonly outbox: OutboxRepository;
  readonly catalogSync: CatalogSync;
  /** Called when the server refuses the session. */
  readonly onSessionRefused: () => Promise<void>;
  readonly environment?: SchedulerEnvironment;
}

export class SyncScheduler {
  private readonly _options: SyncSchedulerOptions;
  private readonly _env: SchedulerEnvironment;
  private readonly _listeners = new Set<(status: SyncStatus) => void>();
  private _status: SyncStatus = INITIAL_SYNC_STATUS;
  private _timer: ReturnType<typeof setTimeout> | null = null;
  private _catalogTimer: ReturnType<typeof setInterval> | null = null;
  private _counts: LiveSubscription | null = null;
  private _flushing = false;
  private _again = false;
  private _currency: string | null = null;

  constructor(options: SyncSchedulerOptions) {
    this._options = options;
    this._env = options.environment ?? { window, document, navigator };
  }

  get status(): SyncStatus {
    return this._status;
  }

  subscribe(listener: (status: SyncStatus) => void): () => void {
    this._listeners.add(listener);
    listener(this._status);
    return () => this._listeners.delete(listener);
  }

  /** Starts syncing for a signed-in store (its currency prices the pulled catalog). */
  start(currency: string): void {
    this.stop();
    this._currency = currency;
    const { window: win, document: doc } = this._env;
    win.addEventListener('online', this._onOnline);
    win.addEventListener('offline', this._onOffline);
    doc.addEventListener('visibilitychange', this._onVisible);
    this._update({
      online: this._env.navigator.onLine,
      phase: SyncPhases.idle,
      signInNeeded: false,
      message: null,
    });
    this._counts = observeQuery(
      async () => ({
        counts: await this._options.outbox.counts(),
        lastSyncAt: await this._options.outbox.lastSyncAt(),
        oldestPendingAt: await this._options.outbox.oldestPendingAt(),
      }),
      ({ counts, lastSyncAt, oldestPendingAt }) => {
        this._update({
          pending: counts.pending,
          problems: counts.problems,
          lastSyncAt,
          oldestPendingAt,
        });
        // A sale made in another tab, or left from before a reload.
        // Not while blocked: only a new sign-in (start) or the associate can unblock it.
        if (
          counts.pending > 0 &&
          this._timer === null &&
          !this._flushing &&
          this._status.phase !== SyncPhases.blocked
        ) {
          this.requestFlush();
        }
      },
      (error) => log.error('sync: cannot read the outbox counts', error),
    );
    this._catalogTimer = setInterval(() => this.refreshCatalog(), CATALOG_REFRESH_MS);
    this.requestFlush();
  }

  stop(): void {
    const { window: win, document: doc } = this._env;
    win.removeEventListener('online', this._onOnline);
    win.removeEventListener('offline', this._onOffline);
    doc.removeEventListener('visibilitychange', this._onVisible);
    this._counts?.unsubscribe();
    this._counts = null;
    this._clearTimer();
    if (this._catalogTimer !== null) clearInterval(this._catalogTimer);
    this._catalogTimer = null;
    this._currency = null;
  }

  /** Flushes now (or right after the flush in progress). Never throws. */
  requestFlush(): void {
    if (this._currency === null) return;
    if (this._flushing) {
      this._again = true;
      return;
    }
    this._clearTimer();
    void this._flush();
  }

  /** Pulls catalog changes in the background; failures only delay the next refresh. */
  refreshCatalog(): void {
    const currency = this._currency;
    if (currency === null || !this._env.navigator.onLine) return;
    this._options.catalogSync.pullAll(currency).catch((error: unknown) => {
      if (error instanceof SyncError && error.reason === SyncErrorReasons.unauthorized) {
        void this._sessionRefused();
        return;
      }
      log.warn('sync: catalog refresh failed', { error: String(error) });
    });
  }

  private async _flush(): Promise<void> {
    this._flushing = true;
    this._again = false;
    this._update({ phase: SyncPhases.syncing });
    try {
      const result = await this._withLock(() => this._options.engine.flush());
      this._handle(result);
    } catch (error) {
      // A bug or a database failure: keep the sales, say so, try again later.
      log.error('sync: flush failed', error);
      this._update({
        phase: SyncPhases.retrying,
        message: msg('Sending sales failed on this device. Retrying automatically.'),
      });
      this._schedule(60_000);
    } finally {
      this._flushing = false;
      if (this._again) this.requestFlush();
    }
  }

  private _handle(result: FlushResult | 'busy'): void {
    if (result === 'busy') {
      this._update({ phase: SyncPhases.idle, message: null });
      this._schedule(BUSY_RETRY_MS);
      return;
    }
    switch (result.kind) {
      case 'drained':
        this._update({ phase: SyncPhases.idle, message: null, nextAttemptAt: null });
        return;
      case 'retry':
        this._update({
          phase: SyncPhases.retrying,
          message: describeSyncError(result.reason),
          nextAttemptAt: new Date((this._env.now ?? Date.now)() + result.delayMs).toISOString(),
        });
        this._schedule(result.delayMs);
        return;
      case 'blocked':
        this._update({ phase: SyncPhases.blocked, message: describeSyncError(result.reason) });
        if (result.reason === SyncErrorReasons.unauthorized) void this._sessionRefused();
        return;
    }
  }

  private async _sessionRefused(): Promise<void> {
    this._update({
      phase: SyncPhases.blocked,
      signInNeeded: true,
      message: describeSyncError(SyncErrorReasons.unauthorized),
    });
    try {
      await this._options.onSessionRefused();
    } catch (error) {
      log.error('sync: cannot record the refused session', error);
    }
  }

  private async _withLock(flush: () => Promise<FlushResult>): Promise<FlushResult | 'busy'> {
    const locks = this._env.navigator.locks;
    if (locks === undefined) return flush();
    return locks.request(LOCK_NAME, { ifAvailable: true }, async (lock) =>
      lock === null ? 'busy' : flush(),
    );
  }

  private _schedule(delayMs: number): void {
    this._clearTimer();
    this._timer = setTimeout(() => {
      this._timer = null;
      this.requestFlush();
    }, delayMs);
  }

  private _clearTimer(): void {
    if (this._timer !== null) clearTimeout(this._timer);
    this._timer = null;
  }

  private _update(patch: Partial<SyncStatus>): void {
    this._status = { ...this._status, ...patch };
    for (const listener of this._listeners) listener(this._status);
  }

  private readonly _onOnline = (): void => {
    this._update({ online: true });
    this._options.engine.resetBackoff();
    this.requestFlush();
    this.refreshCatalog();
  };

  private readonly _onOffline = (): void => {
    this._update({ online: false });
  };

  private readonly _onVisible = (): void => {
    if (this._env.document.visibilityState === 'visible') this.requestFlush();
  };
}
