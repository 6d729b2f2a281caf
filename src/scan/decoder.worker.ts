/**
 * The decoder Worker: the one place the engines run, so the UI thread never waits for a
 * decode. It loads the requested engine and falls back to the other one when it cannot
 * (WebAssembly blocked or out of memory on old devices). The `.wasm` URL comes from the
 * app's own build (`?url`), never from a CDN. zxing-js is imported only when needed.
 */
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import type { DecoderRequest, DecoderResponse } from './decoder-protocol.ts';
import { EngineNames, type BarcodeDecoder, type EngineName } from './scan-types.ts';

interface WorkerScope {
  postMessage(message: DecoderResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<DecoderRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

const wasmSource = (): { wasmUrl: string } => ({
  wasmUrl: new URL(wasmUrl, self.location.href).href,
});

async function loadEngine(name: EngineName): Promise<BarcodeDecoder> {
  if (name === EngineNames.aisle) {
    const { createAislePipeline } = await import('./engines/aisle-pipeline.ts');
    return createAislePipeline(wasmSource());
  }
  if (name === EngineNames.zxingWasm) {
    const { createZxingWasmDecoder } = await import('./engines/zxing-wasm-engine.ts');
    return createZxingWasmDecoder(wasmSource());
  }
  const { createZxingJsDecoder } = await import('./engines/zxing-js-engine.ts');
  return createZxingJsDecoder();
}

const describe = (error: unknown): string =>
  error instanceof Error ? error.message : String(error);

let decoder: Promise<BarcodeDecoder> | null = null;

async function init(requested: EngineName): Promise<void> {
  // Without WebAssembly only zxing-js can run; with it, zxing-wasm alone is the fallback.
  const other = requested === EngineNames.zxingJs ? EngineNames.zxingWasm : EngineNames.zxingJs;
  try {
    decoder = loadEngine(requested);
    const loaded = await decoder;
    scope.postMessage({ type: 'ready', engine: loaded.name });
  } catch (error) {
    try {
      decoder = loadEngine(other);
      const loaded = await decoder;
      scope.postMessage({ type: 'ready', engine: loaded.name, fallbackReason: describe(error) });
    } catch (fallbackError) {
      decoder = null;
      scope.postMessage({ type: 'init-failed', reason: describe(fallbackError) });
    }
  }
}

async function decode(request: Extract<DecoderRequest, { type: 'decode' }>): Promise<void> {
  try {
    if (decoder === null) throw new Error('decoder not initialised');
    const engine = await decoder;
    const frame = {
      data: new Uint8ClampedArray(request.pixels),
      width: request.width,
      height: request.height,
    };
    const start = performance.now();
    const results = await engine.decode(frame);
    const ms = performance.now() - start;
    scope.postMessage({ type: 'decoded', id: request.id, results, ms });
  } catch (error) {
    scope.postMessage({ type: 'decode-failed', id: request.id, reason: describe(error) });
  }
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request.type === 'init') void init(request.engine);
  else void decode(request);
});
