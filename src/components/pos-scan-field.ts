/**
 * The barcode / SKU field of the sell screen. A hardware scanner types digits then Enter, like
 * a fast typist; both end in a `pos-code-entered` event, with the capture method guessed from
 * the typing speed (a person cannot type a 13-digit code in under half a second).
 *
 * With `search`, the field is also a combobox (ARIA APG, list autocomplete with manual
 * selection) over the products whose names match what is typed: its text goes out as the
 * associate types (`pos-code-input`, paced by `TypingPace` so a scanner's burst is never
 * searched), the view hands back `suggestions` for that text, shown in `<pos-product-search>`;
 * the arrow keys move through them, Enter chooses the active one, Escape closes the list.
 * No option is active until an arrow key says so, so Enter, a scanner's included, still
 * submits the code.
 *
 * @fires pos-code-entered - a code was entered; the field clears itself.
 * @fires pos-code-input - with `search`: the text typed so far, for suggestions.
 * @fires pos-product-choose - with `search`: a suggestion was chosen; the field clears itself.
 */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { TypingPace } from '../scan/keyboard-wedge.ts';
import { emit, type PosEvent } from './events.ts';
import './pos-product-search.ts';
import { optionId, productSearchStyles, type ProductOption } from './pos-product-search.ts';
import { controlStyles } from './shared-styles.ts';

/** Average milliseconds per character below which input is taken to come from a scanner. */
const SCANNER_MS_PER_CHAR = 35;
const LIST_ID = 'product-options';

@customElement('pos-scan-field')
@localized()
export class PosScanField extends LitElement {
  static override styles = [
    controlStyles,
    productSearchStyles,
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
  /** The products matching `suggestionsFor`, best first. */
  @property({ attribute: false }) suggestions: readonly ProductOption[] = [];
  /**
   * The text `suggestions` answer; empty while nothing was searched. They show only while the
   * field holds exactly that text, so an answer that arrives late never shows.
   */
  @property({ attribute: 'suggestions-for' }) suggestionsFor = '';
  /** The catalog is still being indexed for search: the suggestions may miss products. */
  @property({ type: Boolean, attribute: 'suggestions-partial' }) suggestionsPartial = false;
  @property() currency = 'USD';
  @property() locale = 'en-US';

  @query('input') private _input!: HTMLInputElement;

  /** The trimmed text of the field, as last typed. */
  @state() private _text = '';
  /** The suggestion the arrow keys made active, or -1. */
  @state() private _active = -1;
  /** Escape or leaving the field closed the list (until the next keystroke or focus). */
  @state() private _closed = false;

  private _firstKeyAt: number | null = null;
  private readonly _pace = new TypingPace();
  private _pending: ReturnType<typeof setTimeout> | undefined;
  /** The pace's verdict on the key whose input comes next, or null (paste, deletion). */
  private _keyWait: number | null = null;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._pending);
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

  /** True while suggestions for the field's text are shown (or that none matched). */
  private get _expanded(): boolean {
    return this.search && !this._closed && this._text !== '' && this.suggestionsFor === this._text;
  }

  override render() {
    const expanded = this._expanded;
    const listed = expanded && this.suggestions.length > 0;
    const active = listed && this._active < this.suggestions.length ? this._active : -1;
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
              role=${this.search ? 'combobox' : nothing}
              aria-autocomplete=${this.search ? 'list' : nothing}
              aria-expanded=${this.search ? (listed ? 'true' : 'false') : nothing}
              aria-controls=${listed ? LIST_ID : nothing}
              aria-activedescendant=${active >= 0 ? optionId(LIST_ID, active) : nothing}
              ?disabled=${this.disabled}
              @keydown=${this._onKeyDown}
              @input=${this._onInput}
              @blur=${this._onBlur}
              @focus=${this._onFocus}
            />
          </label>
          ${
            expanded
              ? html`<pos-product-search
                  list-id=${LIST_ID}
                  .options=${this.suggestions}
                  active-index=${active}
                  query=${this.suggestionsFor}
                  ?partial=${this.suggestionsPartial}
                  currency=${this.currency}
                  locale=${this.locale}
                  @pos-product-choose=${this._onChosen}
                ></pos-product-search>`
              : nothing
          }
        </div>
        <button type="submit" class="primary" ?disabled=${this.disabled}>
          ${this.action || msg('Add')}
        </button>
      </form>
    `;
  }

  private readonly _onKeyDown = (event: KeyboardEvent): void => {
    if (event.key.length === 1) {
      this._firstKeyAt ??= performance.now();
      // Paced by the key's own time (when the keyboard or scanner sent it), not by when a
      // busy page got round to it: a burst stays a burst however late it is handled.
      this._keyWait = this._pace.onInput(event.timeStamp);
    }
    if (!this._expanded) return;
    const count = this.suggestions.length;
    switch (event.key) {
      case 'ArrowDown':
        if (count === 0) return;
        this._active = this._active + 1 >= count ? 0 : this._active + 1;
        break;
      case 'ArrowUp':
        if (count === 0) return;
        this._active = this._active <= 0 ? count - 1 : this._active - 1;
        break;
      case 'Enter': {
        const chosen = this._active >= 0 ? this.suggestions[this._active] : undefined;
        if (chosen === undefined) return;
        this._clear();
        emit(this, 'pos-product-choose', { productId: chosen.productId });
        break;
      }
      case 'Escape':
        this._closed = true;
        this._active = -1;
        break;
      default:
        return;
    }
    event.preventDefault();
  };

  private readonly _onInput = (event: Event): void => {
    const keyWait = this._keyWait;
    this._keyWait = null;
    const text = this._input.value.trim();
    this._text = text;
    this._active = -1;
    this._closed = false;
    clearTimeout(this._pending);
    // Emptied from outside (a scan handled elsewhere took its characters back): start over.
    if (this._input.value === '') {
      this._firstKeyAt = null;
      this._pace.reset();
    }
    if (!this.search) return;
    // Text that came without a key (pasted, taken back out by the wedge) is paced as it comes.
    const wait = keyWait ?? this._pace.onInput(event.timeStamp);
    if (wait === 0) emit(this, 'pos-code-input', { text });
    else this._pending = setTimeout(() => emit(this, 'pos-code-input', { text }), wait);
  };

  private readonly _onBlur = (): void => {
    this._closed = true;
  };

  private readonly _onFocus = (): void => {
    this._closed = false;
  };

  /** A suggestion tapped in the list: the field starts over (the event goes on to the view). */
  private readonly _onChosen = (_event: PosEvent<'pos-product-choose'>): void => {
    this._clear();
  };

  /** Empties the field and forgets the pace, the active option and any search still to send. */
  private _clear(): void {
    clearTimeout(this._pending);
    this._pace.reset();
    this._keyWait = null;
    this._firstKeyAt = null;
    this._input.value = '';
    this._text = '';
    this._active = -1;
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
