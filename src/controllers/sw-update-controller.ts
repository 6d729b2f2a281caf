/**
 * The service-worker update flow for the shell (Squoosh's pattern, with a till's rule on top):
 * "Ready to work offline" once after the first install; "Update available" when a new version
 * waits; applied only after the associate agreed AND no cart is open AND no sync is in flight.
 * Until then the prompt says why it waits, and the update goes in by itself as soon as the
 * sale is done. Never applied without the associate's agreement.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { AppServiceWorker, ServiceWorkerState } from '../sw/register.ts';

export const UpdatePhases = {
  none: 'none',
  offlineReady: 'offline-ready',
  available: 'available',
  /** Agreed to, waiting for the sale or the sync to finish. */
  accepted: 'accepted',
  applying: 'applying',
} as const;
export type UpdatePhase = (typeof UpdatePhases)[keyof typeof UpdatePhases];

/** What the flow needs of the registered worker (AppServiceWorker has it). */
export type UpdatableWorker = Pick<AppServiceWorker, 'subscribe' | 'applyUpdate'>;

export interface SwUpdateOptions {
  readonly worker: () => UpdatableWorker | undefined;
  /** Why the page may not reload now (an open cart, a sync in flight), or null when it may. */
  readonly blocker: () => string | null;
  /** How long "Ready to work offline" stays up. */
  readonly readyNoticeMs?: number;
}

export class SwUpdateController implements ReactiveController {
  phase: UpdatePhase = UpdatePhases.none;
  private readonly _host: ReactiveControllerHost;
  private readonly _options: SwUpdateOptions;
  private _worker: UpdatableWorker | undefined;
  private _unsubscribe: (() => void) | null = null;
  private _readyTimer: ReturnType<typeof setTimeout> | null = null;
  private _readyShown = false;

  constructor(host: ReactiveControllerHost, options: SwUpdateOptions) {
    this._host = host;
    this._options = options;
    host.addController(this);
  }

  /** Why an accepted update still waits, for the prompt; null when nothing holds it. */
  get waitReason(): string | null {
    return this.phase === UpdatePhases.accepted ? this._options.blocker() : null;
  }

  hostConnected(): void {
    this._follow();
  }

  hostDisconnected(): void {
    this._unsubscribe?.();
    this._unsubscribe = null;
    this._worker = undefined;
    if (this._readyTimer !== null) clearTimeout(this._readyTimer);
  }

  hostUpdated(): void {
    this._follow();
    if (this.phase === UpdatePhases.accepted) this._tryApply();
  }

  /** The associate tapped "Update now". */
  accept(): void {
    if (this.phase !== UpdatePhases.available) return;
    this.phase = UpdatePhases.accepted;
    this._tryApply();
    this._host.requestUpdate();
  }

  dismiss(): void {
    if (this.phase !== UpdatePhases.offlineReady) return;
    this.phase = UpdatePhases.none;
    this._host.requestUpdate();
  }

  private _follow(): void {
    const worker = this._options.worker();
    if (worker === this._worker) return;
    this._unsubscribe?.();
    this._worker = worker;
    this._unsubscribe = worker?.subscribe((state) => this._onState(state)) ?? null;
  }

  private _onState(state: ServiceWorkerState): void {
    if (state.updateWaiting) {
      if (this.phase === UpdatePhases.none || this.phase === UpdatePhases.offlineReady) {
        this.phase = UpdatePhases.available;
      }
    } else if (state.offlineReady && !this._readyShown && this.phase === UpdatePhases.none) {
      this._readyShown = true;
      this.phase = UpdatePhases.offlineReady;
      this._readyTimer = setTimeout(() => this.dismiss(), this._options.readyNoticeMs ?? 10_000);
    }
    this._host.requestUpdate();
  }

  private _tryApply(): void {
    if (this._options.blocker() !== null) return;
    if (this._worker?.applyUpdate() === true) {
      this.phase = UpdatePhases.applying;
      this._host.requestUpdate();
    }
  }
}
