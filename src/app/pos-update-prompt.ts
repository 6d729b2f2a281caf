/**
 * Hosts the service-worker update flow in the shell's notice row (service-worker-start.ts slots
 * it into <pos-app>, under the screen): it knows whether a cart is open on this device (live from IndexedDB, so a sale
 * in another tab counts too) and whether a sync is in flight, and lets SwUpdateController apply
 * an accepted update only when neither is true.
 */
import { localized, msg } from '@lit/localize';
import { LitElement, html } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import '../components/pos-update-toast.ts';
import { LiveQueryController } from '../controllers/live-query-controller.ts';
import { SwUpdateController } from '../controllers/sw-update-controller.ts';
import type { Repositories } from '../data/repositories.ts';
import type { SyncStatus } from '../sync/sync-status.ts';
import type { AppServiceWorker } from '../sw/register.ts';
import type { AppServices } from './services.ts';

async function openCartLines(repos: Repositories): Promise<number> {
  const session = await repos.sessions.current();
  if (session === undefined) return 0;
  const cart = await repos.carts.current(session.deviceId);
  return cart?.lines.length ?? 0;
}

@customElement('pos-update-prompt')
@localized()
export class PosUpdatePrompt extends LitElement {
  @property({ attribute: false }) services?: AppServices;
  @property({ attribute: false }) worker?: AppServiceWorker;

  @state() private _sync?: SyncStatus;
  private _unsubscribeSync: (() => void) | null = null;

  private readonly _cartLines = new LiveQueryController(this, {
    args: () => (this.services === undefined ? undefined : ([this.services.repos] as const)),
    query: (repos) => openCartLines(repos),
  });

  private readonly _updates = new SwUpdateController(this, {
    worker: () => this.worker,
    blocker: () => this._blocker(),
  });

  override willUpdate(): void {
    const scheduler = this.services?.sync?.scheduler;
    if (scheduler !== undefined && this._unsubscribeSync === null) {
      this._unsubscribeSync = scheduler.subscribe((status) => {
        this._sync = status;
      });
    } else if (this.services !== undefined && scheduler === undefined) {
      // Loaded right after the first paint: look again once it is there.
      this.services.loadSync().then(
        () => this.requestUpdate(),
        () => undefined,
      );
    }
  }

  override disconnectedCallback(): void {
    this._unsubscribeSync?.();
    this._unsubscribeSync = null;
    super.disconnectedCallback();
  }

  override render() {
    return html`<pos-update-toast
      phase=${this._updates.phase}
      reason=${this._updates.waitReason ?? ''}
      @pos-update-apply=${() => this._updates.accept()}
      @pos-update-dismiss=${() => this._updates.dismiss()}
    ></pos-update-toast>`;
  }

  private _blocker(): string | null {
    // Unknown yet counts as busy: never reload before the cart could be read.
    if (this._cartLines.status !== 'complete') return msg('Checking for an open sale…');
    if ((this._cartLines.value ?? 0) > 0) {
      return msg('A sale is open: finish or clear the cart first.');
    }
    if (this._sync?.phase === 'syncing') return msg('Sales are being sent to the store server…');
    return null;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-update-prompt': PosUpdatePrompt;
  }
}
