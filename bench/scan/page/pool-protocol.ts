/** Messages between the bench page and its pass-pool Worker. */
import type { Candidate, MinLines } from '../../../src/scan/engines/decode-passes.ts';
import type { WasmPass } from '../../../src/scan/engines/zxing-wasm-engine.ts';
import type { FrameMessage } from '../../../src/scan/decoder-protocol.ts';
import type { Decoded, ScanFormat } from '../../../src/scan/scan-types.ts';

export type PoolPass =
  | { readonly kind: 'wasm'; readonly pass: WasmPass }
  | { readonly kind: 'zxing-js'; readonly formats: readonly ScanFormat[] };

/** What one pass gave on one frame; null when the pass does not apply to the frame. */
export type PassOutput = {
  readonly candidates: Candidate[];
  readonly ms: number;
  /** The pass found a Data Matrix it could not correct. */
  readonly matrixTrouble: boolean;
} | null;

/** One frame through the pool: the survey's time and region count, then each pass. */
export interface PoolRun {
  readonly surveyMs: number;
  readonly regions: number;
  readonly outputs: PassOutput[];
}

export type PoolRequest =
  | { readonly type: 'init'; readonly pool: readonly PoolPass[] }
  | ({
      readonly type: 'run';
      /** Indexes into the pool, run in this order on the same frame. */
      readonly passes: readonly number[];
    } & FrameMessage)
  | ({ readonly type: 'decode'; readonly pipeline: PoolPipeline } & FrameMessage);

/** A pipeline over pool passes, run as the engines run it (decode-passes.ts). */
export interface PoolPipeline {
  readonly steps: readonly { readonly pass: number; readonly afterMatrixTrouble?: boolean }[];
  readonly minLines: MinLines;
}

export type PoolResponse =
  | { readonly type: 'ready' }
  | { readonly type: 'failed'; readonly reason: string }
  | ({ readonly type: 'ran'; readonly id: number } & PoolRun)
  | {
      readonly type: 'decoded';
      readonly id: number;
      readonly results: Decoded[];
      readonly ms: number;
    };
