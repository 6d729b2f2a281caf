/**
 * Recognises a hardware barcode scanner that types like a keyboard (USB or Bluetooth HID):
 * a burst of characters ended by a terminator key, averaging a few tens of milliseconds per
 * key. A person types far slower (a fast typist averages 80 ms or more per key), so a burst
 * of at least `minLength` characters at scanner speed is a scan. One slow gap (Bluetooth
 * jitter, a busy main thread) does not break a burst; a pause longer than `breakMs` does.
 * Pure: the caller passes key names and timestamps.
 */

export interface WedgeOptions {
  /** Characters the scanner is configured to send before the code, stripped from it. */
  readonly prefix: string;
  /** Characters sent after the code (before the terminator), stripped from it. */
  readonly suffix: string;
  /** Keys that end a scan (KeyboardEvent.key values). */
  readonly terminators: readonly string[];
  /** Longest average gap between keys of one scan; 35 ms fits 2.4 GHz and Bluetooth scanners. */
  readonly maxGapMs: number;
  /** A gap longer than this ends any burst: the next key starts a new one. */
  readonly breakMs: number;
  /** Fewest characters (prefix and suffix included) that make a scan. */
  readonly minLength: number;
}

export const DEFAULT_WEDGE: WedgeOptions = {
  prefix: '',
  suffix: '',
  terminators: ['Enter'],
  maxGapMs: 35,
  breakMs: 100,
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
  /** Sum of the gaps inside the current burst (one fewer than its characters). */
  private _gapSum = 0;

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
    this._gapSum = 0;
  }

  /** Feeds one keydown: `key` as in KeyboardEvent.key, `time` in ms (event.timeStamp). */
  onKey(key: string, time: number): WedgeVerdict {
    const { maxGapMs, breakMs, minLength, terminators } = this._options;
    const gap = time - this._lastTime;
    const inBurst = this._buffer.length > 0 && gap <= breakMs;
    if (terminators.includes(key)) {
      const burst = inBurst ? this._buffer : '';
      // The terminator's own gap counts: a person pressing Enter after a burst is slow here.
      const averageGap = (this._gapSum + gap) / Math.max(1, burst.length);
      this.reset();
      if (burst.length < minLength || averageGap > maxGapMs) return { kind: 'typing' };
      const code = this._strip(burst);
      return code.length > 0 ? { kind: 'scan', code, typed: burst.length } : { kind: 'typing' };
    }
    // Only printable characters belong to a scan; Shift and friends are part of typing one.
    if (key.length !== 1) {
      if (key === 'Shift') return this._buffer.length > 0 ? { kind: 'burst' } : { kind: 'typing' };
      this.reset();
      return { kind: 'typing' };
    }
    if (inBurst) {
      this._buffer += key;
      this._gapSum += gap;
    } else {
      this._buffer = key;
      this._gapSum = 0;
    }
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
