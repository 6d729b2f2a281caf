/**
 * Which language the screens speak, as a pure choice: this device's own choice in Settings
 * first, then the store's `locale` (`de-DE` speaks German), then — before anyone signed in
 * — the last store this device sold for, then the browser's languages, then English. And the
 * locale amounts and dates are formatted in: the store's own when it speaks the language
 * shown (`de-AT` stays Austrian), else the language's usual one.
 */
import { sourceLocale, targetLocales } from './locale-codes.ts';

export type Language = typeof sourceLocale | (typeof targetLocales)[number];
export const LANGUAGES: readonly Language[] = [sourceLocale, ...targetLocales];

/** Each language's name in itself, as the language picker lists it. */
export const LANGUAGE_NAMES: Readonly<Record<Language, string>> = {
  en: 'English',
  de: 'Deutsch',
};

const USUAL_LOCALE: Readonly<Record<Language, string>> = { en: 'en-US', de: 'de-DE' };

export const isLanguage = (value: unknown): value is Language =>
  typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);

/** The language a locale such as `de-DE` speaks, or null when it is neither of ours. */
export function languageOf(locale: string | null | undefined): Language | null {
  const primary = (locale ?? '').split(/[-_]/)[0]?.toLowerCase();
  return isLanguage(primary) ? primary : null;
}

export interface LanguageSources {
  /** This device's choice in Settings; null: follow the store. */
  readonly device: Language | null;
  /** The signed-in store's locale, when someone is signed in. */
  readonly storeLocale: string | null;
  /** The locale of the last store this device was signed in to. */
  readonly lastStoreLocale: string | null;
  /** `navigator.languages`, most preferred first. */
  readonly browser: readonly string[];
}

export function chooseLanguage(sources: LanguageSources): Language {
  if (sources.device !== null) return sources.device;
  const store = sources.storeLocale ?? sources.lastStoreLocale;
  if (store !== null) return languageOf(store) ?? sourceLocale;
  for (const locale of sources.browser) {
    const language = languageOf(locale);
    if (language !== null) return language;
  }
  return sourceLocale;
}

/** The locale amounts and dates are shown in for that language in that store. */
export function formattingLocale(language: Language, storeLocale: string | null): string {
  return storeLocale !== null && languageOf(storeLocale) === language
    ? storeLocale
    : USUAL_LOCALE[language];
}
