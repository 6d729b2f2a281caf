// Which language the screens speak, and the locale amounts and dates follow.
import { describe, expect, it } from 'vitest';
import {
  chooseLanguage,
  formattingLocale,
  languageOf,
  type LanguageSources,
} from '../../../src/i18n/language-choice.ts';

const none: LanguageSources = {
  device: null,
  storeLocale: null,
  lastStoreLocale: null,
  browser: [],
};

describe('chooseLanguage', () => {
  it.each<[string, Partial<LanguageSources>, 'en' | 'de']>([
    ['the device’s choice over the store', { device: 'en', storeLocale: 'de-DE' }, 'en'],
    ['the device’s choice over the browser', { device: 'de', browser: ['en-US'] }, 'de'],
    ['the store’s language', { storeLocale: 'de-DE', browser: ['en-US'] }, 'de'],
    ['another German-speaking region', { storeLocale: 'de-AT' }, 'de'],
    [
      'English for a store in a language the app has not',
      { storeLocale: 'fr-FR', browser: ['de'] },
      'en',
    ],
    [
      'the last store before anyone signs in',
      { lastStoreLocale: 'de-DE', browser: ['en-US'] },
      'de',
    ],
    [
      'the signed-in store over the last one',
      { storeLocale: 'en-US', lastStoreLocale: 'de-DE' },
      'en',
    ],
    ['the browser on a new device', { browser: ['de-CH', 'en'] }, 'de'],
    ['the first browser language the app has', { browser: ['fr-FR', 'de-DE', 'en'] }, 'de'],
    ['English when nothing says otherwise', {}, 'en'],
  ])('%s', (_case, sources, language) => {
    expect(chooseLanguage({ ...none, ...sources })).toBe(language);
  });
});

describe('formattingLocale', () => {
  it.each([
    ['de', 'de-DE', 'de-DE'],
    ['de', 'de-AT', 'de-AT'],
    ['en', 'en-GB', 'en-GB'],
    // German shown in a US store: German numbers ("699,00 $"), German dates.
    ['de', 'en-US', 'de-DE'],
    ['en', 'de-DE', 'en-US'],
    ['en', null, 'en-US'],
  ] as const)('%s in a %s store formats as %s', (language, store, locale) => {
    expect(formattingLocale(language, store)).toBe(locale);
  });
});

describe('languageOf', () => {
  it.each([
    ['de-DE', 'de'],
    ['DE', 'de'],
    ['en_US', 'en'],
    ['fr-FR', null],
    ['', null],
    [null, null],
  ])('%s speaks %s', (locale, language) => {
    expect(languageOf(locale)).toBe(language);
  });
});
