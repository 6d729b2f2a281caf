/**
 * The scan bench's browser: builds the bench page (bench/scan/page) like the app is built,
 * serves it (the e2e harness's server) with the corpus images under /corpus/N straight from
 * disk, and opens it in
 * headless Chromium, so every decoder runs in a real Worker on the real `.wasm`.
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from '@playwright/test';
import { build } from 'vite';
import { serveFolder } from '../../test/e2e/support/camera.ts';
import { launchChromium } from '../../test/e2e/support/chromium.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const PAGE_CONFIG = fileURLToPath(new URL('./page/vite.config.ts', import.meta.url));
const PAGE_DIR = join(ROOT, '.tmp/bench/scan-page');

export interface BenchBrowser {
  readonly page: Page;
  /** The URL of image `index` of the list handed to openBenchPage. */
  imageUrl(index: number): string;
  close(): Promise<void>;
}

/** Builds and opens the bench page with `images` (file paths) served beside it. */
export async function openBenchPage(images: readonly string[]): Promise<BenchBrowser> {
  await build({ configFile: PAGE_CONFIG, logLevel: 'warn' });
  const site = await serveFolder(PAGE_DIR, (path) => {
    const corpus = /^\/corpus\/(\d+)$/.exec(path);
    return corpus === null ? undefined : images[Number(corpus[1])];
  });
  let browser: Browser | null = null;
  try {
    browser = await launchChromium();
    const page = await browser.newPage();
    page.on('pageerror', (error) => console.error('bench page error:', error.message));
    await page.goto(`${site.origin}/`);
    await page.waitForFunction(() => document.title === 'ready');
    const opened = browser;
    return {
      page,
      imageUrl: (index) => `/corpus/${index}`,
      async close() {
        await opened.close();
        site.close();
      },
    };
  } catch (error) {
    await browser?.close();
    site.close();
    throw error;
  }
}
