// Serial patterns in German words, as the prompt and refusals say them when German is shown.
import { describe, expect, it } from 'vitest';
import {
  describeSerialShape,
  serialPatternShape,
} from '../../../src/domain/serial-pattern-shape.ts';
import { checkSerialPattern } from '../../../src/domain/serial-pattern.ts';
import { GERMAN_PATTERN_WORDS } from '../../../src/i18n/pattern-words.ts';

function shapeOf(pattern: string) {
  const check = checkSerialPattern(pattern);
  if (!check.ok) throw new Error(check.reason);
  return serialPatternShape(check.re2Source);
}

describe('German pattern words', () => {
  it.each([
    ['^[A-Z0-9]{14}$', '14 Großbuchstaben oder Ziffern'],
    ['^SN\\d{8}$', '„SN“, gefolgt von 8 Ziffern'],
    ['^\\d{6,10}$', '6 bis 10 Ziffern'],
    ['^[a-z]{2}\\d+$', '2 Kleinbuchstaben, gefolgt von 1 oder mehr Ziffern'],
    ['^[0-9A-F]{12}$', '12 Hexadezimalziffern (0–9, A–F)'],
    ['^[A-Z]{2}-\\d{4}$', '2 Großbuchstaben, dann „-“, dann 4 Ziffern'],
    ['^[A-Z]\\d{0,5}$', '1 Großbuchstabe, gefolgt von bis zu 5 Ziffern'],
    ['^[A-Za-z0-9-]{8,}$', 'mindestens 8 Buchstaben, Ziffern oder Bindestriche'],
  ])('%s reads "%s"', (pattern, words) => {
    expect(describeSerialShape(shapeOf(pattern), GERMAN_PATTERN_WORDS)).toBe(words);
  });
});
