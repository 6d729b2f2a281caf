/**
 * Turns what an engine read into one engine-independent `Decoded`: zxing-wasm reports UPC-A
 * as a 13-digit EAN-13 and UPC-E as the GTIN-13 of its expansion, zxing-js as 12 and 8
 * digits; both become the symbol's natural digits plus a GTIN-14 lookup key, so a product
 * stored as a 12-digit UPC-A is found from a 13-digit read and the other way round.
 */
import { expandUpcE, gs1CheckDigit, hasValidCheckDigit, toGtin14 } from '../domain/gtin.ts';
import { ScanFormats, type Decoded, type ScanFormat } from './scan-types.ts';
import { GS1_SYMBOLOGY_IDS } from '../domain/serial-cleaning.ts';

/** What an engine adapter hands over, before normalisation. */
export interface EngineRead {
  readonly format: ScanFormat;
  readonly text: string;
  readonly symbologyIdentifier: string;
}

/** The 8-digit UPC-E whose expansion is `upcA` (12 digits), or null when it has none. */
export function compressUpcA(upcA: string): string | null {
  if (!/^[01]\d{11}$/.test(upcA)) return null;
  const ns = upcA[0] as string;
  const check = upcA[11] as string;
  const m = upcA.slice(1, 6); // manufacturer
  const p = upcA.slice(6, 11); // product
  const candidates: string[] = [];
  // The four UPC-E zero-suppression rules, tried in order; expandUpcE is the judge.
  if (/^\d\d[012]00$/.test(m) && p.startsWith('00'))
    candidates.push(`${m.slice(0, 2)}${p.slice(2)}${m.slice(2, 3)}`);
  if (m.endsWith('00') && p.startsWith('000')) candidates.push(`${m.slice(0, 3)}${p.slice(3)}3`);
  if (m.endsWith('0') && p.startsWith('0000')) candidates.push(`${m.slice(0, 4)}${p.slice(4)}4`);
  if (p.startsWith('0000') && Number(p[4]) >= 5) candidates.push(`${m}${p.slice(4)}`);
  for (const body of candidates) {
    const upcE = `${ns}${body}${check}`;
    if (expandUpcE(upcE) === upcA) return upcE;
  }
  return null;
}

const RETAIL: ReadonlySet<ScanFormat> = new Set([
  ScanFormats.ean13,
  ScanFormats.ean8,
  ScanFormats.upcA,
  ScanFormats.upcE,
]);

/** True for the EAN/UPC family, whose reads carry a mandatory check digit. */
export const isRetailFormat = (format: ScanFormat): boolean => RETAIL.has(format);

/** True for 2D symbologies, whose Reed-Solomon error correction makes one read trustworthy. */
export const isMatrixFormat = (format: ScanFormat): boolean =>
  format === ScanFormats.qr || format === ScanFormats.dataMatrix;

/**
 * The normalised form of one read, or null when it cannot be a valid symbol of its format
 * (an EAN/UPC whose check digit fails is never passed on).
 */
export function normaliseRead(read: EngineRead): Decoded | null {
  let { format, text } = read;
  const symbologyIdentifier = read.symbologyIdentifier;
  let gtin14: string | null = null;

  if (format === ScanFormats.ean13 || format === ScanFormats.upcA) {
    if (!/^\d{12,13}$/.test(text) || !hasValidCheckDigit(text)) return null;
    // GS1: an EAN-13 starting with 0 is a UPC-A; report it in its 12-digit form.
    if (text.length === 13 && text.startsWith('0')) text = text.slice(1);
    format = text.length === 12 ? ScanFormats.upcA : ScanFormats.ean13;
    gtin14 = text.padStart(14, '0');
  } else if (format === ScanFormats.ean8) {
    if (!/^\d{8}$/.test(text) || !hasValidCheckDigit(text)) return null;
    gtin14 = text.padStart(14, '0');
  } else if (format === ScanFormats.upcE) {
    if (/^0?[01]\d{11}$/.test(text) && hasValidCheckDigit(text)) {
      const upcA = text.slice(-12);
      const upcE = compressUpcA(upcA);
      if (upcE === null) return null;
      text = upcE;
      gtin14 = upcA.padStart(14, '0');
    } else {
      const upcA = expandUpcE(text);
      if (upcA === null) return null;
      gtin14 = upcA.padStart(14, '0');
    }
  } else if (format === ScanFormats.itf && text.length === 14) {
    gtin14 = toGtin14(text);
  }

  return {
    format,
    text,
    raw: symbologyIdentifier + text,
    symbologyIdentifier,
    gtin14,
    gs1: GS1_SYMBOLOGY_IDS.has(symbologyIdentifier),
  };
}

/** The price code under a Japanese book's ISBN (GS1 Japan prefix 191/192). */
export const isBookPriceCode = (d: Decoded): boolean =>
  d.format === ScanFormats.ean13 && /^19[12]/.test(d.text);

/**
 * Orders the symbols found in one frame, most likely wanted first. Japanese books carry a
 * second EAN-13 under the ISBN, the price code (prefix 191/192, GS1 Japan's book-price
 * range) that identifies no trade item: it goes last so the ISBN wins.
 */
export function rankReads(reads: readonly Decoded[]): Decoded[] {
  return [...reads].sort((a, b) => Number(isBookPriceCode(a)) - Number(isBookPriceCode(b)));
}

/** The GS1 check digit appended to a body, for fixtures and typed entry. */
export const withCheckDigit = (body: string): string => `${body}${gs1CheckDigit(body)}`;
