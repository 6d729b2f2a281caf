/**
 * Live reads from a real feed: each generated camera video (test/fixtures/barcodes/
 * live-videos.ts) plays through Chromium's fake capture device into the app's own scanner
 * (scanOnce on the e2e scan harness page: <pos-scanner>, the decoder Worker, its .wasm), one
 * browser per run. Timed in the page: from the moment the camera stream is live to the
 * first accepted read, and from opening the scanner (Worker and wasm start included). The
 * app's pipeline and plain @zxing/library run the same videos, alternately.
 */
import { launchChromium, fakeCameraArgs } from '../../test/e2e/support/chromium.ts';
import { buildScanHarness, serveFolder } from '../../test/e2e/support/camera.ts';
import {
  liveVideoFile,
  liveVideos,
  type LiveVideo,
} from '../../test/fixtures/barcodes/live-videos.ts';
import { EngineNames, type EngineName } from '../../src/scan/scan-types.ts';
import { percentile } from '../lib/stats.ts';

/** The serial on the bench's Code 128 and DataMatrix videos (fixed: the bench has no server). */
const BENCH_SERIAL = 'SN4K7Q2M9X1B3C';
const RUNS = 3;
/** Longest wait for a read; a scene without a code is watched this long. */
const TIMEOUT_MS = 10_000;
const EMPTY_WATCH_MS = 4_000;

export interface VideoRun {
  readonly engine: EngineName;
  /** Camera stream live → first accepted read; null when nothing was read in time. */
  readonly cameraToReadMs: number | null;
  /** scanOnce() called → first accepted read (Worker, wasm and camera start included). */
  readonly openToReadMs: number | null;
  readonly read: { readonly format: string; readonly text: string } | null;
  readonly misread: boolean;
  /** Frames the scanner had decoded when it gave up (0 when it read). */
  readonly framesDecoded: number;
}

export interface VideoResult {
  readonly name: string;
  readonly conditions: string;
  readonly expected: LiveVideo['expected'];
  readonly runs: VideoRun[];
}

interface PageOutcome {
  openedAt: number;
  liveAt: number | null;
  readAt: number | null;
  read: { format: string; text: string } | null;
  frames: number;
}

async function runOnce(
  origin: string,
  file: string,
  engine: EngineName,
  watchMs: number,
): Promise<PageOutcome> {
  const browser = await launchChromium(fakeCameraArgs(file));
  try {
    const page = await browser.newPage();
    await page.addInitScript((chosen: string) => {
      localStorage.setItem('aisle.scan-settings', JSON.stringify({ engine: chosen }));
      const devices = navigator.mediaDevices as MediaDevices | undefined;
      if (devices === undefined) return;
      const original = devices.getUserMedia.bind(devices);
      devices.getUserMedia = async (constraints) => {
        const stream = await original(constraints);
        (window as unknown as { __cameraLiveAt: number }).__cameraLiveAt = performance.now();
        return stream;
      };
    }, engine);
    await page.goto(origin);
    await page.waitForFunction(() => document.title === 'ready');
    // No named functions in here: tsx would wrap them in a helper the page does not have.
    return await page.evaluate(async (watch: number): Promise<PageOutcome> => {
      const openedAt = performance.now();
      let seen = 0;
      const result = await Promise.race([
        (window as unknown as HarnessWindow).aisleScanHarness.scanOnce(),
        new Promise<null>((resolve) =>
          setTimeout(() => {
            seen = Number(
              document
                .querySelector('pos-scanner-dialog')
                ?.shadowRoot?.querySelector('pos-scanner')
                ?.getAttribute('data-frames-decoded') ?? 0,
            );
            // Removing the dialog stops its camera, as leaving the screen would.
            document.querySelector('pos-scanner-dialog')?.remove();
            resolve(null);
          }, watch),
        ),
      ]);
      const readAt = result === null ? null : performance.now();
      const liveAt = (window as unknown as { __cameraLiveAt?: number }).__cameraLiveAt ?? null;
      return {
        openedAt,
        liveAt,
        readAt,
        read: result === null ? null : { format: result.read.format, text: result.read.text },
        frames: seen,
      };
    }, watchMs);
  } finally {
    await browser.close();
  }
}

/** The scan harness page's API (test/e2e/support/camera.ts). */
interface HarnessWindow {
  aisleScanHarness: {
    scanOnce: () => Promise<{ read: { format: string; text: string } } | null>;
  };
}

export async function measureLiveVideos(runs = RUNS): Promise<VideoResult[]> {
  const site = await serveFolder(await buildScanHarness());
  const engines: EngineName[] = [EngineNames.aisle, EngineNames.zxingJs];
  const results: VideoResult[] = [];
  try {
    for (const video of liveVideos(BENCH_SERIAL)) {
      const file = await liveVideoFile(video);
      const result: VideoResult = {
        name: video.name,
        conditions: video.conditions,
        expected: video.expected,
        runs: [],
      };
      for (let run = 0; run < runs; run += 1) {
        for (const engine of engines) {
          const watch = video.expected === null ? EMPTY_WATCH_MS : TIMEOUT_MS;
          const outcome = await runOnce(site.origin, file, engine, watch);
          const read = outcome.read;
          const misread =
            read !== null &&
            (video.expected === null ||
              read.format !== video.expected.format ||
              read.text !== video.expected.text);
          result.runs.push({
            engine,
            cameraToReadMs:
              outcome.readAt === null || outcome.liveAt === null
                ? null
                : Math.round(outcome.readAt - outcome.liveAt),
            openToReadMs:
              outcome.readAt === null ? null : Math.round(outcome.readAt - outcome.openedAt),
            read,
            misread,
            framesDecoded: outcome.frames,
          });
          if (process.stderr.isTTY) process.stderr.write(`\r${video.name} ${run + 1}/${runs}   `);
        }
      }
      results.push(result);
    }
  } finally {
    site.close();
    if (process.stderr.isTTY) process.stderr.write('\n');
  }
  return results;
}

const median = (values: readonly number[]): string =>
  values.length === 0 ? '-' : `${Math.round(percentile(values, 50))} ms`;

export function printLiveVideos(results: readonly VideoResult[]): void {
  console.log('\n## live camera videos (Chromium fake capture, 1280×720 at 15 fps)');
  console.log(
    'median of the runs: camera live → first accepted read (scanner opened → read); reads/runs; misreads',
  );
  const engines = [...new Set(results.flatMap((r) => r.runs.map((run) => run.engine)))];
  for (const video of results) {
    console.log(`${video.name}: ${video.conditions}`);
    for (const engine of engines) {
      const runs = video.runs.filter((r) => r.engine === engine);
      const read = runs.filter((r) => r.cameraToReadMs !== null && !r.misread);
      const misreads = runs.filter((r) => r.misread).length;
      const camera = median(read.map((r) => r.cameraToReadMs as number));
      const open = median(read.map((r) => r.openToReadMs as number));
      const what =
        video.expected === null
          ? `nothing read in ${runs.length - misreads}/${runs.length} runs, frames decoded ${runs.map((r) => r.framesDecoded).join('/')}`
          : `${camera} (${open}), read ${read.length}/${runs.length}`;
      console.log(`  ${engine.padEnd(10)} ${what}, misreads ${misreads}`);
    }
  }
}
