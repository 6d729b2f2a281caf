/**
 * The sell screen's serial capture: which unit the serial prompt is open for, validating what
 * was scanned or typed against the active pattern on the device (re2js, loaded on first use
 * so it stays off the first paint), recording it with how it was captured, and reading scans
 * that carry a serial (GS1 codes) or look like one. The sell view owns the cart; this
 * controller owns the prompt.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { SerialCaptureInput } from '../data/cart-repository.ts';
import { describeDataError } from '../data/errors.ts';
import type { Repositories } from '../data/repositories.ts';
import type { CartLineRecord } from '../data/types.ts';
import { requiresSerialAtCheckout } from '../domain/serial-rules.ts';
import type { ProductRecord } from '../data/types.ts';
import { loadSerialScan, loadSerialValidation } from './load-serial-validation.ts';
import { unknownCodeMessage } from './sell-scan.ts';
import {
  CAMERA_REFUSAL,
  renderSerialPrompt,
  serialSettingsQuery,
  serialValidator,
  validateSerial,
  wrongProductRefusal,
  type SerialSettingsQuery,
} from './serial-capture.ts';
import type { SerialValidator } from '../domain/serial-validation.ts';
import { log } from '../log.ts';
import type { CaptureMethod, ShippingType } from '../protocol/schemas.ts';

export type SerialCheck =
  | { readonly ok: true; readonly capture: SerialCaptureInput }
  | { readonly ok: false; readonly message: string };

export interface SellSerialOptions {
  readonly repos: () => Repositories | undefined;
  readonly lines: () => readonly CartLineRecord[];
  /** The capture method to record for what the prompt says was typed or scanned. */
  readonly confirmMethod: (said: CaptureMethod) => CaptureMethod;
  /** A line was written (shown at once, before the live query re-reads the cart). */
  readonly onLineWritten: (line: CartLineRecord) => void;
  /** Says something on the screen's status line. */
  readonly say: (kind: 'info' | 'error', text: string) => void;
  /** The prompt closed: focus goes back to the barcode field. */
  readonly onClosed: () => void;
}

export class SellSerialController implements ReactiveController {
  /** The line the prompt is open for, or null when it is closed. */
  lineId: string | null = null;
  private _error = '';
  private _busy = false;
  private readonly _host: ReactiveControllerHost;
  private readonly _options: SellSerialOptions;
  private readonly _settings: SerialSettingsQuery;

  constructor(host: ReactiveControllerHost, options: SellSerialOptions) {
    this._host = host;
    this._options = options;
    host.addController(this);
    this._settings = serialSettingsQuery(host, options.repos);
  }

  hostConnected(): void {
    // Warm the validator while the till is idle, so the first serial (offline too) is instant.
    const warm = () => {
      void loadSerialValidation().catch(() => undefined);
      void loadSerialScan().catch(() => undefined);
    };
    if ('requestIdleCallback' in window) window.requestIdleCallback(warm);
    else setTimeout(warm, 500);
  }

  /** True while the prompt is open for a unit still in the cart. */
  get open(): boolean {
    return this.lineId !== null && this._options.lines().some((l) => l.lineId === this.lineId);
  }

  /** The validator of the active pattern (no pattern: any non-empty serial passes). */
  validator(): Promise<SerialValidator> {
    return serialValidator(this._settings.value);
  }

  /**
   * Checks a serial for a unit of `productId`: the pattern, then (by the repository, when it
   * is written) that the device holds it nowhere else.
   */
  async check(raw: string, method: CaptureMethod): Promise<SerialCheck> {
    const checked = await validateSerial(this._settings.value, raw, method);
    return checked.ok ? checked : { ok: false, message: checked.message ?? '' };
  }

  /**
   * The serial a product scan carried (AI 21 of a GS1 code), checked: the capture to add with
   * the unit, undefined when there is none to take, or 'refused' (and why, said on screen).
   */
  async serialOfScan(
    product: ProductRecord,
    serial: string | null,
    method: CaptureMethod,
  ): Promise<SerialCaptureInput | undefined | 'refused'> {
    if (!product.serialized || serial === null) return undefined;
    const checked = await this.check(serial, method);
    if (checked.ok) return checked.capture;
    this._options.say('error', `${product.title} not added: ${checked.message}`);
    return 'refused';
  }

  /** What to say about a code that matches no product (it may look like a serial). */
  async unknownCode(text: string): Promise<string> {
    const validator = await this.validator().catch(() => null);
    return unknownCodeMessage(text, validator);
  }

  openFor(lineId: string): void {
    this.lineId = lineId;
    this._error = '';
    this._host.requestUpdate();
  }

