/**
 * A serial pattern described as an associate reads it: `^[A-Z0-9]{14}$` is "14 capital
 * letters or digits", `^SN\d{8}$` is "SN followed by 8 digits". Pure data here — the parts in
 * order (fixed text, or a run of characters from named classes with its length) and whether
 * the pattern can accept a lower-case letter at all — so each language words it its own way
 * (`describeSerialShape` with a vocabulary; English below for the server and as the default).
 *
 * Only whole-serial patterns (anchored at both ends, no alternation, no flags) whose classes
 * are digits, capital letters, small letters, hexadecimal capitals (A–F) and a few listed
 * characters get parts; anything else has `parts: null`, and the screens fall back to the
 * example. `acceptsLowercase` is false only when that is certain, so typed input is upper-cased
 * only for patterns that could never take a small letter.
 */
import { parseSimplePattern, type PatternNode, type Ranges } from './serial-example.ts';

/** The characters a run may take. */
export interface CharSet {
  readonly digits: boolean;
  /** A–Z. */
  readonly capitals: boolean;
  /** a–z. */
  readonly lowercase: boolean;
  /** Only A–F of the capitals (with digits: hexadecimal). */
  readonly hexCapitals: boolean;
  /** Other single characters, in code-point order, e.g. `-_`. */
  readonly others: string;
}

export type PatternPart =
  | { readonly kind: 'text'; readonly text: string }
  | {
      readonly kind: 'run';
      readonly chars: CharSet;
      readonly min: number;
      /** Null: no upper limit. */
      readonly max: number | null;
    };

export interface SerialPatternShape {
  /** The parts in order, or null when the pattern is not one that words describe well. */
  readonly parts: readonly PatternPart[] | null;
  /** False only when the pattern certainly accepts no lower-case letter. */
  readonly acceptsLowercase: boolean;
}

const cp = (c: string): number => c.codePointAt(0) as number;
const A = cp('A');
const Z = cp('Z');
const a = cp('a');
const z = cp('z');
const D0 = cp('0');
const D9 = cp('9');
const F = cp('F');
/** Characters a run may list by name (more would stop reading as words). */
const MAX_OTHERS = 3;

class NotWords extends Error {}

const covers = (ranges: Ranges, low: number, high: number): boolean => {
  for (let c = low; c <= high; c += 1) {
    if (!ranges.some(([from, to]) => from <= c && c <= to)) return false;
  }
  return true;
};

const touches = (ranges: Ranges, low: number, high: number): boolean =>
  ranges.some(([from, to]) => from <= high && to >= low);

/** A class as named sets, or NotWords when part of a set (A–H, say) is in it. */
function charSetOf(ranges: Ranges): CharSet {
  const digits = covers(ranges, D0, D9);
  const capitals = covers(ranges, A, Z);
  const lowercase = covers(ranges, a, z);
  const hexCapitals = !capitals && covers(ranges, A, F) && !touches(ranges, F + 1, Z);
  if (!digits && touches(ranges, D0, D9)) throw new NotWords();
  if (!capitals && !hexCapitals && touches(ranges, A, Z)) throw new NotWords();
  if (!lowercase && touches(ranges, a, z)) throw new NotWords();
  const others: string[] = [];
  for (const [from, to] of ranges) {
    for (let c = from; c <= to; c += 1) {
      const inNamed = (c >= D0 && c <= D9) || (c >= A && c <= Z) || (c >= a && c <= z);
      if (inNamed) continue;
      if (others.length >= MAX_OTHERS || c < 0x21 || c > 0x7e) throw new NotWords();
      const char = String.fromCodePoint(c);
      if (!others.includes(char)) others.push(char);
    }
  }
  return { digits, capitals, lowercase, hexCapitals, others: others.sort().join('') };
}

const sameChars = (x: CharSet, y: CharSet): boolean =>
  x.digits === y.digits &&
  x.capitals === y.capitals &&
  x.lowercase === y.lowercase &&
  x.hexCapitals === y.hexCapitals &&
  x.others === y.others;

/** Appends a part, joining it to the previous one when they read as one. */
function push(parts: PatternPart[], part: PatternPart): void {
  const last = parts.at(-1);
  if (last?.kind === 'text' && part.kind === 'text') {
    parts[parts.length - 1] = { kind: 'text', text: last.text + part.text };
  } else if (last?.kind === 'run' && part.kind === 'run' && sameChars(last.chars, part.chars)) {
    parts[parts.length - 1] = {
      kind: 'run',
      chars: last.chars,
      min: last.min + part.min,
      max: last.max === null || part.max === null ? null : last.max + part.max,
    };
  } else {
    parts.push(part);
  }
}

/** One node of the whole-serial sequence as parts, in place. */
function addNode(node: PatternNode, parts: PatternPart[], min = 1, max: number | null = 1): void {
  switch (node.kind) {
    case 'chars': {
      const only = node.ranges.length === 1 ? node.ranges[0] : undefined;
      if (only !== undefined && only[0] === only[1] && min === max) {
        push(parts, { kind: 'text', text: String.fromCodePoint(only[0]).repeat(min) });
        return;
      }
      push(parts, { kind: 'run', chars: charSetOf(node.ranges), min, max });
      return;
    }
    case 'seq':
      if (min !== 1 || max !== 1) throw new NotWords();
      for (const item of node.items) addNode(item, parts);
      return;
    case 'repeat':
      if (min !== 1 || max !== 1) throw new NotWords();
      if (node.max === 0) return;
      addNode(node.node, parts, node.min, node.max);
      return;
    default:
      // `.`, alternation, anchors inside, flags: not described in words.
      throw new NotWords();
  }
}

