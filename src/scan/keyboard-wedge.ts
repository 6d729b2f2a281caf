/**
 * Recognises a hardware barcode scanner that types like a keyboard (USB or Bluetooth HID):
 * a burst of characters, each within a few tens of milliseconds of the previous one, ended
 * by a terminator key. A person types far slower (100 ms or more between keys even when
 * fast), so a burst of at least `minLength` characters with no slow gap is a scan. Pure:
 * the caller passes key names and timestamps.
 */

export interface WedgeOptions {
  /** Characters the scanner is configured to send before the code, stripped from it. */
  readonly prefix: string;
  /** Characters sent after the code (before the terminator), stripped from it. */
  readonly suffix: string;
  /** Keys that end a scan (KeyboardEvent.key values). */
  readonly terminators: readonly string[];
  /** Longest gap between two keys of one scan; ~35 ms fits 2.4 GHz and Bluetooth scanners. */
  readonly maxGapMs: number;
  /** Fewest characters (prefix and suffix included) that make a scan. */
  readonly minLength: number;
}

export const DEFAULT_WEDGE: WedgeOptions = {
  prefix: '',
  suffix: '',
  terminators: ['Enter'],
  maxGapMs: 35,
  minLength: 4,
};

export type WedgeVerdict =
  /** The key ended a scan: `code` is the data, `typed` how many characters were keyed. */
  | { readonly kind: 'scan'; readonly code: string; readonly typed: number }
  /** The key continues a burst that may still become a scan. */
  | { readonly kind: 'burst' }
  /** The key is ordinary typing. */
  | { readonly kind: 'typing' };

export class KeyboardWedgeDetector {
  private _options: WedgeOptions;
  private _buffer = '';
  private _lastTime = Number.NEGATIVE_INFINITY;

  constructor(options: Partial<WedgeOptions> = {}) {
    this._options = { ...DEFAULT_WEDGE, ...options };
  }

  configure(options: Partial<WedgeOptions>): void {
    this._options = { ...this._options, ...options };
    this.reset();
  }

  reset(): void {
    this._buffer = '';
    this._lastTime = Number.NEGATIVE_INFINITY;
  }

  /** Feeds one keydown: `key` as in KeyboardEvent.key, `time` in ms (event.timeStamp). */
  onKey(key: string, time: number): WedgeVerdict {
    const { maxGapMs, minLength, terminators } = this._options;
    const fast = time - this._lastTime <= maxGapMs;
    if (terminators.includes(key)) {
      const burst = fast ? this._buffer : '';
      this.reset();
      if (burst.length < minLength) return { kind: 'typing' };
      const code = this._strip(burst);
      return code.length > 0 ? { kind: 'scan', code, typed: burst.length } : { kind: 'typing' };
    }
    // Only printable characters belong to a scan; Shift and friends are part of typing one.
    if (key.length !== 1) {
      if (key === 'Shift') return this._buffer.length > 0 ? { kind: 'burst' } : { kind: 'typing' };
      this.reset();
      return { kind: 'typing' };
    }
    this._buffer = fast ? this._buffer + key : key;
    this._lastTime = time;
    return this._buffer.length >= 2 ? { kind: 'burst' } : { kind: 'typing' };
  }

  private _strip(burst: string): string {
    const { prefix, suffix } = this._options;
    let code = burst;
    if (prefix !== '' && code.startsWith(prefix)) code = code.slice(prefix.length);
    if (suffix !== '' && code.endsWith(suffix)) code = code.slice(0, code.length - suffix.length);
    return code;
  }
}
