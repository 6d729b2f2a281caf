/**
 * Whether the header's screen links still fit in its one row beside the sync status: when the
 * status would be squeezed under its smallest useful width (a longer language, a manager's
 * extra link, a narrow tablet), the links and Sign out move into the Menu, as on a phone. The
 * width at which that happened is remembered, so the header goes back only when it grows
 * past it (or the language or the role changes) instead of flipping back and forth.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

/** The sync status's smallest useful width: its dot and "All sales synced" / "Alles gesendet". */
const SYNC_MIN_REM = 10;

export interface HeaderFitOptions {
  /** The header; null while it is not rendered. */
  readonly header: () => HTMLElement | null;
  /** What the links depend on besides the width (language, role): a change measures again. */
  readonly key: () => string;
}

export class HeaderFitController implements ReactiveController {
  /** The links are in the Menu. */
  compact = false;
  private readonly _host: ReactiveControllerHost;
  private readonly _options: HeaderFitOptions;
  private _compactUpTo = 0;
  private _key = '';
  private _observed: HTMLElement | null = null;
  private readonly _observer =
    typeof ResizeObserver === 'undefined' ? null : new ResizeObserver(() => this._check());

  constructor(host: ReactiveControllerHost, options: HeaderFitOptions) {
    this._host = host;
    this._options = options;
    host.addController(this);
  }

  hostUpdated(): void {
    const header = this._options.header();
    if (header !== this._observed) {
      if (this._observed !== null) this._observer?.unobserve(this._observed);
      if (header !== null) this._observer?.observe(header);
      this._observed = header;
    }
    this._check();
  }

  hostDisconnected(): void {
    this._observer?.disconnect();
    this._observed = null;
  }

  private _check(): void {
    const header = this._observed;
    if (header === null) return;
    const width = header.clientWidth;
    const key = this._options.key();
    if (this.compact) {
      if (key === this._key && width <= this._compactUpTo) return;
      // Wider now, or other links: lay them out in the row again and measure next update.
      this.compact = false;
      this._key = key;
      this._host.requestUpdate();
      return;
    }
    this._key = key;
    const status = header.querySelector('pos-sync-status');
    if (status === null) return;
    const rem = parseFloat(getComputedStyle(document.documentElement).fontSize) || 16;
    if (status.clientWidth >= SYNC_MIN_REM * rem) return;
    this.compact = true;
    this._compactUpTo = width;
    this._host.requestUpdate();
  }
}
