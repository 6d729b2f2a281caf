/**
 * Replays a pipeline over a recording of the pass pool: the reads it would give on each
 * image (ReadChooser, the rule the engines run) and what it would cost (the recorded time of
 * each pass it reaches, plus the survey's once when a region pass is reached). Pure and
 * synchronous: cross-validation replays thousands of candidate pipelines on one recording.
 */
import { ReadChooser } from '../../src/scan/engines/decode-passes.ts';
import type { Decoded } from '../../src/scan/scan-types.ts';
import type { PoolRun } from './page/pool-protocol.ts';
import type { Pipeline } from './pass-pool.ts';
import { judgeRead, type Verdict } from './score.ts';

/** How an image was presented: as it is, or as a 1280×720 camera frame. */
export const Regimes = { still: 'still', camera: 'camera' } as const;
export type Regime = (typeof Regimes)[keyof typeof Regimes];

export interface RecordedImage {
  readonly folder: string;
  readonly file: string;
  readonly expected: string | null;
  /** The image at its own size. */
  readonly still: PoolRun;
  /** Letterboxed at its own size into a mid-grey 1280×720 frame (a code seen from afar). */
  readonly camera: PoolRun;
  /** Images without a barcode only: scaled to cover a 1280×720 frame. */
  readonly filled?: PoolRun;
}

export interface Recording {
  /** Pool pass names, in the order of every PoolRun's outputs. */
  readonly pool: readonly string[];
  readonly images: readonly RecordedImage[];
}

export interface Replayed {
  readonly reads: Decoded[];
  readonly ms: number;
}

/** Pool indexes of a pipeline's steps, looked up once per pipeline. */
export function stepIndexes(recording: Recording, pipeline: Pipeline): number[] {
  return pipeline.steps.map((step) => {
    const index = recording.pool.indexOf(step.pass);
    if (index < 0) throw new Error(`pass ${step.pass} was not recorded`);
    return index;
  });
}

export function replay(
  run: PoolRun,
  pipeline: Pipeline,
  indexes: readonly number[] = [],
  poolNames: readonly string[] = [],
): Replayed {
  const chooser = new ReadChooser(pipeline.minLines);
  let ms = 0;
  let trouble = false;
  let surveyed = false;
  for (const [i, step] of pipeline.steps.entries()) {
    if (step.afterMatrixTrouble === true && !trouble) continue;
    const index = indexes[i] ?? poolNames.indexOf(step.pass);
    const output = run.outputs[index];
    if (output === undefined) throw new Error(`pass ${step.pass} has no output`);
    if (output === null) continue;
    if (step.pass.startsWith('regions') && !surveyed) {
      surveyed = true;
      ms += run.surveyMs;
    }
    ms += output.ms;
    trouble ||= output.matrixTrouble;
    const reads = chooser.offer(output.candidates);
    if (reads !== null) return { reads, ms };
  }
  return { reads: chooser.fallback, ms };
}

/** The verdict on an image's primary read (see score.ts). */
export const verdictOf = (image: RecordedImage, replayed: Replayed): Verdict =>
  judgeRead(image.expected, replayed.reads[0]);
