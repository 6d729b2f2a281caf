/**
 * Records every pool pass (pass-pool.ts) on every corpus image in the bench page: as a
 * still, as a letterboxed 1280×720 camera frame and, for images without a barcode, as a
 * frame the image fills. Replays of this recording are what cross-validation scores.
 */
import type { CorpusImage } from './corpus.ts';
import type { BenchBrowser } from './bench-browser.ts';
import type { CameraFraming } from './page/bench-page.ts';
import type { PoolPass, PoolRun } from './page/pool-protocol.ts';
import { POOL, POOL_NAMES } from './pass-pool.ts';
import type { RecordedImage, Recording } from './replay.ts';

export const CAMERA_FRAME = { width: 1280, height: 720 } as const;

/**
 * Empty frames are recorded this many times and each pass keeps its fastest time: the
 * selection compares idle costs, and on a shared machine one pass over 50 frames moves by
 * more than the differences it has to judge.
 */
const EMPTY_REPEATS = 3;

/** The runs' outputs (the reads are the same every time) with each pass's fastest time. */
function fastest(runs: readonly PoolRun[]): PoolRun {
  const [first, ...rest] = runs as [PoolRun, ...PoolRun[]];
  return {
    regions: first.regions,
    surveyMs: Math.min(...runs.map((r) => r.surveyMs)),
    outputs: first.outputs.map((output, i) =>
      output === null
        ? null
        : { ...output, ms: Math.min(output.ms, ...rest.map((r) => r.outputs[i]?.ms ?? Infinity)) },
    ),
  };
}

export async function recordPool(
  bench: BenchBrowser,
  images: readonly CorpusImage[],
  progress: (done: number) => void = () => undefined,
): Promise<Recording> {
  const { page } = bench;
  await page.evaluate(
    (specs) => window.aisleScanBench.startPool(specs),
    POOL_NAMES.map((n) => POOL[n] as PoolPass),
  );
  const indexes = POOL_NAMES.map((_, i) => i);
  const run = (index: number, camera?: CameraFraming) =>
    page.evaluate(
      ({ url, passes, framing }) => window.aisleScanBench.runPool(url, passes, framing),
      { url: bench.imageUrl(index), passes: indexes, framing: camera },
    );
  const recorded: RecordedImage[] = [];
  for (const [index, image] of images.entries()) {
    const still = await run(index);
    const empty = image.expected === null;
    const repeat = async (framing: CameraFraming): Promise<PoolRun> => {
      const runs: PoolRun[] = [];
      for (let i = 0; i < (empty ? EMPTY_REPEATS : 1); i += 1) runs.push(await run(index, framing));
      return fastest(runs);
    };
    const camera = await repeat(CAMERA_FRAME);
    const filled = empty ? await repeat({ ...CAMERA_FRAME, fill: true }) : undefined;
    recorded.push({
      folder: image.folder,
      file: image.file,
      expected: image.expected,
      still,
      camera,
      ...(filled === undefined ? {} : { filled }),
    });
    progress(index + 1);
  }
  return { pool: POOL_NAMES, images: recorded };
}
