/**
 * One unit of a fulfilment request on the pick screen: what to take from the shelf, whether
 * it needs a serial, and once picked, its serial and whether the server has confirmed it
 * (or opened a serial exception). A unit whose barcode will not scan can be picked by hand.
 *
 * @fires pos-pick-item-select - the associate picks this unit by hand (no barcode scanned)
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { controlStyles } from './shared-styles.ts';
import { emit } from './events.ts';

export interface PickItemDisplay {
  readonly id: string;
  readonly title: string;
  readonly serialized: boolean;
  readonly picked: boolean;
  readonly serial: string | null;
  /** Picked on this device, not yet confirmed by the server. */
  readonly pending: boolean;
  readonly serialState: 'accepted' | 'exception' | 'resolved' | null;
}

@customElement('pos-pick-item')
@localized()
export class PosPickItem extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      .item {
        display: grid;
        grid-template-columns: 2.2rem minmax(0, 1fr) auto;
        align-items: center;
        gap: 0.75rem;
        padding: 0.6rem 0.8rem;
        border: 2px solid var(--pos-border);
        border-radius: var(--pos-radius-small);
        background: var(--pos-surface);
      }
      .item.picked {
        border-color: var(--pos-ok-text);
        background: var(--pos-ok-soft);
      }
      .item.highlight {
        outline: 3px solid var(--pos-focus);
      }
      .mark {
        font-size: 1.4rem;
        text-align: center;
      }
      .title {
        font-weight: 700;
      }
      .detail {
        color: var(--pos-muted);
        overflow-wrap: anywhere;
      }
      .exception {
        color: var(--pos-danger);
        font-weight: 600;
      }
    `,
  ];

  @property({ attribute: false }) item?: PickItemDisplay;
  /** The unit picked last: drawn with a ring so the associate sees what the scan did. */
  @property({ type: Boolean }) highlight = false;
  /** No more picking (the request is picked, shipped, or the screen is busy). */
  @property({ type: Boolean }) disabled = false;

  override render() {
    const item = this.item;
    if (item === undefined) return nothing;
    return html`<div
      class="item ${item.picked ? 'picked' : ''} ${this.highlight ? 'highlight' : ''}"
      data-testid="pick.item"
      data-picked=${item.picked ? 'true' : 'false'}
    >
      <span class="mark" aria-hidden="true">${item.picked ? '✓' : '○'}</span>
      <div>
        <div class="title">${item.title}</div>
        <div class="detail" data-testid="pick.item.detail">${this._detail(item)}</div>
        ${
          item.serialState === 'exception'
            ? html`<div class="exception" role="note">
                ${msg(
                  'The server opened a serial exception for this unit: a manager will review it.',
                )}
              </div>`
            : nothing
        }
      </div>
      ${
        item.picked || this.disabled
          ? nothing
          : html`<button
              type="button"
              class="quiet"
              aria-label=${msg(str`Pick ${item.title} by hand`)}
              @click=${this._onSelect}
            >
              ${msg('Pick', { id: 'pick.action' })}
            </button>`
      }
    </div>`;
  }

  private _detail(item: PickItemDisplay): string {
    if (!item.picked) {
      return item.serialized ? msg('Serial number needed when picked') : msg('To pick');
    }
    const serial = item.serial === null ? msg('Picked') : msg(str`Picked — serial ${item.serial}`);
    return item.pending ? msg(str`${serial} (waiting to sync)`) : serial;
  }

  private readonly _onSelect = (): void => {
    const item = this.item;
    if (item === undefined) return;
    emit(this, 'pos-pick-item-select', { itemId: item.id });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-pick-item': PosPickItem;
  }
}
