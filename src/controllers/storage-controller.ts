/**
 * How much storage the app uses on this device, how much the browser allows, and whether the
 * browser promised to keep it (persistent storage: not evicted when the disk runs low). Read
 * through the Storage API when the host connects and every 30 s while it is shown.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { screenLocale } from '../i18n/format.ts';
import { log } from '../log.ts';

const REFRESH_MS = 30_000;

export interface StorageFacts {
  /** Bytes used by this origin (IndexedDB, the service worker's caches …), if known. */
  readonly usage: number | null;
  readonly quota: number | null;
  /** True when the browser will not evict this origin's data; null when it cannot say. */
  readonly persisted: boolean | null;
}

export class StorageController implements ReactiveController {
  facts: StorageFacts = { usage: null, quota: null, persisted: null };
  private readonly _host: ReactiveControllerHost;
  private _timer: ReturnType<typeof setInterval> | null = null;

  constructor(host: ReactiveControllerHost) {
    this._host = host;
    host.addController(this);
  }

  hostConnected(): void {
    void this.refresh();
    this._timer = setInterval(() => void this.refresh(), REFRESH_MS);
  }

  hostDisconnected(): void {
    if (this._timer !== null) clearInterval(this._timer);
    this._timer = null;
  }

  async refresh(): Promise<void> {
    const storage = navigator.storage as StorageManager | undefined;
    if (storage === undefined) return;
    try {
      const [estimate, persisted] = await Promise.all([storage.estimate(), storage.persisted()]);
      this.facts = {
        usage: estimate.usage ?? null,
        quota: estimate.quota ?? null,
        persisted,
      };
    } catch (error) {
      log.warn('storage: cannot read the estimate', { error: String(error) });
    }
    this._host.requestUpdate();
  }

  /** Asks the browser again to keep the data (it may grant it once the app is installed). */
  async requestPersistence(): Promise<boolean> {
    const storage = navigator.storage as StorageManager | undefined;
    if (storage === undefined) return false;
    const granted = await storage.persist().catch(() => false);
    await this.refresh();
    return granted;
  }
}

/** "12.3 MB", "12,3 MB": bytes for people, in the screen's locale. */
export function formatBytes(bytes: number, locale: string = screenLocale()): string {
  if (bytes < 1024) return `${new Intl.NumberFormat(locale).format(bytes)} B`;
  const units = ['KB', 'MB', 'GB', 'TB'];
  let value = bytes / 1024;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const digits = value < 10 ? 1 : 0;
  const number = new Intl.NumberFormat(locale, {
    minimumFractionDigits: digits,
    maximumFractionDigits: digits,
  }).format(value);
  return `${number} ${units[unit] ?? 'TB'}`;
}
