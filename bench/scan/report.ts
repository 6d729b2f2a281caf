/**
 * Turns the scan bench's verdicts into its JSON summary, prints it as tables, and checks the
 * app's pipeline against the goals of DESIGN §8 and issue 16: every folder at Java's
 * must-pass, no EAN/UPC misread in stills, no false positive, no fewer reads and no more
 * misreads than the pipeline issue 16 replaced (as stills and as camera frames), and an empty
 * 1280×720 frame no dearer than plain @zxing/library's, median and p95, in the same run.
 */
import { percentile } from '../lib/stats.ts';
import type { CorpusFolder } from './corpus.ts';
import type { Verdict } from './score.ts';

export interface FolderResult {
  images: number;
  decoded: number;
  misread: number;
}

export interface RegimeSummary {
  folders: Record<string, FolderResult>;
  falsePositives: number;
  medianMs: number;
  p95Ms: number;
}

export interface Cost {
  samples: number;
  medianMs: number;
  p95Ms: number;
}

export interface DecoderSummary {
  /** Each image at its own size. */
  still: RegimeSummary;
  /** Each image letterboxed at its own size into a mid-grey 1280×720 frame. */
  camera: RegimeSummary;
  /** The no-barcode images as 1280×720 frames, letterboxed and filled: the idle cost. */
  emptyFrame: Cost;
  /** Reads on those empty frames (false positives of the live loop). */
  emptyFrameReads: number;
}

export interface ScanBenchSummary {
  default: string;
  reference: string;
  before: string;
  decoders: Record<string, DecoderSummary>;
}

/** Verdicts and times of one decoder in one regime, per folder. */
export interface Tally {
  readonly folders: Map<string, Verdict[]>;
  readonly times: number[];
}

export const newTally = (): Tally => ({ folders: new Map(), times: [] });

