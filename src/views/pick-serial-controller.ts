/**
 * The pick screen's serial capture, the checkout's in every respect the associate sees: the
 * same `<pos-serial-prompt>`, the active pattern checked on the device (re2js, loaded on first
 * use), a GS1 code's AI (21) read as the serial and its GTIN checked against the unit's
 * product, the camera in single-scan mode. The view owns the request; this owns the prompt.
 */
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import '../components/pos-serial-prompt.ts';
import { LiveQueryController } from '../controllers/live-query-controller.ts';
import { describeDataError } from '../data/errors.ts';
import type { PickItemView } from '../data/fulfillment-records.ts';
import type { Repositories } from '../data/repositories.ts';
import type { SerialSettings } from '../data/serial-repository.ts';
import type { SerialCaptureInfo } from '../domain/sale.ts';
import { readSerialScan } from '../domain/serial-scan.ts';
import type { SerialValidator } from '../domain/serial-validation.ts';
import { log } from '../log.ts';
import type { CaptureMethod } from '../protocol/schemas.ts';
import { loadSerialValidation } from './load-serial-validation.ts';

export type CheckedSerial = { readonly serial: string } & SerialCaptureInfo;

export interface PickSerialOptions {
  readonly repos: () => Repositories | undefined;
  /** The request's units as shown now. */
  readonly items: () => readonly PickItemView[];
  /** Writes the pick; answers the refusal's sentence, or null when it was recorded. */
  readonly recordPick: (item: PickItemView, serial: CheckedSerial) => Promise<string | null>;
  /** The capture method to record for what the prompt says was typed or scanned. */
  readonly confirmMethod: (said: CaptureMethod) => CaptureMethod;
  /** The prompt closed: focus goes back to the barcode field. */
  readonly onClosed: () => void;
}

export class PickSerialController implements ReactiveController {
  /** The unit the prompt is open for, or null. */
  itemId: string | null = null;
  private _error = '';
  private _busy = false;
  private _example = '';
  private readonly _host: ReactiveControllerHost;
  private readonly _options: PickSerialOptions;
  private readonly _settings: LiveQueryController<SerialSettings, readonly [Repositories]>;

  constructor(host: ReactiveControllerHost, options: PickSerialOptions) {
    this._host = host;
    this._options = options;
    host.addController(this);
    this._settings = new LiveQueryController(host, {
      args: () => {
        const repos = options.repos();
        return repos === undefined ? undefined : ([repos] as const);
      },
      query: (repos) => repos.serials.settings(),
    });
  }

  hostConnected(): void {
    // Warm the validator so the first serial, offline too, is checked at once.
    void loadSerialValidation().catch(() => undefined);
  }

  get open(): boolean {
    return this.itemId !== null;
  }

  /** The validator of the active pattern (no pattern: any non-empty serial passes). */
  async validator(): Promise<SerialValidator> {
    const { createSerialValidator } = await loadSerialValidation();
    return createSerialValidator(this._settings.value?.pattern ?? null);
  }

  /** Validates a serial by the active pattern: the capture, or the refusal's sentence. */
  async check(raw: string, method: CaptureMethod): Promise<CheckedSerial | string> {
    const validator = await this.validator();
    const { describeSerialRefusal } = await loadSerialValidation();
    const result = validator.validate(raw);
    if (!result.ok) return describeSerialRefusal(result) ?? 'That serial number is not valid.';
    return {
      serial: result.serial,
      method,
      capturedAt: new Date().toISOString(),
      valid: validator.active ? true : null,
      configVersion: this._settings.value?.version ?? null,
    };
  }

  openFor(itemId: string): void {
    this.itemId = itemId;
    this._error = '';
    this._host.requestUpdate();
    void this.validator()
      .then((validator) => {
        this._example = validator.example ?? '';
        this._host.requestUpdate();
      })
      .catch(() => undefined);
  }

  close(): void {
    this.itemId = null;
    this._error = '';
    this._busy = false;
    this._host.requestUpdate();
    this._options.onClosed();
  }

  /** What was scanned or typed while the prompt is open: the serial of its unit. */
  async capture(raw: string, method: CaptureMethod): Promise<void> {
    const repos = this._options.repos();
    const item = this._options.items().find((candidate) => candidate.id === this.itemId);
    if (repos === undefined || item === undefined) {
      this.close();
      return;
    }
    this._busy = true;
    this._host.requestUpdate();
    try {
      const scan = readSerialScan(raw);
      if (scan.gtin !== null) {
        const product = await repos.catalog.findByCode(scan.gtin);
        if (product?.productId !== item.productId) {
          this._refuse(
            `That code belongs to ${product?.title ?? 'another product'}, not ${item.title}. Scan the serial of the ${item.title}.`,
          );
          return;
        }
      }
      const checked = await this.check(scan.serial, method);
      if (typeof checked === 'string') {
        this._refuse(checked);
        return;
      }
      const refusal = await this._options.recordPick(item, checked);
      if (refusal === null) this.close();
      else this._refuse(refusal);
    } catch (error) {
      log.warn('pick: serial not recorded', { error: String(error) });
      this._refuse(describeDataError(error));
    }
  }

  render() {
    const item = this._options.items().find((candidate) => candidate.id === this.itemId);
    return html`<pos-serial-prompt
      ?open=${item !== undefined}
      product-title=${item?.title ?? ''}
      pattern=${this._settings.value?.pattern ?? ''}
      example=${this._settings.value?.pattern == null ? '' : this._example}
      error=${this._error}
      ?busy=${this._busy}
      @pos-serial-entered=${(event: CustomEvent<{ serial: string; method: CaptureMethod }>) =>
        void this.capture(event.detail.serial, this._options.confirmMethod(event.detail.method))}
      @pos-serial-cancel=${() => this.close()}
      @pos-serial-camera=${() => void this._captureWithCamera()}
    ></pos-serial-prompt>`;
  }

  private async _captureWithCamera(): Promise<void> {
    const itemId = this.itemId;
    try {
      const { scanOnce } = await import('../components/pos-scanner-dialog.ts');
      const read = await scanOnce({ heading: 'Scan the serial number' });
      if (read !== null && this.itemId === itemId) await this.capture(read.code, 'camera');
    } catch (error) {
      log.warn('pick: camera for a serial failed', { error: String(error) });
      this._refuse('The camera could not be opened here. Type the serial or use the scanner.');
    }
  }

  private _refuse(message: string): void {
    this._error = message;
    this._busy = false;
    this._host.requestUpdate();
  }
}
