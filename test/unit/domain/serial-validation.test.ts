// What an associate sees when a serial is captured: accepted as cleaned, or refused with what
// is expected and an example the pattern really accepts.
import { describe, expect, it } from 'vitest';
import {
  createSerialValidator,
  describeSerialRefusal,
  MAX_SERIAL_LENGTH,
  validateSerial,
} from '../../../src/domain/serial-validation.ts';

describe('validateSerial with a pattern', () => {
  it.each([
    ['^[A-Z0-9]{14}$', 'A1B2C3D4E5F6G7', 'A1B2C3D4E5F6G7'],
    ['^[A-Z0-9]{14}$', ']C1A1B2C3D4E5F6G7\r\n', 'A1B2C3D4E5F6G7'],
    ['^[A-Z0-9]{14}$', '\x1dA1B2C3D4E5F6G7\t', 'A1B2C3D4E5F6G7'],
    ['^\\d{15}$', '356938035643809', '356938035643809'],
    ['^SN-[0-9]{6}-[A-Z]{2}$', '  SN-004211-KX  ', 'SN-004211-KX'],
    // Search semantics, like RegExp.test: an unanchored pattern accepts a serial containing it.
    ['[0-9]{4}', 'AB1234CD', 'AB1234CD'],
  ])('%j accepts %j as %j', (pattern, raw, serial) => {
    expect(validateSerial(raw, pattern)).toEqual({ ok: true, serial });
  });

  it.each([
    ['^[A-Z0-9]{14}$', 'a1b2c3d4e5f6g7', 'pattern_mismatch'],
    ['^[A-Z0-9]{14}$', 'A1B2C3D4E5F6G', 'pattern_mismatch'],
    ['^[A-Z0-9]{14}$', 'A1B2C3D4E5F6G7X', 'pattern_mismatch'],
    ['^[A-Z0-9]{14}$', '', 'empty'],
    ['^[A-Z0-9]{14}$', ' \r\n\t', 'empty'],
    ['^[A-Z0-9]{14}$', ']C1', 'empty'],
    ['^[A-Z0-9]{14}$', 'A'.repeat(MAX_SERIAL_LENGTH + 1), 'too_long'],
    ['^[A-Z0-9]{14}$', 'A'.repeat(100_000), 'too_long'],
    ['^(?=A)[A-Z]+$', 'ABC', 'pattern_unusable'],
  ])('%j refuses %j: %s', (pattern, raw, reason) => {
    expect(validateSerial(raw, pattern)).toMatchObject({ ok: false, reason });
  });

  it('refuses with the pattern and an example it accepts', () => {
    const result = validateSerial('abc', '^[A-Z0-9]{14}$');
    expect(result).toEqual({
      ok: false,
      reason: 'pattern_mismatch',
      serial: 'abc',
      expected: '14 capital letters or digits',
      example: 'A1B2C3D4E5F6G7',
      shape: expect.objectContaining({ acceptsLowercase: false }) as unknown,
    });
    expect(describeSerialRefusal(result)).toBe(
      'abc is not a valid serial number: expected 14 capital letters or digits, for example A1B2C3D4E5F6G7.',
    );
    expect(describeSerialRefusal(validateSerial('abc', '^(SN|SR)\\d{2}$'))).toBe(
      'abc is not a valid serial number: expected a serial matching ^(SN|SR)\\d{2}$, for example SN12.',
    );
  });

  it('upper-cases typed input only for patterns that never take a small letter', () => {
    expect(createSerialValidator('^[A-Z0-9]{14}$').uppercaseTyped).toBe(true);
    expect(createSerialValidator('^[A-Za-z0-9]{14}$').uppercaseTyped).toBe(false);
    expect(createSerialValidator('[A-Z]{3}').uppercaseTyped).toBe(false);
    expect(createSerialValidator(null).uppercaseTyped).toBe(false);
  });

  it('says why a configured pattern cannot be used', () => {
    const validator = createSerialValidator('^(a)\\1$');
    expect(validator.active).toBe(false);
    expect(validator.patternProblem).toMatch(/backreferences/);
    expect(describeSerialRefusal(validator.validate('aa'))).toMatch(/ask a manager/);
  });
});

describe('validateSerial with no pattern', () => {
  it.each([null, undefined, ''])('pattern %j accepts any non-empty serial as is', (pattern) => {
    expect(validateSerial('anything goes 123 ÄÖ', pattern)).toEqual({
      ok: true,
      serial: 'anything goes 123 ÄÖ',
    });
    expect(validateSerial('  ', pattern)).toMatchObject({ ok: false, reason: 'empty' });
    expect(createSerialValidator(pattern).active).toBe(false);
    expect(createSerialValidator(pattern).patternProblem).toBeNull();
  });

  it('still caps the length', () => {
    expect(validateSerial('x'.repeat(MAX_SERIAL_LENGTH), null).ok).toBe(true);
    expect(validateSerial('x'.repeat(MAX_SERIAL_LENGTH + 1), null)).toMatchObject({
      reason: 'too_long',
    });
  });

  it('counts characters, not UTF-16 units', () => {
    expect(validateSerial('😀'.repeat(MAX_SERIAL_LENGTH), null).ok).toBe(true);
  });
});

describe('examples shown with a refusal', () => {
  it.each([
    ['^[A-Z0-9]{14}$', 'A1B2C3D4E5F6G7'],
    ['^\\d{10}$', '1234567890'],
    ['^SN-[0-9]{6}$', 'SN-123456'],
    ['^SN-[0-9]{6}-[A-Z]{2}$', 'SN-123456-AB'],
    ['^(?:IMEI)?\\d{15}$', 'IMEI123456789012345'],
    ['^([A-Z]{2}|X)\\d{4,8}$', 'AB1234'],
    ['^[A-HJ-NPR-Z0-9]{17}$', 'AJPR1BKPS2CLPT3DM'],
    ['(?i)^sn\\d+$', 'sn1234'],
    ['^\\w{8}$', 'A1B2C3D4'],
  ])('%j gives %j', (pattern, example) => {
    const validator = createSerialValidator(pattern);
    expect(validator.example).toBe(example);
    expect(validator.validate(example).ok).toBe(true);
  });

  it.each([['^[^x]{3}$'], ['^\\p{L}{3}$'], ['^\\d{500}$'], ['^A\\bB$']])(
    '%j gives none rather than a wrong one',
    (pattern) => {
      expect(createSerialValidator(pattern).example).toBeUndefined();
    },
  );
});

describe('createSerialValidator', () => {
  it('returns the same compiled validator for the same pattern', () => {
    expect(createSerialValidator('^[A-Z]{4}$')).toBe(createSerialValidator('^[A-Z]{4}$'));
  });

  it('answers matchesPattern only for a configured pattern', () => {
    expect(createSerialValidator('^\\d{6}$').matchesPattern(' 123456\r')).toBe(true);
    expect(createSerialValidator('^\\d{6}$').matchesPattern('12345')).toBe(false);
    expect(createSerialValidator(null).matchesPattern('123456')).toBe(false);
  });
});
