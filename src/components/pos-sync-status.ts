/**
 * The always-visible sync indicator: online or offline, sales waiting, sales refused, the last
 * successful sync, and what is wrong in words when something is.
 */
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';

/** What the indicator needs to know (the sync layer's status satisfies it). */
export interface SyncIndicatorState {
  readonly online: boolean;
  readonly phase: 'idle' | 'syncing' | 'retrying' | 'blocked';
  readonly pending: number;
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
  `;

  @property({ attribute: false }) status?: SyncIndicatorState;
  @property() locale = 'en-US';

  override render() {
    const status = this.status;
    if (status === undefined) return nothing;
    const waiting =
      status.pending === 0
        ? 'All sales synced'
        : `${status.pending} ${status.pending === 1 ? 'sale' : 'sales'} waiting`;
    return html`
      <span class="chip ${status.online ? 'online' : 'offline'}" data-testid="sync.connection">
        <span class="dot" aria-hidden="true"></span>${status.online ? 'Online' : 'Offline'}
      </span>
      <span class="chip" data-testid="sync.pending"
        >${status.phase === 'syncing' && status.pending > 0 ? 'Syncing…' : waiting}</span
      >
      ${
        status.problems > 0
          ? html`<span class="chip problem">${status.problems} need attention</span>`
          : nothing
      }
      <span class="last">Last sync ${timeOf(status.lastSyncAt, this.locale)}</span>
      <span class="message" role="status">${status.message ?? ''}</span>
    `;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-sync-status': PosSyncStatus;
  }
}
