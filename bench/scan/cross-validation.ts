/**
 * Leave-one-folder-out cross-validation of the app's pipeline tuning. One fold per corpus
 * folder: the selection rule picks a pipeline from the candidate space using every OTHER
 * folder, and the pick is scored on the held-out folder, which it never saw. Summed over
 * the folds, that is the out-of-fold rate: what the tuning is worth on barcodes it was not
 * chosen on. Beside it, on the same folds and from the same recording: the pipeline the app
 * ships (tuned on every folder, so its rate is in-sample), zxing-wasm with its library
 * defaults and plain @zxing/library, which nothing was tuned for.
 *
 * The selection rule: fewest wrong reads (misreads and false positives, stills and camera
 * frames), then most reads, then the cheapest empty frame (a difference under 10 % is no
 * difference: the earlier, simpler candidate stays); among the pipelines that read no fewer
 * of the fold's codes than the pipeline they would replace, as stills and as camera frames,
 * and whose empty 1280×720 frame costs at most IDLE_BUDGET of plain @zxing/library's median
 * and no more than its p95 (the no-barcode images carry no ground truth, so every fold uses
 * all of them for the cost).
 */
import { percentile } from '../lib/stats.ts';
import type { CorpusFolder } from './corpus.ts';
import { describePipeline, type Candidate, type Family, type Pipeline } from './pass-pool.ts';

export { describePipeline };
import { replay, stepIndexes, verdictOf, type Recording } from './replay.ts';

/**
 * The idle cost ceiling as a share of zxing-js's median: room for run-to-run noise on one
 * machine. The p95 must not exceed zxing-js's: a p95 of 50 frames on a loaded machine moves
 * by more than a fifth between two passes of the same work, so a margin there decides by noise.
 */
export const IDLE_BUDGET = 0.8;

interface Tally {
  decoded: number;
  wrong: number;
}

export interface FolderScore {
  readonly images: number;
  readonly still: Tally;
  readonly camera: Tally;
}

export interface PipelineScore {
  readonly pipeline: Pipeline;
  readonly folders: ReadonlyMap<string, FolderScore>;
  /** Empty frames (letterboxed and filled no-barcode images as 1280×720 frames). */
  readonly idleMedianMs: number;
  readonly idleP95Ms: number;
  readonly idleMeanMs: number;
}

/** Replays `pipeline` on every image of the recording and tallies it per folder. */
export function scorePipeline(recording: Recording, pipeline: Pipeline): PipelineScore {
  const indexes = stepIndexes(recording, pipeline);
  const folders = new Map<string, FolderScore>();
  const idle: number[] = [];
  for (const image of recording.images) {
    let score = folders.get(image.folder);
    if (score === undefined) {
      score = { images: 0, still: { decoded: 0, wrong: 0 }, camera: { decoded: 0, wrong: 0 } };
      folders.set(image.folder, score);
    }
    (score as { images: number }).images += 1;
    for (const regime of ['still', 'camera'] as const) {
      const replayed = replay(image[regime], pipeline, indexes);
      const verdict = verdictOf(image, replayed);
      if (verdict === 'decoded') score[regime].decoded += 1;
      if (verdict === 'misread' || verdict === 'falsePositive') score[regime].wrong += 1;
      if (regime === 'camera' && image.expected === null) idle.push(replayed.ms);
    }
    if (image.filled !== undefined) {
      const replayed = replay(image.filled, pipeline, indexes);
      // A read on a filled no-barcode frame is a false positive too.
      if (replayed.reads.length > 0) score.camera.wrong += 1;
      idle.push(replayed.ms);
    }
  }
  return {
    pipeline,
    folders,
    idleMedianMs: idle.length === 0 ? 0 : percentile(idle, 50),
    idleP95Ms: idle.length === 0 ? 0 : percentile(idle, 95),
    idleMeanMs: idle.length === 0 ? 0 : idle.reduce((sum, ms) => sum + ms, 0) / idle.length,
  };
}

interface Totals {
  images: number;
  still: Tally;
  camera: Tally;
}

