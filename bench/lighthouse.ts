/**
 * `npm run bench:lighthouse`: Lighthouse 12 (its default mobile profile: a mid-range phone,
 * simulated slow 4G and a 4× slower CPU) on the sign-in screen and on the sell screen of a
 * signed-in device, served by the real store server from a fresh build. Prints the four
 * category scores beside the goals (accessibility and best practices 100, performance at
 * least 98) with the page's main timings and bytes, and writes bench/results/lighthouse.json
 * (the table's rows) plus each page's full Lighthouse report beside it.
 *
 * Chromium is the tests' own (Playwright's, CHROMIUM_PATH or Debian's), launched with a
 * remote-debugging port that Lighthouse drives; the sell screen is reached by signing in
 * through the app first, in the same profile, and audited without Lighthouse's storage reset.
 *
 *   npm run bench:lighthouse -- [--no-build] [--json FILE]
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { chromium } from '@playwright/test';
import lighthouse from 'lighthouse';
import { BASE_ARGS, resolveChromium } from '../test/e2e/support/chromium.ts';
import { REPO_ROOT } from '../test/e2e/support/env.ts';
import { signIn } from '../test/e2e/support/sign-in.ts';
import { parseFlags } from './lib/args.ts';
import { environment, formatTable, writeReport, type ResultRow } from './lib/report.ts';
import { freePort, startServer } from './lib/server.ts';

const flags = parseFlags(process.argv.slice(2));
const jsonFile = flags.get('json') ?? 'bench/results/lighthouse.json';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'] as const;
const GOALS: Partial<Record<(typeof CATEGORIES)[number], number>> = {
  performance: 98,
  accessibility: 100,
  'best-practices': 100,
};

interface Audit {
  numericValue?: number;
  score: number | null;
  details?: { items?: Array<{ url?: string; wastedBytes?: number }> };
}
interface Lhr {
  categories: Record<string, { score: number | null }>;
  audits: Record<string, Audit | undefined>;
  runtimeError?: { message: string };
}

function build(): void {
  const vite = join(REPO_ROOT, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build'], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`vite build failed (exit ${String(result.status)})`);
  }
}

async function audit(
  url: string,
  port: number,
  keepStorage: boolean,
): Promise<{ lhr: Lhr; report: string }> {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: [...CATEGORIES],
    disableStorageReset: keepStorage,
  });
  if (result === undefined) throw new Error(`Lighthouse returned nothing for ${url}`);
  const lhr = result.lhr as unknown as Lhr;
  if (lhr.runtimeError !== undefined) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
  const report = Array.isArray(result.report) ? (result.report[0] ?? '') : result.report;
  return { lhr, report };
}

function rowsOf(page: string, lhr: Lhr): ResultRow[] {
  const metric = (id: string): number => lhr.audits[id]?.numericValue ?? Number.NaN;
  const rows: ResultRow[] = CATEGORIES.map((category) => {
    const goal = GOALS[category];
    return {
      name: `${page}: ${category}`,
      value: Math.round((lhr.categories[category]?.score ?? 0) * 100),
      unit: 'points',
      ...(goal === undefined ? {} : { goal: { op: '>=' as const, value: goal } }),
    };
  });
  const failing = Object.entries(lhr.audits)
    .filter(([, item]) => item !== undefined && item.score !== null && item.score < 0.9)
    .map(([id]) => id)
    .slice(0, 12)
    .join(', ');
  rows.push({
    name: `${page}: largest contentful paint`,
    value: Math.round(metric('largest-contentful-paint')),
    unit: 'ms',
    details: {
      first_contentful_paint_ms: Math.round(metric('first-contentful-paint')),
      total_blocking_time_ms: Math.round(metric('total-blocking-time')),
      cumulative_layout_shift: Number(metric('cumulative-layout-shift').toFixed(3)),
      speed_index_ms: Math.round(metric('speed-index')),
      transfer_bytes: Math.round(metric('total-byte-weight')),
      audits_below_90: failing,
    },
  });
  rows.push({
    name: `${page}: bytes over the wire`,
    value: Math.round(metric('total-byte-weight') / 1000),
    unit: 'kB',
  });
  return rows;
}

async function main(): Promise<void> {
  if (flags.get('no-build') !== 'true') build();
  const server = await startServer({ name: 'lighthouse' });
  const profile = mkdtempSync(join(tmpdir(), 'aisle-lighthouse-'));
  const port = await freePort();
  const { executablePath } = resolveChromium();
  const context = await chromium.launchPersistentContext(profile, {
    executablePath,
    headless: true,
    args: [...BASE_ARGS, `--remote-debugging-port=${port}`],
  });
  const rows: ResultRow[] = [];
  try {
    // The first visit of a device: nothing stored, the sign-in screen.
    const signInRun = await audit(`${server.baseUrl}/`, port, false);
    rows.push(...rowsOf('sign-in', signInRun.lhr));
    writeFileBeside('lighthouse-sign-in.report.json', signInRun.report);

    // Signed in (PIN chosen, catalog on the device): the sell screen, as a till opens it.
    const page = await context.newPage();
    await page.goto(`${server.baseUrl}/`);
    await signIn(page, 'associate', 60_000);
    await page.getByLabel('Barcode or SKU').waitFor({ timeout: 60_000 });
    await page.close();
    const sellRun = await audit(`${server.baseUrl}/#/sell`, port, true);
    rows.push(...rowsOf('sell', sellRun.lhr));
    writeFileBeside('lighthouse-sell.report.json', sellRun.report);
  } finally {
    await context.close();
    await server.stop();
    rmSync(profile, { recursive: true, force: true });
  }

  console.log(formatTable('Lighthouse 12, mobile profile (simulated slow 4G, 4x CPU)', rows));
  for (const row of rows.filter((r) => r.details !== undefined)) {
    console.log(`${row.name.split(':')[0] ?? ''}: ${JSON.stringify(row.details)}`);
  }
  writeReport(jsonFile, {
    bench: 'lighthouse',
    started_at: new Date().toISOString(),
    environment: environment({ lighthouse: '12.2.3', chromium: executablePath }),
    parameters: { form_factor: 'mobile', throttling: 'simulate' },
    results: rows,
  });
  console.log(`\nwrote ${jsonFile}`);
}

/** A page's full Lighthouse report, next to the table's JSON. */
function writeFileBeside(name: string, body: string): void {
  const dir = join(REPO_ROOT, dirname(jsonFile));
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, name), body);
}

await main();
