/**
 * The one place that writes to the console. Everything else logs through here with a short
 * context sentence and structured details, so a support person can read a till's console.
 */
type Details = Record<string, unknown>;

const PREFIX = '[aisle]';

export const log = {
  debug(message: string, details?: Details): void {
    if (import.meta.env?.DEV) console.debug(PREFIX, message, details ?? '');
  },
  info(message: string, details?: Details): void {
    console.info(PREFIX, message, details ?? '');
  },
  warn(message: string, details?: Details): void {
    console.warn(PREFIX, message, details ?? '');
  },
  error(message: string, error?: unknown, details?: Details): void {
    console.error(PREFIX, message, error ?? '', details ?? '');
  },
};