  close(): void {
    this.lineId = null;
    this._error = '';
    this._busy = false;
    this._host.requestUpdate();
    this._options.onClosed();
  }

  /** What was scanned or typed while the prompt is open: the serial of its unit. */
  async capture(raw: string, method: CaptureMethod): Promise<void> {
    const repos = this._options.repos();
    const line = this._options.lines().find((candidate) => candidate.lineId === this.lineId);
    if (repos === undefined || line === undefined) {
      this.close();
      return;
    }
    this._busy = true;
    this._host.requestUpdate();
    try {
      const { readSerialScan } = await loadSerialScan();
      const scan = readSerialScan(raw);
      const wrongProduct = await wrongProductRefusal(repos, scan.gtin, line);
      if (wrongProduct !== null) {
        this._refuse(wrongProduct);
        return;
      }
      const checked = await this.check(scan.serial, method);
      if (!checked.ok) {
        this._refuse(checked.message);
        return;
      }
      const now = new Date().toISOString();
      const written = await repos.carts.setSerial(line.lineId, checked.capture, now);
      this._options.onLineWritten(written);
      this.close();
      this._options.say('info', `Serial ${checked.capture.serial} recorded for ${line.title}.`);
    } catch (error) {
      log.warn('sell: serial not recorded', { error: String(error) });
      this._refuse(describeDataError(error));
    }
  }

  /**
   * Says which take-now serialized units still lack a serial; true when any does (payment
   * must wait).
   */
  sayMissing(): boolean {
    const missing = this._options
      .lines()
      .filter((line) => requiresSerialAtCheckout(line) && line.serial === null);
    if (missing.length === 0) return false;
    const titles = missing.map((line) => line.title).join(', ');
    const count =
      missing.length === 1
        ? '1 item needs its serial'
        : `${missing.length} items need their serials`;
    this._options.say('error', `${count} before payment: ${titles}.`);
    return true;
  }

  /** Take now or ship: a shipped unit drops its serial (it is captured at picking). */
  async setShipping(lineId: string, shippingType: ShippingType): Promise<void> {
    try {
      const line = await this._options
        .repos()
        ?.carts.setShipping(lineId, shippingType, new Date().toISOString());
      if (line === undefined) return;
      this._options.onLineWritten(line);
      this._options.say(
        'info',
        requiresSerialAtCheckout(line) || !line.serialized
          ? `${line.title}: ${line.shippingType === 'in_store_handover' ? 'taken now' : 'shipped to the customer'}.`
          : `${line.title} will be shipped to the customer: no serial needed now.`,
      );
    } catch (error) {
      this._options.say('error', describeDataError(error));
    }
  }

  /** The camera, in single-scan mode; its module loads on the first tap. */
  async captureWithCamera(): Promise<void> {
    const line = this._options.lines().find((candidate) => candidate.lineId === this.lineId);
    if (line === undefined) return;
    try {
      const { scanOnce } = await import('../components/pos-scanner-dialog.ts');
      const read = await scanOnce({ heading: `Scan the serial of ${line.title}` });
      if (read !== null && this.lineId === line.lineId) await this.capture(read.code, 'camera');
    } catch (error) {
      log.warn('sell: camera for a serial failed', { error: String(error) });
      this._refuse(CAMERA_REFUSAL);
    }
  }

  render() {
    const line = this._options.lines().find((candidate) => candidate.lineId === this.lineId);
    const settings = this._settings.value;
    return renderSerialPrompt({
      title: line?.title,
      pattern: settings?.pattern ?? '',
      example: settings?.pattern == null ? '' : this._exampleFor(settings.pattern),
      error: this._error,
      busy: this._busy,
      onEntered: (serial, method) => void this.capture(serial, this._options.confirmMethod(method)),
      onCancel: this._onCancel,
      onCamera: () => void this.captureWithCamera(),
    });
  }

  private _examples = new Map<string, string>();

  /** The pattern's example once the validator module is loaded (re-rendered when it is). */
  private _exampleFor(pattern: string): string {
    const known = this._examples.get(pattern);
    if (known !== undefined) return known;
    void loadSerialValidation()
      .then(({ createSerialValidator }) => {
        this._examples.set(pattern, createSerialValidator(pattern).example ?? '');
        this._host.requestUpdate();
      })
      .catch(() => undefined);
    return '';
  }

  private _refuse(message: string): void {
    this._error = message;
    this._busy = false;
    this._host.requestUpdate();
  }

  private readonly _onCancel = (): void => {
    const line = this._options.lines().find((candidate) => candidate.lineId === this.lineId);
    this.close();
    if (line !== undefined && line.serial === null) {
      this._options.say('info', `${line.title} still needs its serial before payment.`);
    }
  };
}
