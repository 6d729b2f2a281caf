/**
 * Plural forms by the language shown: `Intl.PluralRules` picks the form and the caller gives
 * each form as its own `msg()`, so each language words its forms whole ("1 sale waiting",
 * "3 Verkäufe warten"). English and German have the same two forms, `one` and `other`.
 */
import { shownLanguage } from './localization.ts';

const rules = new Map<string, Intl.PluralRules>();

export function plural<T>(
  count: number,
  forms: { readonly one: () => T; readonly other: () => T },
): T {
  const language = shownLanguage();
  let made = rules.get(language);
  if (made === undefined) {
    made = new Intl.PluralRules(language);
    rules.set(language, made);
  }
  return made.select(count) === 'one' ? forms.one() : forms.other();
}
