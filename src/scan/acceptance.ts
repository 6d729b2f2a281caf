/**
 * When a camera read becomes a scan. EAN/UPC are trusted on one frame because the engine
 * and `normaliseRead` have verified the check digit; QR and Data Matrix because Reed-Solomon
 * corrected them; everything else (Code 128 serial labels, Code 39, ITF without a GS1 check
 * digit) only when two frames in a short window agree. A code just accepted is ignored while
 * it stays in view, so one item held under the camera is not added twice.
 */
import { isMatrixFormat, isRetailFormat } from './symbology.ts';
import { ScanFormats, type Decoded } from './scan-types.ts';

export interface AcceptanceOptions {
  /** A code accepted once is ignored until it has been out of view this long. */
  readonly cooldownMs: number;
  /** Two agreeing reads of a code without check digit must be at most this far apart. */
  readonly agreementWindowMs: number;
}

export const DEFAULT_ACCEPTANCE: AcceptanceOptions = { cooldownMs: 1500, agreementWindowMs: 1000 };

/** True when one read of this symbol is enough (a verified check digit or error correction). */
export function isSelfChecking(read: Decoded): boolean {
  if (isRetailFormat(read.format) || isMatrixFormat(read.format)) return true;
  // ITF-14 carries a GS1 check digit; normaliseRead only sets gtin14 when it holds.
  return read.format === ScanFormats.itf && read.gtin14 !== null;
}

const keyOf = (read: Decoded): string => `${read.format}\u0000${read.text}`;

export class ReadAcceptor {
  private readonly _options: AcceptanceOptions;
  /** Codes accepted recently, with the last time they were seen. */
  private readonly _cooling = new Map<string, number>();
  /** Codes without check digit seen once, with when. */
  private readonly _candidates = new Map<string, number>();

  constructor(options: Partial<AcceptanceOptions> = {}) {
    this._options = { ...DEFAULT_ACCEPTANCE, ...options };
  }

  /**
   * Offers the reads of one frame taken at `now` (ms); returns the reads that become scans,
   * in frame order.
   */
  offer(reads: readonly Decoded[], now: number): Decoded[] {
    this._expire(now);
    const accepted: Decoded[] = [];
    for (const read of reads) {
      const key = keyOf(read);
      if (this._cooling.has(key)) {
        // Still in view: keep it cooling so a held item is added once.
        this._cooling.set(key, now);
        continue;
      }
      if (!isSelfChecking(read)) {
        const firstSeen = this._candidates.get(key);
        if (firstSeen === undefined || now - firstSeen > this._options.agreementWindowMs) {
          this._candidates.set(key, now);
          continue;
        }
      }
      this._candidates.delete(key);
      this._cooling.set(key, now);
      accepted.push(read);
    }
    return accepted;
  }

  /** Forgets everything (a new scanning session). */
  reset(): void {
    this._cooling.clear();
    this._candidates.clear();
  }

  private _expire(now: number): void {
    for (const [key, seen] of this._cooling) {
      if (now - seen >= this._options.cooldownMs) this._cooling.delete(key);
    }
    for (const [key, seen] of this._candidates) {
      if (now - seen > this._options.agreementWindowMs) this._candidates.delete(key);
    }
  }
}
