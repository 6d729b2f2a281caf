/**
 * `npm run bench:serial`: how long serial validation takes with re2js (the engine the till
 * and the server use), for typical serial patterns and for catastrophic-backtracking ones on
 * growing inputs, beside JavaScript's native RegExp run in a worker with a time limit. The
 * point to see: re2js time per character stays flat (linear growth) while native RegExp
 * explodes on hostile patterns. Prints tables; writes bench/results/serial.json (`--json FILE`).
 *
 *   npm run bench:serial -- [--json FILE] [--limit-ms 1000] [--batch-ms 20]
 */
import { readFileSync } from 'node:fs';
import { parseFlags, intFlag } from './lib/args.ts';
import { environment, type ResultRow, writeReport } from './lib/report.ts';
import {
  LENGTHS,
  SCALING_CASES,
  type TypicalCase,
  TYPICAL_CASES,
  WORST_ACCEPTED_CASES,
} from './serial/cases.ts';
import { type NativeResult, runNativeRegExp } from './serial/native-regexp.ts';
import { cleanScannedText } from '../src/domain/serial-cleaning.ts';
import { checkSerialPattern } from '../src/domain/serial-pattern.ts';
import { createSerialValidator } from '../src/domain/serial-validation.ts';

const flags = parseFlags(process.argv.slice(2));
const jsonFile = flags.get('json') ?? 'bench/results/serial.json';
const limitMs = intFlag(flags, 'limit-ms', 1000);
const batchMs = intFlag(flags, 'batch-ms', 20);
const re2jsVersion = (
  JSON.parse(
    readFileSync(new URL('../node_modules/re2js/package.json', import.meta.url), 'utf8'),
  ) as { version: string }
).version;

/**
 * Median time of one call in nanoseconds: calls are grouped in batches of about `batchMs`
 * (so timer resolution does not matter), five batches after a warm-up that also fills
 * re2js's DFA cache as a till's would be after the first scans.
 */
function timeCall(fn: () => unknown): number {
  for (let i = 0; i < 20; i++) fn();
  let reps = 1;
  for (;;) {
    const start = performance.now();
    for (let i = 0; i < reps; i++) fn();
    if (performance.now() - start >= batchMs || reps >= 1 << 24) break;
    reps *= 2;
  }
  const perCall: number[] = [];
  for (let b = 0; b < 5; b++) {
    const start = performance.now();
    for (let i = 0; i < reps; i++) fn();
    perCall.push(((performance.now() - start) * 1e6) / reps);
  }
  return perCall.sort((a, b) => a - b)[2] as number;
}

const show = (text: string, width = 26): string =>
  JSON.stringify(text.length > width ? `${text.slice(0, width - 1)}…` : text);
const fmt = (value: number, digits = 0): string =>
  value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: digits });
/** A duration given in nanoseconds, in the unit that keeps it readable. */
const duration = (ns: number): string =>
  ns < 1e3 ? `${fmt(ns)} ns` : ns < 1e6 ? `${fmt(ns / 1e3, 1)} µs` : `${fmt(ns / 1e6, 1)} ms`;
const nativeText = (r: NativeResult, unit: 'ns' | 'us'): string =>
  r.status === 'timeout'
    ? `TIMEOUT (>${r.limitMs} ms, killed)`
    : unit === 'ns'
      ? `${fmt(r.msPerCall * 1e6)} ns`
      : `${fmt(r.msPerCall * 1e3, 1)} µs`;

function printTable(title: string, header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  console.log(`\n${title}`);
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  for (const row of rows) console.log(line(row));
}

const results: ResultRow[] = [];
const startedAt = new Date().toISOString();

// ---------------------------------------------------------------- typical patterns

/**
 * The first match of a freshly compiled pattern, in nanoseconds (median of 5): re2js builds
 * its DFA states lazily, so a till's first scan after a configuration change pays for them.
 */
function timeFirstCall(pattern: string, serial: string): number {
  const samples: number[] = [];
  for (let i = 0; i < 5; i++) {
    const check = checkSerialPattern(pattern);
    if (!check.ok) throw new Error(`bench pattern refused: ${check.reason}`);
    const start = performance.now();
    check.compiled.test(serial);
    samples.push((performance.now() - start) * 1e6);
  }
  return samples.sort((a, b) => a - b)[2] as number;
}

/**
 * One row per input: validate() (cleaning included) and the bare re2js engine, warm and on a
 * freshly compiled pattern, and native RegExp in a worker. The engines get the cleaned serial,
 * which is what validate() matches.
 */
