/**
 * Records every pool pass (pass-pool.ts) on every corpus image in the bench page: as a
 * still, as a letterboxed 1280×720 camera frame and, for images without a barcode, as a
 * frame the image fills. Replays of this recording are what cross-validation scores.
 */
import type { CorpusImage } from './corpus.ts';
import type { BenchBrowser } from './bench-browser.ts';
import type { CameraFraming } from './page/bench-page.ts';
import type { PoolPass } from './page/pool-protocol.ts';
import { POOL, POOL_NAMES } from './pass-pool.ts';
import type { RecordedImage, Recording } from './replay.ts';

export const CAMERA_FRAME = { width: 1280, height: 720 } as const;

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
    const camera = await run(index, CAMERA_FRAME);
    const filled =
      image.expected === null ? await run(index, { ...CAMERA_FRAME, fill: true }) : undefined;
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
