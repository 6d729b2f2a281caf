/**
 * GS1 trade item numbers: check digits for EAN-8, UPC-A, EAN-13 and GTIN-14, UPC-E
 * expansion, and normalisation to GTIN-14 so one product is found from any of its forms
 * (a UPC-A stored as 12 digits from a 13-digit EAN read, and the other way round).
 */

/** The GS1 mod-10 check digit of the digits before it. */
export function gs1CheckDigit(body: string): number {
  let sum = 0;
  // Weights alternate 3,1 starting from the rightmost digit of the body.
  for (let i = 0; i < body.length; i += 1) {
    const digit = body.charCodeAt(body.length - 1 - i) - 48;
    sum += i % 2 === 0 ? digit * 3 : digit;
  }
  return (10 - (sum % 10)) % 10;
}

const DIGITS = /^\d+$/;

/** True when `code` is 8, 12, 13 or 14 digits with a correct GS1 check digit. */
export function hasValidCheckDigit(code: string): boolean {
  if (!DIGITS.test(code) || ![8, 12, 13, 14].includes(code.length)) return false;
  return gs1CheckDigit(code.slice(0, -1)) === Number(code.at(-1));
}

/**
 * Expands an 8-digit UPC-E (number system 0 or 1, six data digits, check digit) to its
 * 12-digit UPC-A, or null when it is not a UPC-E.
 */
export function expandUpcE(code: string): string | null {
  if (!/^[01]\d{7}$/.test(code)) return null;
  const ns = code[0] as string;
  const d = code.slice(1, 7);
  const check = code[7] as string;
  const last = Number(d[5]);
  let body: string;
  if (last <= 2) body = `${d.slice(0, 2)}${last}0000${d.slice(2, 5)}`;
  else if (last === 3) body = `${d.slice(0, 3)}00000${d.slice(3, 5)}`;
  else if (last === 4) body = `${d.slice(0, 4)}00000${d.charAt(4)}`;
  else body = `${d.slice(0, 5)}0000${last}`;
  const upcA = `${ns}${body}${check}`;
  return hasValidCheckDigit(upcA) ? upcA : null;
}

export type GtinKind = 'ean8' | 'upce' | 'upca' | 'ean13' | 'gtin14';

/**
 * The GTIN-14 of a scanned or typed EAN/UPC code, or null when the text is not one (wrong
 * length, letters, or a bad check digit). An 8-digit code is read as EAN-8 when its check
 * digit holds, else as UPC-E.
 */
export function toGtin14(code: string): string | null {
  const text = code.trim();
  if (!DIGITS.test(text)) return null;
  if (text.length === 8) {
    if (hasValidCheckDigit(text)) return text.padStart(14, '0');
    const upcA = expandUpcE(text);
    return upcA === null ? null : upcA.padStart(14, '0');
  }
  if (text.length === 12 || text.length === 13 || text.length === 14) {
    return hasValidCheckDigit(text) ? text.padStart(14, '0') : null;
  }
  return null;
}

/**
 * Lookup keys for one identifier value: the value itself, its letters in capitals (a SKU
 * typed in small letters on a phone keyboard finds `AIS-001`), and, for a valid EAN/UPC, its
 * GTIN-14 (and the GTIN-14 of a UPC-E's expansion). A catalog indexes these keys and a scan
 * looks up the same keys, so every form and letter case of a code finds the product.
 */
export function identifierKeys(value: string): string[] {
  const text = value.trim();
  const keys = new Set<string>([text, text.toUpperCase()]);
  const gtin = toGtin14(value);
  if (gtin !== null) keys.add(gtin);
  // An 8-digit code valid as EAN-8 may also be a UPC-E: index both readings.
  if (value.trim().length === 8) {
    const upcA = expandUpcE(value.trim());
    if (upcA !== null) keys.add(upcA.padStart(14, '0'));
  }
  return [...keys];
}
