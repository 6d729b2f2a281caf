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
import {
  decodeFrame,
  type Candidate,
  type DecodePass,
  type FrameNotes,
  type MinLines,
} from './decode-passes.ts';
import { cropFrame, scaleFrame, sharpenFrame } from './frame-filters.ts';
import type { Region } from './frame-survey.ts';
import { isMatrixFormat, normaliseRead } from '../symbology.ts';
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

/** What every pass of the app shares. */
export const READ_OPTIONS: ReaderOptions = {
  formats: ['EAN13', 'EAN8', 'UPCA', 'UPCE', 'Code128', 'Code39', 'ITF', 'DataMatrix', 'QRCode'],
  // Plain keeps GS1 FNC1 separators as GS (0x1d); HRI would rewrite them as "(01)…".
  textMode: 'Plain',
  // Inverted (light-on-dark) codes are not on retail goods; trying them doubles the cost of
  // every empty camera frame.
  tryInvert: false,
  // Room for the second barcode on a book cover; rankReads puts the wanted one first.
  maxNumberOfSymbols: 4,
  // Symbols found but not corrected come back too (and are never used as reads): a Data
  // Matrix among them is the cue for the zxing-js second opinion.
  returnErrors: true,
};

/** One decoding attempt: reader options, optionally on a filtered copy of the frame. */
export interface WasmPass {
  readonly options: ReaderOptions;
  /**
   * Enlarge frames whose shorter side is below `maxSide` by `factor` first; the pass is
   * skipped for larger frames (a camera frame), which the earlier passes already covered.
   */
  readonly upscale?: {
    readonly factor: number;
    readonly maxSide: number;
    /** Largest frame or crop (pixels, before the upscale) worth enlarging: the cost ceiling. */
    readonly maxArea?: number;
  };
  /** Unsharp-mask amount applied first (after any upscale). */
  readonly sharpen?: number;
  /**
   * Run on the frame's regions of interest (frame-survey.ts) instead of the whole frame;
   * `upscale` then applies to each crop, and a region marked `rotate` is read rotated too.
   */
  readonly inRegions?: boolean;
}

export interface ZxingWasmTuning {
  /** Tried in order until one pass yields a usable symbol. */
  readonly passes: readonly WasmPass[];
  /**
   * Scan lines that must agree before a linear read of this format is trusted. A two-line
   * read is how a half-visible code gets in (the price code cut off under a book's ISBN);
   * UPC-E, six digits and a parity-coded check digit, misread even with three.
   */
  readonly minLines: MinLines;
}

/**
 * The passes `npm run bench:scan -- --cv` chooses the app's pipeline from (it also tries
 * others that only the benchmark knows). `regions…` passes read the crops the survey found
 * in a camera frame (a small frame or a still is one region, read whole and rotated too).
 */
export const WASM_PASSES = {
  /** The cheap first look: the whole frame, one orientation, few scan lines. */
  fast: { options: { ...READ_OPTIONS, tryHarder: false, tryRotate: false, tryDownscale: false } },
  fastRotated: {
    options: { ...READ_OPTIONS, tryHarder: false, tryRotate: true, tryDownscale: false },
  },
  /** Every scan line of the regions. */
  regionsHarder: {
    options: { ...READ_OPTIONS, tryHarder: true, tryRotate: false, tryDownscale: false },
    inRegions: true,
  },
  /** Every scan line, and the regions at half size too (large blurred codes). */
  regionsHarderDownscaled: {
    options: {
      ...READ_OPTIONS,
      tryHarder: true,
      tryRotate: false,
      downscaleFactor: 2,
      downscaleThreshold: 150,
    },
    inRegions: true,
  },
  /**
   * Small regions doubled, where the narrowest bar of a UPC is about one pixel wide; the
   * area limit keeps the enlarged crop under a quarter of a 720p frame.
   */
  regionsUpscaled: {
    options: { ...READ_OPTIONS, tryHarder: true, tryRotate: false, tryDownscale: false },
    upscale: { factor: 2, maxSide: 400, maxArea: 60_000 },
    inRegions: true,
  },
  regionsUpscaledLarge: {
    options: { ...READ_OPTIONS, tryHarder: true, tryRotate: false, tryDownscale: false },
    upscale: { factor: 2, maxSide: 400, maxArea: 120_000 },
    inRegions: true,
  },
} as const satisfies Record<string, WasmPass>;

