/**
 * The always-visible sync indicator: online or offline, sales waiting and how long the oldest
 * has waited, sales refused, the last successful sync, and what is wrong in words when
 * something is. It links to the status screen (#/status) with the details.
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { formatDateTime } from '../i18n/format.ts';
import { plural } from '../i18n/plural.ts';

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
  return iso === null ? msg('never') : formatDateTime(iso, locale, { today: true });
}

/** "2 min", "3 h": how long ago, short enough for a chip. */
export function ageOf(iso: string, now: number = Date.now()): string {
  const seconds = Math.max(0, Math.round((now - new Date(iso).getTime()) / 1000));
  if (seconds < 60) return msg('under a minute');
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return msg(str`${minutes} min`);
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return msg(str`${hours} h`);
  return msg(str`${Math.floor(hours / 24)} days`);
}

/** How often the waiting age is redrawn. */
const AGE_TICK_MS = 30_000;

@customElement('pos-sync-status')
@localized()
export class PosSyncStatus extends LitElement {
  // One row of fixed height whatever it says: what does not fit the room the header leaves
  // is dropped, least needed first (the last sync, the oldest age, the message, the words of
  // the connection), by container queries on the element's own width. The status screen
  // (#/status) always says all of it.
  static override styles = css`
    :host {
      display: block;
      container-type: inline-size;
      font-size: 0.95rem;
    }
    .bar {
      display: flex;
      flex-wrap: nowrap;
      align-items: center;
      gap: 0.5rem;
      min-width: 0;
    }
    .chip {
      flex: none;
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
      flex: none;
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
    a.chip {
      min-height: 2.75rem;
      text-decoration: none;
    }
    /* The one chip that may give way: cut short with an ellipsis rather than run under the
       Menu button on the narrowest phone (the status screen it links to says it all). */
    a.chip.pending {
      flex: 0 1 auto;
      min-width: 0;
    }
    a.chip.pending .text {
      overflow: hidden;
      text-overflow: ellipsis;
    }
    a.chip.alert {
      box-shadow: inset 0 0 0 3px var(--pos-accent);
    }
    .last,
    .age,
    .message {
      color: var(--pos-header-muted);
      white-space: nowrap;
      overflow: hidden;
      text-overflow: ellipsis;
    }
    .last,
    .age {
      flex: none;
    }
    .message {
      flex: 1 1 0;
      min-width: 0;
      font-size: 0.9rem;
    }
    /* What is wrong comes before when the last sync was. */
    .has-message .message {
      min-width: 7rem;
    }
    .has-message .last {
      display: none;
    }
    a:focus-visible {
      outline: 3px solid var(--pos-accent);
      outline-offset: 2px;
      border-radius: 999px;
    }
    .visually-hidden {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip: rect(0 0 0 0);
      white-space: nowrap;
    }
    @container (max-width: 28rem) {
      .last {
        display: none;
      }
    }
    @container (max-width: 22rem) {
      .age {
        display: none;
      }
    }
    @container (max-width: 16rem) {
      .message,
      .problem {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
    }
    /* A phone: the dot says online; "Offline" is still written out. */
    @container (max-width: 16rem) {
      .online .word {
        position: absolute;
        width: 1px;
        height: 1px;
        overflow: hidden;
        clip: rect(0 0 0 0);
      }
      .chip {
        padding: 0.2rem 0.5rem;
      }
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
        ? msg('Checking sales…')
        : pending === 0
          ? msg('All sales synced')
          : plural(pending, {
              one: () => msg('1 sale waiting'),
              other: () => msg(str`${pending} sales waiting`),
            });
    const oldest = status.oldestPendingAt ?? null;
    const alert = status.problems > 0 || (status.message ?? '') !== '';
    const hasMessage = (status.message ?? '') !== '';
    return html`<div class="bar ${hasMessage ? 'has-message' : ''}">
      <span class="chip ${status.online ? 'online' : 'offline'}" data-testid="sync.connection">
        <span class="dot" aria-hidden="true"></span
        ><span class="word">${status.online ? msg('Online') : msg('Offline')}</span>
      </span>
      <a
        class="chip pending ${alert ? 'alert' : ''}"
        href="#/status"
        data-testid="sync.pending"
        title=${msg('Sync details')}
        ><span class="text"
          >${status.phase === 'syncing' && pending > 0 ? msg('Syncing…') : waiting}</span
        ></a
      >
      ${
        pending > 0 && oldest !== null
          ? html`<span class="age" data-testid="sync.oldest"
              >${msg(str`oldest ${ageOf(oldest)}`)}</span
            >`
          : nothing
      }
      ${
        status.problems > 0
          ? html`<span class="chip problem">${msg(str`${status.problems} need attention`)}</span>`
          : nothing
      }
      <span class="message" role="status" data-testid="sync.message" title=${status.message ?? ''}
        >${status.message ?? ''}</span
      >
      <span class="last">${msg(str`Last sync ${timeOf(status.lastSyncAt, this.locale)}`)}</span>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-sync-status': PosSyncStatus;
  }
}
