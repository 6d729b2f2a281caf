/**
 * Checking a configured serial-number pattern (`serial_number_regex`) before anyone relies on
 * it: the server refuses an unusable one at configuration time (422), the device compiles the
 * same way before validating. Patterns are written in JavaScript RegExp syntax, as admins
 * know it, and run on re2js (RE2 semantics, linear time), so a pattern can never freeze a
 * till. What RE2 cannot run in linear time (lookaround, backreferences, atomic groups and
 * possessive quantifiers) is refused with a reason a manager can read; JavaScript-only
 * spellings with an exact RE2 equivalent (`\uXXXX`, `\u{…}`, `\cX`, `[^]`, `[\b]`) are
 * translated. docs/serial-patterns.md is the user-facing version of these rules.
 */
import { RE2JS, RE2JSException, RE2JSSyntaxException } from 're2js';

/** The configuration field a refusal names (the server's 422 `details[].field`). */
export const SERIAL_PATTERN_FIELD = 'capabilities.serialized_inventory.serial_number_regex';

/** Longest accepted pattern, in characters: a serial format needs far less. */
export const MAX_PATTERN_LENGTH = 500;
/** Largest repetition count, as RE2 allows it. */
export const MAX_REPEAT_COUNT = 1000;
/**
 * Largest compiled program (RE2 instructions). Matching stays linear in the serial's length,
 * but its constant grows with the program when a pattern is ambiguous enough to keep re2js off
 * its DFA; the first match after compiling pays the most. At 2 000 the worst patterns found
 * take some tens of milliseconds on a 200-character serial, at 3 000 over 100 ms, at 9 000
 * most of a second (`npm run bench:serial`, "worst accepted" rows). `[A-Z0-9]{1000}` is about
 * 1 000; real serial patterns stay under 200.
 */
export const MAX_PROGRAM_SIZE = 2000;

export type SerialPatternCheck =
  | {
      readonly ok: true;
      /** The pattern as configured. */
      readonly pattern: string;
      /** The RE2 source actually compiled (differs when JavaScript syntax was translated). */
      readonly re2Source: string;
      readonly compiled: RE2JS;
    }
  | { readonly ok: false; readonly pattern: string; readonly reason: string };

type Scan = { ok: true; source: string } | { ok: false; reason: string };

const HEX = /^[0-9A-Fa-f]+$/;

const refuse = (reason: string): Scan => ({ ok: false, reason });

/** `\uXXXX` (with a surrogate pair joined) or `\u{…}` at `i` (pointing at the `u`). */
function readUnicodeEscape(
  pattern: string,
  i: number,
): { codePoint: number; next: number } | string {
  if (pattern[i + 1] === '{') {
    const close = pattern.indexOf('}', i + 2);
    const hex = close < 0 ? '' : pattern.slice(i + 2, close);
    if (!HEX.test(hex) || hex.length > 6 || Number.parseInt(hex, 16) > 0x10ffff) {
      return '\\u{…} must hold 1 to 6 hexadecimal digits up to 10FFFF';
    }
    return { codePoint: Number.parseInt(hex, 16), next: close + 1 };
  }
  const hex = pattern.slice(i + 1, i + 5);
  if (hex.length !== 4 || !HEX.test(hex)) return '\\u must be followed by 4 hexadecimal digits';
  const unit = Number.parseInt(hex, 16);
  if (unit >= 0xd800 && unit <= 0xdbff) {
    const low = /^\\u([dD][c-fC-F][0-9A-Fa-f]{2})/.exec(pattern.slice(i + 5));
    if (low?.[1] !== undefined) {
      const lowUnit = Number.parseInt(low[1], 16);
      return {
        codePoint: 0x10000 + ((unit - 0xd800) << 10) + (lowUnit - 0xdc00),
        next: i + 5 + 6,
      };
    }
  }
  if (unit >= 0xd800 && unit <= 0xdfff) {
    return `\\u${hex} is half of a surrogate pair; write the whole character as \\u{…}`;
  }
  return { codePoint: unit, next: i + 5 };
}

const rune = (codePoint: number): string => `\\x{${codePoint.toString(16).toUpperCase()}}`;

