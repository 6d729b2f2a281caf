/**
 * How the scan benchmark judges one image: the ground truth rules of ZXing's blackbox
 * tests (exact text), with the normalisations the engines legitimately differ on: EAN/UPC
 * compared on GTIN-14 (UPC-E expanded), GS1 separators that the Java reference drops.
 * Runs in Node and in the bench page.
 */
import { identifierKeys } from '../../src/domain/gtin.ts';

export type Verdict = 'decoded' | 'misread' | 'missed' | 'falsePositive' | 'clean';

export interface ReadSummary {
  readonly text: string;
  readonly gtin14: string | null;
}

/** The verdict for the first (primary) symbol an engine returned for one image. */
export function judgeRead(expected: string | null, read: ReadSummary | undefined): Verdict {
  if (expected === null) return read === undefined ? 'clean' : 'falsePositive';
  if (read === undefined) return 'missed';
  const keys = new Set(identifierKeys(expected));
  keys.add(expected);
  const candidates = [read.text, read.text.replaceAll('\x1d', '')];
  if (read.gtin14 !== null) candidates.push(read.gtin14);
  return candidates.some((c) => keys.has(c)) ? 'decoded' : 'misread';
}
