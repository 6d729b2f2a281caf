// Properties of serial validation: it never throws (any pattern, any input, hostile or
// huge), it decides exactly as JavaScript's RegExp.test would on patterns both can run, and
// an example it shows is always accepted.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkSerialPattern } from '../../../src/domain/serial-pattern.ts';
import { createSerialValidator, MAX_SERIAL_LENGTH } from '../../../src/domain/serial-validation.ts';

const HOSTILE = ['^(a+)+$', '(x+x+)+y', '^(a|a)*$', '(a*)*b', '^(([a-z])+.)+[A-Z]([a-z])+$'];

/** Pattern-looking strings: mostly syntax characters, so odd constructs are frequent. */
const regexish = fc
  .array(
    fc.constantFrom(
      ...'()[]{}|*+?\\^$.-,:<>=!PkuQEdwsbBxc0123456789aAzZ',
      '(?',
      '(?<',
      '\\u{',
      '[^',
      '{2,}',
    ),
    { maxLength: 30 },
  )
  .map((parts) => parts.join(''));

const anyInput = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.string({ unit: 'grapheme', maxLength: 50 }),
  fc.integer({ min: 0, max: 5000 }).map((n) => `${'a'.repeat(n)}!`),
);

describe('validation never throws', () => {
  it('on any pattern and any input', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string({ unit: 'binary', maxLength: 60 }),
          regexish,
          fc.constantFrom(...HOSTILE),
        ),
        anyInput,
        (pattern, input) => {
          const check = checkSerialPattern(pattern);
          if (!check.ok) expect(check.reason.length).toBeGreaterThan(0);
          const result = createSerialValidator(pattern).validate(input);
          if (result.ok) {
            expect(result.serial.length).toBeGreaterThan(0);
            expect([...result.serial].length).toBeLessThanOrEqual(MAX_SERIAL_LENGTH);
          } else {
            expect(['empty', 'too_long', 'pattern_mismatch', 'pattern_unusable']).toContain(
              result.reason,
            );
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('on hostile patterns with a megabyte of input', () => {
    const huge = `${'a'.repeat(1_000_000)}!`;
    for (const pattern of HOSTILE) {
      expect(createSerialValidator(pattern).validate(huge)).toMatchObject({ reason: 'too_long' });
    }
  });

  it('on values that are not strings at all', () => {
    const validator = createSerialValidator('^[A-Z]{3}$');
    for (const value of [null, undefined, 42, {}, ['ABC']]) {
      expect(validator.validate(value as string)).toMatchObject({
        ok: false,
        reason: 'empty',
      });
    }
  });
});

// A small regex grammar both engines run identically (ASCII input without line breaks, no
// constructs whose meaning differs), to compare re2js with the RegExp a JavaScript till
// would have used.
const atom = fc.constantFrom(
  'a',
  'b',
  'A',
  '0',
  '-',
  '[ab]',
  '[a-b0]',
  '[^a]',
  '\\d',
  '\\w',
  '.',
  '\\.',
);
const quantifier = fc.constantFrom('', '', '*', '+', '?', '{2}', '{1,3}', '{0,2}', '+?');
const piece = fc.tuple(atom, quantifier).map(([a, q]) => a + q);
const sequence = fc.array(piece, { minLength: 1, maxLength: 4 }).map((p) => p.join(''));
const group = fc
  .tuple(
    fc.constantFrom('(', '(?:'),
    fc.array(sequence, { minLength: 1, maxLength: 3 }),
    quantifier,
  )
  .map(([open, alts, q]) => `${open}${alts.join('|')})${q}`);
const simplePattern = fc
  .tuple(
    fc.boolean(),
    fc.array(fc.oneof(sequence, group), { minLength: 1, maxLength: 3 }),
    fc.boolean(),
  )
  .map(([start, parts, end]) => `${start ? '^' : ''}${parts.join('')}${end ? '$' : ''}`);
const simpleInput = fc
  .array(fc.constantFrom(...'abAB01-.x'), { minLength: 1, maxLength: 12 })
  .map((cs) => cs.join(''));

describe('same decisions as JavaScript RegExp', () => {
  it('accepts exactly what RegExp.test accepts', () => {
    fc.assert(
      fc.property(simplePattern, simpleInput, (pattern, input) => {
        const validator = createSerialValidator(pattern);
        expect(validator.active).toBe(true);
        expect(validator.validate(input).ok).toBe(new RegExp(pattern).test(input));
      }),
      { numRuns: 3000 },
    );
  });

  it('shows only examples the pattern accepts', () => {
    fc.assert(
      fc.property(simplePattern, (pattern) => {
        const { example } = createSerialValidator(pattern);
        if (example !== undefined) {
          expect(new RegExp(pattern).test(example)).toBe(true);
          expect(createSerialValidator(pattern).validate(example)).toEqual({
            ok: true,
            serial: example,
          });
        }
      }),
      { numRuns: 1000 },
    );
  });
});
