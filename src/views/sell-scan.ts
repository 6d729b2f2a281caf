/**
 * Reading a code scanned or typed on the sell screen: scanner additions removed, a GS1 code
 * with AI (01) found by its GTIN (with its AI (21) serial, when it carries one), anything else
 * by identifier or product id; and what to say when nothing matches, including "this looks
 * like a serial number, scan the product first".
 */
import { msg, str } from '@lit/localize';
import type { CatalogRepository } from '../data/catalog-repository.ts';
import type { OpenCart } from '../data/cart-repository.ts';
import type { CartLineRecord, ProductRecord } from '../data/types.ts';
import { cleanScannedText, mayBeGs1, quotedCode } from '../domain/serial-cleaning.ts';
import { formatMoney, type Minor } from '../domain/money.ts';
import { looksLikeSerial } from '../domain/serial-rules.ts';
import type { SerialValidator } from '../domain/serial-validation.ts';
import type { CaptureMethod } from '../protocol/schemas.ts';
import { loadSerialScan } from '../controllers/load-serial-modules.ts';
import { screenLocale } from '../i18n/format.ts';

export type ScannedCode =
  | {
      readonly kind: 'product';
      readonly product: ProductRecord;
      /** AI (21) of a GS1 code, to be validated before the unit is added. */
      readonly serial: string | null;
    }
  | { readonly kind: 'unknown'; readonly text: string };

export async function findScannedProduct(
  catalog: CatalogRepository,
  raw: string,
): Promise<ScannedCode> {
  const cleaned = cleanScannedText(raw);
  const { text } = cleaned;
  const gs1 = mayBeGs1(raw, cleaned) ? (await loadSerialScan()).parseGs1(raw) : null;
  if (gs1?.ok === true && gs1.gtin !== undefined) {
    const product = await catalog.findByCode(gs1.gtin);
    if (product !== undefined) return { kind: 'product', product, serial: gs1.serial ?? null };
  }
  const product = text === '' ? undefined : await catalog.findByCode(text);
  return product === undefined
    ? { kind: 'unknown', text }
    : { kind: 'product', product, serial: null };
}

/** An unknown code: a serial scanned first gets its own message (the validator may be absent). */
export function unknownCodeMessage(text: string, validator: SerialValidator | null): string {
  if (validator !== null && looksLikeSerial(text, validator)) {
    return msg('This looks like a serial number. Scan the product barcode first, then its serial.');
  }
  return msg(str`No product with barcode ${quotedCode(text)} — check the code or type the SKU.`);
}

/** "Added … — $699.00 (now 2) with serial …": what a scan put in the cart. */
export function addedMessage(line: CartLineRecord, unitPrice: Minor, currency: string): string {
  const { title } = line;
  const price = formatMoney(unitPrice, currency, screenLocale());
  // A serialized unit is a line of its own: a serial and "now 2" never come together.
  if (line.serial !== null) return msg(str`Added ${title} — ${price} with serial ${line.serial}.`);
  return line.quantity > 1
    ? msg(str`Added ${title} — ${price} (now ${line.quantity}).`)
    : msg(str`Added ${title} — ${price}.`);
}

/** The open cart with a just-written line in place (added, or its quantity raised). */
export function withLine(
  current: OpenCart | undefined,
  line: CartLineRecord,
  now: string,
): OpenCart {
  const lines = current?.lines ?? [];
  const known = lines.some((other) => other.lineId === line.lineId);
  return {
    cart: current?.cart ?? { cartId: line.cartId, deviceId: '', createdAt: now, updatedAt: now },
    lines: known
      ? lines.map((other) => (other.lineId === line.lineId ? line : other))
      : [...lines, line],
  };
}

/**
 * The barcode field and the serial prompt submit their own Enter, with the whole text even
 * when a loaded device splits one scanner burst in two, so the keyboard-wedge controller
 * leaves them be. It still judged the burst a scan: remembered here, so the capture is
 * recorded as `scanner` whatever the field's own guess.
 */
export class WedgeScanMemory {
  private _at = Number.NEGATIVE_INFINITY;

  /** For `KeyboardWedgeController`'s `isScanField` (called only for a detected scan). */
  readonly isScanField = (element: Element): boolean => {
    const host = (element.getRootNode() as Partial<ShadowRoot>).host?.localName;
    if (host !== 'pos-scan-field' && host !== 'pos-serial-prompt') return false;
    this._at = performance.now();
    return true;
  };

  /** `scanner` when the wedge saw a scan end just now (the field submits on the same Enter). */
  method(said: CaptureMethod): CaptureMethod {
    const recent = performance.now() - this._at < 1000;
    this._at = Number.NEGATIVE_INFINITY;
    return recent ? 'scanner' : said;
  }
}
