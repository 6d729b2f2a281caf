/**
 * A real camera feed for the scanning specs: barcode images drawn with bwip-js, written as a
 * Y4M video (a text header plus raw YUV 4:2:0 frames) that Chromium's fake capture device
 * plays as the camera. The video is a launch flag, so each video gets its own browser.
 * Also builds a small page around the app's own scanner modules (<pos-scanner>, scanOnce,
 * the decoder Worker and its .wasm) for specs that need no sign-in, and a getUserMedia probe
 * that lets a spec check that no camera track is left running.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { extname, join } from 'node:path';
import { expect, type Browser, type Page } from '@playwright/test';
import { build } from 'vite';
import {
  barcodeFrame,
  emptyFrame,
  type BarcodeSpec,
  type Rgba,
} from '../../fixtures/barcodes/barcodes.ts';
import { writeY4m } from '../../fixtures/barcodes/y4m.ts';
import { fakeCameraArgs, launchChromium } from './chromium.ts';
import { REPO_ROOT } from './env.ts';

const CAMERA_DIR = join(REPO_ROOT, '.tmp/e2e/camera');
export const VIDEO_WIDTH = 640;
export const VIDEO_HEIGHT = 480;

/** Writes `frame` as a still video of `frames` identical frames (4:2:0, full-range luma). */
export async function writeStillY4m(
  file: string,
  frame: Rgba,
  frames = 10,
  fps = 10,
): Promise<void> {
  const { width, height, data } = frame;
  const luma = new Uint8Array(width * height);
  for (let i = 0; i < luma.length; i += 1) {
    const p = i * 4;
    luma[i] = Math.round(
      0.299 * (data[p] ?? 0) + 0.587 * (data[p + 1] ?? 0) + 0.114 * (data[p + 2] ?? 0),
    );
  }
  await writeY4m(
    file,
    width,
    height,
    fps,
    Array.from({ length: frames }, () => luma),
  );
}

/** A Y4M video of `spec` (or of a scene without barcode when null); returns its path. */
export async function barcodeVideo(name: string, spec: BarcodeSpec | null): Promise<string> {
  mkdirSync(CAMERA_DIR, { recursive: true });
  const frame =
    spec === null
      ? emptyFrame(VIDEO_WIDTH, VIDEO_HEIGHT)
      : await barcodeFrame(spec, VIDEO_WIDTH, VIDEO_HEIGHT);
  const file = join(CAMERA_DIR, `${name}.y4m`);
  await writeStillY4m(file, frame);
  return file;
}

/** Frames the open scanner has decoded so far (0 before its first). */
export async function framesDecoded(page: Page): Promise<number> {
  const value = await page.locator('pos-scanner').first().getAttribute('data-frames-decoded');
  return Number(value ?? 0);
}

/**
 * Waits until the scanner has decoded `more` frames beyond what it had: the positive signal
 * that lets a spec then say that nothing (more) was read, instead of a fixed wait.
 */
export async function waitForMoreFrames(page: Page, more: number): Promise<void> {
  const start = await framesDecoded(page);
  await expect
    .poll(() => framesDecoded(page), { timeout: 30_000 })
    .toBeGreaterThanOrEqual(start + more);
}

/** A Chromium whose camera plays `videoFile`, with the camera permission granted. */
export function launchWithCamera(videoFile: string): Promise<Browser> {
  return launchChromium(fakeCameraArgs(videoFile));
}

/**
 * A Chromium with a fake camera whose permission prompt is answered "Block", as when the
 * associate refused the camera.
 */
export function launchWithCameraDenied(videoFile: string): Promise<Browser> {
  return launchChromium([
    '--use-fake-device-for-media-stream',
    `--use-file-for-fake-video-capture=${videoFile}`,
    '--deny-permission-prompts',
  ]);
}

/**
 * Records every stream getUserMedia hands out, so a spec can ask how many camera tracks are
 * still live. With `hold`, getUserMedia does not resolve until the spec calls
 * `releaseCamera(page)`: the window in which a scanner may be closed before its camera came.
 * Install before the page loads.
 */
export async function recordCameraStreams(
  page: Page,
  options: { hold?: boolean } = {},
): Promise<void> {
  await page.addInitScript((hold: boolean) => {
    const probe = {
      streams: [] as MediaStream[],
      requests: 0,
      release: () => undefined as void,
    };
    const released = new Promise<void>((resolve) => {
      probe.release = resolve;
    });
    (window as unknown as { __aisleCamera: typeof probe }).__aisleCamera = probe;
    const devices = navigator.mediaDevices as MediaDevices | undefined;
    if (devices === undefined) return;
    const original = devices.getUserMedia.bind(devices);
    devices.getUserMedia = async (constraints) => {
      probe.requests += 1;
      const stream = await original(constraints);
      probe.streams.push(stream);
      if (hold) await released;
      return stream;
    };
  }, options.hold ?? false);
}

interface CameraProbe {
  streams: MediaStream[];
  requests: number;
  release: () => void;
}

/** How many times the page asked for the camera. */
export function cameraRequests(page: Page): Promise<number> {
  return page.evaluate(
    () => (window as unknown as { __aisleCamera: CameraProbe }).__aisleCamera.requests,
  );
}

/** Lets held getUserMedia calls resolve (see recordCameraStreams). */
export async function releaseCamera(page: Page): Promise<void> {
  await page.evaluate(() => {
    (window as unknown as { __aisleCamera: CameraProbe }).__aisleCamera.release();
  });
}

/** Camera tracks the page obtained that are still running. */
export function liveCameraTracks(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      (window as unknown as { __aisleCamera: CameraProbe }).__aisleCamera.streams
        .flatMap((stream) => stream.getVideoTracks())
        .filter((track) => track.readyState === 'live').length,
  );
}

const HARNESS_DIR = join(REPO_ROOT, '.tmp/e2e/scan-harness');

/**
 * Builds (production mode, like the app) a page that loads the app's scanner modules and
 * exposes them on `window.aisleScanHarness`; returns the folder of the built page.
 */
export async function buildScanHarness(): Promise<string> {
  const source = join(HARNESS_DIR, 'src');
  const out = join(HARNESS_DIR, 'dist');
  mkdirSync(source, { recursive: true });
  const dialog = join(REPO_ROOT, 'src/components/pos-scanner-dialog.ts');
  writeFileSync(
    join(source, 'index.html'),
    `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>scan harness</title></head>
<body><script type="module">
import { scanOnce } from ${JSON.stringify(dialog)};
window.aisleScanHarness = { scanOnce };
document.title = 'ready';
</script></body></html>`,
  );
  await build({
    configFile: false,
    root: source,
    logLevel: 'warn',
    publicDir: false,
    build: { outDir: out, emptyOutDir: true, target: 'es2022' },
    worker: { format: 'es' },
  });
  return out;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
};

/**
 * Serves a built folder on 127.0.0.1 (a secure context, so the camera API exists).
 * `elsewhere` may map a path to a file outside the folder (the scan bench's corpus images).
 */
export function serveFolder(
  dir: string,
  elsewhere: (path: string) => string | undefined = () => undefined,
): Promise<{ origin: string; close: () => void }> {
  const server: Server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    const outside = elsewhere(path);
    const file = outside ?? join(dir, path === '/' ? 'index.html' : path);
    if (outside === undefined && !file.startsWith(dir)) {
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
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      resolve({ origin: `http://127.0.0.1:${port}`, close: () => server.close() });
    });
  });
}
