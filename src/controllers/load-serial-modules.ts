/**
 * Loads serial validation (re2js, some 50 KB gzipped) and serial-scan reading (the GS1 parser)
 * on first use, keeping them off the first paint; screens warm them while idle so the first
 * serial, offline too, needs no network.
 */
import type * as SerialScan from '../domain/serial-scan.ts';
import type * as SerialValidation from '../domain/serial-validation.ts';
import type * as SerialWords from '../i18n/serial-words.ts';

type SerialValidationModule = typeof SerialValidation;
type SerialScanModule = typeof SerialScan;

let loading: Promise<SerialValidationModule> | null = null;

/** The validation module; a failed load (offline before it was cached) is retried next time. */
export function loadSerialValidation(): Promise<SerialValidationModule> {
  loading ??= import('../domain/serial-validation.ts').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}

let loadingScan: Promise<SerialScanModule> | null = null;

/** `readSerialScan` and the GS1 parser behind it; retried after a failed load. */
export function loadSerialScan(): Promise<SerialScanModule> {
  loadingScan ??= import('../domain/serial-scan.ts').catch((error: unknown) => {
    loadingScan = null;
    throw error;
  });
  return loadingScan;
}

let loadingPrompt: Promise<unknown> | null = null;

/** The `<pos-serial-prompt>` element; retried after a failed load. */
export function loadSerialPrompt(): Promise<unknown> {
  loadingPrompt ??= import('../components/pos-serial-prompt.ts').catch((error: unknown) => {
    loadingPrompt = null;
    throw error;
  });
  return loadingPrompt;
}

let loadingWords: Promise<typeof SerialWords> | null = null;

/** Serial patterns and refusals in words (the pattern reader with them); retried likewise. */
export function loadSerialWords(): Promise<typeof SerialWords> {
  loadingWords ??= import('../i18n/serial-words.ts').catch((error: unknown) => {
    loadingWords = null;
    throw error;
  });
  return loadingWords;
}