export function totals(score: PipelineScore, folders: Iterable<string>): Totals {
  const out: Totals = {
    images: 0,
    still: { decoded: 0, wrong: 0 },
    camera: { decoded: 0, wrong: 0 },
  };
  for (const name of folders) {
    const f = score.folders.get(name);
    if (f === undefined) continue;
    out.images += f.images;
    for (const regime of ['still', 'camera'] as const) {
      out[regime].decoded += f[regime].decoded;
      out[regime].wrong += f[regime].wrong;
    }
  }
  return out;
}

/** [wrong reads, reads] on `folders`: fewer wrong first, then more reads. */
function merit(score: PipelineScore, folders: readonly string[]): [number, number] {
  const t = totals(score, folders);
  return [t.still.wrong + t.camera.wrong, t.still.decoded + t.camera.decoded];
}

/**
 * The rule's pick on `folders`, among candidates reading at least what `floor` reads there:
 * fewest wrong reads, then most reads; among those equal, the first candidate (the simpler,
 * in the order candidatePipelines lists them) whose idle cost is within 10 % of the cheapest,
 * since two measurements of one pipeline on this machine differ by that much.
 */
export function pick(
  scores: readonly PipelineScore[],
  folders: readonly string[],
  floor: PipelineScore | null = null,
): PipelineScore | null {
  const least = floor === null ? null : totals(floor, folders);
  const admissible = scores.filter((score) => {
    if (least === null) return true;
    const t = totals(score, folders);
    return t.still.decoded >= least.still.decoded && t.camera.decoded >= least.camera.decoded;
  });
  let best: [number, number] | null = null;
  for (const score of admissible) {
    const [wrong, reads] = merit(score, folders);
    if (best === null || wrong < best[0] || (wrong === best[0] && reads > best[1]))
      best = [wrong, reads];
  }
  if (best === null) return null;
  const top = admissible.filter((score) => {
    const [wrong, reads] = merit(score, folders);
    return wrong === best[0] && reads === best[1];
  });
  const cheapest = Math.min(...top.map((score) => score.idleMeanMs));
  return top.find((score) => score.idleMeanMs * 0.9 <= cheapest) ?? null;
}

export interface FoldResult {
  readonly heldOut: string;
  readonly images: number;
  readonly falsePositives: boolean;
  readonly picked: string;
  /** Held-out scores: the fold's pick, then the fixed pipelines. */
  readonly scores: Record<string, FolderScore>;
}

export interface VariantResult {
  readonly name: string;
  readonly families: readonly Family[];
  readonly idleBudget: boolean;
  /** Candidates within the idle budget (when it applies), before the floor. */
  readonly candidates: number;
  readonly outOfFold: Totals;
  /** What the rule picks on every folder, and that pick's in-sample totals. */
  readonly pickOnAll: string | null;
  readonly inSample: Totals | null;
}

export interface CrossValidation {
  readonly idleBudget: number;
  readonly zxingJsIdle: { readonly medianMs: number; readonly p95Ms: number };
  readonly folds: FoldResult[];
  /** Out-of-fold totals of the fold picks and totals of the fixed pipelines. */
  readonly summary: Record<string, Totals>;
  readonly variants: VariantResult[];
  readonly shipped: { readonly description: string; readonly matches: boolean };
}

const OUT_OF_FOLD = 'app tuning, out of fold';

/**
 * Runs the folds. `fixed` are scored as they are on each held-out folder (the shipped
 * pipeline first); `candidates` are what the rule chooses from; `reference` sets the idle
 * budget and `floor` the reads a pick may not fall below.
 */
