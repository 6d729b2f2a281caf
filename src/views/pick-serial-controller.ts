/**
 * The pick screen's serial capture, the checkout's in every respect the associate sees: the
 * same `<pos-serial-prompt>`, the active pattern checked on the device (re2js, loaded on first
 * use), a GS1 code's AI (21) read as the serial and its GTIN checked against the unit's
 * product, the camera in single-scan mode. The view owns the request; this owns the prompt.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { describeDataError } from '../data/errors.ts';
import type { PickItemView } from '../domain/fulfillment-records.ts';
import type { Repositories } from '../data/repositories.ts';
import type { SerialCaptureInfo } from '../domain/sale.ts';
import { readSerialScan } from '../domain/serial-scan.ts';
import type { SerialValidator } from '../domain/serial-validation.ts';
import { log } from '../log.ts';
import type { CaptureMethod } from '../protocol/schemas.ts';
import { loadSerialValidation } from './load-serial-validation.ts';
import {
  CAMERA_REFUSAL,
  renderSerialPrompt,
  serialSettingsQuery,
  serialValidator,
  validateSerial,
  wrongProductRefusal,
  type SerialSettingsQuery,
} from './serial-capture.ts';

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
  private readonly _settings: SerialSettingsQuery;

  constructor(host: ReactiveControllerHost, options: PickSerialOptions) {
    this._host = host;
    this._options = options;
    host.addController(this);
    this._settings = serialSettingsQuery(host, options.repos);
  }

  hostConnected(): void {
    // Warm the validator so the first serial, offline too, is checked at once.
    void loadSerialValidation().catch(() => undefined);
  }

  get open(): boolean {
    return this.itemId !== null;
  }

  /** The validator of the active pattern (no pattern: any non-empty serial passes). */
  validator(): Promise<SerialValidator> {
    return serialValidator(this._settings.value);
  }

  /** Validates a serial by the active pattern: the capture, or the refusal's sentence. */
  async check(raw: string, method: CaptureMethod): Promise<CheckedSerial | string> {
    const checked = await validateSerial(this._settings.value, raw, method);
    return checked.ok ? checked.capture : (checked.message ?? 'That serial number is not valid.');
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
      const wrongProduct = await wrongProductRefusal(repos, scan.gtin, item);
      if (wrongProduct !== null) {
        this._refuse(wrongProduct);
        return;
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
    return renderSerialPrompt({
      title: item?.title,
      pattern: this._settings.value?.pattern ?? '',
      example: this._settings.value?.pattern == null ? '' : this._example,
      error: this._error,
      busy: this._busy,
      onEntered: (serial, method) => void this.capture(serial, this._options.confirmMethod(method)),
      onCancel: () => this.close(),
      onCamera: () => void this._captureWithCamera(),
    });
  }

  private async _captureWithCamera(): Promise<void> {
    const itemId = this.itemId;
    try {
      const { scanOnce } = await import('../components/pos-scanner-dialog.ts');
      const read = await scanOnce({ heading: 'Scan the serial number' });
      if (read !== null && this.itemId === itemId) await this.capture(read.code, 'camera');
    } catch (error) {
      log.warn('pick: camera for a serial failed', { error: String(error) });
      this._refuse(CAMERA_REFUSAL);
    }
  }

  private _refuse(message: string): void {
    this._error = message;
    this._busy = false;
    this._host.requestUpdate();
  }
}
