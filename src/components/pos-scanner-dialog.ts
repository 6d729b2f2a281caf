/**
 * The camera scanner in a modal dialog, and `scanOnce()`: open the camera, return the first
 * accepted code (or null when the associate closes it), close the camera. Later screens use
 * it to capture a serial number: `const { scanOnce } = await import('…/pos-scanner-dialog.ts')`
 * keeps ZXing out of their first paint.
 *
 * @fires pos-scan - re-dispatched from the inner <pos-scanner>
 * @fires pos-scanner-close - the dialog closed
 */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import './pos-scanner.ts';
import { emit, type PosEventDetails } from './events.ts';
import { ScannerModes, type ScannerMode } from './pos-scanner.ts';
import { controlStyles } from './shared-styles.ts';

@customElement('pos-scanner-dialog')
@localized()
export class PosScannerDialog extends LitElement {
  static override styles = [
    controlStyles,
    css`
      dialog {
        width: min(40rem, 96vw);
        padding: 0;
        border: none;
        border-radius: var(--pos-radius, 12px);
      }
      dialog::backdrop {
        background: rgb(0 0 0 / 0.5);
      }
      h2 {
        margin: 0.75rem 0.75rem 0;
        font-size: 1.2rem;
      }
    `,
  ];

  @property({ type: Boolean, reflect: true }) open = false;
  @property() mode: ScannerMode = ScannerModes.single;
  /** The dialog's heading; empty: "Scan a barcode". */
  @property() heading = '';

  @query('dialog') private _dialog?: HTMLDialogElement;

  override updated(changed: Map<string, unknown>): void {
    if (!changed.has('open') || this._dialog === undefined) return;
    if (this.open && !this._dialog.open) this._dialog.showModal();
    if (!this.open && this._dialog.open) this._dialog.close();
  }

  override render() {
    return html`
      <dialog aria-labelledby="scanner-heading" @cancel=${this._onCancel}>
        <h2 id="scanner-heading">${this.heading || msg('Scan a barcode')}</h2>
        <pos-scanner
          .mode=${this.mode}
          ?active=${this.open}
          @pos-scanner-close=${this._onInnerClose}
        ></pos-scanner>
      </dialog>
    `;
  }

  private readonly _onCancel = (event: Event): void => {
    // Escape: close through the scanner so its camera stops first.
    event.preventDefault();
    this.open = false;
    emit(this, 'pos-scanner-close', { reason: 'user' });
  };

  private readonly _onInnerClose = (): void => {
    this.open = false;
  };
}

export interface ScanOnceOptions {
  readonly heading?: string;
  /** Where the dialog is attached; document.body by default. */
  readonly container?: HTMLElement;
}

/** Opens the camera for one code; resolves with it, or null when closed without a scan. */
export function scanOnce(
  options: ScanOnceOptions = {},
): Promise<PosEventDetails['pos-scan'] | null> {
  const dialog = document.createElement('pos-scanner-dialog');
  dialog.mode = ScannerModes.single;
  if (options.heading !== undefined) dialog.heading = options.heading;
  return new Promise((resolve) => {
    let result: PosEventDetails['pos-scan'] | null = null;
    dialog.addEventListener('pos-scan', (event) => {
      result = event.detail;
    });
    dialog.addEventListener('pos-scanner-close', () => {
      dialog.remove();
      resolve(result);
    });
    (options.container ?? document.body).append(dialog);
    dialog.open = true;
  });
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-scanner-dialog': PosScannerDialog;
  }
}