export function addVerdict(tally: Tally, folder: string, verdict: Verdict, ms: number): void {
  const verdicts = tally.folders.get(folder) ?? [];
  verdicts.push(verdict);
  tally.folders.set(folder, verdicts);
  tally.times.push(ms);
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

export function cost(times: readonly number[]): Cost {
  if (times.length === 0) return { samples: 0, medianMs: 0, p95Ms: 0 };
  return {
    samples: times.length,
    medianMs: round(percentile(times, 50)),
    p95Ms: round(percentile(times, 95)),
  };
}

export function summariseRegime(folders: readonly CorpusFolder[], tally: Tally): RegimeSummary {
  const result: RegimeSummary = { folders: {}, falsePositives: 0, medianMs: 0, p95Ms: 0 };
  for (const folder of folders) {
    const verdicts = tally.folders.get(folder.name) ?? [];
    const count = (v: Verdict): number => verdicts.filter((x) => x === v).length;
    // In a no-barcode folder anything read is wrong: its false positives count as misreads.
    result.folders[folder.name] = {
      images: verdicts.length,
      decoded: count('decoded'),
      misread: count('misread') + count('falsePositive'),
    };
    result.falsePositives += count('falsePositive');
  }
  const { medianMs, p95Ms } = cost(tally.times);
  return { ...result, medianMs, p95Ms };
}

/** Decoded share of all images in folders that hold barcodes. */
export function overallRate(folders: readonly CorpusFolder[], regime: RegimeSummary): number {
  let images = 0;
  let decoded = 0;
  for (const folder of folders) {
    if (folder.falsePositives) continue;
    const result = regime.folders[folder.name];
    images += result?.images ?? 0;
    decoded += result?.decoded ?? 0;
  }
  return images === 0 ? 0 : decoded / images;
}

const decodedIn = (regime: RegimeSummary): number =>
  Object.values(regime.folders).reduce((n, f) => n + f.decoded, 0);

/** "decoded / decoded" for still and camera, "(n!)" after a count with n wrong reads. */
export function pairCell(
  still: { decoded: number; wrong: number } | undefined,
  camera: { decoded: number; wrong: number } | undefined,
): string {
  const one = (t: { decoded: number; wrong: number } | undefined): string =>
    t === undefined ? '-' : t.wrong > 0 ? `${t.decoded}(${t.wrong}!)` : String(t.decoded);
  return `${one(still)} / ${one(camera)}`;
}

const misreadIn = (regime: RegimeSummary): number =>
  Object.values(regime.folders).reduce((n, f) => n + f.misread, 0);

const RETAIL_FOLDER = /^(ean|upc)/;
const pad = (value: string | number, width: number): string => String(value).padStart(width);

export function printReport(
  dir: string,
  folders: readonly CorpusFolder[],
  summary: ScanBenchSummary,
): void {
  const names = Object.keys(summary.decoders);
  const width = 24;
  console.log(`scan bench: ${dir}`);
  console.log(
    'each cell: decoded as still / as 1280×720 camera frame, (n!) = misreads; javaMustPass is for stills',
  );
  console.log(
    `${'folder'.padEnd(18)}${pad('n', 4)}${pad('java', 6)}${names.map((n) => pad(n.slice(0, width - 1), width)).join('')}`,
  );
  const cell = (name: string, folder: string): string => {
    const d = summary.decoders[name];
    const tally = (f: FolderResult | undefined) =>
      f === undefined ? undefined : { decoded: f.decoded, wrong: f.misread };
    return pairCell(tally(d?.still.folders[folder]), tally(d?.camera.folders[folder]));
  };
  for (const folder of folders) {
    const java = folder.javaMustPass?.[0];
    const mine = summary.decoders[summary.default]?.still.folders[folder.name];
    const flag = java !== undefined && mine !== undefined && mine.decoded < java ? ' < java' : '';
    console.log(
      `${folder.name.padEnd(18)}${pad(folder.images.length, 4)}${pad(java ?? '-', 6)}${names.map((n) => pad(cell(n, folder.name), width)).join('')}${flag}`,
    );
  }
  console.log('');
  for (const name of names) {
    const d = summary.decoders[name] as DecoderSummary;
    const marker = name === summary.default ? ' (app default)' : '';
    console.log(`## ${name}${marker}`);
    console.log(
      `  still:  ${(overallRate(folders, d.still) * 100).toFixed(1)} %, false positives ${d.still.falsePositives}, median ${d.still.medianMs} ms, p95 ${d.still.p95Ms} ms per image`,
    );
    console.log(
      `  camera: ${(overallRate(folders, d.camera) * 100).toFixed(1)} %, false positives ${d.camera.falsePositives}, median ${d.camera.medianMs} ms, p95 ${d.camera.p95Ms} ms per frame`,
    );
    console.log(
      `  empty 1280×720 frame (${d.emptyFrame.samples}): median ${d.emptyFrame.medianMs} ms, p95 ${d.emptyFrame.p95Ms} ms, reads ${d.emptyFrameReads}`,
    );
  }
}

/** Lists the goals the default pipeline misses (printed; empty when all hold). */
export function checkGoals(folders: readonly CorpusFolder[], summary: ScanBenchSummary): string[] {
  const failures: string[] = [];
  const chosen = summary.decoders[summary.default];
  if (chosen === undefined) return [`default ${summary.default} did not run`];
  for (const folder of folders) {
    const java = folder.javaMustPass?.[0];
    const f = chosen.still.folders[folder.name];
    if (java !== undefined && f !== undefined && f.decoded < java) {
      failures.push(`${folder.name}: ${f.decoded} decoded < Java's ${java}`);
    }
    const still = chosen.still.folders[folder.name];
    if (RETAIL_FOLDER.test(folder.name) && still !== undefined && still.misread > 0) {
      failures.push(`${folder.name}: ${still.misread} EAN/UPC misread(s)`);
    }
  }
  const rate = overallRate(folders, chosen.still);
  if (rate < 0.85) failures.push(`overall ${(rate * 100).toFixed(1)} % < 85 %`);
  const falsePositives =
    chosen.still.falsePositives + chosen.camera.falsePositives + chosen.emptyFrameReads;
  if (falsePositives > 0) failures.push(`${falsePositives} false positive(s)`);
  if (chosen.still.medianMs > 5) failures.push(`median ${chosen.still.medianMs} ms > 5 ms`);
  // The bar to beat is plain @zxing/library, in the same run.
  const reference = summary.decoders[summary.reference];
  if (reference !== undefined) {
    if (overallRate(folders, reference.still) >= rate) {
      failures.push(`${summary.reference} decodes as much as ${summary.default}`);
    }
    if (reference.still.medianMs <= chosen.still.medianMs) {
      failures.push(`${summary.reference} is as fast per image as ${summary.default}`);
    }
    if (chosen.emptyFrame.medianMs > reference.emptyFrame.medianMs) {
      failures.push(
        `empty frame median ${chosen.emptyFrame.medianMs} ms > ${summary.reference}'s ${reference.emptyFrame.medianMs} ms`,
      );
    }
    if (chosen.emptyFrame.p95Ms > reference.emptyFrame.p95Ms) {
      failures.push(
        `empty frame p95 ${chosen.emptyFrame.p95Ms} ms > ${summary.reference}'s ${reference.emptyFrame.p95Ms} ms`,
      );
    }
  }
  // The pipeline it replaced must not read more, nor misread less, as stills or as camera
  // frames (camera-frame misreads are counted since issue 16; they are printed above).
  const before = summary.decoders[summary.before];
  if (before !== undefined) {
    for (const regime of ['still', 'camera'] as const) {
      if (decodedIn(chosen[regime]) < decodedIn(before[regime])) {
        failures.push(
          `${regime}: ${decodedIn(chosen[regime])} decoded < ${decodedIn(before[regime])} before issue 16`,
        );
      }
      if (misreadIn(chosen[regime]) > misreadIn(before[regime])) {
        failures.push(
          `${regime}: ${misreadIn(chosen[regime])} misread(s) > ${misreadIn(before[regime])} before issue 16`,
        );
      }
    }
  }
  console.log(
    `\ngoals (DESIGN §8, issue 16) for ${summary.default}: ${failures.length === 0 ? 'all met' : 'NOT met'}`,
  );
  for (const failure of failures) console.log(`  - ${failure}`);
  return failures;
}
