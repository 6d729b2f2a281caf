/**
 * A human example of a serial a pattern accepts (`^[A-Z0-9]{14}$` → `A1B2C3D4E5F6G7`), shown
 * when a serial is refused so the associate sees what is expected. Only simple patterns get
 * one — literals, classes, `\d`/`\w`, groups, alternation and counted repetition — and the
 * caller keeps an example only if the compiled pattern really accepts it.
 */

/** Inclusive code-point ranges a class may pick from, in the order examples cycle through. */
type Ranges = readonly (readonly [number, number])[];

type Node =
  | { kind: 'chars'; ranges: Ranges }
  | { kind: 'seq'; items: readonly Node[] }
  | { kind: 'alt'; branches: readonly Node[] }
  | { kind: 'repeat'; node: Node; count: number };

const code = (c: string): number => c.codePointAt(0) as number;
const DIGITS: Ranges = [[code('0'), code('9')]];
const WORD: Ranges = [
  [code('A'), code('Z')],
  [code('0'), code('9')],
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
    let count: number;
    if (counted !== null) {
      const low = Number(counted[1]);
      const high =
        counted[2] === undefined ? low : counted[3] === '' ? Infinity : Number(counted[3]);
      count =
        high === Infinity ? Math.max(low, OPEN_REPEAT_SHOWN) : low === 0 ? Math.min(high, 1) : low;
      this._i += counted[0].length;
    } else if (rest[0] === '+' || rest[0] === '*') {
      count = OPEN_REPEAT_SHOWN;
      this._i += 1;
    } else if (rest[0] === '?') {
      count = 1;
      this._i += 1;
    } else {
      return atom;
    }
    if (this._peek() === '?') this._i += 1; // lazy: same strings, same example
    return { kind: 'repeat', node: atom, count };
  }

  /** One atom, or null for what matches no character (anchors, flag groups). */
  private _atom(): Node | null {
    const c = this._peek() as string;
    if (c === '^' || c === '$') {
      this._i += 1;
      return null;
    }
    if (c === '(') return this._group();
    if (c === '[') return this._class();
    if (c === '.') {
      this._i += 1;
      return { kind: 'chars', ranges: [[code('A'), code('Z')]] };
    }
    if (c === '\\') {
      const esc = this._escape();
      if (esc === 'anchor') return null;
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
    if (head[0].endsWith(')')) return null; // (?i) alone: a flag, not a group
    const inner = this._alt();
    if (this._peek() !== ')') throw new Unsupported();
    this._i += 1;
    return inner;
  }

  /** After `\`: the ranges of a class escape or literal, or 'anchor' for \A \z \b. */
  private _escape(): Ranges | 'anchor' {
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
    if (c === 'A' || c === 'z' || c === 'b') return 'anchor';
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
        if (esc === 'anchor') throw new Unsupported();
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
        } else if (hi !== 'anchor' && hi.length === 1 && hi[0]?.[0] === hi[0]?.[1]) {
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

/** The `index`-th example character of a class: cycles over its ranges, digits from 1. */
function pickChar(ranges: Ranges, index: number): string {
  const [low, high] = ranges[index % ranges.length] as readonly [number, number];
  const size = high - low + 1;
  const step = Math.floor(index / ranges.length);
  const isDigits = low === code('0') && high === code('9');
  const offset = isDigits ? (step + 1) % 10 : step % size;
  return String.fromCodePoint(low + offset);
}

function render(node: Node, index: number): string {
  switch (node.kind) {
    case 'chars':
      return pickChar(node.ranges, index);
    case 'seq':
      return node.items.map((item) => render(item, 0)).join('');
    case 'alt':
      return render(node.branches[0] as Node, index);
    case 'repeat': {
      let out = '';
      for (let k = 0; k < node.count && out.length <= MAX_EXAMPLE_LENGTH; k += 1) {
        out += render(node.node, k);
      }
      return out;
    }
  }
}

/**
 * A readable example for an RE2 source in the simple subset, or null. The result is a
 * candidate: check it against the compiled pattern before showing it.
 */
export function exampleCandidate(re2Source: string): string | null {
  try {
    const text = render(new ExampleParser(re2Source).parse(), 0);
    return text.length === 0 || text.length > MAX_EXAMPLE_LENGTH ? null : text;
  } catch (err) {
    if (err instanceof Unsupported || err instanceof RangeError) return null;
    throw err;
  }
}
