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

async function loadFrame(url: string): Promise<Frame> {
  const blob = await (await fetch(url)).blob();
  const bitmap = await createImageBitmap(blob);
  const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
  const context = canvas.getContext('2d', { willReadFrequently: true });
  if (context === null) throw new Error('no 2d context');
  // ZXing's blackbox rule: fully transparent pixels count as white.
  context.fillStyle = '#fff';
  context.fillRect(0, 0, bitmap.width, bitmap.height);
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return context.getImageData(0, 0, canvas.width, canvas.height);
}

async function decodeImage(url: string): Promise<EngineReading[]> {
  const frame = await loadFrame(url);
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
