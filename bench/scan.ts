/**
 * `npm run bench:scan -- [DIR] [--json FILE] [--cv] [--no-videos]`: the scanning benchmark,
 * in headless Chromium, through real Workers on the real `.wasm`. DIR is a folder tree in the
 * layout of ZXing's blackbox corpus (default ../shared/corpus/zxing-blackbox).
 *
 * Default: every image decoded, interleaved, by the app's pipeline (the app's own decoder
 * Worker), the pipeline as it was before issue 16, zxing-wasm with its library defaults and
 * plain @zxing/library, each image as a still and as a 1280×720 camera frame; then the
 * no-barcode images as empty camera frames (the live loop's idle cost); then generated
 * camera videos through Chromium's fake capture device, timed from camera start to the
 * first accepted read. JSON: bench/results/scan.json.
 *
 * --cv: records every candidate pass on every image and cross-validates the pipeline
 * tuning by leaving one folder out at a time (bench/scan/cross-validation.ts), with the
 * three decoders side by side per fold. JSON: bench/results/scan-cv.json. With
 * --recording FILE the pass recording is saved there, and replayed from there next time.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openBenchPage, type BenchBrowser } from './scan/bench-browser.ts';
import { readCorpus, type CorpusFolder, type CorpusImage } from './scan/corpus.ts';
import { crossValidate } from './scan/cross-validation.ts';
import { printCrossValidation } from './scan/cv-report.ts';
import { measureLiveVideos, printLiveVideos } from './scan/live-videos.ts';
import type { CameraFraming, EngineReading } from './scan/page/bench-page.ts';
import type { PoolPipeline } from './scan/page/pool-protocol.ts';
import {
  BEFORE,
  candidatePipelines,
  POOL,
  POOL_NAMES,
  SHIPPED,
  WASM_DEFAULTS,
  ZXING_JS,
  type Pipeline,
} from './scan/pass-pool.ts';
import { CAMERA_FRAME, recordPool } from './scan/record.ts';
import { replay, stepIndexes, type Recording } from './scan/replay.ts';
import {
  addVerdict,
  checkGoals,
  cost,
  newTally,
  printReport,
  summariseRegime,
  type ScanBenchSummary,
  type Tally,
} from './scan/report.ts';
import { judgeRead } from './scan/score.ts';
import { EngineNames, type EngineName } from '../src/scan/scan-types.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const WARM_UP = 3;
/** Rounds over the empty frames: 25 no-barcode images × 2 framings × 2 = 100 samples. */
const EMPTY_ROUNDS = 2;

interface Args {
  dir: string;
  json: string;
  cv: boolean;
  videos: boolean;
  /** --cv only: reuse this recording instead of decoding again, or save the new one there. */
  recording: string | null;
}

function parseArgs(argv: readonly string[]): Args {
  let dir = resolve(ROOT, '../shared/corpus/zxing-blackbox');
  let json: string | null = null;
  let cv = false;
  let videos = true;
  let recording: string | null = null;
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--json') {
      const file = argv[i + 1];
      if (file === undefined) throw new Error('--json needs a file name');
      json = resolve(file);
      i += 1;
    } else if (arg.startsWith('--json=')) json = resolve(arg.slice(7));
    else if (arg === '--cv') cv = true;
    else if (arg === '--no-videos') videos = false;
    else if (arg === '--recording') {
      const file = argv[i + 1];
      if (file === undefined) throw new Error('--recording needs a file name');
      recording = resolve(file);
      i += 1;
    } else if (arg.startsWith('--'))
      throw new Error(
        `unknown flag ${arg} (usage: bench:scan -- [DIR] [--json FILE] [--cv [--recording FILE]] [--no-videos])`,
      );
    else dir = resolve(arg);
  }
  // Every bench keeps its JSON in bench/results/ unless told otherwise.
  json ??= join(ROOT, cv ? 'bench/results/scan-cv.json' : 'bench/results/scan.json');
  return { dir, json, cv, videos, recording };
}

