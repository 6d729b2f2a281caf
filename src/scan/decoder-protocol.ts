/** Messages between the page and the decoder Worker. */
import type { Decoded, EngineName } from './scan-types.ts';

/** One frame on its way to a Worker. */
export interface FrameMessage {
  readonly id: number;
  readonly width: number;
  readonly height: number;
  /** RGBA bytes, transferred (the sender's copy is detached). */
  readonly pixels: ArrayBuffer;
}

export type DecoderRequest =
  | { readonly type: 'init'; readonly engine: EngineName }
  | ({ readonly type: 'decode' } & FrameMessage);

export type DecoderResponse =
  | {
      readonly type: 'ready';
      /** The engine that loaded; differs from the one asked for after a fallback. */
      readonly engine: EngineName;
      /** Why the requested engine did not load, when it did not. */
      readonly fallbackReason?: string;
    }
  | { readonly type: 'init-failed'; readonly reason: string }
  | {
      readonly type: 'decoded';
      readonly id: number;
      readonly results: Decoded[];
      /** Time spent in the engine for this frame, measured inside the Worker. */
      readonly ms: number;
    }
  | { readonly type: 'decode-failed'; readonly id: number; readonly reason: string };