/** Every character class of the tree may hold a small letter (`.` and flags included). */
function mayTakeLowercase(node: PatternNode): boolean {
  switch (node.kind) {
    case 'chars':
      // a–z, and beyond ASCII where small letters of other scripts live.
      return touches(node.ranges, a, z) || touches(node.ranges, 0xaa, 0x10ffff);
    case 'any':
      return true;
    case 'flags':
      return node.flags.includes('i');
    case 'anchor':
      return false;
    case 'seq':
      return node.items.some(mayTakeLowercase);
    case 'alt':
      return node.branches.some(mayTakeLowercase);
    case 'repeat':
      return node.max !== 0 && mayTakeLowercase(node.node);
  }
}

/** The sequence of a pattern anchored at both ends, without its anchors; else null. */
function wholeSerial(tree: PatternNode): readonly PatternNode[] | null {
  const items = tree.kind === 'seq' ? tree.items : [tree];
  const first = items[0];
  const last = items.at(-1);
  if (items.length < 2 || first?.kind !== 'anchor' || last?.kind !== 'anchor') return null;
  if (first.at !== 'start' || last.at !== 'end') return null;
  return items.slice(1, -1);
}

/** The shape of an RE2 source (the `re2Source` of a usable pattern check). */
export function serialPatternShape(re2Source: string): SerialPatternShape {
  const tree = parseSimplePattern(re2Source);
  if (tree === null) return { parts: null, acceptsLowercase: true };
  const whole = wholeSerial(tree);
  // Unanchored, a pattern is searched for: any text around a match passes, small letters too.
  if (whole === null) return { parts: null, acceptsLowercase: true };
  const acceptsLowercase = whole.some(mayTakeLowercase);
  try {
    const parts: PatternPart[] = [];
    for (const node of whole) addNode(node, parts);
    return { parts: parts.length === 0 ? null : parts, acceptsLowercase };
  } catch (error) {
    if (error instanceof NotWords) return { parts: null, acceptsLowercase };
    throw error;
  }
}

/** How one language words the parts of a shape (see ENGLISH_PATTERN_WORDS). */
export interface PatternVocabulary {
  /** A run: "14 capital letters or digits", "6 to 10 digits", "at least 8 digits". */
  readonly run: (chars: CharSet, min: number, max: number | null) => string;
  /** Fixed text: "SN". */
  readonly text: (text: string) => string;
  /** The parts in order: "SN followed by 8 digits", "2 capital letters, then 6 digits". */
  readonly sequence: (parts: readonly string[]) => string;
}

/** A shape in words, or null when it has no parts. */
export function describeSerialShape(
  shape: SerialPatternShape,
  words: PatternVocabulary = ENGLISH_PATTERN_WORDS,
): string | null {
  if (shape.parts === null) return null;
  return words.sequence(
    shape.parts.map((part) =>
      part.kind === 'text' ? words.text(part.text) : words.run(part.chars, part.min, part.max),
    ),
  );
}

/** The classes of a run as nouns, singular or plural, for a list. */
export function charSetNouns(
  chars: CharSet,
  nouns: {
    readonly letters: string;
    readonly capitals: string;
    readonly lowercase: string;
    readonly digits: string;
    readonly hex: string;
    readonly other: (char: string) => string;
  },
): string[] {
  const list: string[] = [];
  if (chars.hexCapitals && chars.digits) return [nouns.hex, ...[...chars.others].map(nouns.other)];
  if (chars.capitals && chars.lowercase) list.push(nouns.letters);
  else if (chars.capitals) list.push(nouns.capitals);
  else if (chars.lowercase) list.push(nouns.lowercase);
  if (chars.hexCapitals) list.push('A–F');
  if (chars.digits) list.push(nouns.digits);
  for (const char of chars.others) list.push(nouns.other(char));
  return list;
}

const ENGLISH_OTHER: Readonly<Record<string, string>> = {
  '-': 'hyphens',
  _: 'underscores',
  '.': 'dots',
  '/': 'slashes',
  ' ': 'spaces',
};

const englishList = (items: readonly string[], last = 'or'): string =>
  items.length <= 1
    ? (items[0] ?? '')
    : `${items.slice(0, -1).join(', ')} ${last} ${items.at(-1) ?? ''}`;

/** English, as the server's messages and the default of the screens say it. */
export const ENGLISH_PATTERN_WORDS: PatternVocabulary = {
  run: (chars, min, max) => {
    const plural = !(min === 1 && max === 1);
    const nouns = charSetNouns(chars, {
      letters: plural ? 'letters' : 'letter',
      capitals: plural ? 'capital letters' : 'capital letter',
      lowercase: plural ? 'small letters' : 'small letter',
      digits: plural ? 'digits' : 'digit',
      hex: plural ? 'hexadecimal digits (0–9, A–F)' : 'hexadecimal digit (0–9, A–F)',
      other: (char) => ENGLISH_OTHER[char] ?? `“${char}”`,
    });
    const what = englishList(nouns);
    if (max === null) return min <= 1 ? `one or more ${what}` : `at least ${min} ${what}`;
    if (min === max) return `${min} ${what}`;
    return min === 0 ? `up to ${max} ${what}` : `${min} to ${max} ${what}`;
  },
  text: (text) => `“${text}”`,
  sequence: (parts) => {
    if (parts.length === 2) return `${parts[0] ?? ''} followed by ${parts[1] ?? ''}`;
    return parts.join(', then ');
  },
};
