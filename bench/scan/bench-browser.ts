/**
 * The scan bench's browser: builds the bench page (bench/scan/page) like the app is built,
 * serves it with the corpus images under /corpus/N straight from disk, and opens it in
 * headless Chromium, so every decoder runs in a real Worker on the real `.wasm`.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { build } from 'vite';
import { launchChromium } from '../../test/e2e/support/chromium.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PAGE_CONFIG = fileURLToPath(new URL('./page/vite.config.ts', import.meta.url));
const PAGE_DIR = join(ROOT, '.tmp/bench/scan-page');

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
};

/** Serves the built page and, under /corpus/N, the N-th image straight from disk. */
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

export interface BenchBrowser {
  readonly page: Page;
  /** The URL of image `index` of the list handed to openBenchPage. */
  imageUrl(index: number): string;
  close(): Promise<void>;
}

/** Builds and opens the bench page with `images` (file paths) served beside it. */
export async function openBenchPage(images: readonly string[]): Promise<BenchBrowser> {
  await build({ configFile: PAGE_CONFIG, logLevel: 'warn' });
  const { server, origin } = await serve(images);
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('bench page error:', error.message));
    await page.goto(`${origin}/`);
    await page.waitForFunction(() => document.title === 'ready');
    const opened = browser;
    return {
      page,
      imageUrl: (index) => `/corpus/${index}`,
      async close() {
        await opened.close();
        server.close();
      },
    };
  } catch (error) {
    await browser?.close();
    server.close();
    throw error;
  }
}
