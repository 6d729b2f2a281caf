/**
 * When a field that offers search by name may search what it holds: at once for a person's
 * keystrokes, never in the middle of a hardware scanner's burst (which types like a fast
 * keyboard). Loaded with the field's combobox, off the first paint.
 */
import { DEFAULT_WEDGE } from './keyboard-wedge.ts';

/**
 * How long a field that offers search by name waits after a keystroke before its text is
 * searched, so a scanner's burst never shows a suggestion. A key that comes, like the one
 * before it, at least `maxGapMs` after the previous one is a person typing: search now (no
 * debounce, so every keystroke's results show at once). Anything faster may be a burst still
 * arriving: wait `SUGGEST_SETTLE_MS` of quiet, longer than the pause that ends a burst
 * (`breakMs`); a scanner's terminator comes within milliseconds and the field's submit cancels
 * the wait. The first key of a burst is searched at once, but one character is never searched
 * (`SEARCH_LIMITS.minQueryLength`), and the answer is shown only while the text is unchanged.
 */
export const SUGGEST_SETTLE_MS = 150;

export class TypingPace {
  private readonly _maxGapMs: number;
  private _lastAt = Number.NEGATIVE_INFINITY;
  private _lastGap = Number.POSITIVE_INFINITY;

  constructor(maxGapMs = DEFAULT_WEDGE.maxGapMs) {
    this._maxGapMs = maxGapMs;
  }

  /** Feeds one change of the field's text at `time` (ms); returns the ms to wait before searching it. */
  onInput(time: number): number {
    const gap = time - this._lastAt;
    const previous = this._lastGap;
    this._lastAt = time;
    this._lastGap = gap;
    return gap >= this._maxGapMs && previous >= this._maxGapMs ? 0 : SUGGEST_SETTLE_MS;
  }

  /** The field was emptied or submitted: the next key starts afresh. */
  reset(): void {
    this._lastAt = Number.NEGATIVE_INFINITY;
    this._lastGap = Number.POSITIVE_INFINITY;
  }
}
