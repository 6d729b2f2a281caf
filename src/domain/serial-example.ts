/**
 * The simple subset of serial patterns — literals, classes, `\d`/`\w`, `.`, groups,
 * alternation and counted repetition, anchors and flags — parsed into a small tree
 * (`parseSimplePattern`), and from it a human example of a serial the pattern accepts
 * (`^[A-Z0-9]{14}$` → `A1B2C3D4E5F6G7`), shown when a serial is refused so the associate sees
 * what is expected. The caller keeps an example only if the compiled pattern really accepts
 * it. `serial-pattern-shape.ts` reads the same tree to describe the pattern in words.
 */

/** Inclusive code-point ranges a class may pick from, in the order examples cycle through. */
export type Ranges = readonly (readonly [number, number])[];

export type PatternNode =
  | { readonly kind: 'chars'; readonly ranges: Ranges }
  /** `.`: any character but a line break. */
  | { readonly kind: 'any' }
  | { readonly kind: 'seq'; readonly items: readonly PatternNode[] }
  | { readonly kind: 'alt'; readonly branches: readonly PatternNode[] }
  /** `max` null: open (`+`, `*`, `{n,}`). */
  | {
      readonly kind: 'repeat';
      readonly node: PatternNode;
      readonly min: number;
      readonly max: number | null;
    }
  /** `^`, `\A` (start) and `$`, `\z` (end); `\b` is a boundary. */
  | { readonly kind: 'anchor'; readonly at: 'start' | 'end' | 'boundary' }
  /** A flag group such as `(?i)`: its letters. */
  | { readonly kind: 'flags'; readonly flags: string };

type Node = PatternNode;

const code = (c: string): number => c.codePointAt(0) as number;
const DIGITS: Ranges = [[code('0'), code('9')]];
const WORD: Ranges = [
  [code('A'), code('Z')],
  [code('0'), code('9')],
  [code('a'), code('z')],
  [code('_'), code('_')],
];
/** Examples stop here: past this the example does not help a person reading it. */
const MAX_EXAMPLE_LENGTH = 64;
/** Shown count for open repetitions (`+`, `*`, `{n,}`) when the minimum is smaller. */
const OPEN_REPEAT_SHOWN = 4;

class Unsupported extends Error {}

/** Recursive descent over the simple subset; anything else throws `Unsupported`. */
class ExampleParser {
  private _i = 0;

  constructor(private readonly _src: string) {}

  parse(): Node {
    const node = this._alt();
    if (this._i !== this._src.length) throw new Unsupported();
    return node;
  }

  private _peek(): string | undefined {
    return this._src[this._i];
  }

  private _alt(): Node {
    const branches = [this._seq()];
    while (this._peek() === '|') {
      this._i += 1;
      branches.push(this._seq());
    }
    return branches.length === 1 ? (branches[0] as Node) : { kind: 'alt', branches };
  }

  private _seq(): Node {
    const items: Node[] = [];
    for (let c = this._peek(); c !== undefined && c !== '|' && c !== ')'; c = this._peek()) {
      const atom = this._atom();
      if (atom !== null) items.push(this._quantified(atom));
    }
    return { kind: 'seq', items };
  }

  private _quantified(atom: Node): Node {
    const rest = this._src.slice(this._i);
    const counted = /^\{(\d+)(,(\d*))?\}/.exec(rest);
    let min: number;
    let max: number | null;
    if (counted !== null) {
      min = Number(counted[1]);
      max = counted[2] === undefined ? min : counted[3] === '' ? null : Number(counted[3]);
      if (max !== null && max < min) throw new Unsupported();
      this._i += counted[0].length;
    } else if (rest[0] === '+' || rest[0] === '*') {
      min = rest[0] === '+' ? 1 : 0;
      max = null;
      this._i += 1;
    } else if (rest[0] === '?') {
      min = 0;
      max = 1;
      this._i += 1;
    } else {
      return atom;
    }
    if (this._peek() === '?') this._i += 1; // lazy: same strings, same example
    return { kind: 'repeat', node: atom, min, max };
  }

  /** One atom; anchors and flag groups are atoms that match no character. */
  private _atom(): Node | null {
    const c = this._peek() as string;
    if (c === '^' || c === '$') {
      this._i += 1;
      return { kind: 'anchor', at: c === '^' ? 'start' : 'end' };
    }
    if (c === '(') return this._group();
    if (c === '[') return this._class();
    if (c === '.') {
      this._i += 1;
      return { kind: 'any' };
    }
    if (c === '\\') {
      const esc = this._escape();
      if (typeof esc === 'string') return { kind: 'anchor', at: esc };
      return { kind: 'chars', ranges: esc };
    }
    if ('*+?{})]'.includes(c)) throw new Unsupported();
    const cp = code(this._src.slice(this._i));
    this._i += cp > 0xffff ? 2 : 1;
    return { kind: 'chars', ranges: [[cp, cp]] };
  }

  private _group(): Node | null {
    const head = /^\((\?(:|P?<\w+>|[imsU-]+:|[imsU-]+\)))?/.exec(this._src.slice(this._i));
    if (head === null) throw new Unsupported();
    this._i += head[0].length;
    const flags = /^\(\?([imsU-]+)[:)]$/.exec(head[0])?.[1] ?? '';
    if (head[0].endsWith(')')) return { kind: 'flags', flags }; // (?i) alone: not a group
    const inner = this._alt();
    if (this._peek() !== ')') throw new Unsupported();
    this._i += 1;
    // (?i:…) scopes its flags to the group: kept beside it for whoever reads the tree.
    return flags === '' ? inner : { kind: 'seq', items: [{ kind: 'flags', flags }, inner] };
  }

