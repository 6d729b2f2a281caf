// TypingPace: a person's keystrokes are searched at once, anything a scanner's burst could be
// waits for quiet.
import { describe, expect, it } from 'vitest';
import { SUGGEST_SETTLE_MS, TypingPace } from '../../../src/scan/typing-pace.ts';

describe('TypingPace', () => {
  /** The wait before searching after each key, keys at the given times (ms). */
  const waits = (times: readonly number[]): number[] => {
    const pace = new TypingPace();
    return times.map((time) => pace.onInput(time));
  };
  const S = SUGGEST_SETTLE_MS;

  it.each([
    ['a person, 150 ms per key', [0, 150, 300, 450], [0, 0, 0, 0]],
    ['a person, 40 ms per key', [0, 40, 80], [0, 0, 0]],
    // Two keys rolled together: the second waits, and so does the one after it.
    ['a fast bigram', [0, 200, 220, 400, 600], [0, 0, S, S, 0]],
    // A scanner: every key after the first waits (the first alone is never searched).
    ['a USB scanner, 8 ms per key', [0, 8, 16, 24, 32], [0, S, S, S, S]],
    // A busy device stalls the burst once: still a burst, still waiting.
    ['a burst with one 60 ms stall', [0, 5, 10, 70, 75], [0, S, S, S, S]],
    // Text typed by hand, then a scan into the same field: the burst waits from its 2nd key.
    ['a person then a scanner', [0, 150, 300, 900, 905, 910], [0, 0, 0, 0, S, S]],
  ])('%s', (_name, times, expected) => {
    expect(waits(times)).toEqual(expected);
  });

  it('starts afresh after reset', () => {
    const pace = new TypingPace();
    pace.onInput(0);
    pace.onInput(5);
    pace.reset();
    expect(pace.onInput(10)).toBe(0);
  });
});
