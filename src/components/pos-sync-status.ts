/**
 * The always-visible sync indicator: online or offline, sales waiting and how long the oldest
 * has waited, sales refused, the last successful sync, and what is wrong in words when
 * something is. It links to the status screen (#/status) with the details.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** What the indicator needs to know (the sync layer's status satisfies it). */
export interface SyncIndicatorState {
  readonly online: boolean;
  readonly phase: 'idle' | 'syncing' | 'retrying' | 'blocked';
  /** Null until the outbox was counted. */
  readonly pending: number | null;
  /** When the oldest waiting sale was made (absent from older status shapes). */
  readonly oldestPendingAt?: string | null;
  readonly problems: number;
  readonly lastSyncAt: string | null;
  readonly message: string | null;
}

function timeOf(iso: string | null, locale: string): string {
  if (iso === null) return 'never';
  const date = new Date(iso);
  const sameDay = date.toDateString() === new Date().toDateString();
  return new Intl.DateTimeFormat(
    locale,
    sameDay ? { timeStyle: 'short' } : { dateStyle: 'short', timeStyle: 'short' },
  ).format(date);
}

/** "2 min", "3 h": how long ago, short enough for a chip. */
export function ageOf(iso: string, now: number = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return 'under a minute';
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h`;
  return `${Math.floor(hours / 24)} days`;
}

/** How often the waiting age is redrawn. */
const AGE_TICK_MS = 30_000;

@customElement('pos-sync-status')
export class PosSyncStatus extends LitElement {
  static override styles = css`
    :host {
      display: flex;
      flex-wrap: wrap;
      align-items: center;
      gap: 0.35rem 0.75rem;
      font-size: 0.95rem;
    }
    .chip {
      display: inline-flex;
      align-items: center;
      gap: 0.4rem;
      padding: 0.2rem 0.65rem;
      border-radius: 999px;
      background: var(--pos-chip-bg);
      color: var(--pos-chip-text);
      font-weight: 600;
      white-space: nowrap;
    }
    .dot {
      width: 0.7rem;
      height: 0.7rem;
      border-radius: 50%;
      background: var(--pos-ok);
    }
    .offline .dot {
      background: var(--pos-warn);
    }
    .problem {
      background: var(--pos-danger-soft);
      color: var(--pos-danger);
    }
    .message {
      flex-basis: 100%;
      color: var(--pos-header-muted);
      font-size: 0.9rem;
    }
    .last {
      color: var(--pos-header-muted);
      white-space: nowrap;
    }
    a {
      color: inherit;
      text-decoration: none;
    }
    a:focus-visible {
      outline: 3px solid var(--pos-accent);
      outline-offset: 2px;
      border-radius: 999px;
    }
  `;

  @property({ attribute: false }) status?: SyncIndicatorState;
  @property() locale = 'en-US';

  private _tick: ReturnType<typeof setInterval> | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this._tick = setInterval(() => this.requestUpdate(), AGE_TICK_MS);
  }

  override disconnectedCallback(): void {
    if (this._tick !== null) clearInterval(this._tick);
    this._tick = null;
    super.disconnectedCallback();
  }

  override render() {
    const status = this.status;
    if (status === undefined) return nothing;
    const pending = status.pending ?? 0;
    const waiting =
      status.pending === null
        ? 'Checking sales…'
        : pending === 0
          ? 'All sales synced'
          : `${pending} ${pending === 1 ? 'sale' : 'sales'} waiting`;
    const oldest = status.oldestPendingAt ?? null;
    return html`
      <span class="chip ${status.online ? 'online' : 'offline'}" data-testid="sync.connection">
        <span class="dot" aria-hidden="true"></span>${status.online ? 'Online' : 'Offline'}
      </span>
      <a class="chip" href="#/status" data-testid="sync.pending" title="Sync details"
        >${status.phase === 'syncing' && pending > 0 ? 'Syncing…' : waiting}</a
      >
      ${
        pending > 0 && oldest !== null
          ? html`<span class="last" data-testid="sync.oldest">oldest ${ageOf(oldest)}</span>`
          : nothing
      }
      ${
        status.problems > 0
          ? html`<span class="chip problem">${status.problems} need attention</span>`
          : nothing
      }
      <span class="last">Last sync ${timeOf(status.lastSyncAt, this.locale)}</span>
      <span class="message" role="status" data-testid="sync.message">${status.message ?? ''}</span>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-sync-status': PosSyncStatus;
  }
}