async function timeSerials(
  cases: readonly TypicalCase[],
  label: string,
  nativeReps: number,
  nativeLimitMs: number,
): Promise<string[][]> {
  const rows: string[][] = [];
  for (const c of cases) {
    const validator = createSerialValidator(c.pattern);
    const check = checkSerialPattern(c.pattern);
    if (!check.ok) throw new Error(`bench pattern refused: ${check.reason}`);
    for (const input of c.inputs) {
      const serial = cleanScannedText(input).text;
      const verdict = validator.validate(input);
      const firstNs = timeFirstCall(c.pattern, serial);
      const validateNs = timeCall(() => validator.validate(input));
      const engineNs = timeCall(() => check.compiled.test(serial));
      const native = await runNativeRegExp(c.pattern, serial, nativeReps, nativeLimitMs);
      rows.push([
        c.pattern,
        show(input),
        verdict.ok ? 'accepted' : verdict.reason,
        duration(validateNs),
        duration(engineNs),
        duration(firstNs),
        native.status === 'done' ? duration(native.msPerCall * 1e6) : nativeText(native, 'ns'),
      ]);
      results.push({
        name: `${label} ${c.pattern} ${JSON.stringify(input)}`,
        value: Math.round(validateNs),
        unit: 'ns/serial',
        details: {
          verdict: verdict.ok ? 'accepted' : verdict.reason,
          re2js_test_ns: Math.round(engineNs),
          re2js_first_call_ns: Math.round(firstNs),
          native_regexp_ns:
            native.status === 'done' ? Math.round(native.msPerCall * 1e6) : 'timeout',
        },
      });
    }
  }
  return rows;
}

const serialHeader = [
  'pattern',
  'input',
  'verdict',
  'validate()',
  're2js test()',
  're2js 1st call',
  'native RegExp (worker)',
];
printTable(
  'Time per serial: re2js warm (validate() with cleaning, bare test()), first call after compiling, native RegExp',
  serialHeader,
  await timeSerials(TYPICAL_CASES, 'validate', 200_000, 10 * limitMs),
);
printTable(
  'Worst accepted patterns (at the configuration limits) on a 200-character serial',
  serialHeader,
  await timeSerials(WORST_ACCEPTED_CASES, 'worst accepted', 1, limitMs),
);

// ---------------------------------------------------------------- growth with input length

const scalingRows: string[][] = [];
const exponents: string[][] = [];
for (const c of SCALING_CASES) {
  const check = checkSerialPattern(c.pattern);
  if (!check.ok) throw new Error(`bench pattern refused: ${check.reason}`);
  let previousNs: number | null = null;
  let nativeTimedOut = false;
  const perLength: { length: number; ns: number }[] = [];
  for (const length of LENGTHS) {
    const input = c.input(length);
    const ns = timeCall(() => check.compiled.test(input));
    const ratio = previousNs === null ? null : ns / previousNs;
    previousNs = ns;
    perLength.push({ length, ns });
    let native: NativeResult | 'skipped' = 'skipped';
    if (!nativeTimedOut) {
      native = await runNativeRegExp(c.pattern, input, c.hostile ? 1 : 1000, limitMs);
      nativeTimedOut = native.status === 'timeout';
    }
    scalingRows.push([
      c.pattern,
      String(length),
      `${fmt(ns / 1000, 1)} µs`,
      fmt(ns / length, 1),
      ratio === null ? '' : `×${fmt(ratio, 2)}`,
      native === 'skipped' ? `not run (shorter input already timed out)` : nativeText(native, 'us'),
    ]);
    results.push({
      name: `re2js ${c.pattern} n=${length}`,
      value: Math.round(ns),
      unit: 'ns/call',
      details: {
        ns_per_char: Number((ns / length).toFixed(2)),
        ratio_to_previous_length: ratio === null ? '' : Number(ratio.toFixed(2)),
        native_regexp:
          native === 'skipped'
            ? 'skipped after timeout'
            : native.status === 'timeout'
              ? `timeout > ${limitMs} ms`
              : `${(native.msPerCall * 1e3).toFixed(1)} us`,
      },
    });
  }
  // Growth exponent k in time ∝ length^k over the last step: 1 is linear, 2 quadratic.
  const last = perLength.at(-1);
  const before = perLength.at(-2);
  if (last !== undefined && before !== undefined) {
    const k = Math.log(last.ns / before.ns) / Math.log(last.length / before.length);
    exponents.push([c.pattern, fmt(k, 2), k < 1.3 ? 'linear' : 'SUPERLINEAR']);
    results.push({
      name: `re2js growth exponent ${c.pattern}`,
      value: Number(k.toFixed(2)),
      unit: 'k (time ∝ n^k)',
      goal: { op: '<=', value: 1.3 },
    });
  }
}
printTable(
  `Growth with input length (each length ×4; native RegExp in a worker, limit ${limitMs} ms)`,
  ['pattern', 'chars', 're2js per call', 're2js ns/char', 'vs previous', 'native RegExp'],
  scalingRows,
);
printTable(
  `re2js growth exponent from ${LENGTHS.at(-2) ?? 0} to ${LENGTHS.at(-1) ?? 0} chars (time ∝ n^k)`,
  ['pattern', 'k', ''],
  exponents,
);

writeReport(jsonFile, {
  bench: 'serial',
  started_at: startedAt,
  environment: environment({ re2js: re2jsVersion }),
  parameters: { limit_ms: limitMs, batch_ms: batchMs, lengths: LENGTHS.join(',') },
  results,
});
console.log(`\nwrote ${jsonFile}`);
