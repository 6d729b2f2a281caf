/**
 * What the serial bench measures: typical retail serial patterns with the serials a till
 * sees, and the classic catastrophic-backtracking patterns with inputs that trigger them.
 */

export interface TypicalCase {
  readonly name: string;
  readonly pattern: string;
  /** Scanned inputs, as the validator receives them (some with scanner additions). */
  readonly inputs: readonly string[];
}

export const TYPICAL_CASES: readonly TypicalCase[] = [
  {
    name: 'NewStore example',
    pattern: '^[A-Z0-9]{14}$',
    inputs: ['A1B2C3D4E5F6G7', ']C1K9Z8Y7X6W5V4U3\r\n', 'a1b2c3d4e5f6g7'],
  },
  { name: 'IMEI-like', pattern: '^\\d{15}$', inputs: ['356938035643809', '35693803564380X'] },
  {
    name: 'prefixed',
    pattern: '^SN-[0-9]{6}-[A-Z]{2}$',
    inputs: ['SN-004211-KX', 'SN-004211-kx'],
  },
  {
    name: 'alternation',
    pattern: '^(?:SN|SER|IMEI)[-_]?(?:[0-9]{6,12}|[A-F0-9]{16})$',
    inputs: ['SER-0011223344', 'IMEI_00FF00FF00FF00FF', 'XYZ-12'],
  },
];

export interface ScalingCase {
  readonly name: string;
  readonly pattern: string;
  readonly hostile: boolean;
  /** The input of `length` characters that makes a backtracking engine explore the most paths. */
  readonly input: (length: number) => string;
}

const aThenBang = (length: number): string => `${'a'.repeat(length - 1)}!`;

export const SCALING_CASES: readonly ScalingCase[] = [
  { name: 'nested plus', pattern: '^(a+)+$', hostile: true, input: aThenBang },
  // A leading y defeats re2js's required-literal shortcut, so its automaton really scans
  // the input; the backtracking engine still fails from every later position.
  {
    name: 'overlapping',
    pattern: '(x+x+)+y',
    hostile: true,
    input: (n) => `y${'x'.repeat(n - 1)}`,
  },
  { name: 'twin alternation', pattern: '^(a|a)*$', hostile: true, input: aThenBang },
  // Any input holding a b matches, so the failing input has none: re2js answers with a
  // literal scan for the b (still linear, just very fast).
  { name: 'nested star', pattern: '(a*)*b', hostile: true, input: (n) => 'a'.repeat(n) },
  {
    name: 'OWASP example',
    pattern: '^(([a-z])+.)+[A-Z]([a-z])+$',
    hostile: true,
    input: aThenBang,
  },
  {
    name: 'typical (NewStore)',
    pattern: '^[A-Z0-9]{14}$',
    hostile: false,
    input: (n) => 'A'.repeat(n),
  },
];

export const LENGTHS: readonly number[] = [16, 64, 256, 1024, 4096];

/**
 * Patterns just under the configuration limits (program size, repetition counts) that keep
 * re2js off its DFA, on the longest serial accepted: the slowest validation a till can meet.
 */
export const WORST_ACCEPTED_CASES: readonly TypicalCase[] = [
  { name: 'optional then required', pattern: '(a?){390}a{390}', inputs: [`${'a'.repeat(199)}!`] },
  { name: 'ambiguous alternation', pattern: '(?:a|aa|b){325}$', inputs: [`${'a'.repeat(199)}!`] },
  { name: 'repeated wildcard', pattern: '(.*a){390}', inputs: [`${'a'.repeat(199)}!`] },
];
