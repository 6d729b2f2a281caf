/**
 * GS1 element strings: what GS1-128, GS1 DataMatrix and GS1 QR codes carry (an AIM prefix
 * such as `]C1`/`]d2`/`]Q3`, then AI+value pairs, variable-length values ended by a GS
 * (FNC1) character), the human-readable `(01)09506000134352(21)ABC123` form, and, through
 * `gs1-digital-link.ts`, Digital Link URLs. One scan of such a code gives the product (AI 01
 * GTIN) and its serial (AI 21). Parsing never throws; bad input is an `{ok: false}` result
 * naming the AI and what is wrong.
 */
import { gs1CheckDigit } from './gtin.ts';
import {
  type Gs1AiSpec,
  GS1_AIS,
  hasPredefinedLength,
  isFixedLength,
  matchAi,
} from './gs1-ai-table.ts';
import { parseDigitalLink } from './gs1-digital-link.ts';
import { cleanScannedText, GS1_SYMBOLOGY_IDS } from './serial-cleaning.ts';

/** The FNC1 separator as scanners transmit it (ASCII 29, group separator). */
export const GS = '\x1d';

export type Gs1Form = 'element-string' | 'bracketed' | 'digital-link';

export interface Gs1Element {
  readonly ai: string;
  readonly value: string;
}

export interface Gs1Data {
  readonly form: Gs1Form;
  readonly symbologyId: string | null;
  /** In the order they appear (a Digital Link: path first, then query). */
  readonly elements: readonly Gs1Element[];
  readonly ais: Readonly<Record<string, string>>;
  /** AI 01, 14 digits, check digit verified. */
  readonly gtin?: string;
  /** AI 21, case kept. */
  readonly serial?: string;
  /** AI 10. */
  readonly batch?: string;
  /** AI 17, YYMMDD. */
  readonly expiry?: string;
}

export type Gs1ErrorCode = 'not_gs1' | 'unknown_ai' | 'invalid_value' | 'conflicting_ai';

export type Gs1ParseResult =
  | ({ readonly ok: true } & Gs1Data)
  | { readonly ok: false; readonly error: Gs1ErrorCode; readonly message: string };

export type Gs1Failure = Extract<Gs1ParseResult, { ok: false }>;

export const gs1Failure = (error: Gs1ErrorCode, message: string): Gs1Failure => ({
  ok: false,
  error,
  message,
});

