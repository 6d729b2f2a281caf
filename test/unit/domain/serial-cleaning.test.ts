// Scanner additions removed before a serial is validated or a code looked up; the data
// itself (letter case, inner separators) never changes.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cleanScannedText, mayBeGs1 } from '../../../src/domain/serial-cleaning.ts';

describe('cleanScannedText', () => {
  it.each([
    [']C1SN123\r\n', 'SN123', ']C1'],
    [']E04006381333931', '4006381333931', ']E0'],
    [']d20109506000134352\x1d21AbC', '0109506000134352\x1d21AbC', ']d2'],
    [']Q3abcDEF\t', 'abcDEF', ']Q3'],
    ['\x1d0109506000134352\x1d', '0109506000134352', null],
    ['  A1B2C3  ', 'A1B2C3', null],
    ['\x02SN-1\x03', 'SN-1', null],
    ['sn-lower', 'sn-lower', null],
    ['SN ]C1 inside', 'SN ]C1 inside', null],
    [']C1]C1DOUBLE', 'DOUBLE', ']C1'],
    ['\r\n]C1 SN9', 'SN9', ']C1'],
    [']C', ']C', null],
    [']C1', '', ']C1'],
    ['', '', null],
    ['\u00a0NBSP\u2003', 'NBSP', null],
  ])('%j → %j (symbology %j)', (raw, text, symbologyId) => {
    expect(cleanScannedText(raw)).toEqual({ text, symbologyId });
  });

  it('turns a non-string into an empty text instead of throwing', () => {
    expect(cleanScannedText(undefined as unknown as string)).toEqual({
      text: '',
      symbologyId: null,
    });
  });
});

/** White space or a control character (C0, DEL, C1): what may surround data, never start it. */
const isEdgeNoise = (c: string | undefined): boolean => {
  if (c === undefined) return false;
  const code = c.charCodeAt(0);
  return c.trim() === '' || code < 0x20 || (code >= 0x7f && code <= 0x9f);
};

// Characters a scanner may add around data, to build noisy inputs from.
const noise = fc.constantFrom('\r', '\n', '\t', ' ', '\x1d', '\x04', '\u00a0');
const aim = fc
  .tuple(fc.constantFrom(...'CdQeEJX'), fc.constantFrom(...'0123459'))
  .map(([letter, modifier]) => `]${letter}${modifier}`);

describe('cleanScannedText properties', () => {
  it('is idempotent and never throws', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 60 }), (raw) => {
        const once = cleanScannedText(raw);
        expect(cleanScannedText(once.text)).toEqual({ text: once.text, symbologyId: null });
      }),
      { numRuns: 2000 },
    );
  });

  it('gives back the data a scanner wrapped in an AIM prefix and noise', () => {
    // Data that starts and ends with a visible character and does not itself start with `]`.
    const data = fc
      .string({ minLength: 1, maxLength: 40 })
      .filter((s) => !s.startsWith(']') && !isEdgeNoise(s.at(0)) && !isEdgeNoise(s.at(-1)));
    fc.assert(
      fc.property(
        fc.array(noise, { maxLength: 3 }),
        fc.option(aim, { nil: null }),
        data,
        fc.array(noise, { maxLength: 3 }),
        (before, prefix, text, after) => {
          const raw = `${before.join('')}${prefix ?? ''}${text}${after.join('')}`;
          expect(cleanScannedText(raw)).toEqual({ text, symbologyId: prefix });
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never changes a string with none of the additions', () => {
    const plain = fc
      .string({ unit: 'binary', maxLength: 40 })
      .filter((s) => !s.startsWith(']') && !isEdgeNoise(s.at(0)) && !isEdgeNoise(s.at(-1)));
    fc.assert(
      fc.property(plain, (text) => {
        expect(cleanScannedText(text)).toEqual({ text, symbologyId: null });
      }),
      { numRuns: 2000 },
    );
  });
});

describe('mayBeGs1', () => {
  it.each([
    [']C10109501101530003\x1d21SN123', true, 'GS1-128 identifier and GS'],
    [']d20109501101530003', true, 'GS1 DataMatrix identifier'],
    [']Q30109501101530003', true, 'GS1 QR identifier'],
    ['(01)09501101530003(21)SN1', true, 'bracketed form'],
    ['0109501101530003\x1d21SN1', true, 'GS separator without identifier'],
    ['https://id.gs1.org/01/09501101530003/21/SN1', true, 'Digital Link'],
    ['4006381333931', false, 'a plain EAN-13'],
    [']E04006381333931', false, 'EAN-13 with its own identifier'],
    [']C0SKU-123', false, 'plain Code 128'],
    ['SN4K7Q2M9X1B3C', false, 'a bare serial'],
    ['', false, 'nothing'],
  ])('%j → %s (%s)', (raw, expected) => {
    expect(mayBeGs1(raw, cleanScannedText(raw))).toBe(expected);
  });
});