/** What follows `(` decides the group kind; RE2 lacks these, each with its reason. */
const UNSUPPORTED_GROUPS: readonly (readonly [string, string])[] = [
  ['(?=', 'lookahead (?=…) is not supported: RE2 matches in linear time and has no lookaround'],
  ['(?!', 'negative lookahead (?!…) is not supported: RE2 has no lookaround'],
  ['(?<=', 'lookbehind (?<=…) is not supported: RE2 has no lookaround'],
  ['(?<!', 'negative lookbehind (?<!…) is not supported: RE2 has no lookaround'],
  ['(?>', 'atomic groups (?>…) are not supported by RE2'],
  ['(?P=', 'backreferences such as (?P=name) are not supported: RE2 has no backreferences'],
  ['(?P>', 'recursion (?P>name) is not supported by RE2'],
  ['(?&', 'recursion (?&name) is not supported by RE2'],
  ['(?R', 'recursion (?R) is not supported by RE2'],
  ["(?'", "named groups written (?'name'…) are not supported: write (?<name>…)"],
  ['(?#', 'comments (?#…) are not supported by RE2'],
  ['(?|', 'branch reset groups (?|…) are not supported by RE2'],
  ['(?(', 'conditionals (?(…)…) are not supported by RE2'],
];

/**
 * Walks the pattern once, tracking escapes, character classes and `\Q…\E`, so that `\(?=`
 * or `[(?=]` are not mistaken for lookahead; refuses what RE2 cannot run and translates the
 * JavaScript-only escapes.
 */
function scanPattern(pattern: string): Scan {
  let out = '';
  let inClass = false;
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (ch === '\\') {
      const next = pattern[i + 1];
      if (next === undefined) return refuse('the pattern ends with a lone backslash');
      if (next === 'Q') {
        // RE2 literal text: copied as is up to \E (or the end).
        const end = pattern.indexOf('\\E', i + 2);
        const stop = end < 0 ? pattern.length : end + 2;
        out += pattern.slice(i, stop);
        i = stop;
        continue;
      }
      if (/[1-9]/.test(next)) {
        return refuse(
          `backreferences such as \\${next} are not supported: RE2 has no backreferences`,
        );
      }
      if (next === 'k' && pattern[i + 2] === '<') {
        return refuse(
          'backreferences such as \\k<name> are not supported: RE2 has no backreferences',
        );
      }
      if (next === 'u') {
        const read = readUnicodeEscape(pattern, i + 1);
        if (typeof read === 'string') return refuse(read);
        out += rune(read.codePoint);
        i = read.next;
        continue;
      }
      if (next === 'c' && /[A-Za-z]/.test(pattern[i + 2] ?? '')) {
        out += rune(pattern.charCodeAt(i + 2) % 32);
        i += 3;
        continue;
      }
      if (next === 'b' && inClass) {
        out += rune(8); // JavaScript [\b] is backspace; RE2 has no \b inside a class
        i += 2;
        continue;
      }
      if (next === 'Z')
        return refuse('\\Z is not supported: write $ or \\z for the end of the serial');
      out += ch + next;
      i += 2;
      continue;
    }
    if (inClass) {
      if (ch === '[' && pattern[i + 1] === ':') {
        // A POSIX class such as [:alpha:] inside a class: copy it whole so its `]` does not
        // close the outer class.
        const close = pattern.indexOf(':]', i + 2);
        if (close > 0) {
          out += pattern.slice(i, close + 2);
          i = close + 2;
          continue;
        }
      }
      if (ch === ']') inClass = false;
      out += ch;
      i += 1;
      continue;
    }
    if (ch === '[') {
      if (pattern.startsWith('[^]', i)) {
        out += '[\\x{0}-\\x{10FFFF}]';
        i += 3;
        continue;
      }
      if (pattern.startsWith('[]', i)) {
        return refuse('the empty class [] matches nothing; remove it');
      }
      inClass = true;
      // RE2 reads a `]` right after `[` or `[^` as a literal; JavaScript never gets here with one.
      const open = pattern.startsWith('[^', i) ? '[^' : '[';
      out += open;
      i += open.length;
      continue;
    }
    if (ch === '(') {
      const unsupported = UNSUPPORTED_GROUPS.find(([prefix]) => pattern.startsWith(prefix, i));
      if (unsupported !== undefined) return refuse(unsupported[1]);
      if (/^\(\?[+-]?\d/.test(pattern.slice(i, i + 4))) {
        return refuse('recursion (?1) is not supported by RE2');
      }
    }
    if (ch === '{') {
      const repeat = /^\{(\d+)(,(\d*))?\}/.exec(pattern.slice(i));
      if (repeat !== null) {
        const low = Number(repeat[1]);
        const high = repeat[3] === undefined || repeat[3] === '' ? low : Number(repeat[3]);
        if (low > MAX_REPEAT_COUNT || high > MAX_REPEAT_COUNT) {
          return refuse(
            `repetition counts above ${MAX_REPEAT_COUNT} are not supported (${repeat[0]})`,
          );
        }
        if (repeat[3] !== undefined && repeat[3] !== '' && high < low) {
          return refuse(`the repetition ${repeat[0]} has its minimum above its maximum`);
        }
        if (pattern[i + repeat[0].length] === '+') {
          return refuse(`possessive quantifiers such as ${repeat[0]}+ are not supported by RE2`);
        }
        out += repeat[0];
        i += repeat[0].length;
        continue;
      }
    }
    if ((ch === '*' || ch === '+' || ch === '?') && pattern[i + 1] === '+') {
      return refuse(`possessive quantifiers such as ${ch}+ are not supported by RE2`);
    }
    out += ch;
    i += 1;
  }
  return { ok: true, source: out };
}

