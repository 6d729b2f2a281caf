/**
 * The app's default decoding pipeline: zxing-wasm with the tuned passes, then, only when it
 * found nothing, @zxing/library restricted to Data Matrix. zxing-cpp 3.1 rejects some clean
 * Data Matrix symbols with a Reed-Solomon checksum error that zxing-js reads (seen on bwip-js
 * GS1 DataMatrix at 10 and 12 px per module, i.e. serial labels); Data Matrix carries error
 * correction, so the second opinion adds reads without adding false positives. 1D and QR stay
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
import { createZxingJsDecoder } from './zxing-js-engine.ts';
import { createZxingWasmDecoder, type WasmSource } from './zxing-wasm-engine.ts';

export async function createAislePipeline(source: WasmSource): Promise<BarcodeDecoder> {
  const wasm = await createZxingWasmDecoder(source);
  const matrix = createZxingJsDecoder([ScanFormats.dataMatrix]);
  return {
    name: EngineNames.aisle,
    async decode(frame: Frame): Promise<Decoded[]> {
      const reads = await wasm.decode(frame);
      return reads.length > 0 ? reads : matrix.decode(frame);
    },
    dispose() {
      wasm.dispose();
      matrix.dispose();
    },
  };
}
