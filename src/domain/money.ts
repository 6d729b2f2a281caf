/**
 * Money as integer minor units (cents for USD), branded so a decimal never slips in.
 * Conversion to and from NewStore's decimal wire amounts happens only at the edges, with the
 * currency's precision from `Intl` (JPY has 0 digits, KWD 3).
 */
export type Minor = number & { readonly __brand: 'Minor' };

export const minor = (value: number): Minor => {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer amount: ${value}`);
  return value as Minor;
};

export const ZERO = 0 as Minor;

const digitsCache = new Map<string, number>();

/** Minor-unit digits of a currency (2 for USD, 0 for JPY, 3 for KWD). */
export function currencyDigits(currency: string): number {
  let digits = digitsCache.get(currency);
  if (digits === undefined) {
    digits =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions()
        .maximumFractionDigits ?? 2;
    digitsCache.set(currency, digits);
  }
  return digits;
}

/** A wire decimal (19.99) to minor units (1999), rounding away float noise. */
export function fromDecimal(amount: number, currency: string): Minor {
  const factor = 10 ** currencyDigits(currency);
  return minor(Math.round(amount * factor));
}

/** Minor units (1999) to a wire decimal (19.99). */
export function toDecimal(amount: Minor, currency: string): number {
  const digits = currencyDigits(currency);
  return Number((amount / 10 ** digits).toFixed(digits));
}

/** Parses what a person typed ("20", "20.5", "20,50") into minor units, or null. */
export function parseAmount(text: string, currency: string): Minor | null {
  const cleaned = text.trim().replace(',', '.');
  if (!/^\d{1,9}(\.\d*)?$/.test(cleaned)) return null;
  const digits = currencyDigits(currency);
  const [whole = '0', fraction = ''] = cleaned.split('.');
  if (fraction.length > digits) return null;
  return minor(Number(whole) * 10 ** digits + Number(fraction.padEnd(digits, '0') || '0'));
}

/**
 * Tax on one amount at a rate (0.08), in minor units, rounded half up (the usual rule for
 * sales tax). Rates such as 0.0825 are not exact in binary, so the rate is scaled to an
 * integer in millionths and the rounding is done in integer arithmetic.
 */
export function taxOn(amount: Minor, rate: number): Minor {
  const scale = 1_000_000;
  // Rounded on the magnitude so a refund's tax mirrors the sale's (half away from zero).
  const numerator = Math.abs(amount) * Math.round(rate * scale);
  const quotient = Math.floor(numerator / scale);
  const remainder = numerator - quotient * scale;
  const magnitude = remainder * 2 >= scale ? quotient + 1 : quotient;
  return minor(amount < 0 ? -magnitude : magnitude);
}

export const addMinor = (...amounts: Minor[]): Minor =>
  minor(amounts.reduce<number>((sum, value) => sum + value, 0));

/** Formats minor units for people, in the store's currency and locale. */
export function formatMoney(amount: Minor, currency: string, locale = 'en-US'): string {
  return new Intl.NumberFormat(locale, { style: 'currency', currency }).format(
    amount / 10 ** currencyDigits(currency),
  );
}
