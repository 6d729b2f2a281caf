/**
 * The scanner's preferences on this device: hardware-scanner prefix and suffix, terminator
 * key, sound, decoding engine and the camera last chosen. They are per-device UI choices, not
 * store data, so they live in localStorage; a settings view reads and writes them here and
 * every open scanner hears about changes through a window event.
 */
import { EngineNames, type EngineName } from './scan-types.ts';

export const WedgeTerminators = { enter: 'Enter', tab: 'Tab', enterOrTab: 'Enter+Tab' } as const;
export type WedgeTerminator = (typeof WedgeTerminators)[keyof typeof WedgeTerminators];

export interface ScanSettings {
  /** Characters the hardware scanner adds before each code. */
  readonly prefix: string;
  /** Characters the hardware scanner adds after each code, before the terminator. */
  readonly suffix: string;
  readonly terminator: WedgeTerminator;
  /** Beep on a good read. */
  readonly sound: boolean;
  /** Short vibration on a good read, where the device has it. */
  readonly vibrate: boolean;
  /** The engine the app's benchmark chose, unless changed here. */
  readonly engine: EngineName;
  /** The camera last chosen (MediaDeviceInfo.deviceId); null = the rear camera. */
  readonly cameraId: string | null;
}

/**
 * The app's default: the pipeline (zxing-wasm passes on the frame and its regions of
 * interest, zxing-js on a Data Matrix cue) meets every goal of `npm run bench:scan`; plain
 * zxing-js misses Java's floor in five folders.
 */
export const DEFAULT_ENGINE: EngineName = EngineNames.aisle;

export const DEFAULT_SCAN_SETTINGS: ScanSettings = {
  prefix: '',
  suffix: '',
  terminator: WedgeTerminators.enter,
  sound: true,
  vibrate: true,
  engine: DEFAULT_ENGINE,
  cameraId: null,
};

const STORAGE_KEY = 'aisle.scan-settings';
export const SCAN_SETTINGS_CHANGED = 'aisle-scan-settings-changed';

/** Keeps only well-typed fields of a stored value; anything else falls back to the default. */
export function parseScanSettings(raw: unknown): ScanSettings {
  const value = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const text = (v: unknown, fallback: string): string =>
    typeof v === 'string' && v.length <= 8 ? v : fallback;
  const bool = (v: unknown, fallback: boolean): boolean => (typeof v === 'boolean' ? v : fallback);
  const d = DEFAULT_SCAN_SETTINGS;
  const terminators: readonly unknown[] = Object.values(WedgeTerminators);
  const engines: readonly unknown[] = Object.values(EngineNames);
  return {
    prefix: text(value.prefix, d.prefix),
    suffix: text(value.suffix, d.suffix),
    terminator: terminators.includes(value.terminator)
      ? (value.terminator as WedgeTerminator)
      : d.terminator,
    sound: bool(value.sound, d.sound),
    vibrate: bool(value.vibrate, d.vibrate),
    engine: engines.includes(value.engine) ? (value.engine as EngineName) : d.engine,
    cameraId: typeof value.cameraId === 'string' ? value.cameraId : null,
  };
}

export function loadScanSettings(
  storage: Storage | undefined = globalThis.localStorage,
): ScanSettings {
  try {
    const stored = storage?.getItem(STORAGE_KEY);
    return parseScanSettings(stored ? JSON.parse(stored) : {});
  } catch {
    // Storage disabled or a corrupt value: the defaults still let the associate scan.
    return DEFAULT_SCAN_SETTINGS;
  }
}

export function saveScanSettings(
  change: Partial<ScanSettings>,
  storage: Storage | undefined = globalThis.localStorage,
): ScanSettings {
  const next = parseScanSettings({ ...loadScanSettings(storage), ...change });
  try {
    storage?.setItem(STORAGE_KEY, JSON.stringify(next));
  } catch {
    // Quota or private mode: the choice holds for this page only.
  }
  globalThis.dispatchEvent?.(
    new CustomEvent<ScanSettings>(SCAN_SETTINGS_CHANGED, { detail: next }),
  );
  return next;
}

/** The terminator setting as the key names the wedge detector listens for. */
export const terminatorKeys = (terminator: WedgeTerminator): string[] =>
  terminator === WedgeTerminators.enterOrTab ? ['Enter', 'Tab'] : [terminator];
