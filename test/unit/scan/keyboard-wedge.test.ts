import { describe, expect, it } from 'vitest';
import { KeyboardWedgeDetector, type WedgeVerdict } from '../../../src/scan/keyboard-wedge.ts';

/** Feeds `keys` with `gapMs` between them, starting at `start`; returns the last verdict. */
function type(
  detector: KeyboardWedgeDetector,
  keys: readonly string[],
  gapMs: number,
  start = 1000,
): WedgeVerdict {
  let verdict: WedgeVerdict = { kind: 'typing' };
  keys.forEach((key, index) => {
    verdict = detector.onKey(key, start + index * gapMs);
  });
  return verdict;
}

const chars = (text: string): string[] => [...text];

describe('KeyboardWedgeDetector', () => {
  it.each([
    ['USB scanner, 8 ms per key', 8],
    ['Bluetooth scanner, 30 ms per key', 30],
  ])('recognises a burst ended by Enter as a scan (%s)', (_name, gap) => {
    const detector = new KeyboardWedgeDetector();
    expect(type(detector, [...chars('4006381333931'), 'Enter'], gap)).toEqual({
      kind: 'scan',
      code: '4006381333931',
      typed: 13,
    });
  });

  it.each([
    ['a fast typist, 90 ms per key', 90],
    ['a careful typist, 250 ms per key', 250],
  ])('leaves human typing alone (%s)', (_name, gap) => {
    const detector = new KeyboardWedgeDetector();
    expect(type(detector, [...chars('4006381333931'), 'Enter'], gap).kind).toBe('typing');
  });

  it('needs the terminator: a fast burst without Enter is not a scan yet', () => {
    const detector = new KeyboardWedgeDetector();
    expect(type(detector, chars('4006381333931'), 10).kind).toBe('burst');
  });

  it('one slow gap (Bluetooth jitter) inside a fast burst is still a scan', () => {
    const detector = new KeyboardWedgeDetector();
    type(detector, chars('400638'), 8, 1000);
    // 70 ms hiccup, then the rest of the code at scanner speed.
    type(detector, chars('1333931'), 8, 1000 + 5 * 8 + 70);
    expect(detector.onKey('Enter', 1000 + 5 * 8 + 70 + 6 * 8 + 8)).toEqual({
      kind: 'scan',
      code: '4006381333931',
      typed: 13,
    });
  });

  it('a typist with some quick key pairs is still typing', () => {
    const detector = new KeyboardWedgeDetector();
    // Alternating 30 ms and 90 ms gaps: quick pairs, but 60 ms on average.
    const gaps = [30, 90, 30, 90, 30, 90, 30, 90];
    let time = 0;
    for (const [index, key] of chars('SN123456').entries()) {
      time += gaps[index] ?? 30;
      detector.onKey(key, time);
    }
    expect(detector.onKey('Enter', time + 30).kind).toBe('typing');
  });

  it('rejects bursts shorter than the minimum length', () => {
    const detector = new KeyboardWedgeDetector();
    expect(type(detector, [...chars('123'), 'Enter'], 5).kind).toBe('typing');
  });

  it('a slow Enter after a fast burst is a person pressing Enter', () => {
    const detector = new KeyboardWedgeDetector();
    type(detector, chars('ABCDEF'), 10, 1000);
    expect(detector.onKey('Enter', 1000 + 5 * 10 + 400).kind).toBe('typing');
  });

  it('starts a new burst after a pause: the slowly typed prefix is not part of the scan', () => {
    const detector = new KeyboardWedgeDetector();
    type(detector, chars('hello'), 200, 0);
    expect(type(detector, [...chars('A1B2C3D4'), 'Enter'], 10, 5000)).toEqual({
      kind: 'scan',
      code: 'A1B2C3D4',
      typed: 8,
    });
  });

  it('strips the configured prefix and suffix but counts them as typed', () => {
    const detector = new KeyboardWedgeDetector({ prefix: '$', suffix: '#' });
    expect(type(detector, [...chars('$SN0001234#'), 'Enter'], 10)).toEqual({
      kind: 'scan',
      code: 'SN0001234',
      typed: 11,
    });
  });

  it('accepts Tab as terminator only when configured', () => {
    const enterOnly = new KeyboardWedgeDetector();
    expect(type(enterOnly, [...chars('12345678'), 'Tab'], 10).kind).toBe('typing');
    const withTab = new KeyboardWedgeDetector({ terminators: ['Enter', 'Tab'] });
    expect(type(withTab, [...chars('12345678'), 'Tab'], 10)).toMatchObject({
      kind: 'scan',
      code: '12345678',
    });
  });

  it('Shift inside a burst (upper-case letters) keeps the burst going', () => {
    const detector = new KeyboardWedgeDetector();
    const keys = ['Shift', 'A', 'Shift', 'B', '1', '2', 'Enter'];
    expect(type(detector, keys, 5)).toEqual({ kind: 'scan', code: 'AB12', typed: 4 });
  });
});
