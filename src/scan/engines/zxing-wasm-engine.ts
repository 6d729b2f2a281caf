/**
 * The zxing-wasm engine (zxing-cpp compiled to WebAssembly): the app's default. The `.wasm`
 * comes from wherever the caller says (the app's own build in the Worker, a file in Node),
 * never from the CDN the library would use by default. Options were chosen with
 * `npm run bench:scan` (see ZXING_WASM_PASSES).
 */
import {
  prepareZXingModule,
  readBarcodes,
  type ReaderOptions,
  type ReadResult,
} from 'zxing-wasm/reader';
import { scaleFrame, sharpenFrame } from './frame-filters.ts';
import { isBookPriceCode, normaliseRead, rankReads } from '../symbology.ts';
import {
  EngineNames,
  ScanFormats,
  type BarcodeDecoder,
  type Decoded,
  type Frame,
  type ScanFormat,
} from '../scan-types.ts';

/** Where the WebAssembly binary comes from: a URL the app serves, or the bytes themselves. */
export type WasmSource = { readonly wasmUrl: string } | { readonly wasmBinary: ArrayBuffer };

const FORMAT_NAMES: Record<string, ScanFormat> = {
  EAN13: ScanFormats.ean13,
  EAN8: ScanFormats.ean8,
  UPCA: ScanFormats.upcA,
  UPCE: ScanFormats.upcE,
  Code128: ScanFormats.code128,
  Code39: ScanFormats.code39,
  Code39Ext: ScanFormats.code39,
  Code39Std: ScanFormats.code39,
  ITF: ScanFormats.itf,
  ITF14: ScanFormats.itf,
  DataMatrix: ScanFormats.dataMatrix,
  QRCode: ScanFormats.qr,
};

const COMMON: ReaderOptions = {
  formats: ['EAN13', 'EAN8', 'UPCA', 'UPCE', 'Code128', 'Code39', 'ITF', 'DataMatrix', 'QRCode'],
  // Plain keeps GS1 FNC1 separators as GS (0x1d); HRI would rewrite them as "(01)…".
  textMode: 'Plain',
  // Inverted (light-on-dark) codes are not on retail goods; trying them doubles the cost of
  // every empty camera frame.
  tryInvert: false,
  // Room for the second barcode on a book cover; rankReads puts the wanted one first.
  maxNumberOfSymbols: 4,
};

/** One decoding attempt: reader options, optionally on a filtered copy of the frame. */
export interface WasmPass {
  readonly options: ReaderOptions;
  /**
   * Enlarge frames whose shorter side is below `maxSide` by `factor` first; the pass is
   * skipped for larger frames (a camera frame), which the earlier passes already covered.
   */
  readonly upscale?: { readonly factor: number; readonly maxSide: number };
  /** Unsharp-mask amount applied first (after any upscale). */
  readonly sharpen?: number;
}

export interface ZxingWasmTuning {
  /** Tried in order until one pass yields a usable symbol. */
  readonly passes: readonly WasmPass[];
  /**
   * Scan lines that must agree before a linear read of this format is trusted. A two-line
   * read is how a half-visible code gets in (the price code cut off under a book's ISBN);
   * UPC-E, six digits and a parity-coded check digit, misread even with three.
   */
  readonly minLines: Partial<Record<ScanFormat, number>>;
}

/**
 * The app's options, chosen with `npm run bench:scan` on the development corpus and its
 * empty 1280×720 frames (the live loop's idle cost). The first pass (rotation on, so a code
 * held sideways reads) decodes three in four images in about a millisecond; the second
 * (tryHarder, finer downscale) small 1D codes in large photos; the third doubles small
 * frames, where the narrowest bar of a UPC is about one pixel wide, and never runs on camera
 * frames. Tried and dropped: denoising and rotation in the second pass (no extra reads once
 * the third pass exists, 3x the idle cost), an unsharp mask (turned misses into misreads).
 */
export const ZXING_WASM_TUNING: ZxingWasmTuning = {
  passes: [
    { options: { ...COMMON, tryHarder: false, tryRotate: true, tryDownscale: false } },
    {
      options: {
        ...COMMON,
        tryHarder: true,
        tryRotate: false,
        downscaleFactor: 2,
        downscaleThreshold: 150,
      },
    },
    {
      options: { ...COMMON, tryHarder: true, tryRotate: false, tryDownscale: false },
      upscale: { factor: 2, maxSide: 400 },
    },
  ],
  // Costs 3 of 441 reads on the development corpus and removed its only EAN/UPC misreads:
  // at a till a wrong item is worse than a second look.
  minLines: { ean13: 3, upc_a: 3, ean8: 3, upc_e: 4 },
};

interface Candidate {
  readonly decoded: Decoded;
  readonly lines: number;
}

function toCandidate(result: ReadResult, tuning: ZxingWasmTuning): Candidate | null {
  const format = FORMAT_NAMES[result.format];
  if (format === undefined || !result.isValid) return null;
  // lineCount is 0 for 2D symbols; the threshold only applies to linear formats.
  if (result.lineCount < (tuning.minLines[format] ?? 0)) return null;
  const decoded = normaliseRead({
    format,
    text: result.text,
    symbologyIdentifier: result.symbologyIdentifier,
  });
  return decoded === null ? null : { decoded, lines: result.lineCount };
}

const appliesTo = (frame: Frame, pass: WasmPass): boolean =>
  pass.upscale === undefined || Math.min(frame.width, frame.height) < pass.upscale.maxSide;

function filtered(frame: Frame, pass: WasmPass): Frame {
  let out = frame;
  if (pass.upscale !== undefined) out = scaleFrame(out, pass.upscale.factor);
  if (pass.sharpen !== undefined) out = sharpenFrame(out, pass.sharpen);
  return out;
}

/** Loads the wasm module (rejects when it cannot be instantiated) and returns the engine. */
export async function createZxingWasmDecoder(
  source: WasmSource,
  tuning: ZxingWasmTuning = ZXING_WASM_TUNING,
): Promise<BarcodeDecoder> {
  const overrides =
    'wasmBinary' in source
      ? { wasmBinary: source.wasmBinary }
      : {
          locateFile: (path: string, prefix: string) =>
            path.endsWith('.wasm') ? source.wasmUrl : prefix + path,
        };
  await prepareZXingModule({ overrides, fireImmediately: true });
  return {
    name: EngineNames.zxingWasm,
    async decode(frame: Frame): Promise<Decoded[]> {
      let fallback: Decoded[] = [];
      for (const pass of tuning.passes) {
        if (!appliesTo(frame, pass)) continue;
        const results = await readBarcodes(filtered(frame, pass) as ImageData, pass.options);
        const candidates = results
          .map((result) => toCandidate(result, tuning))
          .filter((c): c is Candidate => c !== null)
          // More agreeing scan lines, more confidence: the best-supported read first.
          .sort((a, b) => b.lines - a.lines);
        const ranked = rankReads(candidates.map((c) => c.decoded));
        if (ranked.length > 0 && !isBookPriceCode(ranked[0] as Decoded)) return ranked;
        // Only a book's price code so far: a later pass may still find its ISBN.
        if (fallback.length === 0) fallback = ranked;
      }
      return fallback;
    },
    dispose() {
      // The module is shared per realm and freed with the Worker; nothing to release here.
    },
  };
}
