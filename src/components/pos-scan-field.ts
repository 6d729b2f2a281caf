/**
 * The barcode / SKU field of the sell screen. A hardware scanner types digits then Enter, like
 * a fast typist; both end in a `pos-code-entered` event, with the capture method guessed from
 * the typing speed (a person cannot type a 13-digit code in under half a second).
 *
 * With `search`, the field is also a combobox over the products whose names match what is
 * typed: the view hands back `suggestions` for the text it sent, and the arrow keys, Enter and
 * Escape work the list (`ProductCombobox`, loaded with the list on first use, off the first
 * paint; until then the field is a plain one).
 *
 * @fires pos-code-entered - a code was entered; the field clears itself.
 * @fires pos-code-input - with `search`: the text typed so far, for suggestions.
 * @fires pos-product-choose - with `search`: a suggestion was chosen; the field clears itself.
 */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query } from 'lit/decorators.js';
import { log } from '../log.ts';
import type { ProductCombobox } from './product-combobox.ts';
import { emit } from './events.ts';
import type { Suggestions } from './product-option.ts';
import { controlStyles } from './shared-styles.ts';

/** Average milliseconds per character below which input is taken to come from a scanner. */
const SCANNER_MS_PER_CHAR = 35;

@customElement('pos-scan-field')
@localized()
export class PosScanField extends LitElement {
  static override styles = [
    controlStyles,
    css`
      .combo {
        position: relative;
        flex: 1;
      }
      form {
        display: flex;
        gap: 0.5rem;
        align-items: end;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 0.25rem;
        flex: 1;
        font-weight: 600;
      }
      label {
        min-width: 0;
      }
      input {
        width: 100%;
        min-width: 0;
        font-size: 1.35rem;
        min-height: 3.5rem;
        letter-spacing: 0.03em;
      }
      button {
        min-height: 3.5rem;
      }
    `,
  ];

  /** Disables the field (e.g. while a sale is being completed). */
  @property({ type: Boolean, reflect: true }) disabled = false;
  /** What the field asks for (the return screen asks for a receipt code). */
  @property() label = '';
  /** The submit button's word. */
  @property() action = '';
  /** Longest text the field takes (a paste is cut there); the view refuses longer scans. */
  @property({ type: Number }) maxlength = 512;
  /** Offers the products whose names match what is typed (sell, pick, blind return). */
  @property({ type: Boolean }) search = false;
  /**
   * With `search`: the products matching the text the field sent, best first; null while
   * nothing was searched. They show only while the field holds exactly the text they answer,
   * so an answer that arrives late never shows.
   */
  @property({ attribute: false }) suggestions: Suggestions | null = null;

  @query('input') private _input!: HTMLInputElement;

  private _firstKeyAt: number | null = null;
  private _combobox: ProductCombobox | null = null;

  override willUpdate(changed: Map<string, unknown>): void {
    if (!changed.has('search') || !this.search || this._combobox !== null) return;
    import('./product-combobox.ts').then(
      ({ ProductCombobox }) => {
        this._combobox ??= new ProductCombobox(this);
        this.requestUpdate();
      },
      (error: unknown) =>
        log.warn('search: the suggestion list could not be loaded', { error: String(error) }),
    );
  }

  /** Puts the caret in the field, ready for the next scan. */
  focusInput(): void {
    this._input.focus({ preventScroll: true });
  }

  /** Types text into the field as if a scanner had, without submitting (for redirected keys). */
  appendText(text: string): void {
    this._firstKeyAt ??= performance.now();
    this._input.value += text;
  }

  /** Empties the field after a suggestion was chosen (the combobox's call). */
  clearField(): void {
    this._clear();
  }

  override render() {
    return html`
      <form @submit=${this._onSubmit} autocomplete="off">
        <div class="combo">
          <label>
            ${this.label || msg('Barcode or SKU')}
            <input
              data-testid="sell.barcode"
              name="code"
              autocomplete="off"
              autocapitalize="off"
              spellcheck="false"
              enterkeyhint="enter"
              maxlength=${this.maxlength}
              ?disabled=${this.disabled}
              @keydown=${this._onKeyDown}
              @input=${this._onInput}
            />
          </label>
          ${this.search ? (this._combobox?.render() ?? nothing) : nothing}
        </div>
        <button type="submit" class="primary" ?disabled=${this.disabled}>
          ${this.action || msg('Add')}
        </button>
      </form>
    `;
  }

  private readonly _onKeyDown = (event: KeyboardEvent): void => {
    if (event.key.length === 1) this._firstKeyAt ??= performance.now();
    if (this.search) this._combobox?.onKeyDown(event);
  };

  private readonly _onInput = (event: Event): void => {
    // Emptied from outside (a scan handled elsewhere took its characters back): start over.
    if (this._input.value === '') this._firstKeyAt = null;
    if (this.search) this._combobox?.onInput(event, this._input.value.trim());
  };

  /** Empties the field and forgets the pace, the active option and any search still to send. */
  private _clear(): void {
    this._combobox?.reset();
    this._firstKeyAt = null;
    this._input.value = '';
  }

  private readonly _onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    const code = this._input.value.trim();
    const startedAt = this._firstKeyAt;
    this._clear();
    if (code === '') return;
    const elapsed = startedAt === null ? Number.POSITIVE_INFINITY : performance.now() - startedAt;
    const method =
      code.length >= 4 && elapsed / code.length < SCANNER_MS_PER_CHAR ? 'scanner' : 'typed';
    emit(this, 'pos-code-entered', { code, method });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-scan-field': PosScanField;
  }
}
