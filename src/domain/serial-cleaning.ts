/**
 * Removing what a scanner adds around the data it read, before a serial is validated or a
 * code is looked up: an AIM symbology identifier (`]C1`, `]d2`, `]Q3`, …) at the start, a
 * suffix such as CR, LF or TAB, FNC1/group separators (GS, 0x1D) and other control
 * characters at either end, and surrounding white space. Letter case is never changed, and
 * a GS *inside* the text stays: there it separates GS1 element strings (see `gs1.ts`).
 */

/**
 * AIM identifiers of the GS1 symbologies (GS1-128, GS1 DataBar, DataMatrix, QR, DotCode): a
 * scan that starts with one carries GS1 element strings. Here, on the first paint, so the scan
 * readers can tell a GS1 code without loading the GS1 parser.
 */
/**
 * Longest code a barcode field takes, in characters: a product identifier has at most 128, a
 * GS1 element string or a GS1 Digital Link URL with its serial stays well under this. Longer
 * text (a paste of a document, a scanner left running) is refused as not a code.
 */
export const MAX_SCAN_LENGTH = 512;

/** Longest serial accepted, in characters (the wire schema's `serial_number` maxLength). */
export const MAX_SERIAL_LENGTH = 200;

/** A code as quoted back in a message: its first 40 characters, then an ellipsis. */
export function quotedCode(text: string): string {
  const chars = [...text];
  return chars.length <= 40 ? text : `${chars.slice(0, 40).join('')}…`;
}

export const GS1_SYMBOLOGY_IDS: ReadonlySet<string> = new Set([']C1', ']e0', ']d2', ']Q3', ']J1']);

export interface CleanedScan {
  /** The data as the label carries it. */
  readonly text: string;
  /**
   * The AIM symbology identifier the scanner prefixed (`]C1` GS1-128, `]d2` GS1 DataMatrix,
   * `]Q3` GS1 QR, `]E0` EAN-13 …), or null when there was none.
   */
  readonly symbologyId: string | null;
}

// `]` + symbology letter + one modifier character (ISO/IEC 15424). Modifiers are digits for
// most symbologies and a letter for a few (`]Xx`-style vendor codes), so both are accepted.
const AIM_PREFIX = /^\][A-Za-z][0-9A-Za-z]/;

/** C0 controls, DEL, and every character `String.prototype.trim` treats as white space. */
function isEdgeNoise(code: number): boolean {
  if (code <= 0x20 || code === 0x7f) return true;
  if (code < 0x80) return false;
  // Cheap for the common (ASCII) case above; the rare non-ASCII edge pays for a trim() check.
  return String.fromCharCode(code).trim() === '' || (code >= 0x80 && code <= 0x9f);
}

/**
 * The scanned or typed text without scanner additions, and the symbology identifier found.
 *
 * Idempotent: cleaning a cleaned text changes nothing (prefixes and noise are removed until
 * none is left, so `]C1]C1…` or `\x1d]d2…` also end clean). Never throws; a non-string gives
 * an empty text.
 */
export function cleanScannedText(raw: string): CleanedScan {
  if (typeof raw !== 'string') return { text: '', symbologyId: null };
  let start = 0;
  let end = raw.length;
  let symbologyId: string | null = null;
  for (;;) {
    const before = start;
    while (start < end && isEdgeNoise(raw.charCodeAt(start))) start += 1;
    if (end - start >= 3 && AIM_PREFIX.test(raw.slice(start, start + 3))) {
      symbologyId ??= raw.slice(start, start + 3);
      start += 3;
    }
    if (start === before) break;
  }
  while (end > start && isEdgeNoise(raw.charCodeAt(end - 1))) end -= 1;
  return { text: raw.slice(start, end), symbologyId };
}

/** Only the cleaned text, for callers that do not need the symbology identifier. */
export function cleanSerialInput(raw: string): string {
  return cleanScannedText(raw).text;
}

/**
 * Whether a scan may be a GS1 payload, by the markers `parseGs1` reads (a GS1 symbology
 * identifier, a GS separator, the bracketed form, a Digital Link URL): only then is the GS1
 * parser worth loading. `cleaned` is `cleanScannedText(raw)`.
 */
export function mayBeGs1(raw: string, cleaned: CleanedScan): boolean {
  return (
    (cleaned.symbologyId !== null && GS1_SYMBOLOGY_IDS.has(cleaned.symbologyId)) ||
    raw.includes('\x1d') ||
    /^\(\d{2,4}\)/.test(cleaned.text) ||
    /^https?:\/\//i.test(cleaned.text)
  );
}
