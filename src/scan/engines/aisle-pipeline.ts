/**
 * The app's default decoding pipeline: zxing-wasm with the tuned passes, then, only when it
 * found nothing AND a pass met a Data Matrix it could not correct, @zxing/library restricted
 * to Data Matrix. zxing-cpp 3.1 rejects some clean Data Matrix symbols with a Reed-Solomon
 * checksum error that zxing-js reads (bwip-js GS1 DataMatrix at 3, 5, 6 and 10–12 px per
 * module, i.e. serial labels); Data Matrix carries error correction, so the second opinion
 * adds reads without adding false positives, and waiting for the cue keeps its ~5 ms off
 * every frame that holds no Data Matrix. 1D and QR stay
 * with zxing-wasm: zxing-js reads no QR it misses, and its 1D misreads and false positives
 * are what the benchmark counts against it.
 */
import {
  ScanFormats,
  EngineNames,
  type BarcodeDecoder,
  type Decoded,
  type Frame,
} from '../scan-types.ts';
import { decodeFrame } from './decode-passes.ts';
import { zxingJsPass } from './zxing-js-engine.ts';
import {
  loadZxingWasm,
  zxingWasmPass,
  ZXING_WASM_TUNING,
  type WasmSource,
} from './zxing-wasm-engine.ts';

export async function createAislePipeline(source: WasmSource): Promise<BarcodeDecoder> {
  await loadZxingWasm(source);
  const passes = [
    ...ZXING_WASM_TUNING.passes.map(zxingWasmPass),
    zxingJsPass([ScanFormats.dataMatrix], { onlyAfterMatrixTrouble: true }),
  ];
  return {
    name: EngineNames.aisle,
    decode: (frame: Frame): Promise<Decoded[]> =>
      decodeFrame(frame, passes, ZXING_WASM_TUNING.minLines),
    dispose() {
      // Nothing held beyond the Worker's lifetime.
    },
  };
}
