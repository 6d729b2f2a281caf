/**
 * Reading what was scanned or typed at a serial prompt: a GS1 code with AI (21) gives its
 * serial (and the GTIN it came with, to check it is the right product); any other text is the
 * serial itself, cleaned of scanner additions. Apart from `serial-rules.ts` so the GS1 parser
 * it needs loads with the prompt, not with the first paint.
 */
import { parseGs1 } from './gs1.ts';
import { cleanScannedText } from './serial-cleaning.ts';

/** The GS1 parser, for screens that load this module on demand (one chunk for both). */
export { parseGs1 };

export interface SerialScan {
  /** The serial to validate: AI (21) of a GS1 code, else the cleaned text. */
  readonly serial: string;
  /** The GTIN-14 the code carried with the serial (GS1 only), to check it is the right product. */
  readonly gtin: string | null;
  readonly symbologyId: string | null;
}

/** Never throws. */
export function readSerialScan(raw: string): SerialScan {
  const cleaned = cleanScannedText(raw);
  const gs1 = parseGs1(raw);
  if (gs1.ok && gs1.serial !== undefined) {
    return { serial: gs1.serial, gtin: gs1.gtin ?? null, symbologyId: cleaned.symbologyId };
  }
  return { serial: cleaned.text, gtin: null, symbologyId: cleaned.symbologyId };
}
