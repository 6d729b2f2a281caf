// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import {
  DEFAULT_SCAN_SETTINGS,
  SCAN_SETTINGS_CHANGED,
  loadScanSettings,
  parseScanSettings,
  saveScanSettings,
  terminatorKeys,
  type ScanSettings,
} from '../../../src/scan/scan-settings.ts';

beforeEach(() => localStorage.clear());

describe('scan settings', () => {
  it('a device that never saved settings gets the defaults: sound on, the benchmark-chosen engine', () => {
    expect(loadScanSettings()).toEqual(DEFAULT_SCAN_SETTINGS);
    expect(DEFAULT_SCAN_SETTINGS).toMatchObject({ sound: true, engine: 'aisle', cameraId: null });
  });

  it('saves a change, keeps the rest, and tells open scanners', () => {
    const heard: ScanSettings[] = [];
    window.addEventListener(SCAN_SETTINGS_CHANGED, (event) =>
      heard.push((event as CustomEvent<ScanSettings>).detail),
    );
    saveScanSettings({ prefix: '$', sound: false });
    expect(loadScanSettings()).toEqual({ ...DEFAULT_SCAN_SETTINGS, prefix: '$', sound: false });
    expect(heard.at(-1)).toMatchObject({ prefix: '$', sound: false });
  });

  it('remembers the chosen camera', () => {
    saveScanSettings({ cameraId: 'rear-camera-2' });
    expect(loadScanSettings().cameraId).toBe('rear-camera-2');
  });

  it.each([
    ['a corrupt value', '{not json'],
    ['an unknown engine', JSON.stringify({ engine: 'quagga' })],
    ['a wrong type', JSON.stringify({ sound: 'yes', prefix: 42 })],
    ['an overlong prefix', JSON.stringify({ prefix: 'x'.repeat(40) })],
  ])('%s falls back to the defaults', (_name, stored) => {
    localStorage.setItem('aisle.scan-settings', stored);
    expect(loadScanSettings()).toEqual(DEFAULT_SCAN_SETTINGS);
  });

  it('keeps the valid fields of a partly wrong value', () => {
    expect(parseScanSettings({ suffix: '#', terminator: 'Tab', engine: 'nope' })).toEqual({
      ...DEFAULT_SCAN_SETTINGS,
      suffix: '#',
      terminator: 'Tab',
    });
  });

  it.each([
    ['Enter', ['Enter']],
    ['Tab', ['Tab']],
    ['Enter+Tab', ['Enter', 'Tab']],
  ] as const)('terminator %s listens for %j', (terminator, keys) => {
    expect(terminatorKeys(terminator)).toEqual(keys);
  });
});
