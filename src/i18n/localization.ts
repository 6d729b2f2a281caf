/**
 * The app's two languages, English (the source) and German, with @lit/localize in runtime
 * mode: every string on the screens is a `msg()`, elements that show them are `@localized()`
 * and redraw when the language changes — written under `@customElement()`, so it applies
 * first: an element already on the page when its module loads (<pos-app> in index.html, a
 * lazy dialog a view renders before its chunk arrives) is upgraded the moment it is defined,
 * and must listen from then on — and the German templates are a lazy chunk
 * (src/i18n/locales/de.ts, built by `npm run i18n:build` from src/i18n/xliff/de.xlf) that
 * only a device showing German loads; the service worker precaches it, so it works offline.
 *
 * Which language is src/i18n/language-choice.ts. The choice on this device and the last
 * store's locale are kept in localStorage (read before the database opens, so the first
 * screen is already in the right language). The page's `lang` is the locale screens format
 * amounts and dates in (`screenLocale()` in format.ts reads it).
 */
import { configureLocalization, msg } from '@lit/localize';
import {
  chooseLanguage,
  formattingLocale,
  isLanguage,
  type Language,
  type LanguageSources,
} from './language-choice.ts';
import { sourceLocale, targetLocales } from './locale-codes.ts';

/** The device's choice in Settings; absent: follow the store. */
const DEVICE_LANGUAGE_KEY = 'aisle.language';
/** The locale of the last store signed in on this device, for the sign-in screen. */
const LAST_STORE_LOCALE_KEY = 'aisle.store-locale';

const { getLocale, setLocale } = configureLocalization({
  sourceLocale,
  targetLocales,
  loadLocale: (locale) => import(`./locales/${locale}.ts`),
});

function readStored(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function writeStored(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage refused (private mode): the choice lasts until the app is closed.
  }
}

/** This device's own choice, or null to follow the store. */
export function deviceLanguage(): Language | null {
  const stored = readStored(DEVICE_LANGUAGE_KEY);
  return isLanguage(stored) ? stored : null;
}

/** The language the screens show now. */
export function shownLanguage(): Language {
  const locale = getLocale();
  return isLanguage(locale) ? locale : sourceLocale;
}

/** The signed-in store's locale, null while nobody is signed in. */
let storeLocaleNow: string | null = null;

function sources(device: Language | null): LanguageSources {
  return {
    device,
    storeLocale: storeLocaleNow,
    lastStoreLocale: readStored(LAST_STORE_LOCALE_KEY),
    browser: navigator.languages ?? [navigator.language],
  };
}

/** The language this device shows when it follows the store (what Settings offers first). */
export function storeLanguage(): Language {
  return chooseLanguage(sources(null));
}
let applying: Promise<void> = Promise.resolve();

/**
 * Shows the screens in the language for this store (null: nobody signed in) and this device's
 * choice; resolves once its templates are loaded. A failed load (offline before the chunk was
 * ever cached) keeps the language shown before.
 */
export function applyLanguage(storeLocale: string | null = storeLocaleNow): Promise<void> {
  storeLocaleNow = storeLocale;
  if (storeLocale !== null) writeStored(LAST_STORE_LOCALE_KEY, storeLocale);
  const lastStoreLocale = readStored(LAST_STORE_LOCALE_KEY);
  const language = chooseLanguage(sources(deviceLanguage()));
  // One change at a time: a later call waits for the one in flight, so the last one wins.
  applying = applying
    .catch(() => undefined)
    .then(async () => {
      const root = document.documentElement;
      const before = root.lang;
      // Set first: the redraw that setLocale triggers formats in the new locale.
      root.lang = formattingLocale(language, storeLocale ?? lastStoreLocale);
      try {
        if (getLocale() !== language) await setLocale(language);
        document.title = msg('Aisle — point of sale');
      } catch (error) {
        root.lang = before;
        throw error;
      }
    });
  return applying;
}

/** Chooses a language on this device (null: follow the store) and shows it. */
export function chooseDeviceLanguage(language: Language | null): Promise<void> {
  writeStored(DEVICE_LANGUAGE_KEY, language);
  return applyLanguage();
}
