/**
 * The vocabulary serial patterns are worded with in the language shown (src/domain's
 * `describeSerialShape` composes it): English from the domain, which the server's messages
 * use too, and German here. German counts with numerals, so no noun needs its gender:
 * "14 Großbuchstaben oder Ziffern", "„SN“, gefolgt von 8 Ziffern".
 */
import {
  charSetNouns,
  ENGLISH_PATTERN_WORDS,
  type PatternVocabulary,
} from '../domain/serial-pattern-shape.ts';
import type { Language } from './language-choice.ts';
import { shownLanguage } from './localization.ts';

const GERMAN_OTHER: Readonly<Record<string, string>> = {
  '-': 'Bindestriche',
  _: 'Unterstriche',
  '.': 'Punkte',
  '/': 'Schrägstriche',
  ' ': 'Leerzeichen',
};

const germanList = (items: readonly string[]): string =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} oder ${items.at(-1) ?? ''}`;

export const GERMAN_PATTERN_WORDS: PatternVocabulary = {
  run: (chars, min, max) => {
    const plural = !(min === 1 && max === 1);
    const what = germanList(
      charSetNouns(chars, {
        letters: plural ? 'Buchstaben' : 'Buchstabe',
        capitals: plural ? 'Großbuchstaben' : 'Großbuchstabe',
        lowercase: plural ? 'Kleinbuchstaben' : 'Kleinbuchstabe',
        digits: plural ? 'Ziffern' : 'Ziffer',
        hex: plural ? 'Hexadezimalziffern (0–9, A–F)' : 'Hexadezimalziffer (0–9, A–F)',
        other: (char) => GERMAN_OTHER[char] ?? `„${char}“`,
      }),
    );
    if (max === null) return min <= 1 ? `1 oder mehr ${what}` : `mindestens ${min} ${what}`;
    if (min === max) return `${min} ${what}`;
    return min === 0 ? `bis zu ${max} ${what}` : `${min} bis ${max} ${what}`;
  },
  text: (text) => `„${text}“`,
  sequence: (parts) => {
    if (parts.length === 2) return `${parts[0] ?? ''}, gefolgt von ${parts[1] ?? ''}`;
    return parts.join(', dann ');
  },
};

const VOCABULARIES: Readonly<Record<Language, PatternVocabulary>> = {
  en: ENGLISH_PATTERN_WORDS,
  de: GERMAN_PATTERN_WORDS,
};

export function patternWords(language: Language = shownLanguage()): PatternVocabulary {
  return VOCABULARIES[language];
}
