/**
 * The page's handle on the decoder Worker: start it with an engine, send frames, get reads
 * back as promises. The camera loop and the benchmark page both use it, so the benchmark
 * measures exactly the module and options the app runs.
 */
import type { DecoderRequest, DecoderResponse } from './decoder-protocol.ts';
import type { Decoded, EngineName, Frame } from './scan-types.ts';

export interface DecodeOutcome {
  readonly results: Decoded[];
  /** Engine time inside the Worker, without message passing. */
  readonly ms: number;
}

export class DecoderUnavailableError extends Error {
  override readonly name = 'DecoderUnavailableError';
}

const createWorker = (): Worker =>
  new Worker(new URL('./decoder.worker.ts', import.meta.url), {
    type: 'module',
    name: 'aisle-decoder',
  });

export class DecoderClient {
  private _nextId = 1;
  private readonly _pending = new Map<
    number,
    { resolve: (outcome: DecodeOutcome) => void; reject: (error: Error) => void }
  >();

  private constructor(
    private readonly _worker: Worker,
    /** The engine actually running (after any fallback). */
    readonly engine: EngineName,
    /** Set when the requested engine failed to load and the other one runs instead. */
    readonly fallbackReason: string | undefined,
  ) {
    _worker.addEventListener('message', (event: MessageEvent<DecoderResponse>) => {
      const message = event.data;
      if (message.type !== 'decoded' && message.type !== 'decode-failed') return;
      const pending = this._pending.get(message.id);
      if (pending === undefined) return;
      this._pending.delete(message.id);
      if (message.type === 'decoded') pending.resolve({ results: message.results, ms: message.ms });
      else pending.reject(new Error(message.reason));
    });
  }

  /** Starts a Worker and loads `engine` in it (or the fallback engine). */
  static start(engine: EngineName, worker: Worker = createWorker()): Promise<DecoderClient> {
    return new Promise((resolve, reject) => {
      const onMessage = (event: MessageEvent<DecoderResponse>): void => {
        const message = event.data;
        if (message.type === 'ready') {
          worker.removeEventListener('message', onMessage);
          resolve(new DecoderClient(worker, message.engine, message.fallbackReason));
        } else if (message.type === 'init-failed') {
          worker.removeEventListener('message', onMessage);
          worker.terminate();
          reject(new DecoderUnavailableError(message.reason));
        }
      };
      worker.addEventListener('message', onMessage);
      worker.addEventListener('error', (event) => {
        worker.terminate();
        reject(new DecoderUnavailableError(event.message || 'decoder worker failed to start'));
      });
      const request: DecoderRequest = { type: 'init', engine };
      worker.postMessage(request);
    });
  }

  /**
   * Decodes one frame. The pixel buffer is transferred to the Worker: the caller's copy is
   * detached afterwards (pass a copy to keep it).
   */
  decode(frame: Frame): Promise<DecodeOutcome> {
    const id = this._nextId;
    this._nextId += 1;
    const { data } = frame;
    // Transfer needs the whole buffer to be this frame: copy a view into a larger one.
    const pixels =
      data.byteOffset === 0 && data.byteLength === data.buffer.byteLength
        ? (data.buffer as ArrayBuffer)
        : data.slice().buffer;
    return new Promise((resolve, reject) => {
      this._pending.set(id, { resolve, reject });
      const request: DecoderRequest = {
        type: 'decode',
        id,
        width: frame.width,
        height: frame.height,
        pixels,
      };
      this._worker.postMessage(request, [pixels]);
    });
  }

  terminate(): void {
    this._worker.terminate();
    for (const pending of this._pending.values())
      pending.reject(new DecoderUnavailableError('decoder stopped'));
    this._pending.clear();
  }
}
