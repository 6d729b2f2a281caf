/**
 * Loads serial validation (re2js, some 60 KB gzipped) on first use, keeping it off the first
 * paint; screens warm it while idle so the first serial, offline too, needs no network.
 */
import type * as SerialValidation from '../domain/serial-validation.ts';

type SerialValidationModule = typeof SerialValidation;

let loading: Promise<SerialValidationModule> | null = null;

/** The validation module; a failed load (offline before it was cached) is retried next time. */
export function loadSerialValidation(): Promise<SerialValidationModule> {
  loading ??= import('../domain/serial-validation.ts').catch((error: unknown) => {
    loading = null;
    throw error;
  });
  return loading;
}
