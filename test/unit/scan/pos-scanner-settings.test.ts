// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import '../../../src/components/pos-scanner-settings.ts';
import type { PosScannerSettings } from '../../../src/components/pos-scanner-settings.ts';
import { DEFAULT_SCAN_SETTINGS, type ScanSettings } from '../../../src/scan/scan-settings.ts';

afterEach(() => document.body.replaceChildren());

async function mount(
  settings: ScanSettings,
): Promise<{ element: PosScannerSettings; changes: ScanSettings[] }> {
  const element = document.createElement('pos-scanner-settings');
  element.settings = settings;
  const changes: ScanSettings[] = [];
  element.addEventListener('pos-scanner-settings-change', (event) => changes.push(event.detail));
  document.body.append(element);
  await element.updateComplete;
  return { element, changes };
}

const field = <T extends Element>(element: PosScannerSettings, name: string): T =>
  element.shadowRoot?.querySelector(`[name="${name}"]`) as T;

describe('<pos-scanner-settings>', () => {
  it('shows the current settings', async () => {
    const { element } = await mount({
      ...DEFAULT_SCAN_SETTINGS,
      prefix: '$',
      sound: false,
      terminator: 'Tab',
    });
    expect(field<HTMLInputElement>(element, 'prefix').value).toBe('$');
    expect(field<HTMLInputElement>(element, 'sound').checked).toBe(false);
    expect(field<HTMLSelectElement>(element, 'terminator').value).toBe('Tab');
    expect(field<HTMLSelectElement>(element, 'engine').value).toBe('aisle');
  });

  it('emits the new settings when the associate changes a field', async () => {
    const { element, changes } = await mount(DEFAULT_SCAN_SETTINGS);
    const suffix = field<HTMLInputElement>(element, 'suffix');
    suffix.value = '#';
    suffix.dispatchEvent(new Event('change', { bubbles: true }));
    const sound = field<HTMLInputElement>(element, 'sound');
    sound.checked = false;
    sound.dispatchEvent(new Event('change', { bubbles: true }));
    expect(changes).toEqual([
      { ...DEFAULT_SCAN_SETTINGS, suffix: '#' },
      { ...DEFAULT_SCAN_SETTINGS, suffix: '#', sound: false },
    ]);
  });

  it('never emits a value the scanner cannot use', async () => {
    const { element, changes } = await mount(DEFAULT_SCAN_SETTINGS);
    const prefix = field<HTMLInputElement>(element, 'prefix');
    // maxlength stops a person, not a paste through script: the settings stay valid.
    prefix.value = 'x'.repeat(20);
    prefix.dispatchEvent(new Event('change', { bubbles: true }));
    expect(changes.at(-1)?.prefix).toBe('');
  });
});