/** A manager-readable sentence for an RE2 parse error. */
function describeSyntaxError(err: unknown): string {
  if (!(err instanceof RE2JSSyntaxException)) {
    return err instanceof RE2JSException
      ? `the pattern cannot be compiled: ${err.message}`
      : 'the pattern cannot be compiled';
  }
  const where = err.input === null || err.input === '' ? '' : ` at ${err.input}`;
  switch (err.error) {
    case 'missing closing )':
      return 'a ( has no matching )';
    case 'unexpected )':
      return 'a ) has no matching (';
    case 'missing closing ]':
      return 'a [ has no matching ]';
    case 'trailing backslash at end of expression':
      return 'the pattern ends with a lone backslash';
    case 'invalid escape sequence':
      return `the escape ${err.input ?? ''} is not supported by RE2`;
    case 'invalid repeat count':
      return `invalid repetition count${where}: counts go from 0 to ${MAX_REPEAT_COUNT}, nested repetitions included`;
    case 'missing argument to repetition operator':
      return `${err.input ?? 'a repetition'} has nothing before it to repeat`;
    case 'invalid nested repetition operator':
      return `${err.input ?? 'a repetition'} repeats a repetition, which RE2 does not accept (possessive quantifiers are not supported)`;
    case 'invalid character class range':
      return `invalid character range or class${where}`;
    case 'invalid named capture':
      return `invalid group name${where}: names are letters, digits and _`;
    case 'duplicate capture group name':
      return `two groups have the same name${where}`;
    case 'invalid or unsupported Perl syntax':
      return `unsupported group syntax${where}: RE2 accepts (?:…), (?<name>…), (?P<name>…) and the flags i, m, s, U`;
    case 'expression nests too deeply':
    case 'expression too large':
      return 'the pattern is too large or nests too deeply';
    default:
      return `the pattern cannot be compiled: ${err.error}${where}`;
  }
}

/**
 * Decides whether a serial pattern can be used, and compiles it. Never throws: every
 * problem is an `{ok: false, reason}` with a sentence naming what to change.
 */
export function checkSerialPattern(pattern: string): SerialPatternCheck {
  if (typeof pattern !== 'string' || pattern.length === 0) {
    return { ok: false, pattern: String(pattern), reason: 'the pattern is empty' };
  }
  if (pattern.length > MAX_PATTERN_LENGTH) {
    return {
      ok: false,
      pattern,
      reason: `the pattern has ${pattern.length} characters; at most ${MAX_PATTERN_LENGTH} are accepted`,
    };
  }
  const literal = /^\/(.+)\/([dgimsuvy]*)$/s.exec(pattern);
  if (literal !== null) {
    return {
      ok: false,
      pattern,
      reason: `write the pattern without the JavaScript slashes and flags, e.g. ${literal[1] ?? ''}${
        literal[2]?.includes('i') === true ? ' (with (?i) in front for any letter case)' : ''
      }`,
    };
  }
  const scanned = scanPattern(pattern);
  if (!scanned.ok) return { ok: false, pattern, reason: scanned.reason };
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(scanned.source);
  } catch (err) {
    return { ok: false, pattern, reason: describeSyntaxError(err) };
  }
  if (compiled.programSize() > MAX_PROGRAM_SIZE) {
    return {
      ok: false,
      pattern,
      reason: `the pattern compiles to ${compiled.programSize()} instructions; at most ${MAX_PROGRAM_SIZE} are accepted (use smaller repetition counts)`,
    };
  }
  return { ok: true, pattern, re2Source: scanned.source, compiled };
}

/**
 * Why a configuration's `serial_number_regex` value cannot be used, or null when it can.
 * `null`, a missing value and `""` mean "no pattern" (serials are not validated) and are
 * fine. For the server's 422 (`details: [{field: SERIAL_PATTERN_FIELD, message}]`) and for a
 * device deciding whether to keep its last good configuration.
 */
export function serialPatternProblem(value: unknown): string | null {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value !== 'string') return 'the pattern must be a string';
  const check = checkSerialPattern(value);
  return check.ok ? null : check.reason;
}
