/**
 * How every bench reports: a table on stdout with each figure beside its goal (DESIGN §8),
 * and the same rows as JSON for CI to keep. A goal is printed, never asserted: benches measure,
 * tests check behaviour.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Browser } from '@playwright/test';
import { REPO_ROOT } from '../../test/e2e/support/env.ts';
import os from 'node:os';

export interface Goal {
  /** The figure must be at most (`<=`) or at least (`>=`) this. */
  op: '<=' | '>=';
  value: number;
}

export interface ResultRow {
  name: string;
  value: number;
  unit: string;
  goal?: Goal;
  /** Extra figures for the JSON (sample count, p50 next to a p95, …). */
  details?: Record<string, number | string>;
}

export function meetsGoal(row: ResultRow): boolean | undefined {
  if (row.goal === undefined) return undefined;
  return row.goal.op === '<=' ? row.value <= row.goal.value : row.value >= row.goal.value;
}

function formatNumber(value: number): string {
  if (Number.isInteger(value)) return value.toLocaleString('en-US');
  return value >= 100 ? value.toFixed(0) : value >= 10 ? value.toFixed(1) : value.toFixed(2);
}

export function formatTable(title: string, rows: readonly ResultRow[]): string {
  const cells = rows.map((row) => {
    const ok = meetsGoal(row);
    return [
      row.name,
      `${formatNumber(row.value)} ${row.unit}`,
      row.goal === undefined ? '' : `${row.goal.op} ${formatNumber(row.goal.value)} ${row.unit}`,
      ok === undefined ? '' : ok ? 'met' : 'MISSED',
    ];
  });
  const header = ['measure', 'result', 'goal', ''];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (c: readonly string[]): string =>
    c
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [title, line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join(
    '\n',
  );
}

export interface BenchReport {
  bench: string;
  started_at: string;
  environment: Record<string, string | number>;
  parameters: Record<string, string | number>;
  results: ResultRow[];
}

export function environment(
  extra: Record<string, string | number> = {},
): Record<string, string | number> {
  return {
    node: process.version,
    platform: `${os.platform()} ${os.arch()}`,
    cpus: os.cpus().length,
    cpu_model: os.cpus()[0]?.model ?? 'unknown',
    ...extra,
  };
}

export function writeReport(file: string, report: BenchReport): void {
  mkdirSync(dirname(file), { recursive: true });
  const rows = report.results.map((row) => ({ ...row, met: meetsGoal(row) ?? null }));
  writeFileSync(file, JSON.stringify({ ...report, results: rows }, null, 2) + '\n');
}

/**
 * What the screen showed when a bench failed, for whoever reads the failure: a screenshot of
 * the browser's first page in `.tmp/bench/<name>-failure.png` (nothing when there is none).
 */
export async function screenshotFailure(browser: Browser | undefined, name: string): Promise<void> {
  const pages = browser?.contexts().flatMap((context) => context.pages()) ?? [];
  const shot = join(REPO_ROOT, '.tmp', 'bench', `${name}-failure.png`);
  await pages[0]?.screenshot({ path: shot }).then(
    () => console.error(`bench: screenshot of the failure in ${shot}`),
    () => undefined,
  );
}
