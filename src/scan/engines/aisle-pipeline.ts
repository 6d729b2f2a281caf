/**
 * The app's default decoding pipeline: zxing-wasm with the tuned passes, then, only when it
 * found nothing, @zxing/library restricted to Data Matrix and QR. zxing-cpp 3.1 rejects some
 * clean Data Matrix symbols with a Reed-Solomon checksum error that zxing-js reads (seen on
 * bwip-js GS1 DataMatrix at 10 and 12 px per module); 2D symbols carry error correction, so
 * the second opinion adds reads without adding false positives. 1D is left to zxing-wasm:
 * zxing-js misreads and false positives on 1D are what the benchmark counts against it.
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
  const matrix = createZxingJsDecoder([ScanFormats.dataMatrix, ScanFormats.qr]);
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
