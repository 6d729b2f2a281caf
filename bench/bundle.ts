/**
 * `npm run bench:bundle`: the JavaScript a browser loads before the first paint (DESIGN §8:
 * ≤ 80 KB gzip, scanner excluded). First paint = the scripts and modulepreloads named by
 * dist/index.html plus every chunk they import statically, followed through Vite's manifest
 * (dist/.vite/manifest.json) rather than guessed from file names, so a chunk that slips back
 * onto the entry path is counted. Everything else under dist/ that runs as code (lazy chunks,
 * the scanner's decoder worker and .wasm, the service worker) is listed apart. Sizes are
 * gzip level 9 with Node's zlib, in kB of 1 000 bytes like Vite's own build output.
 *
 *   npm run bench:bundle -- [--no-build] [--json FILE]
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { parseFlags } from './lib/args.ts';
import { environment, formatTable, type ResultRow, writeReport } from './lib/report.ts';

const GOAL_KB = 80;

interface ManifestChunk {
  file: string;
  src?: string;
  isEntry?: boolean;
  isDynamicEntry?: boolean;
  imports?: string[];
  dynamicImports?: string[];
  assets?: string[];
}
type Manifest = Record<string, ManifestChunk>;

type Kind = 'chunk' | 'worker' | 'wasm' | 'service worker';

interface FileSize {
  file: string;
  kind: Kind;
  scanner: boolean;
  raw: number;
  gzip: number;
}

const flags = parseFlags(process.argv.slice(2));
const jsonFile = flags.get('json') ?? 'bench/results/bundle.json';
const root = fileURLToPath(new URL('..', import.meta.url));
const dist = join(root, 'dist');

function build(): void {
  const vite = join(root, 'node_modules', 'vite', 'bin', 'vite.js');
  const result = spawnSync(process.execPath, [vite, 'build'], { cwd: root, encoding: 'utf8' });
  if (result.status !== 0) {
    process.stderr.write(result.stdout + result.stderr);
    throw new Error(`vite build failed (exit ${String(result.status)})`);
  }
}

function readManifest(): Manifest {
  const file = join(dist, '.vite', 'manifest.json');
  if (!existsSync(file)) {
    throw new Error(`${relative(root, file)} is missing: build with build.manifest: true first`);
  }
  return JSON.parse(readFileSync(file, 'utf8')) as Manifest;
}

/** Script and modulepreload URLs in the built page, as paths under dist/. */
function pageScripts(html: string): string[] {
  const urls: string[] = [];
  for (const tag of html.match(/<(script|link)\b[^>]*>/gi) ?? []) {
    const isModule = /^<script/i.test(tag) && /\btype=["']?module/i.test(tag);
    const isPreload = /^<link/i.test(tag) && /\brel=["']?modulepreload/i.test(tag);
    const url = /\b(?:src|href)=["']?([^"'\s>]+)/i.exec(tag)?.[1];
    if ((isModule || isPreload) && url !== undefined && !/^[a-z]+:\/\//i.test(url)) {
      urls.push(url.replace(/^\//, ''));
    }
  }
  return urls;
}

/** The page's scripts and everything they import statically, recursively. */
function firstPaintFiles(manifest: Manifest, html: string): string[] {
  const byFile = new Map(Object.entries(manifest).map(([key, chunk]) => [chunk.file, key]));
  const files = new Set<string>();
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (chunk === undefined) throw new Error(`manifest has no chunk "${key}"`);
    if (files.has(chunk.file)) return;
    files.add(chunk.file);
    for (const imported of chunk.imports ?? []) visit(imported);
  };
  const scripts = pageScripts(html);
  if (scripts.length === 0) throw new Error('dist/index.html loads no module script');
  for (const file of scripts) {
    const key = byFile.get(file);
    // A script the manifest does not know still counts, it just has no imports to follow.
    if (key === undefined) files.add(file);
    else visit(key);
  }
  return [...files];
}

/** Files the scanner brings: its chunks, what they import, their assets (the decoder worker). */
function scannerFiles(manifest: Manifest, firstPaint: ReadonlySet<string>): Set<string> {
  const files = new Set<string>();
  const visit = (key: string): void => {
    const chunk = manifest[key];
    if (chunk === undefined || files.has(chunk.file) || firstPaint.has(chunk.file)) return;
    files.add(chunk.file);
    for (const asset of chunk.assets ?? []) files.add(asset);
    for (const imported of [...(chunk.imports ?? []), ...(chunk.dynamicImports ?? [])]) {
      visit(imported);
    }
  };
  for (const [key, chunk] of Object.entries(manifest)) {
    if (/(^|\/)pos-scanner[^/]*\.ts$/.test(chunk.src ?? key)) visit(key);
  }
  return files;
}

function kindOf(file: string): Kind {
  if (file.endsWith('.wasm')) return 'wasm';
  if (file === 'service-worker.js') return 'service worker';
  return /\.worker-[^/]*\.js$/.test(file) ? 'worker' : 'chunk';
}

function measure(file: string, scanner: boolean): FileSize {
  const bytes = readFileSync(join(dist, file));
  const kind = kindOf(file);
  return {
    file,
    kind,
    // The decoder's .wasm is fetched by the scanner's worker only.
    scanner: scanner || kind === 'wasm',
    raw: bytes.length,
    gzip: gzipSync(bytes, { level: 9 }).length,
  };
}

const kb = (bytes: number): string => (bytes / 1000).toFixed(2);

function fileTable(title: string, rows: readonly FileSize[]): string {
  const cells = rows.map((row) => [
    row.file,
    row.kind + (row.scanner ? ', scanner' : ''),
    kb(row.raw),
    kb(row.gzip),
  ]);
  const raw = rows.reduce((sum, row) => sum + row.raw, 0);
  const gzip = rows.reduce((sum, row) => sum + row.gzip, 0);
  const header = ['file', 'kind', 'raw kB', 'gzip kB'];
  const total = ['total', `${rows.length} file${rows.length === 1 ? '' : 's'}`, kb(raw), kb(gzip)];
  const widths = header.map((h, i) =>
    Math.max(h.length, ...[...cells, total].map((c) => (c[i] ?? '').length)),
  );
  const line = (c: readonly string[]): string =>
    c
      .map((cell, i) => (i >= 2 ? cell.padStart(widths[i] ?? 0) : cell.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = line(widths.map((w) => '-'.repeat(w)));
  return [title, line(header), rule, ...cells.map(line), rule, line(total)].join('\n');
}

const startedAt = new Date().toISOString();
if (flags.get('no-build') !== 'true') build();
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const manifest = readManifest();

const firstPaint = firstPaintFiles(manifest, html);
const firstPaintSet = new Set(firstPaint);
const scanner = scannerFiles(manifest, firstPaintSet);
const initial = firstPaint.map((file) => measure(file, scanner.has(file)));

const assets = readdirSync(join(dist, 'assets'))
  .filter((name) => /\.(js|wasm)$/.test(name))
  .map((name) => `assets/${name}`);
const lazyFiles = assets.filter((file) => !firstPaintSet.has(file));
if (existsSync(join(dist, 'service-worker.js'))) lazyFiles.push('service-worker.js');
const lazy = lazyFiles
  .map((file) => measure(file, scanner.has(file)))
  .sort((a, b) => Number(a.scanner) - Number(b.scanner) || b.gzip - a.gzip);

const initialGzip = initial.reduce((sum, row) => sum + row.gzip, 0);
const initialRaw = initial.reduce((sum, row) => sum + row.raw, 0);
const summary: ResultRow = {
  name: 'JavaScript to first paint (gzip), scanner excluded',
  value: Number((initialGzip / 1000).toFixed(2)),
  unit: 'kB',
  goal: { op: '<=', value: GOAL_KB },
  details: { files: initial.length, raw_kb: Number((initialRaw / 1000).toFixed(2)) },
};
if (initial.some((row) => row.scanner)) {
  console.warn('warning: a scanner chunk is on the first-paint path');
}

console.log(fileTable('First paint: dist/index.html scripts and their static imports', initial));
console.log('');
console.log(fileTable('Off the first paint: lazy chunks, the scanner, workers', lazy));
console.log('');
console.log(formatTable('Bundle (DESIGN §8)', [summary]));

const fileRow = (row: FileSize, group: string): ResultRow => ({
  name: row.file,
  value: Number((row.gzip / 1000).toFixed(2)),
  unit: 'kB',
  details: {
    group,
    kind: row.kind,
    scanner: String(row.scanner),
    raw_kb: Number((row.raw / 1000).toFixed(2)),
  },
});
writeReport(jsonFile, {
  bench: 'bundle',
  started_at: startedAt,
  environment: environment(),
  parameters: { build: flags.get('no-build') === 'true' ? 'existing dist/' : 'vite build' },
  results: [
    summary,
    ...initial.map((row) => fileRow(row, 'first paint')),
    ...lazy.map((row) => fileRow(row, 'lazy')),
  ],
});
console.log(`\nwrote ${jsonFile}`);
