// Serial patterns in words: the common shapes get parts an associate can read ("14 capital
// letters or digits"), the rest none; and whether typed input may be upper-cased.
import { describe, expect, it } from 'vitest';
import {
  describeSerialShape,
  serialPatternShape,
  type PatternVocabulary,
} from '../../../src/domain/serial-pattern-shape.ts';
import { checkSerialPattern } from '../../../src/domain/serial-pattern.ts';

/** The shape of a configured pattern as the validator compiles it. */
function shapeOf(pattern: string) {
  const check = checkSerialPattern(pattern);
  if (!check.ok) throw new Error(check.reason);
  return serialPatternShape(check.re2Source);
}

describe('serial patterns in words', () => {
  it.each([
    ['^[A-Z0-9]{14}$', '14 capital letters or digits', false],
    ['^[0-9A-Z]{14}$', '14 capital letters or digits', false],
    ['^\\d{15}$', '15 digits', false],
    ['^[0-9]{6,12}$', '6 to 12 digits', false],
    ['^[0-9]{8,}$', 'at least 8 digits', false],
    ['^\\d+$', 'one or more digits', false],
    ['^[A-Z]?$', 'up to 1 capital letters', false],
    ['^SN\\d{8}$', '“SN” followed by 8 digits', false],
    ['^[A-Z]{2}\\d{6}$', '2 capital letters followed by 6 digits', false],
    ['^[A-Z]{2}[A-Z]{3}$', '5 capital letters', false],
    ['^[A-Za-z0-9]{10,20}$', '10 to 20 letters or digits', true],
    ['^[a-z]{4}$', '4 small letters', true],
    ['^[0-9A-F]{12}$', '12 hexadecimal digits (0–9, A–F)', false],
    ['^[A-Z0-9-]{8,}$', 'at least 8 capital letters, digits or hyphens', false],
    ['^\\w{6}$', '6 letters, digits or underscores', true],
    ['^X$', '“X”', false],
    ['^SN-[0-9]{6}-[A-Z]{2}$', '“SN-”, then 6 digits, then “-”, then 2 capital letters', false],
  ])('%s reads "%s" (lower case accepted: %s)', (pattern, words, lower) => {
    const shape = shapeOf(pattern);
    expect(describeSerialShape(shape)).toBe(words);
    expect(shape.acceptsLowercase).toBe(lower);
  });

  it.each([
    // Alternation, any character, partial ranges, flags, unanchored: no words.
    ['^(SN|SR)\\d{8}$', false],
    ['^.{5}$', true],
    ['^[A-H]{4}$', false],
    ['(?i)^[A-Z]{3}$', true],
    ['[A-Z0-9]{14}', true],
    ['^[A-Z0-9]{14}', true],
    ['^(?:[A-Z]{2}\\d){3}$', false],
    ['^[^a]{3}$', true],
  ])('%s has no words (lower case accepted: %s)', (pattern, lower) => {
    const shape = shapeOf(pattern);
    expect(shape.parts).toBeNull();
    expect(describeSerialShape(shape)).toBeNull();
    expect(shape.acceptsLowercase).toBe(lower);
  });

  it('gives structured parts a language words its own way', () => {
    expect(shapeOf('^SN\\d{8}$').parts).toEqual([
      { kind: 'text', text: 'SN' },
      {
        kind: 'run',
        chars: { digits: true, capitals: false, lowercase: false, hexCapitals: false, others: '' },
        min: 8,
        max: 8,
      },
    ]);
    const terse: PatternVocabulary = {
      run: (chars, min) => `${min}${chars.digits ? 'd' : ''}${chars.capitals ? 'A' : ''}`,
      text: (text) => `'${text}'`,
      sequence: (parts) => parts.join('+'),
    };
    expect(describeSerialShape(shapeOf('^SN[A-Z0-9]{12}$'), terse)).toBe("'SN'+12dA");
  });
});
