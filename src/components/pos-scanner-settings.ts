/**
 * The scanner section of a settings screen: what a hardware scanner adds around each code
 * (prefix, suffix, terminator key), the good-read beep and vibration, and the decoding
 * engine. Presentational: the view passes `settings` and saves what the change event
 * carries (`saveScanSettings` in src/scan/scan-settings.ts).
 *
 * @fires pos-scanner-settings-change - the associate changed a field; detail is the new settings
 */
import { localized, msg } from '@lit/localize';
import { LitElement, css, html } from 'lit';
import { customElement, property } from 'lit/decorators.js';
import {
  DEFAULT_SCAN_SETTINGS,
  WedgeTerminators,
  parseScanSettings,
  type ScanSettings,
} from '../scan/scan-settings.ts';
import { EngineNames } from '../scan/scan-types.ts';
import { controlStyles } from './shared-styles.ts';
import { emit } from './events.ts';

const engineLabels = (): Record<string, string> => ({
  [EngineNames.aisle]: msg('Automatic (recommended)'),
  [EngineNames.zxingWasm]: msg('zxing-wasm only'),
  [EngineNames.zxingJs]: msg('zxing-js only (slower, for devices without WebAssembly)'),
});

const terminatorLabels = (): Record<string, string> => ({
  [WedgeTerminators.enter]: msg('Enter', { id: 'key.enter' }),
  [WedgeTerminators.tab]: msg('Tab', { id: 'key.tab' }),
  [WedgeTerminators.enterOrTab]: msg('Enter or Tab'),
});

@customElement('pos-scanner-settings')
@localized()
export class PosScannerSettings extends LitElement {
  static override styles = [
    controlStyles,
    css`
      fieldset {
        min-width: 0;
        margin: 0;
        display: grid;
        gap: 0.75rem;
        border: 1px solid var(--pos-border, #ccc);
        border-radius: var(--pos-radius-small, 8px);
        padding: 1rem;
      }
      label {
        display: grid;
        gap: 0.25rem;
        font-weight: 600;
      }
      label.check {
        display: flex;
        align-items: center;
        gap: 0.5rem;
      }
      input[type='text'],
      select {
        font: inherit;
        min-height: 3rem;
        width: 100%;
        min-width: 0;
      }
      .hint {
        font-weight: 400;
        margin: 0;
      }
    `,
  ];

  @property({ attribute: false }) settings: ScanSettings = DEFAULT_SCAN_SETTINGS;

  override render() {
    const s = this.settings;
    return html`
      <fieldset @change=${this._onChange}>
        <legend>${msg('Barcode scanner')}</legend>
        <label>
          ${msg('Prefix the scanner adds')}
          <input type="text" name="prefix" maxlength="8" autocomplete="off" .value=${s.prefix} />
        </label>
        <label>
          ${msg('Suffix the scanner adds')}
          <input type="text" name="suffix" maxlength="8" autocomplete="off" .value=${s.suffix} />
        </label>
        <label>
          ${msg('Key that ends a scan')}
          <select name="terminator">
            ${Object.entries(terminatorLabels()).map(
              ([value, label]) =>
                html`<option value=${value} ?selected=${s.terminator === value}>${label}</option>`,
            )}
          </select>
        </label>
        <label class="check">
          <input type="checkbox" name="sound" .checked=${s.sound} />
          ${msg('Beep on a good camera read')}
        </label>
        <label class="check">
          <input type="checkbox" name="vibrate" .checked=${s.vibrate} />
          ${msg('Vibrate on a good camera read')}
        </label>
        <label>
          ${msg('Decoder')}
          <select name="engine">
            ${Object.entries(engineLabels()).map(
              ([value, label]) =>
                html`<option value=${value} ?selected=${s.engine === value}>${label}</option>`,
            )}
          </select>
          <p class="hint">${msg('Used the next time the camera opens.')}</p>
        </label>
      </fieldset>
    `;
  }

  private readonly _onChange = (event: Event): void => {
    const field = event.target as HTMLInputElement | HTMLSelectElement;
    const value =
      field instanceof HTMLInputElement && field.type === 'checkbox' ? field.checked : field.value;
    // parseScanSettings keeps every field well-typed whatever the form sent.
    const settings = parseScanSettings({ ...this.settings, [field.name]: value });
    this.settings = settings;
    emit(this, 'pos-scanner-settings-change', settings);
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'pos-scanner-settings': PosScannerSettings;
  }
}
