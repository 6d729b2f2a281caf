/**
 * The bench's second Worker: runs a pool of single passes (zxing-wasm with given options,
 * or zxing-js for given formats) on a frame and reports each pass's candidates and time, so
 * the cross-validation can replay any pass list over one recording. The passes are built by
 * the app's own engine modules and loaded from the same `.wasm`.
 */
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';
import {
  decodeFrame,
  FrameNotes,
  type DecodePass,
} from '../../../src/scan/engines/decode-passes.ts';
import { zxingJsPass } from '../../../src/scan/engines/zxing-js-engine.ts';
import { loadZxingWasm, zxingWasmPass } from '../../../src/scan/engines/zxing-wasm-engine.ts';
import type { PassOutput, PoolRequest, PoolResponse, PoolPass } from './pool-protocol.ts';

interface WorkerScope {
  postMessage(message: PoolResponse): void;
  addEventListener(type: 'message', listener: (event: MessageEvent<PoolRequest>) => void): void;
}
const scope = self as unknown as WorkerScope;

let passes: DecodePass[] = [];

function build(spec: PoolPass): DecodePass {
  return spec.kind === 'wasm' ? zxingWasmPass(spec.pass) : zxingJsPass(spec.formats);
}

/**
 * Runs the requested passes on one frame. The survey is timed on its own, once per frame,
 * and each pass starts without the notes of the others (no Data Matrix cue): the replay
 * decides which pass would have seen which cue.
 */
async function runAll(request: Extract<PoolRequest, { type: 'run' }>): Promise<void> {
  const frame = {
    data: new Uint8ClampedArray(request.pixels),
    width: request.width,
    height: request.height,
  };
  const notes = new FrameNotes(frame);
  const surveyStart = performance.now();
  const regions = notes.regions.length;
  const surveyMs = performance.now() - surveyStart;
  const outputs: PassOutput[] = [];
  for (const index of request.passes) {
    const pass = passes[index];
    if (pass === undefined) throw new Error(`no pass ${index} in the pool`);
    notes.matrixTrouble = false;
    if (!pass.appliesTo(notes)) {
      outputs.push(null);
      continue;
    }
    const start = performance.now();
    const candidates = await pass.run(notes);
    outputs.push({ candidates, ms: performance.now() - start, matrixTrouble: notes.matrixTrouble });
  }
  scope.postMessage({ type: 'ran', id: request.id, outputs, surveyMs, regions });
}

/** Runs a pipeline of pool passes on one frame, timed like the app's Worker times its engine. */
async function decodeWith(request: Extract<PoolRequest, { type: 'decode' }>): Promise<void> {
  const frame = {
    data: new Uint8ClampedArray(request.pixels),
    width: request.width,
    height: request.height,
  };
  const steps = request.pipeline.steps.map((step): DecodePass => {
    const pass = passes[step.pass];
    if (pass === undefined) throw new Error(`no pass ${step.pass} in the pool`);
    if (step.afterMatrixTrouble !== true) return pass;
    return {
      appliesTo: (notes) => notes.matrixTrouble && pass.appliesTo(notes),
      run: (notes) => pass.run(notes),
    };
  });
  const start = performance.now();
  const results = await decodeFrame(frame, steps, request.pipeline.minLines);
  scope.postMessage({ type: 'decoded', id: request.id, results, ms: performance.now() - start });
}

scope.addEventListener('message', (event) => {
  const request = event.data;
  if (request.type === 'init') {
    loadZxingWasm({ wasmUrl: new URL(wasmUrl, self.location.href).href }).then(
      () => {
        passes = request.pool.map(build);
        scope.postMessage({ type: 'ready' });
      },
      (error: unknown) => scope.postMessage({ type: 'failed', reason: String(error) }),
    );
  } else if (request.type === 'decode') {
    decodeWith(request).catch((error: unknown) =>
      scope.postMessage({ type: 'failed', reason: String(error) }),
    );
  } else {
    runAll(request).catch((error: unknown) =>
      scope.postMessage({ type: 'failed', reason: String(error) }),
    );
  }
});
