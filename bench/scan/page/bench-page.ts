/**
 * The in-browser half of `npm run bench:scan`: starts one decoder Worker per engine through
 * the app's own DecoderClient (same Worker module, same engine options), turns each image
 * into RGBA the way a camera frame arrives (transparent pixels over white), and decodes it
 * with every engine in turn so drift on a shared machine hits all engines alike.
 */
import { DecoderClient } from '../../../src/scan/decoder-client.ts';
import type { EngineName, Frame } from '../../../src/scan/scan-types.ts';

export interface EngineReading {
  readonly engine: EngineName;
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

/**
 * The image as RGBA. With `camera`, it is letterboxed into a mid-grey frame of that size,
 * as a camera frame with the scene in it arrives (the idle-loop cost of the live scanner).
 */
async function loadFrame(url: string, camera?: { width: number; height: number }): Promise<Frame> {
  const blob = await (await fetch(url)).blob();
  const bitmap = await createImageBitmap(blob);
  const width = camera?.width ?? bitmap.width;
  const height = camera?.height ?? bitmap.height;
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) throw new Error('no 2d context');
  context.fillStyle = camera === undefined ? '#fff' : '#808080';
  context.fillRect(0, 0, width, height);
  const scale = Math.min(1, width / bitmap.width, height / bitmap.height);
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
  camera?: { width: number; height: number },
): Promise<EngineReading[]> {
  const frame = await loadFrame(url, camera);
  const readings: EngineReading[] = [];
  for (const [engine, client] of clients) {
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

declare global {
  interface Window {
    aisleScanBench: {
      start: typeof start;
      decodeImage: typeof decodeImage;
    };
  }
}

window.aisleScanBench = { start, decodeImage };
document.title = 'ready';
