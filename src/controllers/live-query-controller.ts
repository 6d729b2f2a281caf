/**
 * A reactive controller that keeps a repository query live: it subscribes when the host
 * connects, re-runs the query whenever the tables it read change (in this tab or another),
 * re-subscribes when its arguments change, and unsubscribes when the host disconnects.
 * Shaped like `@lit/task`: `value`, `error`, `status` and `render({pending, complete, error})`.
 *
 * @example
 *   private _cart = new LiveQueryController(this, {
 *     args: () => (this.repos && this.deviceId ? [this.repos, this.deviceId] as const : undefined),
 *     query: (repos, deviceId) => repos.carts.current(deviceId),
 *   });
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { observeQuery, type LiveSubscription } from '../data/live.ts';
import { log } from '../log.ts';

export type LiveQueryStatus = 'pending' | 'complete' | 'error';

export interface LiveQueryOptions<T, A extends readonly unknown[]> {
  /** Undefined while an argument is missing (e.g. before context arrives): nothing runs. */
  readonly args: () => A | undefined;
  readonly query: (...args: NoInfer<[...A]>) => Promise<T>;
}

export interface LiveQueryRenderers<T, R> {
  pending?: () => R;
  complete: (value: T) => R;
  error?: (error: unknown) => R;
}

export class LiveQueryController<T, A extends readonly unknown[]> implements ReactiveController {
  value: T | undefined = undefined;
  error: unknown = undefined;
  status: LiveQueryStatus = 'pending';

  private readonly _host: ReactiveControllerHost;
  private readonly _options: LiveQueryOptions<T, A>;
  private _args: A | undefined | null = null;
  private _subscription: LiveSubscription | null = null;

  constructor(host: ReactiveControllerHost, options: LiveQueryOptions<T, A>) {
    this._host = host;
    this._options = options;
    host.addController(this);
  }

  hostConnected(): void {
    this._subscribeIfChanged(true);
  }

  hostUpdate(): void {
    this._subscribeIfChanged(false);
  }

  hostDisconnected(): void {
    this._subscription?.unsubscribe();
    this._subscription = null;
    this._args = null;
  }

  /**
   * Shows a value computed locally right away (the result of a write the view just made),
   * until the live query delivers the stored truth, which replaces it. Saves a scan the
   * round trip of a re-read before its line appears.
   */
  preview(update: (current: T | undefined) => T): void {
    this.value = update(this.value);
    this.error = undefined;
    this.status = 'complete';
    this._host.requestUpdate();
  }

  render<R>(renderers: LiveQueryRenderers<T, R>): R | undefined {
    if (this.status === 'error') return renderers.error?.(this.error);
    if (this.status === 'pending' || this.value === undefined) return renderers.pending?.();
    return renderers.complete(this.value);
  }

  private _subscribeIfChanged(force: boolean): void {
    const args = this._options.args();
    const previous = this._args;
    const same =
      previous !== null &&
      (previous === args ||
        (previous !== undefined &&
          args !== undefined &&
          previous.length === args.length &&
          previous.every((value, index) => Object.is(value, args[index]))));
    if (same && !force) return;
    this._subscription?.unsubscribe();
    this._subscription = null;
    this._args = args;
    if (args === undefined) {
      this.status = 'pending';
      return;
    }
    this._subscription = observeQuery(
      () => this._options.query(...args),
      (value) => {
        this.value = value;
        this.error = undefined;
        this.status = 'complete';
        this._host.requestUpdate();
      },
      (error) => {
        log.error('live query failed', error);
        this.error = error;
        this.status = 'error';
        this._host.requestUpdate();
      },
    );
  }
}
