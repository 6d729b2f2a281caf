/**
 * The passes the scan bench records on every image, and the pipelines built from them: the
 * app's own (from src/scan, so the bench replays exactly what ships), the pipeline as it
 * shipped before issue 16 (full-frame passes, kept here as the record to compare against),
 * zxing-wasm with its library defaults, plain @zxing/library, and the space of candidate
 * pipelines cross-validation chooses from.
 */
import type { ReaderOptions } from 'zxing-wasm/reader';
import {
  READ_OPTIONS,
  WASM_PASSES,
  ZXING_WASM_TUNING,
  type WasmPass,
} from '../../src/scan/engines/zxing-wasm-engine.ts';
import type { MinLines } from '../../src/scan/engines/decode-passes.ts';
import { ScanFormats, type ScanFormat } from '../../src/scan/scan-types.ts';
import type { PoolPass } from './page/pool-protocol.ts';

const ALL_FORMATS: readonly ScanFormat[] = Object.values(ScanFormats);

/** The options of issue 3's pipeline: no returnErrors, rotation in the first pass. */
const BEFORE_OPTIONS: ReaderOptions = {
  formats: READ_OPTIONS.formats,
  textMode: 'Plain',
  tryInvert: false,
  maxNumberOfSymbols: 4,
};

/** Every pass recorded, by name. Names starting with `regions` read the survey's crops. */
export const POOL: Readonly<Record<string, PoolPass>> = {
  ...Object.fromEntries(
    Object.entries(WASM_PASSES).map(([name, pass]): [string, PoolPass] => [
      name,
      { kind: 'wasm', pass },
    ]),
  ),
  beforeFast: {
    kind: 'wasm',
    pass: {
      options: { ...BEFORE_OPTIONS, tryHarder: false, tryRotate: true, tryDownscale: false },
    },
  },
  beforeHarder: {
    kind: 'wasm',
    pass: {
      options: {
        ...BEFORE_OPTIONS,
        tryHarder: true,
        tryRotate: false,
        downscaleFactor: 2,
        downscaleThreshold: 150,
      },
    },
  },
  beforeUpscaled: {
    kind: 'wasm',
    pass: {
      options: { ...BEFORE_OPTIONS, tryHarder: true, tryRotate: false, tryDownscale: false },
      upscale: { factor: 2, maxSide: 400 },
    },
  },
  /** zxing-wasm as it comes: every try* option on; only the formats and text mode set. */
  wasmDefaults: {
    kind: 'wasm',
    pass: { options: { formats: READ_OPTIONS.formats, textMode: 'Plain' } },
  },
  jsDataMatrix: { kind: 'zxing-js', formats: [ScanFormats.dataMatrix] },
  /** Plain @zxing/library: MultiFormatReader + HybridBinarizer, every POS format. */
  zxingJs: { kind: 'zxing-js', formats: ALL_FORMATS },
};

export const POOL_NAMES: readonly string[] = Object.keys(POOL);

export interface PipelineStep {
  readonly pass: string;
  /** Runs only when an earlier pass met a Data Matrix it could not correct. */
  readonly afterMatrixTrouble?: boolean;
}

export interface Pipeline {
  readonly name: string;
  readonly steps: readonly PipelineStep[];
  readonly minLines: MinLines;
}

/** A pipeline in words: its passes ("?" = only on a Data Matrix cue) and line thresholds. */
export function describePipeline(p: Pipeline): string {
  const steps = p.steps.map((s) => s.pass + (s.afterMatrixTrouble === true ? '?' : '')).join('+');
  const lines = Object.entries(p.minLines)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([format, n]) => `${format}:${n}`)
    .join(',');
  return `${steps} [${lines}]`;
}

/** The name of the pool pass with exactly these options (the app's passes are in the pool). */
function poolName(pass: WasmPass): string {
  const json = JSON.stringify(pass);
  const found = POOL_NAMES.find((name) => {
    const entry = POOL[name] as PoolPass;
    return entry.kind === 'wasm' && JSON.stringify(entry.pass) === json;
  });
  if (found === undefined) throw new Error(`the app's pass ${json} is not in the bench pool`);
  return found;
}