const CSET_82 = /^[!"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$/;
const CSET_39 = /^[#\-/0-9A-Z]*$/;
const DIGITS = /^\d*$/;
const DAYS_IN_MONTH = [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function isValidDate(yymmdd: string): boolean {
  const year = Number(yymmdd.slice(0, 2));
  const month = Number(yymmdd.slice(2, 4));
  const day = Number(yymmdd.slice(4, 6));
  if (month < 1 || month > 12) return false;
  // Years 2000–2099 are leap when divisible by 4; 00 is 2000 under GS1's century window.
  const max = month === 2 && year % 4 !== 0 ? 28 : (DAYS_IN_MONTH[month - 1] as number);
  return day <= max;
}

/** Why `value` is not a valid value of the AI, or null when it is. */
export function checkAiValue(spec: Gs1AiSpec, value: string): string | null {
  const label = `AI (${spec.ai}) ${spec.title}`;
  let pos = 0;
  for (const [index, c] of spec.components.entries()) {
    const last = index === spec.components.length - 1;
    const part = last ? value.slice(pos) : value.slice(pos, pos + c.max);
    pos += part.length;
    if (part.length < c.min || part.length > c.max) {
      const size = c.min === c.max ? `${c.max}` : `${c.min} to ${c.max}`;
      return `${label} must be ${size} characters${spec.components.length > 1 ? ' in this part' : ''}, got "${value}"`;
    }
    const charsetOk =
      c.charset === 'N'
        ? DIGITS.test(part)
        : c.charset === 'X'
          ? CSET_82.test(part)
          : CSET_39.test(part);
    if (!charsetOk) {
      return c.charset === 'N'
        ? `${label} must be digits, got "${value}"`
        : `${label} has a character GS1 does not allow, in "${value}"`;
    }
    if (c.check === true && gs1CheckDigit(part.slice(0, -1)) !== Number(part.at(-1))) {
      return `${label} ${part} has a wrong check digit`;
    }
    if (c.date === true && !isValidDate(part)) {
      return `${label} ${part} is not a date (YYMMDD)`;
    }
  }
  return null;
}

/** Builds the success result, checking values and refusing one AI given two values. */
export function buildGs1Data(
  form: Gs1Form,
  symbologyId: string | null,
  elements: readonly Gs1Element[],
): Gs1ParseResult {
  if (elements.length === 0) return gs1Failure('not_gs1', 'No GS1 element found');
  const ais: Record<string, string> = {};
  for (const { ai, value } of elements) {
    const spec = GS1_AIS.get(ai);
    if (spec === undefined)
      return gs1Failure('unknown_ai', `Unknown GS1 Application Identifier (${ai})`);
    const problem = checkAiValue(spec, value);
    if (problem !== null) return gs1Failure('invalid_value', problem);
    const seen = ais[ai];
    if (seen !== undefined && seen !== value) {
      return gs1Failure('conflicting_ai', `AI (${ai}) appears twice with different values`);
    }
    ais[ai] = value;
  }
  return {
    ok: true,
    form,
    symbologyId,
    elements,
    ais,
    ...(ais['01'] === undefined ? {} : { gtin: ais['01'] }),
    ...(ais['21'] === undefined ? {} : { serial: ais['21'] }),
    ...(ais['10'] === undefined ? {} : { batch: ais['10'] }),
    ...(ais['17'] === undefined ? {} : { expiry: ais['17'] }),
  };
}

/** Splits a raw element string (no AIM prefix) into elements. */
function splitElementString(data: string): Gs1Element[] | Gs1Failure {
  const elements: Gs1Element[] = [];
  let pos = 0;
  while (pos < data.length) {
    if (data[pos] === GS) {
      pos += 1;
      continue;
    }
    const spec = matchAi(data.slice(pos, pos + 4));
    if (spec === undefined) {
      return gs1Failure(
        'unknown_ai',
        `No known GS1 Application Identifier at "${data.slice(pos, pos + 4)}"`,
      );
    }
    pos += spec.ai.length;
    let value: string;
    if (isFixedLength(spec)) {
      // Its length is known, so a missing separator after it (common from encoders that
      // treat every fixed-length AI as predefined) does not matter; a present one is skipped.
      const length = spec.components.reduce((sum, c) => sum + c.max, 0);
      value = data.slice(pos, pos + length);
      pos += value.length;
      if (value.length < length) {
        return gs1Failure(
          'invalid_value',
          `AI (${spec.ai}) ${spec.title} is cut short: "${value}"`,
        );
      }
    } else {
      const end = data.indexOf(GS, pos);
      value = data.slice(pos, end < 0 ? data.length : end);
      pos += value.length;
    }
    elements.push({ ai: spec.ai, value });
  }
  return elements;
}

const BRACKET_AI = /^\((\d{2,4})\)/;

/** Splits `(01)…(21)…`; a `(` inside a value is written `\(` (GS1 Syntax Engine convention). */
function splitBracketed(text: string): Gs1Element[] | Gs1Failure {
  const elements: Gs1Element[] = [];
  let pos = 0;
  while (pos < text.length) {
    const head = BRACKET_AI.exec(text.slice(pos));
    if (head === null)
      return gs1Failure('not_gs1', `Expected "(AI)" at "${text.slice(pos, pos + 6)}"`);
    const ai = head[1] as string;
    if (!GS1_AIS.has(ai))
      return gs1Failure('unknown_ai', `Unknown GS1 Application Identifier (${ai})`);
    pos += head[0].length;
    let value = '';
    while (pos < text.length && text[pos] !== '(') {
      if (text[pos] === '\\' && text[pos + 1] === '(') {
        value += '(';
        pos += 2;
      } else {
        value += text[pos];
        pos += 1;
      }
    }
    elements.push({ ai, value: value.trim() });
  }
  return elements;
}

/**
 * A leading FNC1 (sent as GS) is how some decoders flag a GS1 DataMatrix that carries no
 * AIM identifier; cleaning drops it from the text, so it is looked for in the raw scan.
 */
function startsWithFnc1(raw: string, symbologyId: string | null): boolean {
  let rest = raw.trimStart();
  if (symbologyId !== null && rest.startsWith(symbologyId)) rest = rest.slice(symbologyId.length);
  return rest.startsWith(GS);
}

export interface Gs1ParseOptions {
  /**
   * Read text without any GS1 marker (no AIM prefix, no GS, no brackets, not a URL) as an
   * element string anyway: for a caller that knows the symbol was GS1 (the decoder said so,
   * or a keyboard-wedge scanner that drops AIM identifiers and GS).
   */
  readonly assumeGs1?: boolean;
}

/**
 * Parses a scanned GS1 payload: element string (with AIM prefix or GS separators), bracketed
 * human-readable form, or Digital Link URL. Scanner noise is cleaned first.
 */
export function parseGs1(raw: string, options: Gs1ParseOptions = {}): Gs1ParseResult {
  if (typeof raw !== 'string') return gs1Failure('not_gs1', 'Nothing was scanned');
  const { text, symbologyId } = cleanScannedText(raw);
  if (text.length === 0) return gs1Failure('not_gs1', 'Nothing was scanned');
  if (/^https?:\/\//i.test(text)) {
    const link = parseDigitalLink(text);
    return link.ok ? buildGs1Data('digital-link', symbologyId, link.elements) : link;
  }
  if (BRACKET_AI.test(text)) {
    const split = splitBracketed(text);
    return Array.isArray(split) ? buildGs1Data('bracketed', symbologyId, split) : split;
  }
  const marked =
    (symbologyId !== null && GS1_SYMBOLOGY_IDS.has(symbologyId)) ||
    text.includes(GS) ||
    startsWithFnc1(raw, symbologyId);
  if (!marked && options.assumeGs1 !== true) {
    return gs1Failure('not_gs1', 'Not a GS1 code');
  }
  const split = splitElementString(text);
  return Array.isArray(split) ? buildGs1Data('element-string', symbologyId, split) : split;
}

/**
 * True when the text is a GS1 payload that parses: a GS1 symbology identifier, GS
 * separators, the bracketed form or a Digital Link URL. Plain codes (an EAN-13, a bare
 * serial) are not, even when they happen to start with digits that look like an AI.
 */
export function isGs1ElementString(text: string): boolean {
  return parseGs1(text).ok;
}

/** Raw element string: predefined-length values need no separator, the others end in GS. */
export function formatGs1ElementString(
  elements: readonly Gs1Element[],
  symbologyId: string | null = ']C1',
): string {
  let out = symbologyId ?? '';
  elements.forEach(({ ai, value }, index) => {
    out += ai + value;
    const spec = GS1_AIS.get(ai);
    const needsSeparator = spec === undefined || !(hasPredefinedLength(ai) && isFixedLength(spec));
    if (needsSeparator && index < elements.length - 1) out += GS;
  });
  return out;
}

/** Human-readable `(01)…(21)…` form, `(` inside values escaped as `\(`. */
export function formatGs1Bracketed(elements: readonly Gs1Element[]): string {
  return elements.map(({ ai, value }) => `(${ai})${value.replaceAll('(', '\\(')}`).join('');
}
