/**
 * Runs a camera scanning session for an element: starts it on demand, stops every camera
 * track when the element leaves the page, when the page is hidden (and starts again when it
 * is shown, if it was scanning) and on pagehide; gives good-read feedback from the scan
 * settings. The element renders `state`, `problem` and `hasTorch`.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { CameraProblemError, CameraProblems, type CameraProblem } from '../scan/camera-errors.ts';
import { CameraSession } from '../scan/camera-session.ts';
import { signalGoodRead } from '../scan/feedback.ts';
import { loadScanSettings, saveScanSettings } from '../scan/scan-settings.ts';
import type { Decoded, EngineName } from '../scan/scan-types.ts';

export const ScannerStates = {
  idle: 'idle',
  starting: 'starting',
  scanning: 'scanning',
  failed: 'failed',
} as const;
export type ScannerState = (typeof ScannerStates)[keyof typeof ScannerStates];

export interface ScannerControllerOptions {
  /** The element's <video>, available once it has rendered. */
  readonly video: () => HTMLVideoElement | null | undefined;
  /** Called for every accepted read, after the beep. */
  readonly onScan: (read: Decoded) => void;
  /** Called after every decoded frame with the session's count (a liveness signal). */
  readonly onFrameDecoded?: (count: number) => void;
}

export class ScannerController implements ReactiveController {
  state: ScannerState = ScannerStates.idle;
  problem: CameraProblem | null = null;
  hasTorch = false;
  torchOn = false;
  engine: EngineName | null = null;

  private _session: CameraSession | null = null;
  /** Whether the user wants the camera on; a hidden page pauses without clearing it. */
  private _wanted = false;

  constructor(
    private readonly _host: ReactiveControllerHost,
    private readonly _options: ScannerControllerOptions,
  ) {
    _host.addController(this);
  }

  hostConnected(): void {
    document.addEventListener('visibilitychange', this._onVisibility);
    window.addEventListener('pagehide', this._onPageHide);
  }

  hostDisconnected(): void {
    document.removeEventListener('visibilitychange', this._onVisibility);
    window.removeEventListener('pagehide', this._onPageHide);
    this.stop();
  }

  /** Opens the camera (the remembered one, else the rear camera) and starts decoding. */
  async start(deviceId: string | null = loadScanSettings().cameraId): Promise<void> {
    this._wanted = true;
    this._stopSession();
    const video = this._options.video();
    if (video === null || video === undefined) return;
    const settings = loadScanSettings();
    const session = new CameraSession({
      video,
      engine: settings.engine,
      deviceId,
      onScan: (read) => {
        const current = loadScanSettings();
        signalGoodRead({ sound: current.sound, vibrate: current.vibrate });
        this._options.onScan(read);
      },
      ...(this._options.onFrameDecoded === undefined
        ? {}
        : { onFrameDecoded: this._options.onFrameDecoded }),
    });
    this._session = session;
    this._set({ state: ScannerStates.starting, problem: null, hasTorch: false, torchOn: false });
    try {
      await session.start();
      if (this._session !== session) return;
      this._set({
        state: ScannerStates.scanning,
        hasTorch: session.hasTorch,
        engine: session.engine,
      });
    } catch (error) {
      if (this._session !== session) return;
      session.close();
      this._session = null;
      const problem = error instanceof CameraProblemError ? error.problem : CameraProblems.unknown;
      // A remembered camera that is gone: forget it and try the default camera once.
      if (problem === CameraProblems.noCamera && deviceId !== null) {
        saveScanSettings({ cameraId: null });
        await this.start(null);
        return;
      }
      this._set({ state: ScannerStates.failed, problem });
    }
  }

  /** Switches to another camera and remembers the choice on this device. */
  async selectCamera(deviceId: string): Promise<void> {
    saveScanSettings({ cameraId: deviceId });
    await this.start(deviceId);
  }

  async toggleTorch(): Promise<void> {
    if (this._session === null || !this.hasTorch) return;
    const next = !this.torchOn;
    try {
      await this._session.setTorch(next);
      this._set({ torchOn: next });
    } catch {
      this._set({ hasTorch: false, torchOn: false });
    }
  }

  /** Stops the camera and the decoder; the element shows nothing running. */
  stop(): void {
    this._wanted = false;
    this._stopSession();
    if (this.state !== ScannerStates.failed) this._set({ state: ScannerStates.idle });
  }

  private _stopSession(): void {
    this._session?.close();
    this._session = null;
  }

  private _set(
    values: Partial<
      Pick<ScannerController, 'state' | 'problem' | 'hasTorch' | 'torchOn' | 'engine'>
    >,
  ): void {
    Object.assign(this, values);
    this._host.requestUpdate();
  }

  private readonly _onVisibility = (): void => {
    if (document.visibilityState === 'hidden') {
      const wanted = this._wanted;
      this._stopSession();
      this._set({ state: ScannerStates.idle });
      this._wanted = wanted;
    } else if (this._wanted && this._session === null) {
      void this.start();
    }
  };

  private readonly _onPageHide = (): void => {
    this.stop();
  };
}
