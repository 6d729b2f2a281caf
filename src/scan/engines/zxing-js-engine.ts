/**
 * The @zxing/library engine (the JavaScript port of ZXing): the fallback when WebAssembly
 * cannot be instantiated, and the reference the benchmark compares against. Plain
 * MultiFormatReader + HybridBinarizer without TRY_HARDER, which costs ~10x per empty frame.
 */
import {
  BarcodeFormat,
  BinaryBitmap,
  ChecksumException,
  DecodeHintType,
  FormatException,
  HybridBinarizer,
  MultiFormatReader,
  NotFoundException,
  RGBLuminanceSource,
  type Result,
} from '@zxing/library';
import { decodeFrame, type Candidate, type DecodePass } from './decode-passes.ts';
import { normaliseRead } from '../symbology.ts';
import {
  EngineNames,
  ScanFormats,
  type BarcodeDecoder,
  type Decoded,
  type Frame,
  type ScanFormat,
} from '../scan-types.ts';

const FORMATS: ReadonlyMap<BarcodeFormat, ScanFormat> = new Map([
  [BarcodeFormat.EAN_13, ScanFormats.ean13],
  [BarcodeFormat.EAN_8, ScanFormats.ean8],
  [BarcodeFormat.UPC_A, ScanFormats.upcA],
  [BarcodeFormat.UPC_E, ScanFormats.upcE],
  [BarcodeFormat.CODE_128, ScanFormats.code128],
  [BarcodeFormat.CODE_39, ScanFormats.code39],
  [BarcodeFormat.ITF, ScanFormats.itf],
  [BarcodeFormat.DATA_MATRIX, ScanFormats.dataMatrix],
  [BarcodeFormat.QR_CODE, ScanFormats.qr],
]);

/** AIM identifiers zxing-js does not report: derived from the format (modifier 0 = plain). */
const BASE_IDENTIFIER: Record<ScanFormat, string> = {
  ean13: ']E0',
  upc_a: ']E0',
  upc_e: ']E0',
  ean8: ']E4',
  code128: ']C0',
  code39: ']A0',
  itf: ']I0',
  data_matrix: ']d1',
  qr: ']Q1',
};

const GS = '\x1d';

/** @zxing/library 0.23 logs a warning for every "not found"; keep only real warnings. */
let warningsSilenced = false;
function silenceNotFoundWarnings(): void {
  if (warningsSilenced) return;
  warningsSilenced = true;
  /* eslint-disable no-console -- the library's own logging is what is being filtered */
  const original = console.warn.bind(console);
  console.warn = (...args: unknown[]) => {
    if (typeof args[0] === 'string' && args[0].startsWith('MultiFormatReader: non-ReaderException'))
      return;
    original(...args);
  };
  /* eslint-enable no-console */
}

/** Luminance as ZXing's RGBLuminanceSource expects it; transparent pixels count as white. */
function toLuminance(frame: Frame): Uint8ClampedArray {
  const { data, width, height } = frame;
  const luma = new Uint8ClampedArray(width * height);
  for (let i = 0, p = 0; i < luma.length; i += 1, p += 4) {
    luma[i] =
      data[p + 3] === 0
        ? 255
        : ((data[p] ?? 0) * 306 + (data[p + 1] ?? 0) * 601 + (data[p + 2] ?? 0) * 117) >> 10;
  }
  return luma;
}

function toDecoded(result: Result): Decoded | null {
  const format = FORMATS.get(result.getBarcodeFormat());
  if (format === undefined) return null;
  let text = result.getText();
  let symbologyIdentifier = BASE_IDENTIFIER[format];
  // With ASSUME_GS1, Code 128 marks a leading FNC1 as "]C1"; Data Matrix as a leading GS.
  if (format === ScanFormats.code128 && text.startsWith(']C1')) {
    text = text.slice(3);
    symbologyIdentifier = ']C1';
  } else if (format === ScanFormats.dataMatrix && text.startsWith(GS)) {
    text = text.slice(1);
    symbologyIdentifier = ']d2';
  }
  return normaliseRead({ format, text, symbologyIdentifier });
}

/**
 * One zxing-js attempt reading every POS format or only `formats`. zxing-js reports no scan
 * line count, so its linear reads are not held to a line threshold.
 */
export function zxingJsPass(
  formats: readonly ScanFormat[] = [...FORMATS.values()],
  options: { readonly onlyAfterMatrixTrouble?: boolean } = {},
): DecodePass {
  silenceNotFoundWarnings();
  const reader = new MultiFormatReader();
  const possible = [...FORMATS]
    .filter(([, name]) => formats.includes(name))
    .map(([format]) => format);
  const hints = new Map<DecodeHintType, unknown>([
    [DecodeHintType.POSSIBLE_FORMATS, possible],
    [DecodeHintType.ASSUME_GS1, true],
  ]);
  reader.setHints(hints);
  return {
    appliesTo: (notes) => options.onlyAfterMatrixTrouble !== true || notes.matrixTrouble,
    run({ frame }): Promise<Candidate[]> {
      const source = new RGBLuminanceSource(toLuminance(frame), frame.width, frame.height);
      try {
        const decoded = toDecoded(
          reader.decodeWithState(new BinaryBitmap(new HybridBinarizer(source))),
        );
        return Promise.resolve(decoded === null ? [] : [{ decoded, lines: null }]);
      } catch (error) {
        // A failed checksum or an impossible codeword is "no valid symbol in this frame" too.
        const nothingRead =
          error instanceof NotFoundException ||
          error instanceof ChecksumException ||
          error instanceof FormatException;
        if (nothingRead) return Promise.resolve([]);
        throw error;
      }
    },
  };
}

/** The engine, reading every POS format or only `formats` (ScanFormat names). */
export function createZxingJsDecoder(
  formats: readonly ScanFormat[] = [...FORMATS.values()],
): BarcodeDecoder {
  const pass = zxingJsPass(formats);
  return {
    name: EngineNames.zxingJs,
    decode: (frame: Frame): Promise<Decoded[]> => decodeFrame(frame, [pass], {}),
    dispose() {
      // The reader keeps no state between frames (decodeWithState with fixed hints).
    },
  };
}
