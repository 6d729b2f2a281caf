// GS1 payloads as scanners deliver them: element strings from GS1-128 / DataMatrix / QR,
// the bracketed human-readable form, and Digital Link URLs.
import { describe, expect, it } from 'vitest';
import {
  formatGs1Bracketed,
  formatGs1ElementString,
  GS,
  isGs1ElementString,
  parseGs1,
} from '../../../src/domain/gs1.ts';
import { formatGs1DigitalLink } from '../../../src/domain/gs1-digital-link.ts';

const GTIN = '09506000134352';

describe('parseGs1: accepted payloads', () => {
  it.each([
    [`]C101${GTIN}21ABC123`, 'element-string', ']C1', { '01': GTIN, '21': 'ABC123' }],
    [
      `]d201${GTIN}17261231` + `10L0T${GS}21AbC`,
      'element-string',
      ']d2',
      { '01': GTIN, '17': '261231', '10': 'L0T', '21': 'AbC' },
    ],
    [`]Q3${GS}01${GTIN}21X1\r\n`, 'element-string', ']Q3', { '01': GTIN, '21': 'X1' }],
    [`01${GTIN}${GS}21SER`, 'element-string', null, { '01': GTIN, '21': 'SER' }],
    // A leading FNC1 (as GS) is the only GS1 marker some DataMatrix decoders give.
    [`${GS}01${GTIN}21SER`, 'element-string', null, { '01': GTIN, '21': 'SER' }],
    [`]C1310300150001${GTIN}`, 'element-string', ']C1', { '3103': '001500', '01': GTIN }],
    [`]C170032612311200${GS}21S`, 'element-string', ']C1', { '7003': '2612311200', '21': 'S' }],
    [`(01)${GTIN}(21)ABC123`, 'bracketed', null, { '01': GTIN, '21': 'ABC123' }],
    [`(01) ${GTIN} (21) A\\(B`, 'bracketed', null, { '01': GTIN, '21': 'A(B' }],
    [
      `https://id.gs1.org/01/${GTIN}/21/ABC123?17=261231`,
      'digital-link',
      null,
      { '01': GTIN, '21': 'ABC123', '17': '261231' },
    ],
    [
      `HTTPS://shop.example.com/p/01/${GTIN}/10/L%2F1/21/S%25?linkType=gs1:pip&3103=000750`,
      'digital-link',
      null,
      { '01': GTIN, '10': 'L/1', '21': 'S%', '3103': '000750' },
    ],
    ['https://example.com/01/9506000134352/21/S', 'digital-link', null, { '01': GTIN, '21': 'S' }],
    [
      'https://example.com/gtin/9506000134352/ser/S?exp=261231',
      'digital-link',
      null,
      { '01': GTIN, '21': 'S', '17': '261231' },
    ],
  ])('%j', (raw, form, symbologyId, ais) => {
    const result = parseGs1(raw);
    expect(result).toMatchObject({ ok: true, form, symbologyId, ais });
  });

  it('names the fields a sale needs', () => {
    expect(parseGs1(`]d201${GTIN}17261231` + `10LOT7${GS}21Sn-1`)).toMatchObject({
      gtin: GTIN,
      serial: 'Sn-1',
      batch: 'LOT7',
      expiry: '261231',
    });
  });

  it('reads a marker-less element string only when told the symbol was GS1', () => {
    expect(parseGs1(`01${GTIN}21SER`).ok).toBe(false);
    expect(parseGs1(`01${GTIN}21SER`, { assumeGs1: true })).toMatchObject({
      ok: true,
      serial: 'SER',
    });
  });
});

describe('parseGs1: refused payloads', () => {
  it.each([
    ['', 'not_gs1', /Nothing was scanned/],
    ['4006381333931', 'not_gs1', /Not a GS1 code/],
    ['A1B2C3D4E5F6G7', 'not_gs1', /Not a GS1 code/],
    [
      `]C10109506000134353`,
      'invalid_value',
      /AI \(01\) GTIN 09506000134353 has a wrong check digit/,
    ],
    [`]C101${GTIN.slice(0, 10)}`, 'invalid_value', /cut short/],
    [
      `]C101${GTIN}21${'A'.repeat(21)}`,
      'invalid_value',
      /AI \(21\) SERIAL must be 1 to 20 characters/,
    ],
    [`]C101${GTIN}21${GS}`, 'invalid_value', /AI \(21\) SERIAL must be 1 to 20/],
    [`]C101${GTIN}21AB CD`, 'invalid_value', /character GS1 does not allow/],
    [`]C101${GTIN}17261331`, 'invalid_value', /261331 is not a date/],
    [`]C101${GTIN}17250229`, 'invalid_value', /is not a date/],
    [`]C1011234`, 'invalid_value', /cut short/],
    [`]C1${GTIN}`, 'unknown_ai', /No known GS1 Application Identifier at "0950"/],
    [`]C101${GTIN}99`, 'invalid_value', /AI \(99\)/],
    [`(01)${GTIN}(21)A(21)B`, 'conflicting_ai', /appears twice/],
    [`(01)${GTIN}(23)X`, 'unknown_ai', /\(23\)/],
    [`(01)${GTIN}(21)A(B`, 'not_gs1', /Expected "\(AI\)"/],
    ['https://example.com/products/123', 'not_gs1', /no GS1 key/],
    [`https://example.com/01/${GTIN}/21/%E0%A4%A`, 'not_gs1', /no GS1 key/],
    [`https://example.com/01/${GTIN}?17=%E0%A4%A`, 'not_gs1', /percent-encoding/],
    [`https://example.com/01/09506000134353`, 'invalid_value', /wrong check digit/],
  ])('%j → %s', (raw, error, message) => {
    const result = parseGs1(raw);
    expect(result).toMatchObject({ ok: false, error });
    if (!result.ok) expect(result.message).toMatch(message);
  });

  it('never throws on non-string input', () => {
    expect(parseGs1(null as unknown as string)).toMatchObject({ ok: false, error: 'not_gs1' });
  });
});

describe('isGs1ElementString', () => {
  it.each([
    [`]C101${GTIN}21A`, true],
    [`01${GTIN}${GS}21A`, true],
    [`(01)${GTIN}`, true],
    [`https://id.gs1.org/01/${GTIN}`, true],
    [`01${GTIN}21A`, false],
    ['4006381333931', false],
    [`]E0${GTIN.slice(1)}`, false],
    [`]C10109506000134353`, false],
  ])('%j → %s', (text, expected) => {
    expect(isGs1ElementString(text)).toBe(expected);
  });
});

describe('formatting', () => {
  const elements = [
    { ai: '01', value: GTIN },
    { ai: '17', value: '261231' },
    { ai: '10', value: 'L(1' },
    { ai: '21', value: 'S/2' },
  ];

  it('writes a raw element string with GS only after variable-length values', () => {
    expect(formatGs1ElementString(elements)).toBe(`]C101${GTIN}17261231` + `10L(1${GS}21S/2`);
  });

  it('writes the bracketed form with ( escaped', () => {
    expect(formatGs1Bracketed(elements)).toBe(`(01)${GTIN}(17)261231(10)L\\(1(21)S/2`);
  });

  it('writes a Digital Link with qualifiers in the path and other AIs in the query', () => {
    expect(formatGs1DigitalLink(elements)).toBe(
      `https://id.gs1.org/01/${GTIN}/10/L(1/21/S%2F2?17=261231`,
    );
    expect(formatGs1DigitalLink([{ ai: '21', value: 'S' }])).toBeNull();
  });
});
