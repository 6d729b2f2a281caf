/**
 * Validating a captured serial against the configured pattern, on the device (offline too)
 * and on the server with the same code. The serial is first cleaned of what a scanner adds
 * (`serial-cleaning.ts`), then searched with the pattern exactly as a JavaScript
 * `RegExp.test` would (anchor with `^…$` for a whole-serial match), on re2js so the time is
 * linear in the serial's length whatever the pattern. Never throws.
 */
import { cleanScannedText, MAX_SERIAL_LENGTH } from './serial-cleaning.ts';
import { exampleCandidate } from './serial-example.ts';
import { checkSerialPattern } from './serial-pattern.ts';
import {
  describeSerialShape,
  serialPatternShape,
  type SerialPatternShape,
} from './serial-pattern-shape.ts';

export { MAX_SERIAL_LENGTH } from './serial-cleaning.ts';
/** Past this many characters of raw input, cleaning is not even attempted. */
const MAX_RAW_INPUT = 4 * MAX_SERIAL_LENGTH;

export const SerialRefusals = {
  empty: 'empty',
  tooLong: 'too_long',
  patternMismatch: 'pattern_mismatch',
  patternUnusable: 'pattern_unusable',
} as const;
export type SerialRefusal = (typeof SerialRefusals)[keyof typeof SerialRefusals];

export type SerialValidation =
  | { readonly ok: true; readonly serial: string }
  | {
      readonly ok: false;
      readonly reason: SerialRefusal;
      /** The serial as cleaned (what was checked), possibly empty. */
      readonly serial: string;
      /**
       * What is accepted, in English words: `14 capital letters or digits`, or
       * `matching ^(SN|SR)\d{8}$` for a pattern words cannot describe.
       */
      readonly expected: string;
      /** The pattern's shape, for screens that word it in their own language. */
      readonly shape?: SerialPatternShape;
      /** A serial the pattern accepts, when one can be derived from it. */
      readonly example?: string;
    };

export interface SerialValidator {
  /** The configured pattern, or null when none is configured (any non-empty serial passes). */
  readonly pattern: string | null;
  /** True when a pattern is configured and compiles; false with none or an unusable one. */
  readonly active: boolean;
  /** Why the configured pattern cannot be used, or null. */
  readonly patternProblem: string | null;
  readonly expected: string;
  readonly example?: string;
  /** The active pattern's shape (parts to word, lower case accepted); null with none. */
  readonly shape: SerialPatternShape | null;
  /**
   * True when typed input may be upper-cased as it is typed: the active pattern can never
   * accept a small letter (a scanned serial is never changed).
   */
  readonly uppercaseTyped: boolean;
  validate(raw: string): SerialValidation;
  /** True when the cleaned text passes the configured pattern (false with no pattern). */
  matchesPattern(raw: string): boolean;
}

const codePointLength = (text: string): number => {
  let n = 0;
  for (const _ of text) n += 1;
  return n;
};

function buildValidator(pattern: string | null): SerialValidator {
  const check = pattern === null ? null : checkSerialPattern(pattern);
  let example: string | undefined;
  if (check?.ok === true) {
    const candidate = exampleCandidate(check.re2Source);
    if (
      candidate !== null &&
      codePointLength(candidate) <= MAX_SERIAL_LENGTH &&
      cleanScannedText(candidate).text === candidate &&
      check.compiled.test(candidate)
    ) {
      example = candidate;
    }
  }
  const shape = check?.ok === true ? serialPatternShape(check.re2Source) : null;
  const expected =
    check === null
      ? 'any serial that is not empty'
      : check.ok
        ? (describeSerialShape(shape ?? { parts: null, acceptsLowercase: true }) ??
          `a serial matching ${pattern ?? ''}`)
        : `a usable serial pattern (the configured one cannot be used: ${check.reason})`;
  const patternProblem = check !== null && !check.ok ? check.reason : null;
  const refusal = (reason: SerialRefusal, serial: string): SerialValidation => ({
    ok: false,
    reason,
    serial,
    expected,
    ...(example === undefined ? {} : { example }),
    ...(shape === null ? {} : { shape }),
  });
  const matches = (serial: string): boolean => {
    if (check?.ok !== true) return false;
    try {
      return check.compiled.test(serial);
    } catch {
      // re2js has no known throw on string input; a mismatch is the safe reading if it does.
      return false;
    }
  };

  return {
    pattern,
    active: check?.ok === true,
    patternProblem,
    expected,
    ...(example === undefined ? {} : { example }),
    shape,
    uppercaseTyped: shape !== null && !shape.acceptsLowercase,
    validate(raw: string): SerialValidation {
      if (typeof raw !== 'string') return refusal('empty', '');
      if (raw.length > MAX_RAW_INPUT) return refusal('too_long', raw.slice(0, MAX_SERIAL_LENGTH));
      const serial = cleanScannedText(raw).text;
      if (serial.length === 0) return refusal('empty', serial);
      if (codePointLength(serial) > MAX_SERIAL_LENGTH) return refusal('too_long', serial);
      if (check === null) return { ok: true, serial };
      if (!check.ok) return refusal('pattern_unusable', serial);
      return matches(serial) ? { ok: true, serial } : refusal('pattern_mismatch', serial);
    },
    matchesPattern(raw: string): boolean {
      if (typeof raw !== 'string' || raw.length > MAX_RAW_INPUT) return false;
      const serial = cleanScannedText(raw).text;
      return serial.length > 0 && codePointLength(serial) <= MAX_SERIAL_LENGTH && matches(serial);
    },
  };
}

// Compiling costs up to a few milliseconds; a till validates against one or two patterns
// (the active one, maybe the last good one), so a small cache is plenty.
const CACHE_LIMIT = 16;
const cache = new Map<string, SerialValidator>();

/**
 * The validator for a configured pattern; null, undefined or '' means no pattern. Validators
 * are cached by pattern text, so calling this on every scan is cheap.
 */
export function createSerialValidator(pattern: string | null | undefined): SerialValidator {
  const key = typeof pattern === 'string' && pattern.length > 0 ? pattern : null;
  const cacheKey = key ?? '';
  const hit = cache.get(cacheKey);
  if (hit !== undefined) return hit;
  const validator = buildValidator(key);
  if (cache.size >= CACHE_LIMIT) {
    const oldest = cache.keys().next();
    if (oldest.done !== true) cache.delete(oldest.value);
  }
  cache.set(cacheKey, validator);
  return validator;
}

/** Convenience for one-off checks (the server's ingest, the settings screen's test scan). */
export function validateSerial(raw: string, pattern: string | null | undefined): SerialValidation {
  return createSerialValidator(pattern).validate(raw);
}

/**
 * A sentence in English explaining a refusal (the server's answers; the screens word the same
 * result in the device's language from `shape` and `example`).
 */
export function describeSerialRefusal(result: SerialValidation): string | null {
  if (result.ok) return null;
  const example = result.example === undefined ? '' : `, for example ${result.example}`;
  switch (result.reason) {
    case 'empty':
      return 'Enter or scan the serial number.';
    case 'too_long':
      return `A serial number has at most ${MAX_SERIAL_LENGTH} characters.`;
    case 'pattern_mismatch':
      return `${result.serial} is not a valid serial number: expected ${result.expected}${example}.`;
    case 'pattern_unusable':
      return 'The configured serial number pattern cannot be used; ask a manager to correct it in the app configuration.';
  }
}
