/**
 * Capturing the serial of one unit, the same on every screen that asks for one (sell, pick,
 * return): which unit the prompt is open for, the serial scanned (hardware scanner, camera in
 * single-scan mode) or typed, a GS1 code's AI (21) read as the serial and its GTIN checked
 * against the unit's product, the active pattern checked on the device (re2js and the GS1
 * parser load on first use and are warmed while the till is idle, so the first serial is
 * instant offline too), and the `<pos-serial-prompt>` it renders. The screen owns its units
 * and what an accepted serial does (`record`).
 */
import { msg, str } from '@lit/localize';
import { html, type ReactiveController, type ReactiveControllerHost } from 'lit';
import type * as SerialWords from '../i18n/serial-words.ts';
import type { PosEvent } from '../components/events.ts';
import { describeDataError } from '../data/errors.ts';
import type { Repositories } from '../data/repositories.ts';
import type { SerialSettings } from '../data/serial-repository.ts';
import type { CapturedSerial } from '../domain/sale.ts';
import type { SerialValidator } from '../domain/serial-validation.ts';
import { log } from '../log.ts';
import type { CaptureMethod } from '../protocol/wire-constants.ts';
import {
  loadSerialPrompt,
  loadSerialScan,
  loadSerialValidation,
  loadSerialWords,
} from './load-serial-modules.ts';
import { LiveQueryController } from './live-query-controller.ts';

/** A unit that may need a serial: a cart line, a request item, a unit coming back. */
export interface SerialUnit {
  readonly id: string;
  readonly productId: string;
  readonly title: string;
}

export type SerialCheck =
  | { readonly ok: true; readonly capture: CapturedSerial }
  | { readonly ok: false; readonly message: string };

export interface SerialCaptureOptions<U extends SerialUnit> {
  readonly repos: () => Repositories | undefined;
  /** The units the screen shows now; the prompt closes when its unit is no longer among them. */
  readonly units: () => readonly U[];
  /** Records an accepted serial: the refusal's sentence, or null when it was recorded. */
  readonly record: (unit: U, capture: CapturedSerial) => Promise<string | null>;
  /** The capture method to record for what the prompt says was typed or scanned. */
  readonly confirmMethod: (said: CaptureMethod) => CaptureMethod;
  /** The prompt closed: focus goes back to the barcode field. */
  readonly onClosed: () => void;
  /** The associate closed the prompt without a serial ("Later", Escape). */
  readonly onCancelled?: (unit: U) => void;
}

const cameraRefusal = () =>
  msg('The camera could not be opened here. Type the serial or use the scanner.');
const invalidSerial = () => msg('That serial number is not valid.');

export class SerialCaptureController<U extends SerialUnit> implements ReactiveController {
  /** The unit the prompt is open for, or null when it is closed. */
  unitId: string | null = null;
  private _error = '';
  private _busy = false;
  /** Validators by pattern, once their module loaded (for what the prompt says is expected). */
  private readonly _validators = new Map<string, SerialValidator>();
  private _words: typeof SerialWords | undefined;
  private readonly _host: ReactiveControllerHost;
  private readonly _options: SerialCaptureOptions<U>;
  /** The active pattern and its version, re-read when a new configuration arrives. */
  private readonly _settings: LiveQueryController<SerialSettings, readonly [Repositories]>;

  constructor(host: ReactiveControllerHost, options: SerialCaptureOptions<U>) {
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
    // The prompt, re2js and the GS1 parser stay off the first paint; they are fetched while
    // the till is idle (and precached), so the first serial is instant, offline too.
    const warm = () => {
      void loadSerialValidation().catch(() => undefined);
      void loadSerialScan().catch(() => undefined);
      void loadSerialPrompt().catch(() => undefined);
      void loadSerialWords().catch(() => undefined);
    };
    if ('requestIdleCallback' in window) window.requestIdleCallback(warm);
    else setTimeout(warm, 500);
  }

  /** True while the prompt is open for a unit the screen still shows. */
  get open(): boolean {
    return this._unit() !== undefined;
  }

  /** The validator of the active pattern (no pattern: any non-empty serial passes). */
  async validator(): Promise<SerialValidator> {
    const { createSerialValidator } = await loadSerialValidation();
    return createSerialValidator(this._settings.value?.pattern ?? null);
  }

  /** Checks a serial by the active pattern: the capture to record, or why it is refused. */
  async check(raw: string, method: CaptureMethod): Promise<SerialCheck> {
    const validator = await this.validator();
    const result = validator.validate(raw);
    if (!result.ok) {
      // The words are needed for a refusal only: an accepted serial never waits for them.
      const { serialRefusal } = await loadSerialWords();
      return { ok: false, message: serialRefusal(result) ?? invalidSerial() };
    }
    return {
      ok: true,
      capture: {
        serial: result.serial,
        method,
        capturedAt: new Date().toISOString(),
        valid: validator.active ? true : null,
        configVersion: this._settings.value?.version ?? null,
      },
    };
  }

  openFor(unitId: string): void {
    this.unitId = unitId;
    this._error = '';
    this._host.requestUpdate();
    // Usually loaded while idle already; rendered as soon as it is.
    void loadSerialPrompt().then(
      () => this._host.requestUpdate(),
      () => undefined,
    );
  }

