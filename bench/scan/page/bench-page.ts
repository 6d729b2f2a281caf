/**
 * The in-browser half of `npm run bench:scan`: starts one decoder Worker per engine through
 * the app's own DecoderClient (same Worker module, same engine options), turns each image
 * into RGBA the way a camera frame arrives (transparent pixels over white), and decodes it
 * with every engine in turn so drift on a shared machine hits all engines alike.
 */
import { DecoderClient } from '../../../src/scan/decoder-client.ts';
import type { EngineName, Frame } from '../../../src/scan/scan-types.ts';
import type {
  PoolPass,
  PoolPipeline,
  PoolRequest,
  PoolResponse,
  PoolRun,
} from './pool-protocol.ts';

export interface EngineReading {
  /** The app engine that decoded, or `pool` for a pipeline of pool passes. */
  readonly engine: EngineName | 'pool';
  readonly read: { readonly text: string; readonly gtin14: string | null } | undefined;
  readonly ms: number;
}

const clients = new Map<EngineName, DecoderClient>();

async function start(engines: readonly EngineName[]): Promise<EngineName[]> {
  const started: EngineName[] = [];
  for (const engine of engines) {
    const client = await DecoderClient.start(engine);
    // A fallback would measure the wrong engine under the right name: refuse it.
    if (client.engine !== engine) {
      client.terminate();
      throw new Error(`engine ${engine} did not load (${client.fallbackReason ?? 'unknown'})`);
    }
    clients.set(engine, client);
    started.push(engine);
  }
  return started;
}

/** How a corpus image becomes a camera frame: its size, and whether the image fills it. */
export interface CameraFraming {
  readonly width: number;
  readonly height: number;
  /**
   * false (default): letterboxed at its own size into a mid-grey frame, like a small code
   * seen from afar; true: scaled to cover the whole frame, texture edge to edge.
   */
  readonly fill?: boolean;
}

/** The image as RGBA, as it is or framed as a camera frame. */
async function loadFrame(url: string, camera?: CameraFraming): Promise<Frame> {
  const blob = await (await fetch(url)).blob();
  const bitmap = await createImageBitmap(blob);
  const width = camera?.width ?? bitmap.width;
  const height = camera?.height ?? bitmap.height;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) throw new Error('no 2d context');
  context.fillStyle = camera === undefined ? '#fff' : '#808080';
  context.fillRect(0, 0, width, height);
  const scale =
    camera?.fill === true
      ? Math.max(width / bitmap.width, height / bitmap.height)
      : Math.min(1, width / bitmap.width, height / bitmap.height);
  const w = Math.round(bitmap.width * scale);
  const h = Math.round(bitmap.height * scale);
  const left = Math.round((width - w) / 2);
  const top = Math.round((height - h) / 2);
  // ZXing's blackbox rule: fully transparent pixels count as white.
  context.fillStyle = '#fff';
  context.fillRect(left, top, w, h);
  context.drawImage(bitmap, left, top, w, h);
  bitmap.close();
  return context.getImageData(0, 0, width, height);
}

async function decodeImage(
  url: string,
  camera?: CameraFraming,
  only?: EngineName,
): Promise<EngineReading[]> {
  const frame = await loadFrame(url, camera);
  const readings: EngineReading[] = [];
  for (const [engine, client] of clients) {
    if (only !== undefined && engine !== only) continue;
    // Each engine gets its own copy: the buffer is transferred to its Worker.
    const copy = {
      data: new Uint8ClampedArray(frame.data),
      width: frame.width,
      height: frame.height,
    };
    const outcome = await client.decode(copy);
    const first = outcome.results[0];
    readings.push({
      engine,
      read: first === undefined ? undefined : { text: first.text, gtin14: first.gtin14 },
      ms: outcome.ms,
    });
  }
  return readings;
}

let pool: Worker | null = null;
let poolNextId = 1;

function poolAnswer(worker: Worker, match: (r: PoolResponse) => boolean): Promise<PoolResponse> {
  return new Promise((resolve, reject) => {
    const onMessage = (event: MessageEvent<PoolResponse>): void => {
      const response = event.data;
      if (response.type === 'failed') reject(new Error(response.reason));
      else if (!match(response)) return;
      else resolve(response);
      worker.removeEventListener('message', onMessage);
    };
    worker.addEventListener('message', onMessage);
  });
}

/** Starts the pass-pool Worker with these passes (see pass-pool.worker.ts). */
async function startPool(passes: readonly PoolPass[]): Promise<void> {
  pool = new Worker(new URL('./pass-pool.worker.ts', import.meta.url), { type: 'module' });
  const ready = poolAnswer(pool, (r) => r.type === 'ready');
  const request: PoolRequest = { type: 'init', pool: passes };
  pool.postMessage(request);
  await ready;
}

/** Sends one frame to the pool Worker and waits for its answer. */
async function askPool(
  url: string,
  camera: CameraFraming | undefined,
  what:
    | { readonly type: 'run'; readonly passes: readonly number[] }
    | {
        readonly type: 'decode';
        readonly pipeline: PoolPipeline;
      },
): Promise<PoolResponse> {
  const worker = pool;
  if (worker === null) throw new Error('pool not started');
  const frame = await loadFrame(url, camera);
  const id = poolNextId;
  poolNextId += 1;
  const answer = poolAnswer(worker, (r) => 'id' in r && r.id === id);
  const pixels = frame.data.buffer as ArrayBuffer;
  const request: PoolRequest = { ...what, id, width: frame.width, height: frame.height, pixels };
  worker.postMessage(request, [pixels]);
  return answer;
}

/** Runs the pool passes `indexes` on the image (framed as a camera frame when asked). */
async function runPool(
  url: string,
  indexes: readonly number[],
  camera?: CameraFraming,
): Promise<PoolRun> {
  const response = await askPool(url, camera, { type: 'run', passes: indexes });
  if (response.type !== 'ran') throw new Error('pool answered out of turn');
  const { surveyMs, regions, outputs } = response;
  return { surveyMs, regions, outputs };
}

/** Decodes the image with a pipeline of pool passes, as an engine would. */
async function decodeWithPool(
  url: string,
  pipeline: PoolPipeline,
  camera?: CameraFraming,
): Promise<EngineReading> {
  const response = await askPool(url, camera, { type: 'decode', pipeline });
  if (response.type !== 'decoded') throw new Error('pool answered out of turn');
  const first = response.results[0];
  return {
    engine: 'pool',
    read: first === undefined ? undefined : { text: first.text, gtin14: first.gtin14 },
    ms: response.ms,
  };
}

declare global {
  interface Window {
    aisleScanBench: {
      start: typeof start;
      decodeImage: typeof decodeImage;
      startPool: typeof startPool;
      runPool: typeof runPool;
      decodeWithPool: typeof decodeWithPool;
    };
  }
}

window.aisleScanBench = { start, decodeImage, startPool, runPool, decodeWithPool };
document.title = 'ready';
