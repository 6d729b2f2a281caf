/**
 * One camera scanning session: opens the camera through @zxing/browser's stream helpers,
 * feeds frames to the decoder Worker (one in flight, later frames dropped, so a slow device
 * decodes less often but never queues; each camera frame at most once), applies the
 * acceptance rule and reports scans.
 * Every MediaStreamTrack is stopped by this class itself on close, including a close that
 * comes before getUserMedia resolves (zxing-js/browser#28: controls.stop() is not enough).
 */
import { BrowserCodeReader } from '@zxing/browser';
import { ReadAcceptor } from './acceptance.ts';
import { CameraProblemError, CameraProblems, classifyCameraError } from './camera-errors.ts';
import { DecoderClient } from './decoder-client.ts';
import type { Decoded, EngineName } from './scan-types.ts';

export interface CameraSessionOptions {
  readonly video: HTMLVideoElement;
  readonly engine: EngineName;
  /** A remembered camera; null picks the rear camera (facingMode environment). */
  readonly deviceId: string | null;
  /** Called for every accepted scan. */
  readonly onScan: (read: Decoded) => void;
  /** Called after each frame the decoder finished, with the count so far. */
  readonly onFrameDecoded?: (count: number) => void;
}

/** Longest side of the frame sent to the decoder: enough for a label at arm's length. */
const MAX_FRAME_SIDE = 1280;

/** Every camera on the device, as @zxing/browser lists them (labels need the permission). */
export const listCameras = (): Promise<MediaDeviceInfo[]> =>
  BrowserCodeReader.listVideoInputDevices();

/** Stops every track of a stream: video tracks by name too (some Huawei builds need it). */
export function stopStream(stream: MediaStream | null): void {
  if (stream === null) return;
  for (const track of [...stream.getVideoTracks(), ...stream.getTracks()]) track.stop();
}

export class CameraSession {
  private _stream: MediaStream | null = null;
  private _decoder: DecoderClient | null = null;
  private _closed = false;
  private _busy = false;
  private _frameHandle = 0;
  private readonly _acceptor = new ReadAcceptor();
  private _canvas: HTMLCanvasElement | null = null;
  private _framesDecoded = 0;
  /** Set while the frame callback is a requestVideoFrameCallback (cancelled differently). */
  private _videoFrameCallback = false;

  constructor(private readonly _options: CameraSessionOptions) {}

  /** The engine decoding frames (after any fallback), once started. */
  get engine(): EngineName | null {
    return this._decoder?.engine ?? null;
  }

  get deviceId(): string | null {
    return this._stream?.getVideoTracks()[0]?.getSettings().deviceId ?? null;
  }

  /** Starts camera and decoder; rejects with CameraProblemError saying why it cannot. */
  async start(): Promise<void> {
    if (!globalThis.isSecureContext) throw new CameraProblemError(CameraProblems.insecureContext);
    if (typeof navigator.mediaDevices?.getUserMedia !== 'function') {
      throw new CameraProblemError(CameraProblems.unsupported);
    }
    const decoderReady = DecoderClient.start(this._options.engine);
    let stream: MediaStream;
    try {
      stream = await navigator.mediaDevices.getUserMedia({
        video: this._constraints(),
        audio: false,
      });
    } catch (error) {
      void decoderReady.then(
        (client) => client.terminate(),
        () => undefined,
      );
      throw new CameraProblemError(classifyCameraError(error));
    }
    // Closed while the permission prompt was up: release the camera we just got.
    if (this._closed) {
      stopStream(stream);
      void decoderReady.then(
        (client) => client.terminate(),
        () => undefined,
      );
      return;
    }
    this._stream = stream;
    try {
      this._decoder = await decoderReady;
    } catch (error) {
      this.close();
      throw new CameraProblemError(classifyCameraError(error));
    }
    if (this._closed) {
      this.close();
      return;
    }
    const { video } = this._options;
    video.muted = true;
    video.playsInline = true;
    BrowserCodeReader.addVideoSource(video, stream);
    await BrowserCodeReader.tryPlayVideo(video);
    this._scheduleFrame();
  }

  /** True when the running camera has a torch the page may switch. */
  get hasTorch(): boolean {
    const track = this._stream?.getVideoTracks()[0];
    return track !== undefined && BrowserCodeReader.mediaStreamIsTorchCompatibleTrack(track);
  }

  async setTorch(on: boolean): Promise<void> {
    const track = this._stream?.getVideoTracks()[0];
    if (track !== undefined && this.hasTorch)
      await BrowserCodeReader.mediaStreamSetTorch(track, on);
  }

  /** Stops the frame loop, every camera track and the decoder. Safe to call twice. */
  close(): void {
    this._closed = true;
    if (this._videoFrameCallback) this._options.video.cancelVideoFrameCallback(this._frameHandle);
    else cancelAnimationFrame(this._frameHandle);
    stopStream(this._stream);
    const video = this._options.video;
    if (video.srcObject instanceof MediaStream) stopStream(video.srcObject);
    BrowserCodeReader.cleanVideoSource(video);
    this._stream = null;
    this._decoder?.terminate();
    this._decoder = null;
  }

  private _constraints(): MediaTrackConstraints {
    const size = { width: { ideal: 1280 }, height: { ideal: 720 } };
    return this._options.deviceId !== null
      ? { deviceId: { exact: this._options.deviceId }, ...size }
      : { facingMode: { ideal: 'environment' }, ...size };
  }

  /**
   * Waits for the next frame the camera presents (requestVideoFrameCallback), so a frame is
   * never decoded twice when the display refreshes faster than the camera delivers; without
   * it, the next display frame.
   */
  private _scheduleFrame(): void {
    if (this._closed) return;
    const { video } = this._options;
    const grab = (): void => {
      void this._grabFrame();
    };
    this._videoFrameCallback = typeof video.requestVideoFrameCallback === 'function';
    this._frameHandle = this._videoFrameCallback
      ? video.requestVideoFrameCallback(grab)
      : requestAnimationFrame(grab);
  }

  private async _grabFrame(): Promise<void> {
    const decoder = this._decoder;
    const { video } = this._options;
    if (this._closed || decoder === null) return;
    // Frames that come while the Worker is still busy are skipped, never queued.
    if (
      this._busy ||
      video.readyState < HTMLMediaElement.HAVE_CURRENT_DATA ||
      video.videoWidth === 0
    ) {
      this._scheduleFrame();
      return;
    }
    this._busy = true;
    this._scheduleFrame();
    try {
      const frame = this._capture(video);
      const { results } = await decoder.decode(frame);
      if (this._closed) return;
      this._framesDecoded += 1;
      for (const read of this._acceptor.offer(results, performance.now()))
        this._options.onScan(read);
      this._options.onFrameDecoded?.(this._framesDecoded);
    } catch {
      // A frame the decoder could not handle (or a decoder stopped by close): skip it.
    } finally {
      this._busy = false;
    }
  }

  private _capture(video: HTMLVideoElement): ImageData {
    const scale = Math.min(1, MAX_FRAME_SIDE / Math.max(video.videoWidth, video.videoHeight));
    const width = Math.round(video.videoWidth * scale);
    const height = Math.round(video.videoHeight * scale);
    this._canvas ??= document.createElement('canvas');
    const canvas = this._canvas;
    if (canvas.width !== width || canvas.height !== height) {
      canvas.width = width;
      canvas.height = height;
    }
    const context = canvas.getContext('2d', { willReadFrequently: true });
    if (context === null) throw new Error('no 2d canvas');
    context.drawImage(video, 0, 0, width, height);
    return context.getImageData(0, 0, width, height);
  }
}
