// @vitest-environment happy-dom
// The idle lock's clock: it fires once after the idle time without activity, activity pushes
// it back, and an app reopened long after its last use is idle at once (no way around the PIN
// by reloading).
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { IdleController, LAST_ACTIVE_KEY } from '../../../src/controllers/idle-controller.ts';

class Host implements ReactiveControllerHost {
  readonly controllers: ReactiveController[] = [];
  addController(controller: ReactiveController): void {
    this.controllers.push(controller);
  }
  removeController(): void {}
  requestUpdate(): void {}
  readonly updateComplete = Promise.resolve(true);
  connect(): void {
    for (const controller of this.controllers) controller.hostConnected?.();
  }
  disconnect(): void {
    for (const controller of this.controllers) controller.hostDisconnected?.();
  }
}

const MINUTE = 60_000;
let host: Host;
let idle: number;

function start(): IdleController {
  host = new Host();
  const controller = new IdleController(host, {
    timeoutMs: () => 5 * MINUTE,
    onIdle: () => {
      idle += 1;
    },
  });
  host.connect();
  return controller;
}

beforeEach(() => {
  vi.useFakeTimers({ now: new Date('2026-11-27T10:00:00Z') });
  localStorage.clear();
  idle = 0;
});
afterEach(() => {
  host.disconnect();
  vi.useRealTimers();
});

describe('IdleController', () => {
  it('fires once after five quiet minutes, not before', () => {
    start();
    vi.advanceTimersByTime(4.9 * MINUTE);
    expect(idle).toBe(0);
    vi.advanceTimersByTime(0.2 * MINUTE);
    expect(idle).toBe(1);
    vi.advanceTimersByTime(30 * MINUTE);
    expect(idle).toBe(1);
  });

  it('counts a key or a touch as use of the till', () => {
    start();
    vi.advanceTimersByTime(4 * MINUTE);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '7' }));
    vi.advanceTimersByTime(4 * MINUTE);
    window.dispatchEvent(new Event('pointerdown'));
    vi.advanceTimersByTime(4 * MINUTE);
    expect(idle).toBe(0);
    vi.advanceTimersByTime(1.1 * MINUTE);
    expect(idle).toBe(1);
  });

  it('ignores activity once fired (typing the PIN), and starts again on reset', () => {
    const controller = start();
    vi.advanceTimersByTime(5.1 * MINUTE);
    window.dispatchEvent(new KeyboardEvent('keydown', { key: '1' }));
    expect(idle).toBe(1);
    controller.reset();
    vi.advanceTimersByTime(4.9 * MINUTE);
    expect(idle).toBe(1);
    vi.advanceTimersByTime(0.2 * MINUTE);
    expect(idle).toBe(2);
  });

  it('is idle at once when the app reopens long after its last use', () => {
    localStorage.setItem(LAST_ACTIVE_KEY, String(Date.now() - 6 * MINUTE));
    start();
    expect(idle).toBe(1);
  });

  it('is not idle when reopened within the idle time', () => {
    localStorage.setItem(LAST_ACTIVE_KEY, String(Date.now() - 2 * MINUTE));
    start();
    expect(idle).toBe(0);
    vi.advanceTimersByTime(3.1 * MINUTE);
    expect(idle).toBe(1);
  });
});
