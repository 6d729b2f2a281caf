// Property: any set of valid AI values written as a raw element string, in the bracketed
// form or as a Digital Link parses back to the same values; no input makes the parser throw.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatGs1Bracketed,
  formatGs1ElementString,
  type Gs1Element,
  parseGs1,
} from '../../../src/domain/gs1.ts';
import { type Gs1Component, GS1_AIS } from '../../../src/domain/gs1-ai-table.ts';
import { formatGs1DigitalLink } from '../../../src/domain/gs1-digital-link.ts';
import { gs1CheckDigit } from '../../../src/domain/gtin.ts';

const CSET_82 = [
  ...'!"%&\'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz',
];
const CSET_39 = [...'#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ'];
const digit = fc.constantFrom(...'0123456789');

function componentValue(c: Gs1Component): fc.Arbitrary<string> {
  if (c.date === true) {
    return fc
      .tuple(
        fc.integer({ min: 0, max: 99 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 0, max: 28 }),
      )
      .map(([y, m, d]) => [y, m, d].map((v) => String(v).padStart(2, '0')).join(''));
  }
  if (c.check === true) {
    return fc
      .array(digit, { minLength: c.max - 1, maxLength: c.max - 1 })
      .map((ds) => ds.join(''))
      .map((body) => `${body}${gs1CheckDigit(body)}`);
  }
  const chars =
    c.charset === 'N' ? digit : fc.constantFrom(...(c.charset === 'X' ? CSET_82 : CSET_39));
  return fc.array(chars, { minLength: c.min, maxLength: c.max }).map((cs) => cs.join(''));
}

function aiValue(ai: string): fc.Arbitrary<Gs1Element> {
  const spec = GS1_AIS.get(ai);
  if (spec === undefined) throw new Error(`no AI ${ai}`);
  return fc
    .tuple(...spec.components.map(componentValue))
    .map((parts) => ({ ai, value: parts.join('') }));
}

const allAis = [...GS1_AIS.keys()];
/** Distinct AIs in random order, each with a valid random value. */
const elements = fc
  .uniqueArray(fc.constantFrom(...allAis), { minLength: 1, maxLength: 6 })
  .chain((ais) => fc.tuple(...ais.map(aiValue)));
/** The same, always holding a GTIN (what a Digital Link needs). */
const withGtin = fc
  .tuple(
    aiValue('01'),
    fc.uniqueArray(fc.constantFrom(...allAis.filter((a) => a !== '01')), { maxLength: 5 }),
  )
  .chain(([gtin, ais]) => fc.tuple(fc.constant(gtin), ...ais.map(aiValue)));

const asRecord = (list: readonly Gs1Element[]): Record<string, string> =>
  Object.fromEntries(list.map((e) => [e.ai, e.value]));

describe('GS1 round trips', () => {
  it('raw element strings parse back to the same elements, in order', () => {
    fc.assert(
      fc.property(elements, fc.constantFrom(']C1', ']d2', ']Q3', ']J1'), (list, symbologyId) => {
        const parsed = parseGs1(formatGs1ElementString(list, symbologyId));
        expect(parsed).toMatchObject({ ok: true, form: 'element-string', symbologyId });
        if (parsed.ok) expect(parsed.elements).toEqual(list);
      }),
      { numRuns: 1500 },
    );
  });

  it('a raw element string survives scanner noise around it', () => {
    fc.assert(
      fc.property(elements, fc.constantFrom('\r\n', '\t', '\r', '\x1d\r'), (list, suffix) => {
        const parsed = parseGs1(`${formatGs1ElementString(list, ']d2')}${suffix}`);
        if (!parsed.ok) throw new Error(parsed.message);
        expect(parsed.elements).toEqual(list);
      }),
      { numRuns: 500 },
    );
  });

  it('the bracketed form parses back to the same elements', () => {
    fc.assert(
      fc.property(elements, (list) => {
        const parsed = parseGs1(formatGs1Bracketed(list));
        expect(parsed).toMatchObject({ ok: true, form: 'bracketed' });
        if (parsed.ok) expect(parsed.elements).toEqual(list);
      }),
      { numRuns: 1500 },
    );
  });

  it('a Digital Link parses back to the same values', () => {
    fc.assert(
      fc.property(
        withGtin,
        fc.constantFrom('https://id.gs1.org', 'https://shop.example/dl/'),
        (list, base) => {
          const uri = formatGs1DigitalLink(list, base);
          expect(uri).not.toBeNull();
          const parsed = parseGs1(uri ?? '');
          expect(parsed).toMatchObject({ ok: true, form: 'digital-link', ais: asRecord(list) });
          if (parsed.ok) expect(parsed.gtin).toBe(list[0]?.value);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('the serial and GTIN of a GS1 code are its AI 21 and AI 01', () => {
    fc.assert(
      fc.property(withGtin, aiValue('21'), (list, serial) => {
        const all = [...list.filter((e) => e.ai !== '21'), serial];
        for (const text of [
          formatGs1ElementString(all),
          formatGs1Bracketed(all),
          formatGs1DigitalLink(all) ?? '',
        ]) {
          expect(parseGs1(text)).toMatchObject({
            ok: true,
            gtin: list[0]?.value,
            serial: serial.value,
          });
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('GS1 parsing never throws', () => {
  const gs1ish = fc
    .array(
      fc.constantFrom(...'0123456789()\\/?&=%]Cd1\x1dAbhtps:.', '01', '21', 'https://', '%E0'),
      {
        maxLength: 40,
      },
    )
    .map((parts) => parts.join(''));

  it('on arbitrary text and GS1-looking text', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ unit: 'binary', maxLength: 80 }), gs1ish),
        fc.boolean(),
        (text, assumeGs1) => {
          const parsed = parseGs1(text, { assumeGs1 });
          expect(typeof parsed.ok).toBe('boolean');
          if (!parsed.ok) expect(parsed.message.length).toBeGreaterThan(0);
        },
      ),
      { numRuns: 3000 },
    );
  });
});
