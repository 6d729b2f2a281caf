/**
 * The serial rules the sell, pick and settings screens (and the server) share: which units
 * need a serial, when an unknown scan "looks like a serial number — scan the product barcode
 * first", and the key that makes one serial of one product unique on a device. How a scan
 * answered to the serial prompt is read (a GS1 code gives its AI 21) is `serial-scan.ts`.
 */
import { cleanScannedText } from './serial-cleaning.ts';
import type { SerialValidator } from './serial-validation.ts';

/** Only a serialized product handed over now needs its serial at checkout. */
export function requiresSerialAtCheckout(unit: {
  readonly serialized: boolean;
  readonly shippingType: string;
}): boolean {
  return unit.serialized && unit.shippingType === 'in_store_handover';
}

/**
 * For a scan that matched no product: true when it passes the configured serial pattern, so
 * the screen says "this looks like a serial number, scan the product barcode first". With no
 * pattern nothing can be told apart, so false.
 */
export function looksLikeSerial(code: string, validator: SerialValidator): boolean {
  return validator.active && validator.matchesPattern(code);
}

/**
 * The uniqueness key of one serial of one product. Serials keep their letter case, so
 * `abc` and `ABC` are different serials; only scanner additions are removed.
 */
export function serialKey(productId: string, serial: string): string {
  // JSON of the pair: injective whatever characters either part holds.
  return JSON.stringify([productId, cleanScannedText(serial).text]);
}

/** The first unit already holding this serial of this product, or undefined. */
export function findSameSerial<
  T extends { readonly productId: string; readonly serial: string | null },
>(units: Iterable<T>, productId: string, serial: string): T | undefined {
  const key = serialKey(productId, serial);
  for (const unit of units) {
    if (
      unit.serial !== null &&
      unit.productId === productId &&
      serialKey(unit.productId, unit.serial) === key
    ) {
      return unit;
    }
  }
  return undefined;
}
