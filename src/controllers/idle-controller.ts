/**
 * Notices when nobody has touched the till for a while (kiosks, a tablet left on the counter)
 * and tells its host once, so the app can lock. Any pointer, touch, key or wheel event counts
 * as activity, scanners included. The last activity is kept in localStorage, so an app
 * reopened after the idle time starts locked: a reload must not be a way around the PIN.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export const LAST_ACTIVE_KEY = 'aisle.lastActiveAt';
/** Fired on window by the shell once the lock is gone from the screen (focus may return). */
export const APP_UNLOCKED_EVENT = 'aisle-unlocked';
const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'touchstart', 'wheel'] as const;
// Writing localStorage on every key of a scanner burst would be waste; once in a while is enough.
const PERSIST_EVERY_MS = 5_000;

export interface IdleOptions {
  /** The idle time, read each time it is needed (it comes from the configuration). */
  readonly timeoutMs: () => number;
  readonly onIdle: () => void;
}

export class IdleController implements ReactiveController {
  private readonly _options: IdleOptions;
  private _lastActive = Date.now();
  private _persistedAt = 0;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _fired = false;

  constructor(host: ReactiveControllerHost, options: IdleOptions) {
    this._options = options;
    host.addController(this);
  }

  hostConnected(): void {
    const stored = Number(readStorage());
    // An app reopened after the idle time was idle all along.
    this._lastActive = Number.isFinite(stored) && stored > 0 ? stored : Date.now();
    for (const type of ACTIVITY_EVENTS) {
      window.addEventListener(type, this._onActivity, { capture: true, passive: true });
    }
    document.addEventListener('visibilitychange', this._check);
    this._check();
  }

  hostDisconnected(): void {
    for (const type of ACTIVITY_EVENTS) {
      window.removeEventListener(type, this._onActivity, { capture: true });
    }
    document.removeEventListener('visibilitychange', this._check);
    clearTimeout(this._timer);
  }

  /** Starts the idle time again (after an unlock). */
  reset(): void {
    this._fired = false;
    this._touch(true);
  }

  private readonly _onActivity = (): void => {
    // Activity on a locked app is somebody typing the PIN, not use of the till.
    if (this._fired) return;
    this._touch(false);
  };

  private _touch(force: boolean): void {
    const now = Date.now();
    this._lastActive = now;
    if (force || now - this._persistedAt >= PERSIST_EVERY_MS) {
      this._persistedAt = now;
      writeStorage(String(now));
    }
    this._schedule();
  }

  private readonly _check = (): void => {
    if (this._fired) return;
    const left = this._lastActive + this._options.timeoutMs() - Date.now();
    if (left <= 0) {
      this._fired = true;
      clearTimeout(this._timer);
      this._options.onIdle();
      return;
    }
    this._schedule(left);
  };

  private _schedule(delay = this._options.timeoutMs()): void {
    clearTimeout(this._timer);
    // Timers in a background tab can fire late, never early: checking again is enough.
    this._timer = setTimeout(this._check, Math.max(250, delay));
  }
}

function readStorage(): string | null {
  try {
    return localStorage.getItem(LAST_ACTIVE_KEY);
  } catch {
    return null;
  }
}

function writeStorage(value: string): void {
  try {
    localStorage.setItem(LAST_ACTIVE_KEY, value);
  } catch {
    // Storage refused (private mode, full): the lock still works for this page's lifetime.
  }
}
