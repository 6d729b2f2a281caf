/**
 * The camera scanner view: live video with an aiming frame, torch and camera choice where
 * the device has them, and a clear message when the camera cannot run. `continuous` mode
 * stays open for the next item; `single` mode reports one code and closes (serial capture).
 * Loaded on first use (dynamic import), so ZXing never weighs on the first paint.
 *
 * @fires pos-scan - a read was accepted (check digit verified or two frames agreed)
 * @fires pos-scanner-close - the scanner closed (the user, a single scan, or Escape)
 * @fires pos-scanner-problem - the camera could not start; typing still works
 */
import { localized, msg, str } from '@lit/localize';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, property, query, state } from 'lit/decorators.js';
import { ScannerController, ScannerStates } from '../controllers/scanner-controller.ts';
import { cameraProblemMessage, type CameraProblem } from '../scan/camera-errors.ts';
import { listCameras } from '../scan/camera-session.ts';
import type { Decoded } from '../scan/scan-types.ts';
import { controlStyles } from './shared-styles.ts';
import { emit, type PosEventDetails } from './events.ts';

export const ScannerModes = { continuous: 'continuous', single: 'single' } as const;
export type ScannerMode = (typeof ScannerModes)[keyof typeof ScannerModes];

@customElement('pos-scanner')
@localized()
export class PosScanner extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
      }
      .panel {
        display: flex;
        flex-direction: column;
        gap: 0.5rem;
        background: var(--pos-surface, #fff);
        border-radius: var(--pos-radius, 12px);
        padding: 0.75rem;
      }
      .viewport {
        position: relative;
        aspect-ratio: 4 / 3;
        max-height: 50vh;
        background: #111;
        border-radius: var(--pos-radius-small, 8px);
        overflow: hidden;
      }
      video {
        width: 100%;
        height: 100%;
        object-fit: cover;
      }
      .aim {
        position: absolute;
        inset: 25% 12%;
        border: 3px solid rgb(255 255 255 / 0.85);
        border-radius: 8px;
        box-shadow: 0 0 0 100vmax rgb(0 0 0 / 0.25);
        pointer-events: none;
      }
      .bar {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: center;
      }
      .status {
        flex: 1;
        min-width: 12rem;
        margin: 0;
      }
      .problem {
        margin: 0;
        padding: 0.75rem;
        border-radius: var(--pos-radius-small, 8px);
        background: var(--pos-error-soft, #fdecea);
        color: var(--pos-error, #8a1c12);
        font-weight: 600;
      }
      select {
        font: inherit;
        min-height: 48px;
      }
    `,
  ];

  /** `continuous` keeps scanning; `single` returns one code and closes. */
  @property({ reflect: true }) mode: ScannerMode = ScannerModes.continuous;

  /** The camera runs while this is true (the view opens and closes the scanner with it). */
  @property({ type: Boolean, reflect: true }) active = false;

  @state() private _cameras: MediaDeviceInfo[] = [];
  @state() private _lastCode = '';

  @query('video') private _video?: HTMLVideoElement;

  private readonly _scanner = new ScannerController(this, {
    video: () => this._video,
    onScan: (read) => this._onScan(read),
    // How many frames this session has decoded: proof the scanner is looking, for support
    // and for specs that must see frames go by before they can say nothing was read.
    onFrameDecoded: (count) => this.setAttribute('data-frames-decoded', String(count)),
  });

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('active')) {
      if (this.active) void this._start();
      else this._scanner.stop();
    }
    // Which decoder runs (after any fallback), for support and for the end-to-end specs.
    const engine = this._scanner.engine;
    if (engine === null) this.removeAttribute('data-engine');
    else this.setAttribute('data-engine', engine);
  }

  override render() {
    const scanner = this._scanner;
    const failed = scanner.state === ScannerStates.failed && scanner.problem !== null;
    return html`
      <section class="panel" aria-label=${msg('Camera scanner')}>
        ${
          failed
            ? html`<p class="problem" role="alert" data-testid="scanner.problem">
                ${cameraProblemMessage(scanner.problem as CameraProblem)}
              </p>`
            : html`<div class="viewport">
                <video
                  data-testid="scanner.video"
                  muted
                  playsinline
                  aria-label=${msg('Camera view')}
                ></video>
                <div class="aim"></div>
              </div>`
        }
        <div class="bar">
          <p class="status" role="status" data-testid="scanner.status">${this._statusText()}</p>
          ${
            scanner.hasTorch
              ? html`<button
                  type="button"
                  aria-pressed=${scanner.torchOn ? 'true' : 'false'}
                  @click=${() => void scanner.toggleTorch()}
                >
                  ${msg('Torch')}
                </button>`
              : nothing
          }
          ${
            this._cameras.length > 1 && !failed
              ? html`<label>
                  <span class="visually-hidden">${msg('Camera')}</span>
                  <select @change=${this._onCameraChange} aria-label=${msg('Camera')}>
                    ${this._cameras.map(
                      (camera, index) =>
                        html`<option value=${camera.deviceId}>
                          ${camera.label || msg(str`Camera ${index + 1}`)}
                        </option>`,
                    )}
                  </select>
                </label>`
              : nothing
          }
          <button type="button" data-testid="scanner.close" @click=${() => this._close('user')}>
            ${msg('Close')}
          </button>
        </div>
      </section>
    `;
  }

  private _statusText(): string {
    switch (this._scanner.state) {
      case ScannerStates.starting:
        return msg('Starting the camera…');
      case ScannerStates.scanning:
        return this._lastCode === ''
          ? msg('Point the camera at a barcode.')
          : msg(str`Scanned ${this._lastCode}. Ready for the next one.`);
      default:
        return msg('Camera off.');
    }
  }

  private async _start(): Promise<void> {
    this.removeAttribute('data-frames-decoded');
    await this.updateComplete;
    await this._scanner.start();
    if (this._scanner.state === ScannerStates.scanning) {
      // Labels and the full list are only available once the permission is granted.
      this._cameras = await listCameras().catch(() => []);
    } else if (this._scanner.problem !== null) {
      this._emit('pos-scanner-problem', {
        problem: this._scanner.problem,
        message: cameraProblemMessage(this._scanner.problem),
      });
    }
  }

  private _onScan(read: Decoded): void {
    this._lastCode = read.text;
    // GS1 reads keep their symbology identifier so the GS1 parser knows FNC1 started them.
    this._emit('pos-scan', { code: read.gs1 ? read.raw : read.text, read, method: 'camera' });
    if (this.mode === ScannerModes.single) this._close('scanned');
  }

  private readonly _onCameraChange = (event: Event): void => {
    const deviceId = (event.target as HTMLSelectElement).value;
    void this._scanner.selectCamera(deviceId);
  };

  private _close(reason: 'user' | 'scanned'): void {
    this._scanner.stop();
    this.active = false;
    this._emit('pos-scanner-close', { reason });
  }

  private _emit<K extends 'pos-scan' | 'pos-scanner-close' | 'pos-scanner-problem'>(
    type: K,
    detail: PosEventDetails[K],
  ): void {
    emit(this, type, detail);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-scanner': PosScanner;
  }
}