export function crossValidate(
  recording: Recording,
  corpus: readonly CorpusFolder[],
  candidates: readonly Candidate[],
  fixed: readonly Pipeline[],
  reference: Pipeline,
  floor: Pipeline,
): CrossValidation {
  const names = corpus.map((f) => f.name);
  const referenceScore = scorePipeline(recording, reference);
  const ceiling = {
    median: IDLE_BUDGET * referenceScore.idleMedianMs,
    p95: referenceScore.idleP95Ms,
  };
  const all = candidates.map((c) => ({ candidate: c, score: scorePipeline(recording, c) }));
  const affordable = (s: PipelineScore): boolean =>
    s.idleMedianMs <= ceiling.median && s.idleP95Ms <= ceiling.p95;
  const fixedScores = fixed.map((p) => scorePipeline(recording, p));
  const floorScore = scorePipeline(recording, floor);

  const runVariant = (
    name: string,
    families: readonly Family[],
    idleBudget: boolean,
    keepFloor = true,
  ): {
    variant: VariantResult;
    picks: Map<string, PipelineScore>;
    onAll: PipelineScore | null;
  } => {
    const pool = all
      .filter(
        ({ candidate, score }) =>
          families.includes(candidate.family) && (!idleBudget || affordable(score)),
      )
      .map(({ score }) => score);
    const picks = new Map<string, PipelineScore>();
    const outOfFold: Totals = {
      images: 0,
      still: { decoded: 0, wrong: 0 },
      camera: { decoded: 0, wrong: 0 },
    };
    for (const heldOut of names) {
      const chosen = pick(
        pool,
        names.filter((n) => n !== heldOut),
        keepFloor ? floorScore : null,
      );
      if (chosen === null) continue;
      picks.set(heldOut, chosen);
      const t = totals(chosen, [heldOut]);
      outOfFold.images += t.images;
      for (const regime of ['still', 'camera'] as const) {
        outOfFold[regime].decoded += t[regime].decoded;
        outOfFold[regime].wrong += t[regime].wrong;
      }
    }
    const onAll = pick(pool, names, keepFloor ? floorScore : null);
    return {
      variant: {
        name,
        families,
        idleBudget,
        candidates: pool.length,
        outOfFold,
        pickOnAll: onAll === null ? null : describePipeline(onAll.pipeline),
        inSample: onAll === null ? null : totals(onAll, names),
      },
      picks,
      onAll,
    };
  };

  // The app's rule: both families, within the idle budget. The others show what each
  // change was worth out of fold (kept only if it helped there).
  const app = runVariant(OUT_OF_FOLD, ['full frame', 'regions'], true);
  const variants = [
    app.variant,
    runVariant('the rule without the no-fewer-reads floor', ['full frame', 'regions'], true, false)
      .variant,
    runVariant('full-frame passes only (issue 3), no idle budget', ['full frame'], false).variant,
    runVariant('full-frame passes only (issue 3), idle budget', ['full frame'], true).variant,
  ];

  const folds: FoldResult[] = corpus.map((folder) => {
    const chosen = app.picks.get(folder.name);
    const scores: Record<string, FolderScore> = {};
    const empty: FolderScore = {
      images: 0,
      still: { decoded: 0, wrong: 0 },
      camera: { decoded: 0, wrong: 0 },
    };
    scores[OUT_OF_FOLD] = chosen?.folders.get(folder.name) ?? empty;
    for (const s of fixedScores) scores[s.pipeline.name] = s.folders.get(folder.name) ?? empty;
    return {
      heldOut: folder.name,
      images: folder.images.length,
      falsePositives: folder.falsePositives,
      picked: chosen === undefined ? '(none)' : describePipeline(chosen.pipeline),
      scores,
    };
  });

  const summary: Record<string, Totals> = { [OUT_OF_FOLD]: app.variant.outOfFold };
  for (const s of fixedScores) summary[s.pipeline.name] = totals(s, names);

  return {
    idleBudget: IDLE_BUDGET,
    zxingJsIdle: { medianMs: referenceScore.idleMedianMs, p95Ms: referenceScore.idleP95Ms },
    folds,
    summary,
    variants,
    shipped: {
      description: fixed[0] === undefined ? '-' : describePipeline(fixed[0]),
      matches:
        fixed[0] !== undefined &&
        app.onAll !== null &&
        describePipeline(fixed[0]) === describePipeline(app.onAll.pipeline),
    },
  };
}