  close(): void {
    this.unitId = null;
    this._error = '';
    this._busy = false;
    this._host.requestUpdate();
    this._options.onClosed();
  }

  /** What was scanned or typed while the prompt is open: the serial of its unit. */
  async capture(raw: string, method: CaptureMethod): Promise<void> {
    const repos = this._options.repos();
    const unit = this._unit();
    if (repos === undefined || unit === undefined) {
      this.close();
      return;
    }
    this._busy = true;
    this._host.requestUpdate();
    try {
      const { readSerialScan } = await loadSerialScan();
      const scan = readSerialScan(raw);
      const wrongProduct = await this._wrongProduct(repos, scan.gtin, unit);
      if (wrongProduct !== null) {
        this._refuse(wrongProduct);
        return;
      }
      const checked = await this.check(scan.serial, method);
      if (!checked.ok) {
        this._refuse(checked.message);
        return;
      }
      const refusal = await this._options.record(unit, checked.capture);
      if (refusal === null) this.close();
      else this._refuse(refusal);
    } catch (error) {
      log.warn('serial: not recorded', { error: String(error) });
      this._refuse(describeDataError(error));
    }
  }

  /** The camera, in single-scan mode; its module loads on the first tap. */
  async captureWithCamera(): Promise<void> {
    const unit = this._unit();
    if (unit === undefined) return;
    try {
      const { scanOnce } = await import('../components/pos-scanner-dialog.ts');
      const read = await scanOnce({ heading: msg(str`Scan the serial of ${unit.title}`) });
      if (read !== null && this.unitId === unit.id) await this.capture(read.code, 'camera');
    } catch (error) {
      log.warn('serial: camera failed', { error: String(error) });
      this._refuse(cameraRefusal());
    }
  }

  render() {
    const unit = this._unit();
    const pattern = this._settings.value?.pattern ?? null;
    const validator = pattern === null ? null : this._validatorFor(pattern);
    const words = this._wordsModule();
    let expected = '';
    if (words !== undefined && pattern === null) {
      expected = words.serialExpectation({
        pattern,
        active: false,
        shape: null,
        patternProblem: null,
      });
    } else if (words !== undefined && validator !== null && validator !== undefined) {
      expected = words.serialExpectation({ ...validator, pattern: validator.pattern });
    }
    const uppercase = validator?.uppercaseTyped === true;
    return html`<pos-serial-prompt
      ?open=${unit !== undefined}
      product-title=${unit?.title ?? ''}
      expected=${expected}
      ?uppercase=${uppercase}
      error=${this._error}
      ?busy=${this._busy}
      @pos-serial-entered=${(event: PosEvent<'pos-serial-entered'>) => {
        const method = this._options.confirmMethod(event.detail.method);
        // A pattern that takes no small letter: what was typed goes in upper case, as the
        // field shows it; a scanned serial is never changed.
        const serial =
          uppercase && method === 'typed' ? event.detail.serial.toUpperCase() : event.detail.serial;
        void this.capture(serial, method);
      }}
      @pos-serial-cancel=${this._onCancel}
      @pos-serial-camera=${() => void this.captureWithCamera()}
    ></pos-serial-prompt>`;
  }

  private _unit(): U | undefined {
    const id = this.unitId;
    return id === null ? undefined : this._options.units().find((unit) => unit.id === id);
  }

  /**
   * A GS1 scan names its product: the refusal when it is not the unit's (the associate scanned
   * the wrong box), or null when it fits or the scan named none.
   */
  private async _wrongProduct(
    repos: Repositories,
    gtin: string | null,
    unit: U,
  ): Promise<string | null> {
    if (gtin === null) return null;
    const product = await repos.catalog.findByCode(gtin);
    if (product?.productId === unit.productId) return null;
    if (product === undefined) {
      return msg(
        str`That code belongs to another product, not ${unit.title}. Scan the serial of the ${unit.title}.`,
      );
    }
    return msg(
      str`That code belongs to ${product.title}, not ${unit.title}. Scan the serial of the ${unit.title}.`,
    );
  }

  /** The words module once loaded (warmed with validation; re-rendered when it has). */
  private _wordsModule(): typeof SerialWords | undefined {
    if (this._words === undefined) {
      void loadSerialWords()
        .then((module) => {
          this._words = module;
          this._host.requestUpdate();
        })
        .catch(() => undefined);
    }
    return this._words;
  }

  /** The validator of this pattern once its module loaded (re-rendered when it has). */
  private _validatorFor(pattern: string): SerialValidator | undefined {
    const known = this._validators.get(pattern);
    if (known !== undefined) return known;
    void loadSerialValidation()
      .then(({ createSerialValidator }) => {
        this._validators.set(pattern, createSerialValidator(pattern));
        this._host.requestUpdate();
      })
      .catch(() => undefined);
    return undefined;
  }

  private _refuse(message: string): void {
    this._error = message;
    this._busy = false;
    this._host.requestUpdate();
  }

  private readonly _onCancel = (): void => {
    const unit = this._unit();
    this.close();
    if (unit !== undefined) this._options.onCancelled?.(unit);
  };
}
