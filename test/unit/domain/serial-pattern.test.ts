// What a manager sees when configuring `serial_number_regex`: which patterns are refused,
// with which reason, and how JavaScript-only syntax is translated for RE2.
import { describe, expect, it } from 'vitest';
import {
  checkSerialPattern,
  MAX_PATTERN_LENGTH,
  SERIAL_PATTERN_FIELD,
  serialPatternProblem,
} from '../../../src/domain/serial-pattern.ts';

describe('checkSerialPattern: refused patterns', () => {
  it.each([
    ['', /empty/],
    ['^(?=.*\\d)[A-Z0-9]{14}$', /^lookahead \(\?=…\) is not supported/],
    ['^(?!X)[A-Z]{3}$', /^negative lookahead/],
    ['(?<=SN)\\d+', /^lookbehind/],
    ['(?<!SN)\\d+', /^negative lookbehind/],
    ['^(a)\\1$', /backreferences such as \\1/],
    ['^(?<x>a)\\k<x>$', /backreferences such as \\k<name>/],
    ['^(?P<x>a)(?P=x)$', /backreferences/],
    ['^(?>a+)b$', /atomic groups/],
    ['^a++$', /possessive quantifiers such as \+\+/],
    ['^a*+$', /possessive/],
    ['^a{2}+$', /possessive quantifiers such as \{2\}\+/],
    ['^a{1001}$', /repetition counts above 1000/],
    ['^a{2,5000}$', /repetition counts above 1000/],
    ['^a{5,2}$', /minimum above its maximum/],
    ['^(a{100}){100}$', /invalid repetition count/],
    ['^[A-Z', /a \[ has no matching \]/],
    ['^(AB$', /a \( has no matching \)/],
    ['^AB)$', /a \) has no matching \(/],
    ['*SN', /has nothing before it to repeat/],
    ['[z-a]', /invalid character range/],
    ['^\\d+\\Z', /\\Z is not supported/],
    ['^\\h+$', /the escape \\h is not supported/],
    ['(?x) a b', /unsupported group syntax/],
    ["(?'n'a)", /write \(\?<name>…\)/],
    ['a(?#note)', /comments/],
    ['(a|b)(?1)', /recursion/],
    ['abc\\', /lone backslash/],
    ['^\\uD800$', /half of a surrogate pair/],
    ['^\\u12$', /4 hexadecimal digits/],
    ['[]a', /empty class/],
    ['/^[A-Z]{3}$/i', /without the JavaScript slashes.*\(\?i\)/],
    ['x'.repeat(MAX_PATTERN_LENGTH + 1), /at most 500 are accepted/],
    ['(?:[a-z]{1000})'.repeat(3), /instructions; at most 2000/],
    ['(a?){1000}a{1000}', /compiles to 5002 instructions; at most 2000/],
  ])('refuses %j', (pattern, reason) => {
    const check = checkSerialPattern(pattern);
    expect(check.ok).toBe(false);
    if (!check.ok) expect(check.reason).toMatch(reason);
  });

  it('does not mistake escaped or bracketed parentheses for lookahead', () => {
    expect(checkSerialPattern('^\\(?=\\d+$').ok).toBe(true);
    expect(checkSerialPattern('^[(?=]+$').ok).toBe(true);
  });

  it('names the configuration field the server reports', () => {
    expect(SERIAL_PATTERN_FIELD).toBe('capabilities.serialized_inventory.serial_number_regex');
  });
});

describe('checkSerialPattern: accepted patterns and their RE2 form', () => {
  it.each([
    ['^[A-Z0-9]{14}$', '^[A-Z0-9]{14}$'],
    ['^\\d{15}$', '^\\d{15}$'],
    ['^(?<prefix>SN)-\\d{6}$', '^(?<prefix>SN)-\\d{6}$'],
    ['(?i)^sn\\d+$', '(?i)^sn\\d+$'],
    ['^\\u0041\\d$', '^\\x{41}\\d$'],
    ['^\\u{1F600}$', '^\\x{1F600}$'],
    ['^\\uD83D\\uDE00$', '^\\x{1F600}$'],
    ['^[^]{3}$', '^[\\x{0}-\\x{10FFFF}]{3}$'],
    ['^[\\b]$', '^[\\x{8}]$'],
    ['^\\cJ$', '^\\x{A}$'],
    ['^[[:upper:]]{2}$', '^[[:upper:]]{2}$'],
    ['^\\Q(a+)\\E$', '^\\Q(a+)\\E$'],
    ['^(a+)+$', '^(a+)+$'],
    ['^[A-Z0-9]{1000}$', '^[A-Z0-9]{1000}$'],
  ])('accepts %j as RE2 %j', (pattern, re2Source) => {
    const check = checkSerialPattern(pattern);
    expect(check).toMatchObject({ ok: true, pattern, re2Source });
  });

  it.each([
    ['^\\u0041\\d$', 'A1', 'B1'],
    ['^\\u{1F600}$', '😀', ':)'],
    ['^[^]{3}$', 'a\nb', 'ab'],
    ['^[[:upper:]]{2}$', 'AB', 'ab'],
    ['^\\Q(a+)\\E$', '(a+)', 'aa'],
    ['(?i)^sn\\d+$', 'SN12', 'XN12'],
  ])('the translation of %j accepts %j and refuses %j', (pattern, good, bad) => {
    const check = checkSerialPattern(pattern);
    if (!check.ok) throw new Error(check.reason);
    expect(check.compiled.test(good)).toBe(true);
    expect(check.compiled.test(bad)).toBe(false);
  });

  it('keeps letter case unless the pattern asks otherwise', () => {
    const check = checkSerialPattern('^[A-Z]{3}$');
    if (!check.ok) throw new Error(check.reason);
    expect(check.compiled.test('ABC')).toBe(true);
    expect(check.compiled.test('abc')).toBe(false);
  });
});

describe('serialPatternProblem: a configuration value', () => {
  it.each([
    [null, null],
    [undefined, null],
    ['', null],
    ['^[A-Z0-9]{14}$', null],
    [42, 'the pattern must be a string'],
    [{ regex: 'x' }, 'the pattern must be a string'],
    [
      '^(?=A)',
      'lookahead (?=…) is not supported: RE2 matches in linear time and has no lookaround',
    ],
  ])('%j → %j', (value, problem) => {
    expect(serialPatternProblem(value)).toBe(problem);
  });
});
