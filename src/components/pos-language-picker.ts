/**
 * Which language this device shows: the store's (the default, named with the language it
 * speaks) or one chosen here. Each language is listed by its own name, so an associate who
 * cannot read the language shown still finds theirs. Properties in, `pos-language-change` out.
 *
 * @fires pos-language-change - the associate chose a language (null: follow the store)
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import { LANGUAGE_NAMES, LANGUAGES, isLanguage, type Language } from '../i18n/language-choice.ts';
import { emit } from './events.ts';
import { controlStyles } from './shared-styles.ts';

/** The select's value for "follow the store". */
const FOLLOW = 'store';

@customElement('pos-language-picker')
@localized()
export class PosLanguagePicker extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 0.25rem;
        font-weight: 600;
      }
      select {
        min-height: 3rem;
      }
    `,
  ];

  /** This device's choice; null: it follows the store. */
  @property({ attribute: false }) chosen: Language | null = null;
  /** The language the store speaks (what "follow the store" shows). */
  @property({ attribute: false }) storeLanguage: Language = 'en';

  override render() {
    const store = LANGUAGE_NAMES[this.storeLanguage];
    return html`<label>
      ${msg('Language')}
      <select data-testid="language.select" @change=${this._onChange}>
        <option value=${FOLLOW} ?selected=${this.chosen === null}>
          ${msg(str`As the store: ${store}`)}
        </option>
        ${LANGUAGES.map(
          (language) =>
            html`<option value=${language} lang=${language} ?selected=${this.chosen === language}>
              ${LANGUAGE_NAMES[language]}
            </option>`,
        )}
      </select>
    </label>`;
  }

  private readonly _onChange = (event: Event): void => {
    const value = (event.target as HTMLSelectElement).value;
    emit(this, 'pos-language-change', { language: isLanguage(value) ? value : null });
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-language-picker': PosLanguagePicker;
  }
}
