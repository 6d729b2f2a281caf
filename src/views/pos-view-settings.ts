/**
 * Settings: the language this device shows (the store's, or one chosen here and kept on this
 * device), the active serial-number pattern (its version, and whether it is the store's or
 * the global configuration), "Test a serial scan" — an associate scans (camera or hardware
 * scanner) or types a sample serial from stock and sees whether the pattern accepts it, with
 * the reason when it does not — and the hardware scanner's settings. The check runs on the
 * device with the same validator as checkout, so it also works offline.
 */
import { localized, msg, str } from '@lit/localize';
import { consume } from '@lit/context';
import { LitElement, css, html, nothing } from 'lit';
import { customElement, query, state } from 'lit/decorators.js';
import { repositoriesContext, sessionContext, type AppSession } from '../app/contexts.ts';
import '../components/pos-language-picker.ts';
import '../components/pos-scanner-settings.ts';
import { controlStyles } from '../components/shared-styles.ts';
import { KeyboardWedgeController } from '../controllers/keyboard-wedge-controller.ts';
import { LiveQueryController } from '../controllers/live-query-controller.ts';
import type { Repositories } from '../data/repositories.ts';
import type { SerialSettings } from '../data/serial-repository.ts';
import type { SerialValidator } from '../domain/serial-validation.ts';
import { patternInWords, serialExpectation, serialRefusal } from '../i18n/serial-words.ts';
import { readSerialScan } from '../domain/serial-scan.ts';
import { log } from '../log.ts';
import type { CaptureMethod } from '../protocol/schemas.ts';
import { loadScanSettings, saveScanSettings, type ScanSettings } from '../scan/scan-settings.ts';
import { loadSerialValidation } from '../controllers/load-serial-modules.ts';
import type { PosEvent } from '../components/events.ts';
import { formatDateTime } from '../i18n/format.ts';
import { chooseDeviceLanguage, deviceLanguage, storeLanguage } from '../i18n/localization.ts';

interface TestResult {
  readonly ok: boolean;
  readonly text: string;
}

const SOURCE_LABELS: Record<string, () => string> = {
  store: () => msg("this store's configuration"),
  global: () => msg('the global configuration'),
  none: () => msg('no configuration'),
};

const METHOD_LABELS: Record<CaptureMethod, () => string> = {
  camera: () => msg('camera'),
  scanner: () => msg('scanner'),
  typed: () => msg('typed'),
};

@customElement('pos-view-settings')
@localized()
export class PosViewSettings extends LitElement {
  static override styles = [
    controlStyles,
    css`
      :host {
        display: block;
        padding: 1rem;
        max-width: 44rem;
        margin: 0 auto;
      }
      h1 {
        font-size: 1.5rem;
        margin: 0 0 1rem;
      }
      section {
        background: var(--pos-surface);
        border: 1px solid var(--pos-border);
        border-radius: var(--pos-radius);
        padding: 1rem;
        margin-bottom: 1rem;
      }
      h2 {
        font-size: 1.2rem;
        margin: 0 0 0.5rem;
      }
      dl {
        display: grid;
        grid-template-columns: max-content 1fr;
        gap: 0.3rem 1rem;
        margin: 0 0 0.75rem;
      }
      dt {
        font-weight: 600;
      }
      dd {
        margin: 0;
        overflow-wrap: anywhere;
      }
      form {
        display: flex;
        flex-wrap: wrap;
        gap: 0.5rem;
        align-items: end;
      }
      label {
        display: flex;
        flex-direction: column;
        gap: 0.25rem;
        flex: 1;
        min-width: 14rem;
        font-weight: 600;
      }
      input {
        font-size: 1.2rem;
        min-height: 52px;
      }
      .result {
        margin: 0.75rem 0 0;
        padding: 0.6rem 0.75rem;
        border-radius: var(--pos-radius-small);
        font-weight: 600;
      }
      .result.pass {
        background: var(--pos-primary-soft);
      }
      .result.fail,
      .warn {
        background: var(--pos-danger-soft);
        color: var(--pos-danger);
      }
      .warn {
        padding: 0.6rem 0.75rem;
        border-radius: var(--pos-radius-small);
      }
    `,
  ];

  @consume({ context: repositoriesContext })
  @state()
  private _repos?: Repositories;

  @consume({ context: sessionContext, subscribe: true })
  @state()
  private _app?: AppSession;

  /** The active pattern's validator, once its module loaded: the pattern in words. */
  @state() private _validator: SerialValidator | null = null;

  @state() private _result: TestResult | null = null;
  @state() private _scanSettings: ScanSettings = loadScanSettings();

  @query('input[name="sample"]') private _sample?: HTMLInputElement;

  private readonly _settings = new LiveQueryController(this, {
    args: () => (this._repos === undefined ? undefined : ([this._repos] as const)),
    query: (repos) => repos.serials.settings(),
  });

  // A hardware scanner's read anywhere on this screen is a sample serial to test.
  protected readonly _wedge = new KeyboardWedgeController(this, {
    onScan: (code) => void this.testSerial(code, 'scanner'),
    // Not behind the app's lock (inert).
    enabled: () => this.closest('[inert]') === null,
  });

