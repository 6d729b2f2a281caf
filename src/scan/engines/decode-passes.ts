/**
 * A decoding pipeline as a list of passes tried in order until one yields a usable read:
 * the loop every engine runs, kept apart from the engines so the benchmark can replay it over
 * recorded pass outputs (cross-validation tries thousands of pass lists on one recording) and
 * get exactly the reads the app would.
 */
import { isBookPriceCode, rankReads } from '../symbology.ts';
import type { Decoded, Frame, ScanFormat } from '../scan-types.ts';
import { surveyFrame, type Region } from './frame-survey.ts';

/** One symbol a pass found, with the number of agreeing scan lines (null: not linear). */
export interface Candidate {
  readonly decoded: Decoded;
  readonly lines: number | null;
}

/**
 * What the passes learn about one frame as they go, so a later pass can build on it: the
 * regions of interest (surveyed once, on first need) and whether a Data Matrix was found but
 * could not be corrected (the cue for the zxing-js second opinion).
 */
export class FrameNotes {
  private _regions: readonly Region[] | null = null;
  matrixTrouble = false;

  constructor(readonly frame: Frame) {}

  /**
   * Where the expensive passes should look. A frame no larger than SURVEY_FROM_AREA is one
   * region: it is cheap enough to read whole, and a still photo is usually framed on its code.
   */
  get regions(): readonly Region[] {
    if (this._regions === null) {
      const { width, height } = this.frame;
      this._regions =
        width * height <= SURVEY_FROM_AREA
          ? [{ x: 0, y: 0, width, height, rotate: true }]
          : surveyFrame(this.frame);
    }
    return this._regions;
  }

  /** True once the regions are known (the bench counts the survey's time once). */
  get surveyed(): boolean {
    return this._regions !== null;
  }
}

/** Frames above 640×480 (a camera at 720p and up) are surveyed before the expensive passes. */
export const SURVEY_FROM_AREA = 640 * 480;

/** One decoding attempt on a frame. `appliesTo` false skips it (and costs nothing). */
export interface DecodePass {
  appliesTo(notes: FrameNotes): boolean;
  run(notes: FrameNotes): Promise<Candidate[]>;
}

/** Scan lines that must agree before a linear read of this format is trusted. */
export type MinLines = Partial<Record<ScanFormat, number>>;

/** The reads of one pass that pass the line threshold, most likely wanted first. */
export function usableReads(candidates: readonly Candidate[], minLines: MinLines): Decoded[] {
  const kept = candidates
    .filter((c) => c.lines === null || c.lines >= (minLines[c.decoded.format] ?? 0))
    // More agreeing scan lines, more confidence: the best-supported read first.
    .sort((a, b) => (b.lines ?? 0) - (a.lines ?? 0));
  return rankReads(kept.map((c) => c.decoded));
}

/**
 * Takes the candidates of one pass after another and says when the answer is known: the
 * first pass whose best read is not only a book's price code (a later pass may still find
 * the ISBN above it) ends the search; otherwise the first price code found is the answer.
 * Synchronous, so the benchmark replays recorded passes with the very same rule.
 */
export class ReadChooser {
  private _fallback: Decoded[] = [];

  constructor(private readonly _minLines: MinLines) {}

  /** The final reads once this pass settles it, else null (try the next pass). */
  offer(candidates: readonly Candidate[]): Decoded[] | null {
    const reads = usableReads(candidates, this._minLines);
    if (reads.length > 0 && !isBookPriceCode(reads[0] as Decoded)) return reads;
    if (this._fallback.length === 0) this._fallback = reads;
    return null;
  }

  /** The answer when no pass settled it. */
  get fallback(): Decoded[] {
    return this._fallback;
  }
}

/** The frame's reads from `passes`, skipping those that do not apply to it. */
export async function decodeFrame(
  frame: Frame,
  passes: readonly DecodePass[],
  minLines: MinLines,
): Promise<Decoded[]> {
  const notes = new FrameNotes(frame);
  const chooser = new ReadChooser(minLines);
  for (const pass of passes) {
    if (!pass.appliesTo(notes)) continue;
    const reads = chooser.offer(await pass.run(notes));
    if (reads !== null) return reads;
  }
  return chooser.fallback;
}
