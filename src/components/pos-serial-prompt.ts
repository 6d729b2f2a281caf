/**
 * The serial prompt: a modal that asks for the serial of one unit taken now, right after its
 * product was scanned. The serial is scanned (camera, or a hardware scanner typing into the
 * field) or typed, and Enter confirms. It shows what the configured pattern expects, and the
 * view's refusal when a serial does not pass; it never validates by itself.
 *
 * @fires pos-serial-entered - a serial was submitted, with how it was entered (typed/scanner)
 * @fires pos-serial-cancel - closed without a serial ("Later" or Escape)
 * @fires pos-serial-camera - the associate wants to scan the serial with the camera
 */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { MAX_SCAN_LENGTH } from '../domain/serial-cleaning.ts';
import { emit } from './events.ts';
import { controlStyles, dialogStyles } from './shared-styles.ts';

/** Average milliseconds per character below which input comes from a scanner, not a person. */
const SCANNER_MS_PER_CHAR = 35;

@customElement('pos-serial-prompt')
@localized()
export class PosSerialPrompt extends LitElement {
  static override styles = [
    controlStyles,
    dialogStyles,
    css`
      :host {
        --pos-dialog-width: 34rem;
      }
      h2 {
        margin-bottom: 0.25rem;
      }
      p {
        margin: 0.4rem 0;
      }
      .expected {
        color: var(--pos-muted);
      }
      code {
        font-size: 1rem;
        overflow-wrap: anywhere;
      }
      input {
        font-size: 1.35rem;
        min-height: 3.5rem;
        letter-spacing: 0.04em;
        width: 100%;
        min-width: 0;
      }
      input.uppercase {
        text-transform: uppercase;
      }
    `,
  ];

  @property({ type: Boolean, reflect: true }) open = false;
  /** The product whose unit needs the serial. */
  @property({ attribute: 'product-title' }) productTitle = '';
  /** What the pattern expects, in words with an example (the view words it); empty: unknown. */
  @property() expected = '';
  /**
   * The pattern takes no small letter: the field shows what is typed in capitals and phone
   * keyboards start in capitals (the view upper-cases a typed serial, never a scanned one).
   */
  @property({ type: Boolean }) uppercase = false;
  /** Why the last serial was refused (set by the view), or empty. */
  @property() error = '';
  /** True while the view checks and saves a serial. */
  @property({ type: Boolean }) busy = false;

  @query('dialog') private _dialog?: HTMLDialogElement;
  @query('input') private _input?: HTMLInputElement;

  private _firstKeyAt: number | null = null;

  override updated(changed: PropertyValues<this>): void {
    const dialog = this._dialog;
    if (dialog === undefined) return;
    if (changed.has('open')) {
      if (this.open && !dialog.open) {
        if (this._input !== undefined) this._input.value = '';
        this._firstKeyAt = null;
        dialog.showModal();
        this._input?.focus();
      }
      if (!this.open && dialog.open) dialog.close();
    }
    // A refused serial stays selected: the next scan or typing replaces it.
    if (changed.has('error') && this.error !== '' && this.open) this._input?.select();
  }

  override render() {
    return html`<dialog aria-labelledby="serial-heading" @cancel=${this._onCancel}>
      <form @submit=${this._onSubmit} autocomplete="off">
        <h2 id="serial-heading">${msg('Serial number')}</h2>
        <p><strong>${this.productTitle}</strong></p>
        <p>${msg('Scan the serial barcode on the unit, or type it.')}</p>
        <p class="expected" data-testid="serial.expected">${this.expected}</p>
        <label>
          ${msg('Serial number')}
          <input
            name="serial"
            data-testid="serial.input"
            class=${this.uppercase ? 'uppercase' : ''}
            autocomplete="off"
            autocapitalize=${this.uppercase ? 'characters' : 'off'}
            spellcheck="false"
            maxlength=${MAX_SCAN_LENGTH}
            enterkeyhint="done"
            aria-invalid=${this.error === '' ? 'false' : 'true'}
            aria-describedby="serial-error"
            @keydown=${this._onKeyDown}
            @input=${this._onInput}
          />
        </label>
        ${
          this.error === ''
            ? nothing
            : html`<p id="serial-error" class="error" role="alert" data-testid="serial.error">
                ${this.error}
              </p>`
        }
        <div class="actions">
          <button type="button" @click=${() => emit(this, 'pos-serial-camera', null)}>
            ${msg('Scan with camera')}
          </button>
          <button type="button" class="quiet" @click=${this._onLater}>${msg('Later')}</button>
          <button type="submit" class="primary" ?disabled=${this.busy}>${msg('Add serial')}</button>
        </div>
      </form>
    </dialog>`;
  }

  private readonly _onKeyDown = (event: KeyboardEvent): void => {
    if (event.key.length === 1) this._firstKeyAt ??= performance.now();
  };

  private readonly _onInput = (): void => {
    // Emptied by a scan the keyboard-wedge controller took back out: start timing afresh.
    if (this._input?.value === '') this._firstKeyAt = null;
  };

  private readonly _onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.busy) return;
    const serial = this._input?.value ?? '';
    const startedAt = this._firstKeyAt;
    this._firstKeyAt = null;
    const length = serial.trim().length;
    const elapsed = startedAt === null ? Number.POSITIVE_INFINITY : performance.now() - startedAt;
    const method = length >= 4 && elapsed / length < SCANNER_MS_PER_CHAR ? 'scanner' : 'typed';
    emit(this, 'pos-serial-entered', { serial, method });
  };

  private readonly _onLater = (): void => {
    emit(this, 'pos-serial-cancel', null);
  };

  private readonly _onCancel = (event: Event): void => {
    // Escape: the view decides (it sets `open`), so the dialog never closes behind its back.
    event.preventDefault();
    emit(this, 'pos-serial-cancel', null);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-serial-prompt': PosSerialPrompt;
  }
}