  /** Checks a sample serial against the active pattern and shows the verdict. */
  async testSerial(raw: string, method: CaptureMethod): Promise<void> {
    try {
      const { createSerialValidator } = await loadSerialValidation();
      const validator = createSerialValidator(this._settings.value?.pattern ?? null);
      const scan = readSerialScan(raw);
      const result = validator.validate(scan.serial);
      const label = METHOD_LABELS[method]();
      const how =
        scan.gtin === null
          ? msg(str`(${label})`)
          : msg(str`(${label}, serial read from a GS1 code)`);
      this._result = result.ok
        ? {
            ok: true,
            text: validator.active
              ? msg(str`Passes: ${result.serial} is a valid serial number ${how}.`)
              : msg(
                  str`Accepted: ${result.serial}. No pattern is configured, so any serial passes ${how}.`,
                ),
          }
        : { ok: false, text: msg(str`Refused ${how}: ${serialRefusal(result) ?? ''}`) };
    } catch (error) {
      log.warn('settings: serial test failed', { error: String(error) });
      this._result = {
        ok: false,
        text: msg('The serial check could not be loaded. Reload the app.'),
      };
    }
  }

  override render() {
    const settings = this._settings.value;
    return html`
      <h1>${msg('Settings')}</h1>
      <section aria-labelledby="language-title">
        <h2 id="language-title">${msg('Language on this device')}</h2>
        <pos-language-picker
          .chosen=${deviceLanguage()}
          .storeLanguage=${storeLanguage()}
          @pos-language-change=${this._onLanguageChange}
        ></pos-language-picker>
      </section>
      <section aria-labelledby="serial-title">
        <h2 id="serial-title">${msg('Serial numbers')}</h2>
        ${settings === undefined ? nothing : this._renderPattern(settings)}
        <h2 id="test-title">${msg('Test a serial scan')}</h2>
        <p>
          ${msg('Scan or type the serial of a unit from stock to see whether the pattern accepts it.')}
        </p>
        <form @submit=${this._onSubmit} autocomplete="off" aria-labelledby="test-title">
          <label>
            ${msg('Sample serial')}
            <input name="sample" autocomplete="off" autocapitalize="off" spellcheck="false" />
          </label>
          <button type="submit" class="primary">${msg('Test')}</button>
          <button type="button" @click=${this._onCamera}>${msg('Scan with camera')}</button>
        </form>
        ${
          this._result === null
            ? nothing
            : html`<p
                class="result ${this._result.ok ? 'pass' : 'fail'}"
                role="status"
                data-testid="settings.serial-result"
              >
                ${this._result.text}
              </p>`
        }
      </section>
      <section aria-label=${msg('Scanner')}>
        <pos-scanner-settings
          .settings=${this._scanSettings}
          @pos-scanner-settings-change=${(event: PosEvent<'pos-scanner-settings-change'>) =>
            (this._scanSettings = saveScanSettings(event.detail))}
        ></pos-scanner-settings>
      </section>
    `;
  }

  override willUpdate(): void {
    // The words for the active pattern come from the validation module (lazy, warmed).
    const pattern = this._settings.value?.pattern ?? null;
    if (pattern !== null && this._validator?.pattern !== pattern) {
      void loadSerialValidation()
        .then(({ createSerialValidator }) => (this._validator = createSerialValidator(pattern)))
        .catch(() => undefined);
    }
  }

  private _renderPattern(settings: SerialSettings) {
    const when =
      settings.updatedAt === null
        ? ''
        : ` · ${msg(str`updated ${formatDateTime(settings.updatedAt)}`)}`;
    const validator = this._validator?.pattern === settings.pattern ? this._validator : null;
    const manager = this._app?.session.role !== 'associate';
    return html`
      <dl data-testid="settings.serial-config">
        <dt>${msg('Serial numbers')}</dt>
        <dd data-testid="settings.serial-words">
          ${this._patternWords(settings.pattern, validator)}
        </dd>
        ${
          manager && settings.pattern !== null
            ? html`<dt>${msg('Pattern')}</dt>
                <dd><code data-testid="settings.pattern">${settings.pattern}</code></dd>`
            : nothing
        }
        <dt>${msg('Version')}</dt>
        <dd>${settings.version ?? msg('not downloaded yet')}${when}</dd>
        <dt>${msg('Source')}</dt>
        <dd>${SOURCE_LABELS[settings.source ?? 'none']?.() ?? ''}</dd>
      </dl>
      ${
        settings.refused === null
          ? nothing
          : html`<p class="warn" role="alert">
              ${msg(
                str`Configuration version ${settings.refused.version} was not applied: its serial pattern cannot be used (${settings.refused.reason}). This device keeps version ${settings.version ?? '—'} until a manager corrects it.`,
              )}
            </p>`
      }
    `;
  }

  /** "14 capital letters or digits, for example A1B2C3D4E5F6G7", or the fallback sentence. */
  private _patternWords(pattern: string | null, validator: SerialValidator | null): string {
    if (pattern === null) return msg('Any serial is accepted: no pattern is configured.');
    if (validator === null) return '…';
    const words = patternInWords(validator);
    if (words === null) return serialExpectation({ ...validator, pattern });
    return validator.example === undefined
      ? words
      : msg(str`${words}, for example ${validator.example}`);
  }

  private readonly _onLanguageChange = async (
    event: PosEvent<'pos-language-change'>,
  ): Promise<void> => {
    try {
      await chooseDeviceLanguage(event.detail.language);
    } catch (error) {
      log.warn('settings: the language could not be loaded', { error: String(error) });
    }
    this.requestUpdate();
  };

  private readonly _onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    void this.testSerial(this._sample?.value ?? '', 'typed');
  };

  private readonly _onCamera = async (): Promise<void> => {
    try {
      const { scanOnce } = await import('../components/pos-scanner-dialog.ts');
      const read = await scanOnce({ heading: msg('Scan a sample serial') });
      if (read !== null) await this.testSerial(read.code, 'camera');
    } catch (error) {
      log.warn('settings: camera failed', { error: String(error) });
      this._result = {
        ok: false,
        text: msg('The camera could not be opened. Type the serial instead.'),
      };
    }
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-view-settings': PosViewSettings;
  }
}
