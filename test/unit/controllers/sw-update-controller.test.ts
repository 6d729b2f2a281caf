/**
 * The update policy (issue 5): "Ready to work offline" once after the first install; "Update
 * available" when a version waits; applied only after the associate agreed AND nothing holds
 * it (an open cart, a sync in flight); never applied without agreement.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  SwUpdateController,
  UpdatePhases,
  type UpdatableWorker,
} from '../../../src/controllers/sw-update-controller.ts';
import type { ServiceWorkerState } from '../../../src/sw/register.ts';

class FakeHost implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  updates = 0;
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {
    this.updates += 1;
  }
  get updateComplete(): Promise<boolean> {
    return Promise.resolve(true);
  }
  /** What Lit does after each render. */
  rendered(): void {
    for (const controller of this.controllers) controller.hostUpdated?.();
  }
}

class FakeWorker implements UpdatableWorker {
  applied = 0;
  private _listener: ((state: ServiceWorkerState) => void) | null = null;
  private _state: ServiceWorkerState = {
    supported: true,
    offlineReady: false,
    updateWaiting: false,
    controlled: true,
  };
  subscribe(listener: (state: ServiceWorkerState) => void): () => void {
    this._listener = listener;
    listener(this._state);
    return () => (this._listener = null);
  }
  applyUpdate(): boolean {
    this.applied += 1;
    return true;
  }
  emit(patch: Partial<ServiceWorkerState>): void {
    this._state = { ...this._state, ...patch };
    this._listener?.(this._state);
  }
}

let host: FakeHost;
let worker: FakeWorker;
let blocker: string | null;
let controller: SwUpdateController;

beforeEach(() => {
  vi.useFakeTimers();
  host = new FakeHost();
  worker = new FakeWorker();
  blocker = null;
  controller = new SwUpdateController(host, {
    worker: () => worker,
    blocker: () => blocker,
    readyNoticeMs: 5_000,
  });
  controller.hostConnected();
});
afterEach(() => {
  controller.hostDisconnected();
  vi.useRealTimers();
});

describe('SwUpdateController', () => {
  it('says "ready to work offline" once after the first install, then hides it', () => {
    worker.emit({ offlineReady: true });
    expect(controller.phase).toBe(UpdatePhases.offlineReady);
    vi.advanceTimersByTime(5_000);
    expect(controller.phase).toBe(UpdatePhases.none);
    worker.emit({ controlled: true });
    expect(controller.phase).toBe(UpdatePhases.none);
  });

  it('offers a waiting version and never applies it without the associate', () => {
    worker.emit({ updateWaiting: true });
    expect(controller.phase).toBe(UpdatePhases.available);
    host.rendered();
    vi.advanceTimersByTime(60 * 60_000);
    host.rendered();
    expect(worker.applied).toBe(0);
  });

  it('applies at once when agreed to and nothing holds it', () => {
    worker.emit({ updateWaiting: true });
    controller.accept();
    expect(worker.applied).toBe(1);
    expect(controller.phase).toBe(UpdatePhases.applying);
  });

  it('waits for an open sale or a sync in flight, says why, and applies after', () => {
    worker.emit({ updateWaiting: true });
    blocker = 'A sale is open: finish or clear the cart first.';
    controller.accept();
    host.rendered();
    expect(worker.applied).toBe(0);
    expect(controller.phase).toBe(UpdatePhases.accepted);
    expect(controller.waitReason).toBe(blocker);

    blocker = 'Sales are being sent to the store server…';
    host.rendered();
    expect(worker.applied).toBe(0);
    expect(controller.waitReason).toBe(blocker);

    blocker = null;
    host.rendered();
    expect(worker.applied).toBe(1);
    expect(controller.phase).toBe(UpdatePhases.applying);
    host.rendered();
    expect(worker.applied).toBe(1);
  });

  it('replaces the offline-ready notice when an update arrives', () => {
    worker.emit({ offlineReady: true });
    worker.emit({ updateWaiting: true });
    expect(controller.phase).toBe(UpdatePhases.available);
  });
});