/** One decoder of the default run: an app engine in the app's Worker, or a pool pipeline. */
interface Contender {
  readonly name: string;
  decode(url: string, framing?: CameraFraming): Promise<EngineReading>;
}

async function contenders(bench: BenchBrowser): Promise<Contender[]> {
  const { page } = bench;
  const engines: EngineName[] = [EngineNames.aisle, EngineNames.zxingJs];
  await page.evaluate((names) => window.aisleScanBench.start(names), engines);
  await page.evaluate(
    (specs) => window.aisleScanBench.startPool(specs),
    POOL_NAMES.map((n) => poolSpec(n)),
  );
  const fromApp = (name: string, engine: EngineName): Contender => ({
    name,
    async decode(url, framing) {
      const readings = await page.evaluate(
        ({ u, f, e }) => window.aisleScanBench.decodeImage(u, f, e),
        { u: url, f: framing, e: engine },
      );
      const reading = readings.find((r) => r.engine === engine);
      if (reading === undefined) throw new Error(`engine ${engine} gave no reading`);
      return reading;
    },
  });
  const fromPool = (pipeline: Pipeline): Contender => {
    const indexes = stepIndexes({ pool: POOL_NAMES, images: [] }, pipeline);
    const request: PoolPipeline = {
      steps: pipeline.steps.map((step, i) => ({
        pass: indexes[i] as number,
        ...(step.afterMatrixTrouble === true ? { afterMatrixTrouble: true } : {}),
      })),
      minLines: pipeline.minLines,
    };
    return {
      name: pipeline.name,
      decode: (url, framing) =>
        page.evaluate(({ u, p, f }) => window.aisleScanBench.decodeWithPool(u, p, f), {
          u: url,
          p: request,
          f: framing,
        }),
    };
  };
  return [
    fromApp('aisle', EngineNames.aisle),
    fromPool(BEFORE),
    fromPool(WASM_DEFAULTS),
    fromApp('zxing-js', EngineNames.zxingJs),
  ];
}

const poolSpec = (name: string) => {
  const spec = POOL[name];
  if (spec === undefined) throw new Error(`no pool pass ${name}`);
  return spec;
};

const progress = (done: number, total: number): void => {
  if (process.stderr.isTTY) process.stderr.write(`\r${done}/${total}`);
};

async function runCorpus(
  bench: BenchBrowser,
  folders: readonly CorpusFolder[],
  images: readonly CorpusImage[],
): Promise<ScanBenchSummary> {
  const decoders = await contenders(bench);
  for (const decoder of decoders) {
    for (let i = 0; i < WARM_UP; i += 1) await decoder.decode(bench.imageUrl(i % images.length));
  }
  const still = new Map<string, Tally>(decoders.map((d) => [d.name, newTally()]));
  const camera = new Map<string, Tally>(decoders.map((d) => [d.name, newTally()]));
  for (const [index, image] of images.entries()) {
    const url = bench.imageUrl(index);
    for (const [framing, tallies] of [
      [undefined, still],
      [CAMERA_FRAME, camera],
    ] as const) {
      for (const decoder of decoders) {
        const reading = await decoder.decode(url, framing);
        const verdict = judgeRead(image.expected, reading.read);
        addVerdict(tallies.get(decoder.name) as Tally, image.folder, verdict, reading.ms);
      }
    }
    progress(index + 1, images.length);
  }
  if (process.stderr.isTTY) process.stderr.write('\n');

  // Idle-loop cost: the no-barcode images as 1280×720 camera frames, letterboxed (a small
  // scene in grey) and filled (texture edge to edge), what the live scanner decodes most.
  const emptyTimes = new Map<string, number[]>(decoders.map((d) => [d.name, []]));
  const emptyReads = new Map<string, number>(decoders.map((d) => [d.name, 0]));
  const empties = images.flatMap((image, index) => (image.expected === null ? [index] : []));
  for (let round = 0; round < EMPTY_ROUNDS; round += 1) {
    for (const index of empties) {
      for (const framing of [CAMERA_FRAME, { ...CAMERA_FRAME, fill: true }]) {
        for (const decoder of decoders) {
          const reading = await decoder.decode(bench.imageUrl(index), framing);
          emptyTimes.get(decoder.name)?.push(reading.ms);
          if (reading.read !== undefined && round === 0)
            emptyReads.set(decoder.name, (emptyReads.get(decoder.name) ?? 0) + 1);
        }
      }
    }
  }

  const summary: ScanBenchSummary = {
    default: 'aisle',
    reference: 'zxing-js',
    before: BEFORE.name,
    decoders: {},
  };
  for (const decoder of decoders) {
    summary.decoders[decoder.name] = {
      still: summariseRegime(folders, still.get(decoder.name) as Tally),
      camera: summariseRegime(folders, camera.get(decoder.name) as Tally),
      emptyFrame: cost(emptyTimes.get(decoder.name) ?? []),
      emptyFrameReads: emptyReads.get(decoder.name) ?? 0,
    };
  }
  return summary;
}

