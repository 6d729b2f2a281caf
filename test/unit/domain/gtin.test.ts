import { describe, expect, it } from 'vitest';
import {
  expandUpcE,
  gs1CheckDigit,
  hasValidCheckDigit,
  identifierKeys,
  toGtin14,
} from '../../../src/domain/gtin.ts';

describe('gs1CheckDigit', () => {
  it.each([
    ['400638133393', 1], // EAN-13 4006381333931
    ['03600029145', 2], // UPC-A 036000291452
    ['7351353', 7], // EAN-8 73513537
    ['1003600029145', 9], // GTIN-14 10036000291459
  ])('check digit of %s is %i', (body, digit) => {
    expect(gs1CheckDigit(body)).toBe(digit);
  });
});

describe('hasValidCheckDigit', () => {
  it.each([
    ['4006381333931', true],
    ['4006381333932', false],
    ['036000291452', true],
    ['036000291453', false],
    ['73513537', true],
    ['10036000291459', true],
    ['1003600029145', false], // 13 digits, wrong check digit
    ['ABC', false],
    ['12345', false],
  ])('%s → %s', (code, valid) => {
    expect(hasValidCheckDigit(code)).toBe(valid);
  });
});

describe('expandUpcE', () => {
  it.each([
    ['04252614', '042100005264'], // last digit 1: manufacturer 42100, item 00526
    ['01234565', '012345000065'], // last digit 5
    ['01234531', '012300000451'], // last digit 3
    ['01234543', '012340000053'], // last digit 4
  ])('%s expands to %s', (upcE, upcA) => {
    expect(expandUpcE(upcE)).toBe(upcA);
  });

  it.each(['04252615', '24252614', '0425261', 'A4252614'])('%s is not a UPC-E', (code) => {
    expect(expandUpcE(code)).toBeNull();
  });
});

describe('toGtin14', () => {
  it.each([
    ['4006381333931', '04006381333931'], // EAN-13
    ['036000291452', '00036000291452'], // UPC-A
    ['0036000291452', '00036000291452'], // the same UPC-A read as EAN-13
    ['00036000291452', '00036000291452'], // and as GTIN-14
    ['73513537', '00000073513537'], // EAN-8
    ['04252614', '00042100005264'], // UPC-E through its UPC-A
    ['10036000291459', '10036000291459'], // GTIN-14 of a case
    [' 036000291452 ', '00036000291452'], // a scanner's stray spaces
  ])('%j → %s', (code, gtin) => {
    expect(toGtin14(code)).toBe(gtin);
  });

  it.each(['036000291453', 'SKU-1001', '12345', '', '1234567890123456'])(
    '%j is not a GTIN',
    (code) => {
      expect(toGtin14(code)).toBeNull();
    },
  );
});

describe('identifierKeys', () => {
  it('finds a 12-digit UPC-A from a 13-digit read and the other way round', () => {
    const stored = identifierKeys('036000291452');
    const read = identifierKeys('0036000291452');
    expect(stored.filter((key) => read.includes(key))).toEqual(['00036000291452']);
  });

  it('indexes a UPC-E under its UPC-A GTIN-14', () => {
    expect(identifierKeys('04252614')).toEqual(['04252614', '00042100005264']);
    expect(identifierKeys('042100005264')).toContain('00042100005264');
  });

  it('keeps a SKU as it is and in capitals, so any letter case finds it', () => {
    expect(identifierKeys('Sku-1001')).toEqual(['Sku-1001', 'SKU-1001']);
    expect(identifierKeys('AIS-001')).toEqual(['AIS-001']);
    const stored = identifierKeys('aBc-7');
    for (const typed of ['abc-7', 'ABC-7', 'Abc-7', ' abc-7 ']) {
      expect(identifierKeys(typed).some((key) => stored.includes(key))).toBe(true);
    }
  });
});
