import { describe, expect, it } from 'vitest';
import { identifierKeys } from '../../../src/domain/gtin.ts';
import { compressUpcA, normaliseRead, rankReads } from '../../../src/scan/symbology.ts';
import type { Decoded } from '../../../src/scan/scan-types.ts';

describe('normalising EAN/UPC reads to GTIN', () => {
  it.each([
    // engine output                               → format, text, gtin14
    ['ean13', '4006381333931', 'ean13', '4006381333931', '04006381333931'],
    // zxing-wasm reports a UPC-A as a 13-digit EAN-13 with a leading 0.
    ['ean13', '0036000291452', 'upc_a', '036000291452', '00036000291452'],
    // zxing-js reports the same symbol as 12-digit UPC-A.
    ['upc_a', '036000291452', 'upc_a', '036000291452', '00036000291452'],
    ['ean8', '96385074', 'ean8', '96385074', '00000096385074'],
    // zxing-wasm reports UPC-E as the GTIN-13 of its expansion, zxing-js as 8 digits.
    ['upc_e', '0012345000065', 'upc_e', '01234565', '00012345000065'],
    ['upc_e', '01234565', 'upc_e', '01234565', '00012345000065'],
  ] as const)('%s %s → %s %s', (format, text, expectedFormat, expectedText, gtin14) => {
    expect(normaliseRead({ format, text, symbologyIdentifier: ']E0' })).toMatchObject({
      format: expectedFormat,
      text: expectedText,
      gtin14,
    });
  });

  it('a product stored as 12-digit UPC-A is found from a 13-digit read, and the other way round', () => {
    const fromWasm = normaliseRead({
      format: 'ean13',
      text: '0036000291452',
      symbologyIdentifier: ']E0',
    });
    const fromJs = normaliseRead({
      format: 'upc_a',
      text: '036000291452',
      symbologyIdentifier: ']E0',
    });
    expect(identifierKeys('036000291452')).toContain(fromWasm?.gtin14);
    expect(identifierKeys('0036000291452')).toContain(fromJs?.gtin14);
  });

  it('a product stored as UPC-E is found from a read of its expansion', () => {
    const read = normaliseRead({
      format: 'upc_e',
      text: '0012345000065',
      symbologyIdentifier: ']E0',
    });
    expect(identifierKeys('01234565')).toContain(read?.gtin14);
  });

  it.each([
    ['012345000065', '01234565'],
    ['012000003455', '01234505'],
    ['063200009716', '06397126'],
    ['042100005264', '04252614'],
    ['036000291452', null],
  ])('compresses UPC-A %s to UPC-E %s', (upcA, upcE) => {
    expect(compressUpcA(upcA)).toBe(upcE);
  });

  it('keeps GS1 element strings intact with the identifier apart', () => {
    const read = normaliseRead({
      format: 'data_matrix',
      text: '0109501101530003\x1d21ABC123',
      symbologyIdentifier: ']d2',
    });
    expect(read).toMatchObject({
      text: '0109501101530003\x1d21ABC123',
      raw: ']d20109501101530003\x1d21ABC123',
      gs1: true,
      gtin14: null,
    });
  });

  it('puts a Japanese book price code after the ISBN', () => {
    const price = normaliseRead({
      format: 'ean13',
      text: '1920081045006',
      symbologyIdentifier: ']E0',
    }) as Decoded;
    const isbn = normaliseRead({
      format: 'ean13',
      text: '9784872348880',
      symbologyIdentifier: ']E0',
    }) as Decoded;
    expect(rankReads([price, isbn]).map((d) => d.text)).toEqual(['9784872348880', '1920081045006']);
  });
});
