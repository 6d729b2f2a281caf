/**
 * `npm run bench:scan -- [DIR] [--json FILE]`: decodes every image of a folder tree in the
 * layout of ZXing's blackbox corpus (default ../shared/corpus/zxing-blackbox) in headless
 * Chromium, through the app's decoder Worker and engine options (bench/scan/page), with every
 * engine. Prints per folder: images, decoded, misread, Java's javaMustPass; then false
 * positives, overall decode rate and median / p95 ms per image, and checks the default
 * engine against the goals of DESIGN §8. JSON goes to bench/results/scan.json (or FILE).
 */
import { readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { dirname, extname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { launchChromium } from '../test/e2e/support/chromium.ts';
import { readCorpus, type CorpusFolder } from './scan/corpus.ts';
import { judgeRead } from './scan/score.ts';
import { summarise, printReport, checkGoals, type EngineTally } from './scan/report.ts';
import type { EngineReading } from './scan/page/bench-page.ts';
import { DEFAULT_ENGINE } from '../src/scan/scan-settings.ts';
import { EngineNames, type EngineName } from '../src/scan/scan-types.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const PAGE_CONFIG = fileURLToPath(new URL('./scan/page/vite.config.ts', import.meta.url));
const PAGE_DIR = join(ROOT, '.tmp/bench/scan-page');
const WARM_UP = 3;

function parseArgs(argv: readonly string[]): { dir: string; json: string } {
  let dir = resolve(ROOT, '../shared/corpus/zxing-blackbox');
  // Every bench keeps its JSON in bench/results/ unless told otherwise.
  let json = join(ROOT, 'bench/results/scan.json');
  for (let i = 0; i < argv.length; i += 1) {
    const arg = argv[i] as string;
    if (arg === '--json') {
      const file = argv[i + 1];
      if (file === undefined) throw new Error('--json needs a file name');
      json = resolve(file);
      i += 1;
    } else if (arg.startsWith('--json=')) json = resolve(arg.slice(7));
    else if (arg.startsWith('--'))
      throw new Error(`unknown flag ${arg} (usage: bench:scan -- [DIR] [--json FILE])`);
    else dir = resolve(arg);
  }
  return { dir, json };
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
};

/** Serves the built page and, under /corpus/N, the N-th corpus image straight from disk. */
function serve(images: readonly string[]): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const corpus = /^\/corpus\/(\d+)$/.exec(path);
    const file = corpus
      ? images[Number(corpus[1])]
      : join(PAGE_DIR, path === '/' ? 'index.html' : path);
    if (file === undefined || (!corpus && !file.startsWith(PAGE_DIR))) {
      response.writeHead(404).end();
      return;
    }
    try {
      const body = readFileSync(file);
      response.writeHead(200, {
        'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
      });
      response.end(body);
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((done) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      done({ server, origin: `http://127.0.0.1:${port}` });
    });
  });
}

async function main(): Promise<void> {
  const { dir, json } = parseArgs(process.argv.slice(2));
  const folders: CorpusFolder[] = readCorpus(dir);
  const images = folders.flatMap((folder) => folder.images);
  if (images.length === 0) throw new Error(`no images under ${dir}`);
  const engines: EngineName[] = [EngineNames.aisle, EngineNames.zxingWasm, EngineNames.zxingJs];

  await build({ configFile: PAGE_CONFIG, logLevel: 'warn' });
  const { server, origin } = await serve(images.map((image) => image.path));
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('bench page error:', error.message));
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => document.title === 'ready');
    await page.evaluate((names) => window.aisleScanBench.start(names), engines);

    for (let i = 0; i < WARM_UP; i += 1) {
      await page.evaluate(
        (url) => window.aisleScanBench.decodeImage(url),
        `/corpus/${i % images.length}`,
      );
    }

    const tallies = new Map<EngineName, EngineTally>(
      engines.map((e) => [e, { folders: new Map(), times: [] }]),
    );
    for (const [index, image] of images.entries()) {
      const readings: EngineReading[] = await page.evaluate(
        (url) => window.aisleScanBench.decodeImage(url),
        `/corpus/${index}`,
      );
      for (const reading of readings) {
        const tally = tallies.get(reading.engine) as EngineTally;
        const verdicts = tally.folders.get(image.folder) ?? [];
        verdicts.push(judgeRead(image.expected, reading.read));
        tally.folders.set(image.folder, verdicts);
        tally.times.push(reading.ms);
      }
      if (process.stderr.isTTY) process.stderr.write(`\r${index + 1}/${images.length}`);
    }
    if (process.stderr.isTTY) process.stderr.write('\n');

    // Idle-loop cost: the no-barcode images as 1280×720 camera frames, what the live scanner
    // decodes most of the time.
    const emptyTimes = new Map<EngineName, number[]>(engines.map((e) => [e, []]));
    const emptyImages = images.flatMap((image, index) => (image.expected === null ? [index] : []));
    for (const index of emptyImages) {
      const readings: EngineReading[] = await page.evaluate(
        (url) => window.aisleScanBench.decodeImage(url, { width: 1280, height: 720 }),
        `/corpus/${index}`,
      );
      for (const reading of readings) emptyTimes.get(reading.engine)?.push(reading.ms);
    }

    const summary = summarise(DEFAULT_ENGINE, folders, tallies, emptyTimes);
    printReport(dir, folders, summary);
    const failures = checkGoals(folders, summary);
    mkdirSync(dirname(json), { recursive: true });
    writeFileSync(json, `${JSON.stringify(summary, null, 2)}\n`);
    console.log(`\nwrote ${json}`);
    if (failures.length > 0) process.exitCode = 1;
  } finally {
    await browser.close();
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