/**
 * The app's passes and line thresholds: what `npm run bench:scan -- --cv` picks on all
 * development folders (fewest wrong reads, then most reads in stills and camera frames,
 * then the cheapest empty frame) among the pipelines that read no fewer codes than the one
 * issue 16 replaced and whose empty 720p frame costs under 0.8× plain @zxing/library's median
 * and under its p95; the out-of-fold rates of that rule are in docs/ARCHITECTURE.md. The
 * first pass reads most codes
 * in a few milliseconds; the region passes read small and blurred codes on crops of at most
 * an eighth of the frame instead of the whole frame, which is what made idle frames cheap.
 * Doubling small regions before the every-line pass reads more, and misreads less, than the
 * other way round.
 */
export const ZXING_WASM_TUNING: ZxingWasmTuning = {
  passes: [WASM_PASSES.fast, WASM_PASSES.regionsUpscaled, WASM_PASSES.regionsHarderDownscaled],
  // At a till a wrong item is worse than a second look: a two-line read is how a half-seen
  // code gets in. Higher thresholds only lost reads on the development folders.
  minLines: { ean13: 3, upc_a: 3, ean8: 3, upc_e: 3 },
};

function toCandidate(result: ReadResult): Candidate | null {
  const format = FORMAT_NAMES[result.format];
  if (format === undefined || !result.isValid) return null;
  const decoded = normaliseRead({
    format,
    text: result.text,
    symbologyIdentifier: result.symbologyIdentifier,
  });
  // lineCount is 0 for 2D symbols; the line threshold only applies to linear formats.
  return decoded === null
    ? null
    : { decoded, lines: isMatrixFormat(format) ? null : result.lineCount };
}

const fitsUpscale = (frame: Frame, pass: WasmPass): boolean =>
  pass.upscale === undefined ||
  (Math.min(frame.width, frame.height) < pass.upscale.maxSide &&
    frame.width * frame.height <= (pass.upscale.maxArea ?? Infinity));

function filtered(frame: Frame, pass: WasmPass): Frame {
  let out = frame;
  if (pass.upscale !== undefined) out = scaleFrame(out, pass.upscale.factor);
  if (pass.sharpen !== undefined) out = sharpenFrame(out, pass.sharpen);
  return out;
}

const wholeFrame = (frame: Frame, region: Region): boolean =>
  region.x === 0 &&
  region.y === 0 &&
  region.width === frame.width &&
  region.height === frame.height;

/** One zxing-wasm pass (the module must be loaded, see loadZxingWasm). */
export function zxingWasmPass(pass: WasmPass): DecodePass {
  const rotatedOptions: ReaderOptions = { ...pass.options, tryRotate: true };
  const read = async (frame: Frame, notes: FrameNotes, rotate = false): Promise<Candidate[]> => {
    if (!fitsUpscale(frame, pass)) return [];
    const options = rotate ? rotatedOptions : pass.options;
    const results = await readBarcodes(filtered(frame, pass) as ImageData, options);
    if (results.some((r) => !r.isValid && r.format === 'DataMatrix')) notes.matrixTrouble = true;
    return results.map(toCandidate).filter((c): c is Candidate => c !== null);
  };
  return {
    appliesTo: (notes) => pass.inRegions === true || fitsUpscale(notes.frame, pass),
    async run(notes) {
      const { frame } = notes;
      if (pass.inRegions !== true) return read(frame, notes);
      const found: Candidate[] = [];
      for (const region of notes.regions) {
        const crop = wholeFrame(frame, region) ? frame : cropFrame(frame, region);
        found.push(...(await read(crop, notes, region.rotate)));
      }
      return found;
    },
  };
}

/** Loads the wasm module once per realm; rejects when it cannot be instantiated. */
export async function loadZxingWasm(source: WasmSource): Promise<void> {
  const overrides =
    'wasmBinary' in source
      ? { wasmBinary: source.wasmBinary }
      : {
          locateFile: (path: string, prefix: string) =>
            path.endsWith('.wasm') ? source.wasmUrl : prefix + path,
        };
  await prepareZXingModule({ overrides, fireImmediately: true });
}

/** Loads the wasm module (rejects when it cannot be instantiated) and returns the engine. */
export async function createZxingWasmDecoder(
  source: WasmSource,
  tuning: ZxingWasmTuning = ZXING_WASM_TUNING,
): Promise<BarcodeDecoder> {
  await loadZxingWasm(source);
  const passes = tuning.passes.map(zxingWasmPass);
  return {
    name: EngineNames.zxingWasm,
    decode: (frame: Frame): Promise<Decoded[]> => decodeFrame(frame, passes, tuning.minLines),
    dispose() {
      // The module is shared per realm and freed with the Worker; nothing to release here.
    },
  };
}
