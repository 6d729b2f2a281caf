/**
 * What makes `<pos-scan-field search>` a combobox (ARIA APG, list autocomplete with manual
 * selection) over the products whose names match what is typed. The field's text goes out as
 * the associate types (`pos-code-input`, paced by `TypingPace` so a scanner's burst is never
 * searched); the suggestions the view hands back for exactly that text show in
 * `<pos-product-search>`; the arrow keys move through them, Enter chooses the active one,
 * Escape or leaving the field closes the list. No option is active until an arrow key says
 * so, so Enter, a scanner's included, still submits the code.
 *
 * A reactive controller the field loads with the list on first use, off the first paint. It
 * sets the input's combobox attributes itself (the field's template does not bind them).
 */
import { html, nothing, type ReactiveController, type ReactiveControllerHost } from 'lit';
import { TypingPace } from '../scan/typing-pace.ts';
import { emit } from './events.ts';
import './pos-product-search.ts';
import { optionId, type ProductOption, type Suggestions } from './product-option.ts';

const LIST_ID = 'product-options';

/** What the combobox reads of its field. */
export interface ComboboxField extends ReactiveControllerHost, HTMLElement {
  readonly renderRoot: HTMLElement | DocumentFragment;
  readonly suggestions: Suggestions | null;
  /** Empties the field after a suggestion was chosen. */
  clearField(): void;
}

export class ProductCombobox implements ReactiveController {
  private readonly _field: ComboboxField;
  private readonly _pace = new TypingPace();
  /** The trimmed text of the field, as last typed. */
  private _text = '';
  /** The suggestion the arrow keys made active, or -1. */
  private _active = -1;
  /** Escape or leaving the field closed the list (until the next keystroke or focus). */
  private _closed = false;
  /** The pace's verdict on the key whose input comes next, or null (paste, deletion). */
  private _keyWait: number | null = null;
  private _pending: ReturnType<typeof setTimeout> | undefined;
  private _listening: HTMLInputElement | null = null;

  constructor(field: ComboboxField) {
    this._field = field;
    field.addController(this);
  }

  hostUpdated(): void {
    const input = this._field.renderRoot.querySelector('input');
    if (input === null) return;
    if (this._listening !== input) {
      this._listening = input;
      input.addEventListener('blur', () => this._setClosed(true));
      input.addEventListener('focus', () => this._setClosed(false));
    }
    const listed = this._options.length > 0;
    const active = this._activeShown();
    input.setAttribute('role', 'combobox');
    input.setAttribute('aria-autocomplete', 'list');
    input.setAttribute('aria-expanded', listed ? 'true' : 'false');
    setOrRemove(input, 'aria-controls', listed ? LIST_ID : null);
    setOrRemove(input, 'aria-activedescendant', active >= 0 ? optionId(LIST_ID, active) : null);
  }

  hostDisconnected(): void {
    clearTimeout(this._pending);
  }

  /** The list under the field, when there are suggestions (or none) for its text. */
  render() {
    const shown = this._shown;
    if (shown === null) return nothing;
    return html`<pos-product-search
      list-id=${LIST_ID}
      .options=${shown.options}
      active-index=${this._activeShown()}
      query=${shown.query}
      ?partial=${shown.partial}
      currency=${shown.currency}
      locale=${shown.locale}
      @pos-product-choose=${() => this._field.clearField()}
    ></pos-product-search>`;
  }

  /** A key in the field: paced when it types a character, else maybe a move in the list. */
  onKeyDown(event: KeyboardEvent): void {
    // Paced by the key's own time (when the keyboard or scanner sent it), not by when a busy
    // page got round to it: a burst stays a burst however late it is handled.
    if (event.key.length === 1) this._keyWait = this._pace.onInput(event.timeStamp);
    const options = this._options;
    if (this._shown === null) return;
    const count = options.length;
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
        const chosen = this._active >= 0 ? options[this._active] : undefined;
        if (chosen === undefined) return;
        this._field.clearField();
        emit(this._field, 'pos-product-choose', { productId: chosen.productId });
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
    this._field.requestUpdate();
  }

  /** The field's text changed: sent for suggestions now, or once a possible burst is over. */
  onInput(event: Event, text: string): void {
    const keyWait = this._keyWait;
    this._keyWait = null;
    this._text = text;
    this._active = -1;
    this._closed = false;
    clearTimeout(this._pending);
    if (text === '') this._pace.reset();
    // Text that came without a key (pasted, taken back out by the wedge) is paced as it comes.
    const wait = keyWait ?? this._pace.onInput(event.timeStamp);
    if (wait === 0) emit(this._field, 'pos-code-input', { text });
    else this._pending = setTimeout(() => emit(this._field, 'pos-code-input', { text }), wait);
    this._field.requestUpdate();
  }

  /** The field was emptied or submitted: no list, no search still to send, a fresh pace. */
  reset(): void {
    clearTimeout(this._pending);
    this._pace.reset();
    this._keyWait = null;
    this._text = '';
    this._active = -1;
    this._field.requestUpdate();
  }

  /** The suggestions while they are shown: for the field's text, list not closed. */
  private get _shown(): Suggestions | null {
    const suggestions = this._field.suggestions;
    const current = suggestions !== null && this._text !== '' && suggestions.query === this._text;
    return current && !this._closed ? suggestions : null;
  }

  private get _options(): readonly ProductOption[] {
    return this._shown?.options ?? [];
  }

  private _activeShown(): number {
    return this._active < this._options.length ? this._active : -1;
  }

  private _setClosed(closed: boolean): void {
    if (this._closed === closed) return;
    this._closed = closed;
    this._field.requestUpdate();
  }
}

function setOrRemove(element: Element, name: string, value: string | null): void {
  if (value === null) element.removeAttribute(name);
  else element.setAttribute(name, value);
}