/** The app's default pipeline (engine `aisle`), as src/scan/engines defines it. */
export const SHIPPED: Pipeline = {
  name: 'aisle',
  steps: [
    ...ZXING_WASM_TUNING.passes.map((pass) => ({ pass: poolName(pass) })),
    { pass: 'jsDataMatrix', afterMatrixTrouble: true },
  ],
  minLines: ZXING_WASM_TUNING.minLines,
};

/** The `aisle` pipeline as issue 3 shipped it, tuned in-sample on the whole corpus. */
export const BEFORE: Pipeline = {
  name: 'aisle before issue 16',
  steps: [
    { pass: 'beforeFast' },
    { pass: 'beforeHarder' },
    { pass: 'beforeUpscaled' },
    { pass: 'jsDataMatrix' },
  ],
  minLines: { ean13: 3, upc_a: 3, ean8: 3, upc_e: 4 },
};

export const WASM_DEFAULTS: Pipeline = {
  name: 'zxing-wasm defaults',
  steps: [{ pass: 'wasmDefaults' }],
  minLines: {},
};

export const ZXING_JS: Pipeline = {
  name: 'zxing-js',
  steps: [{ pass: 'zxingJs' }],
  minLines: {},
};

/** Ordered selections of up to `most` items: the pass lists a pipeline may try. */
function orderings<T>(items: readonly T[], most: number): T[][] {
  const out: T[][] = [[]];
  const grow = (prefix: T[]): void => {
    if (prefix.length === most) return;
    for (const item of items) {
      if (prefix.includes(item)) continue;
      const next = [...prefix, item];
      out.push(next);
      grow(next);
    }
  };
  grow([]);
  return out;
}

/** Line thresholds tried: EAN-13, UPC-A and EAN-8 share one; UPC-E has its own. */
const RETAIL_LINES = [2, 3, 4] as const;
const UPC_E_LINES = [3, 4, 5, 6] as const;

export type Family = 'full frame' | 'regions';

export interface Candidate extends Pipeline {
  readonly family: Family;
}

/**
 * The pipelines cross-validation chooses from. `full frame`: issue 3's passes in any order,
 * with or without the Data Matrix second opinion. `regions`: a cheap first look on the whole
 * frame, then up to three region passes, then the second opinion on a Data Matrix cue.
 */
export function candidatePipelines(): Candidate[] {
  const thresholds: MinLines[] = RETAIL_LINES.flatMap((retail) =>
    UPC_E_LINES.map((upcE) => ({ ean13: retail, upc_a: retail, ean8: retail, upc_e: upcE })),
  );
  const out: Candidate[] = [];
  const add = (family: Family, passes: PipelineStep[], matrix: PipelineStep | null): void => {
    for (const minLines of thresholds) {
      const steps = matrix === null ? passes : [...passes, matrix];
      out.push({ name: describePipeline({ name: '', steps, minLines }), family, steps, minLines });
    }
  };
  for (const rest of orderings(['beforeHarder', 'beforeUpscaled'], 2)) {
    const passes = ['beforeFast', ...rest].map((pass) => ({ pass }));
    add('full frame', passes, null);
    add('full frame', passes, { pass: 'jsDataMatrix' });
  }
  const regionPasses = Object.keys(WASM_PASSES).filter((name) => name.startsWith('regions'));
  // The second opinion is not chosen here: the corpus holds none of the Data Matrix symbols
  // it exists for (generated serial labels zxing-cpp cannot correct; see aisle-pipeline.ts),
  // so it could only ever lose the tie on cost. On the cue alone it costs nothing elsewhere.
  for (const first of ['fast', 'fastRotated']) {
    for (const rest of orderings(regionPasses, 3)) {
      const passes = [first, ...rest].map((pass) => ({ pass }));
      add('regions', passes, { pass: 'jsDataMatrix', afterMatrixTrouble: true });
    }
  }
  return out;
}
