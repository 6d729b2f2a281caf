/**
 * Turns the scan bench's verdicts into the JSON summary of issue 3
 * (`{default, engines: {NAME: {folders: {F: {images, decoded, misread}}, falsePositives,
 * medianMs, p95Ms}}}`), prints it as tables, and checks the default engine against the
 * goals of DESIGN §8.
 */
import type { CorpusFolder } from './corpus.ts';
import type { Verdict } from './score.ts';
import type { EngineName } from '../../src/scan/scan-types.ts';

export interface EngineTally {
  readonly folders: Map<string, Verdict[]>;
  readonly times: number[];
}

export interface FolderResult {
  images: number;
  decoded: number;
  misread: number;
}

export interface EngineSummary {
  folders: Record<string, FolderResult>;
  falsePositives: number;
  medianMs: number;
  p95Ms: number;
  /** The no-barcode images letterboxed into 1280×720 frames: the live loop's idle cost. */
  emptyFrameMedianMs: number | null;
  emptyFrameP95Ms: number | null;
}

export interface ScanBenchSummary {
  default: EngineName;
  engines: Partial<Record<EngineName, EngineSummary>>;
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return 0;
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1);
  return sorted[Math.max(0, index)] as number;
}

const round = (ms: number): number => Math.round(ms * 100) / 100;

export function summarise(
  defaultEngine: EngineName,
  folders: readonly CorpusFolder[],
  tallies: ReadonlyMap<EngineName, EngineTally>,
  emptyFrameTimes: ReadonlyMap<EngineName, readonly number[]> = new Map(),
): ScanBenchSummary {
  const engines: ScanBenchSummary['engines'] = {};
  for (const [engine, tally] of tallies) {
    const result: EngineSummary = {
      folders: {},
      falsePositives: 0,
      medianMs: 0,
      p95Ms: 0,
      emptyFrameMedianMs: null,
      emptyFrameP95Ms: null,
    };
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
    const sorted = [...tally.times].sort((a, b) => a - b);
    result.medianMs = round(percentile(sorted, 50));
    result.p95Ms = round(percentile(sorted, 95));
    const empty = [...(emptyFrameTimes.get(engine) ?? [])].sort((a, b) => a - b);
    if (empty.length > 0) {
      result.emptyFrameMedianMs = round(percentile(empty, 50));
      result.emptyFrameP95Ms = round(percentile(empty, 95));
    }
    engines[engine] = result;
  }
  return { default: defaultEngine, engines };
}

/** Decoded share of all images in folders that hold barcodes. */
export function overallRate(folders: readonly CorpusFolder[], engine: EngineSummary): number {
  let images = 0;
  let decoded = 0;
  for (const folder of folders) {
    if (folder.falsePositives) continue;
    const result = engine.folders[folder.name];
    images += result?.images ?? 0;
    decoded += result?.decoded ?? 0;
  }
  return images === 0 ? 0 : decoded / images;
}

const RETAIL_FOLDER = /^(ean|upc)/;
const pad = (value: string | number, width: number): string => String(value).padStart(width);

export function printReport(
  dir: string,
  folders: readonly CorpusFolder[],
  summary: ScanBenchSummary,
): void {
  console.log(`scan bench: ${dir}`);
  for (const [engine, result] of Object.entries(summary.engines)) {
    const marker = engine === summary.default ? ' (app default)' : '';
    console.log(`\n## ${engine}${marker}`);
    console.log(
      `${'folder'.padEnd(22)}${pad('images', 7)}${pad('decoded', 8)}${pad('misread', 8)}${pad('javaMustPass', 13)}`,
    );
    for (const folder of folders) {
      if (folder.falsePositives) continue;
      const f = result.folders[folder.name];
      if (f === undefined) continue;
      const java = folder.javaMustPass?.[0];
      const flag = java !== undefined && f.decoded < java ? '  < java' : '';
      console.log(
        `${folder.name.padEnd(22)}${pad(f.images, 7)}${pad(f.decoded, 8)}${pad(f.misread, 8)}${pad(java ?? '-', 13)}${flag}`,
      );
    }
    for (const folder of folders.filter((f) => f.falsePositives)) {
      const f = result.folders[folder.name];
      console.log(
        `${folder.name.padEnd(22)}${pad(f?.images ?? 0, 7)}  false positives: ${f?.misread ?? 0}`,
      );
    }
    console.log(
      `overall ${(overallRate(folders, result) * 100).toFixed(1)} %, false positives ${result.falsePositives}, ` +
        `median ${result.medianMs} ms, p95 ${result.p95Ms} ms per image`,
    );
    if (result.emptyFrameMedianMs !== null) {
      console.log(
        `empty 1280×720 camera frame: median ${result.emptyFrameMedianMs} ms, p95 ${result.emptyFrameP95Ms ?? '-'} ms`,
      );
    }
  }
}

/** Lists the goals of DESIGN §8 the default engine misses (printed; empty when all hold). */
export function checkGoals(folders: readonly CorpusFolder[], summary: ScanBenchSummary): string[] {
  const failures: string[] = [];
  const chosen = summary.engines[summary.default];
  if (chosen === undefined) return [`default engine ${summary.default} did not run`];
  for (const folder of folders) {
    const java = folder.javaMustPass?.[0];
    const f = chosen.folders[folder.name];
    if (java !== undefined && f !== undefined && f.decoded < java) {
      failures.push(`${folder.name}: ${f.decoded} decoded < Java's ${java}`);
    }
    if (RETAIL_FOLDER.test(folder.name) && f !== undefined && f.misread > 0) {
      failures.push(`${folder.name}: ${f.misread} EAN/UPC misread(s)`);
    }
  }
  const rate = overallRate(folders, chosen);
  if (rate < 0.85) failures.push(`overall ${(rate * 100).toFixed(1)} % < 85 %`);
  if (chosen.falsePositives > 0) failures.push(`${chosen.falsePositives} false positive(s)`);
  if (chosen.medianMs > 5) failures.push(`median ${chosen.medianMs} ms > 5 ms`);
  // The bar to beat is plain @zxing/library, in the same run.
  const reference = summary.engines['zxing-js'];
  if (reference !== undefined && summary.default !== 'zxing-js') {
    if (overallRate(folders, reference) >= rate) {
      failures.push(`zxing-js decodes as much as ${summary.default}`);
    }
    if (reference.medianMs <= chosen.medianMs) {
      failures.push(`zxing-js is as fast as ${summary.default}`);
    }
  }
  console.log(
    `\ngoals (DESIGN §8) for ${summary.default}: ${failures.length === 0 ? 'all met' : 'NOT met'}`,
  );
  for (const failure of failures) console.log(`  - ${failure}`);
  return failures;
}