  /** After `\`: the ranges of a class escape or literal, or where an anchor holds. */
  private _escape(): Ranges | 'start' | 'end' | 'boundary' {
    const rest = this._src.slice(this._i + 1);
    const hex = /^x\{([0-9A-Fa-f]{1,6})\}|^x([0-9A-Fa-f]{2})/.exec(rest);
    if (hex !== null) {
      this._i += 1 + hex[0].length;
      const cp = Number.parseInt(hex[1] ?? hex[2] ?? '', 16);
      return [[cp, cp]];
    }
    const c = rest[0];
    if (c === undefined) throw new Unsupported();
    this._i += 2;
    if (c === 'd') return DIGITS;
    if (c === 'w') return WORD;
    if (c === 'A') return 'start';
    if (c === 'z') return 'end';
    if (c === 'b') return 'boundary';
    if (/[0-9A-Za-z]/.test(c)) throw new Unsupported();
    return [[code(c), code(c)]];
  }

  private _class(): Node {
    this._i += 1;
    if (this._peek() === '^') throw new Unsupported();
    const ranges: (readonly [number, number])[] = [];
    while (this._peek() !== ']') {
      const c = this._peek();
      if (c === undefined || c === '[') throw new Unsupported();
      let low: Ranges;
      if (c === '\\') {
        const esc = this._escape();
        if (typeof esc === 'string') throw new Unsupported();
        low = esc;
      } else {
        const cp = code(this._src.slice(this._i));
        this._i += cp > 0xffff ? 2 : 1;
        low = [[cp, cp]];
      }
      const single = low.length === 1 && low[0]?.[0] === low[0]?.[1];
      if (single && this._peek() === '-' && this._src[this._i + 1] !== ']') {
        this._i += 1;
        const hi = this._src[this._i] === '\\' ? this._escape() : null;
        let end: number;
        if (hi === null) {
          end = code(this._src.slice(this._i));
          this._i += end > 0xffff ? 2 : 1;
        } else if (typeof hi !== 'string' && hi.length === 1 && hi[0]?.[0] === hi[0]?.[1]) {
          end = hi[0]?.[0] as number;
        } else {
          throw new Unsupported();
        }
        ranges.push([low[0]?.[0] as number, end]);
      } else {
        ranges.push(...low);
      }
    }
    this._i += 1;
    if (ranges.length === 0) throw new Unsupported();
    return { kind: 'chars', ranges };
  }
}

const has = (ranges: Ranges, from: number, to: number): boolean =>
  ranges.some(([low, high]) => low <= from && high >= to);

/**
 * The `index`-th example character of a class: cycles over its ranges, digits from 1. A class
 * with capitals and small letters (`\w`, `[A-Za-z]`) shows capitals and digits only.
 */
function pickChar(all: Ranges, index: number): string {
  const ranges =
    has(all, code('A'), code('Z')) && has(all, code('a'), code('z'))
      ? all.filter(([low]) => low < code('a') && low !== code('_'))
      : all;
  const [low, high] = ranges[index % ranges.length] as readonly [number, number];
  const size = high - low + 1;
  const step = Math.floor(index / ranges.length);
  const isDigits = low === code('0') && high === code('9');
  const offset = isDigits ? (step + 1) % 10 : step % size;
  return String.fromCodePoint(low + offset);
}

/** How many times an example repeats a `{min,max}` repetition. */
function shownCount(min: number, max: number | null): number {
  if (max === null) return Math.max(min, OPEN_REPEAT_SHOWN);
  return min === 0 ? Math.min(max, 1) : min;
}

function render(node: Node, index: number): string {
  switch (node.kind) {
    case 'chars':
      return pickChar(node.ranges, index);
    case 'any':
      return pickChar([[code('A'), code('Z')]], index);
    case 'anchor':
    case 'flags':
      return '';
    case 'seq':
      return node.items.map((item) => render(item, 0)).join('');
    case 'alt':
      return render(node.branches[0] as Node, index);
    case 'repeat': {
      let out = '';
      const count = shownCount(node.min, node.max);
      for (let k = 0; k < count && out.length <= MAX_EXAMPLE_LENGTH; k += 1) {
        out += render(node.node, k);
      }
      return out;
    }
  }
}

/** The tree of an RE2 source in the simple subset, or null when it is outside it. */
export function parseSimplePattern(re2Source: string): PatternNode | null {
  try {
    return new ExampleParser(re2Source).parse();
  } catch (err) {
    if (err instanceof Unsupported || err instanceof RangeError) return null;
    throw err;
  }
}

/**
 * A readable example for an RE2 source in the simple subset, or null. The result is a
 * candidate: check it against the compiled pattern before showing it.
 */
export function exampleCandidate(re2Source: string): string | null {
  const tree = parseSimplePattern(re2Source);
  if (tree === null) return null;
  try {
    const text = render(tree, 0);
    return text.length === 0 || text.length > MAX_EXAMPLE_LENGTH ? null : text;
  } catch (err) {
    if (err instanceof Unsupported || err instanceof RangeError) return null;
    throw err;
  }
}