async function runCrossValidation(
  bench: BenchBrowser,
  folders: readonly CorpusFolder[],
  images: readonly CorpusImage[],
  dir: string,
  recordingFile: string | null,
): Promise<unknown> {
  let recording: Recording;
  if (recordingFile !== null && existsSync(recordingFile)) {
    recording = JSON.parse(readFileSync(recordingFile, 'utf8')) as Recording;
    console.log(`replaying ${recordingFile} (delete it to record again)`);
  } else {
    recording = await recordPool(bench, images, (done) => progress(done, images.length));
    if (process.stderr.isTTY) process.stderr.write('\n');
    if (recordingFile !== null) writeFileSync(recordingFile, JSON.stringify(recording));
  }
  // The replay must give what the app's Worker gives: check it on every still.
  await bench.page.evaluate((names) => window.aisleScanBench.start(names), [EngineNames.aisle]);
  const indexes = stepIndexes(recording, SHIPPED);
  let agree = 0;
  const disagree: string[] = [];
  for (const [index, image] of recording.images.entries()) {
    const [reading] = await bench.page.evaluate(
      (u) => window.aisleScanBench.decodeImage(u),
      bench.imageUrl(index),
    );
    const replayed = replay(image.still, SHIPPED, indexes).reads[0];
    if (reading?.read?.text === replayed?.text) agree += 1;
    else disagree.push(`${image.folder}/${image.file}`);
  }
  const cv = crossValidate(
    recording,
    folders,
    candidatePipelines(),
    [SHIPPED, BEFORE, WASM_DEFAULTS, ZXING_JS],
    ZXING_JS,
    BEFORE,
  );
  printCrossValidation(dir, folders, cv);
  console.log(
    `replay of the app's pipeline agrees with the app's Worker on ${agree}/${recording.images.length} stills` +
      (disagree.length > 0 ? ` (differs: ${disagree.join(', ')})` : ''),
  );
  return { ...cv, replayAgreement: { agree, of: recording.images.length, disagree } };
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const { dir, json, cv, videos } = args;
  const folders = readCorpus(dir);
  const images = folders.flatMap((folder) => folder.images);
  if (images.length === 0) throw new Error(`no images under ${dir}`);

  const bench = await openBenchPage(images.map((image) => image.path));
  let report: unknown;
  let failures: string[] = [];
  try {
    if (cv) {
      report = await runCrossValidation(bench, folders, images, dir, args.recording);
    } else {
      const summary = await runCorpus(bench, folders, images);
      printReport(dir, folders, summary);
      failures = checkGoals(folders, summary);
      report = summary;
    }
  } finally {
    await bench.close();
  }
  if (!cv && videos) {
    const live = await measureLiveVideos();
    printLiveVideos(live);
    report = { ...(report as object), liveVideos: live };
    const misreads = live.flatMap((v) => v.runs).filter((r) => r.misread);
    if (misreads.length > 0) failures.push(`${misreads.length} misread(s) on live videos`);
  }
  mkdirSync(dirname(json), { recursive: true });
  writeFileSync(json, `${JSON.stringify(report, null, 2)}\n`);
  console.log(`\nwrote ${json}`);
  if (failures.length > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
