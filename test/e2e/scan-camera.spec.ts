/**
 * The camera scanner end to end with a real camera feed: Chromium's fake capture device plays
 * a Y4M video drawn from a barcode, one browser per video. These drive the app's scanner
 * modules (scanOnce, <pos-scanner>, the decoder Worker and its .wasm, built like the app)
 * on a page of their own, so they need no sign-in; the cart flow is in scan-sell.spec.ts.
 */
import { test, expect } from '@playwright/test';
import type { Browser, Page } from '@playwright/test';
import {
  barcodeVideo,
  buildScanHarness,
  cameraRequests,
  releaseCamera,
  launchWithCamera,
  liveCameraTracks,
  recordCameraStreams,
  serveFolder,
  waitForMoreFrames,
} from './support/camera.ts';
import { launchChromium } from './support/chromium.ts';
import { liveVideoFile, liveVideos } from '../fixtures/barcodes/live-videos.ts';

/** A rendered camera video (its codes carry a fixed serial: no server is involved here). */
async function liveVideo(name: string): Promise<string> {
  const found = liveVideos('SN4K7Q2M9X1B3C').find((v) => v.name === name);
  if (found === undefined) throw new Error(`no live video ${name}`);
  return liveVideoFile(found);
}

interface ScanOnceResult {
  code: string;
  method: string;
  read: { format: string; text: string; raw: string; symbologyIdentifier: string; gs1: boolean };
}

declare global {
  interface Window {
    aisleScanHarness: { scanOnce: () => Promise<ScanOnceResult | null> };
  }
}

let site: { origin: string; close: () => void };
let browser: Browser | null = null;

test.beforeAll(async () => {
  test.setTimeout(120_000);
  site = await serveFolder(await buildScanHarness());
});

test.afterAll(() => site.close());

test.afterEach(async () => {
  await browser?.close();
  browser = null;
});

async function openHarness(video: string): Promise<Page> {
  browser = await launchWithCamera(video);
  const page = await browser.newPage();
  await recordCameraStreams(page);
  await page.goto(site.origin);
  await page.waitForFunction(() => document.title === 'ready');
  return page;
}

test('single-scan mode returns a Code 128 serial label and closes the camera', async () => {
  const page = await openHarness(
    await barcodeVideo('code128-serial', { bcid: 'code128', text: 'SN4K7Q2M9X1B3C', scale: 2 }),
  );
  const result = await page.evaluate(() => window.aisleScanHarness.scanOnce());
  expect(result).toMatchObject({
    code: 'SN4K7Q2M9X1B3C',
    method: 'camera',
    read: { format: 'code128', text: 'SN4K7Q2M9X1B3C', symbologyIdentifier: ']C0' },
  });
  await expect(page.locator('pos-scanner-dialog')).toHaveCount(0);
  expect(await liveCameraTracks(page)).toBe(0);
});

test('a GS1 DataMatrix is decoded with its element string intact', async () => {
  const page = await openHarness(
    await barcodeVideo('gs1-datamatrix', {
      bcid: 'gs1datamatrix',
      text: '(01)04006381333931(21)SN4K7Q2M9X1B3C(17)281231',
      scale: 6,
    }),
  );
  const result = await page.evaluate(() => window.aisleScanHarness.scanOnce());
  const elementString = '0104006381333931' + '21SN4K7Q2M9X1B3C\x1d' + '17281231';
  expect(result?.read).toMatchObject({
    format: 'data_matrix',
    text: elementString,
    raw: `]d2${elementString}`,
    gs1: true,
  });
  // The code a view receives keeps the identifier, so the GS1 parser sees a GS1 symbol.
  expect(result?.code).toBe(`]d2${elementString}`);
});

test('a QR turned 35° under a glare spot is read with its text intact', async () => {
  const page = await openHarness(await liveVideo('qr-turned-glare'));
  const result = await page.evaluate(() => window.aisleScanHarness.scanOnce());
  expect(result).toMatchObject({
    code: 'https://aisle.example/r/SN4K7Q2M9X1B3C',
    read: { format: 'qr', symbologyIdentifier: ']Q1' },
  });
  await expect(page.locator('pos-scanner-dialog')).toHaveCount(0);
});

test('a video with no barcode reads nothing, and closing stops every camera track', async () => {
  // A counter with boxes, noise and uneven light: texture, but no code.
  const page = await openHarness(await liveVideo('no-code-counter'));
  await page.evaluate(() => {
    (window as unknown as { scanned: unknown[] }).scanned = [];
    document.addEventListener('pos-scan', (event) => {
      (window as unknown as { scanned: unknown[] }).scanned.push((event as CustomEvent).detail);
    });
    void window.aisleScanHarness.scanOnce();
  });
  await expect(page.getByTestId('scanner.status')).toHaveText('Point the camera at a barcode.');
  expect(await liveCameraTracks(page)).toBe(1);
  // Proof the scanner looked: 45 frames (three seconds of camera) went through the decoder.
  await waitForMoreFrames(page, 45);
  expect(await page.evaluate(() => (window as unknown as { scanned: unknown[] }).scanned)).toEqual(
    [],
  );
  await page.getByTestId('scanner.close').click();
  await expect(page.locator('pos-scanner-dialog')).toHaveCount(0);
  expect(await liveCameraTracks(page)).toBe(0);
});

test('a scanner closed before the camera arrived still stops that camera', async () => {
  browser = await launchWithCamera(
    await barcodeVideo('code128-late', { bcid: 'code128', text: 'LATE0001', scale: 2 }),
  );
  const page = await browser.newPage();
  await recordCameraStreams(page, { hold: true });
  await page.goto(site.origin);
  await page.waitForFunction(() => document.title === 'ready');
  const closed = page.evaluate(() => window.aisleScanHarness.scanOnce());
  await expect.poll(() => cameraRequests(page)).toBe(1);
  // The associate closes the scanner while getUserMedia is still pending.
  await page.getByTestId('scanner.close').click();
  expect(await closed).toBeNull();
  await releaseCamera(page);
  // The stream that arrives after the close is stopped at once.
  await expect
    .poll(() =>
      page.evaluate(
        () =>
          (window as unknown as { __aisleCamera: { streams: MediaStream[] } }).__aisleCamera.streams
            .length,
      ),
    )
    .toBe(1);
  await expect.poll(() => liveCameraTracks(page)).toBe(0);
});

test('hiding the page stops the camera, showing it again restarts scanning', async () => {
  const page = await openHarness(await barcodeVideo('no-barcode-hide', null));
  await page.evaluate(() => {
    void window.aisleScanHarness.scanOnce();
  });
  await expect(page.getByTestId('scanner.status')).toHaveText('Point the camera at a barcode.');
  expect(await liveCameraTracks(page)).toBe(1);
  const setVisibility = (state: 'hidden' | 'visible') =>
    page.evaluate((value) => {
      Object.defineProperty(document, 'visibilityState', { value, configurable: true });
      document.dispatchEvent(new Event('visibilitychange'));
    }, state);
  await setVisibility('hidden');
  await expect.poll(() => liveCameraTracks(page)).toBe(0);
  await setVisibility('visible');
  await expect(page.getByTestId('scanner.status')).toHaveText('Point the camera at a barcode.');
  await expect.poll(() => liveCameraTracks(page)).toBe(1);
});

test('a device without a camera gets a message saying so', async () => {
  // Permission granted, but no fake capture device: the machine has no camera at all.
  browser = await launchChromium(['--use-fake-ui-for-media-stream']);
  const page = await browser.newPage();
  await recordCameraStreams(page);
  await page.goto(site.origin);
  await page.waitForFunction(() => document.title === 'ready');
  await page.evaluate(() => {
    void window.aisleScanHarness.scanOnce();
  });
  await expect(page.getByRole('alert')).toContainText('No camera was found on this device');
  await expect(page.getByRole('alert')).toContainText('You can still type the code');
  expect(await liveCameraTracks(page)).toBe(0);
});

test('when the WebAssembly engine cannot load, the scanner falls back to zxing-js and still reads', async () => {
  const page = await openHarness(
    await barcodeVideo('code128-fallback', { bcid: 'code128', text: 'FALLBACK42', scale: 2 }),
  );
  let wasmRequests = 0;
  await page.route('**/*.wasm', async (route) => {
    wasmRequests += 1;
    await route.abort('failed');
  });
  const result = await page.evaluate(() => window.aisleScanHarness.scanOnce());
  expect(wasmRequests).toBeGreaterThan(0);
  expect(result?.read).toMatchObject({ format: 'code128', text: 'FALLBACK42' });
});

test('a scanner removed from the page (the associate navigated away) stops its camera', async () => {
  const page = await openHarness(await barcodeVideo('no-barcode-leave', null));
  await page.evaluate(() => {
    void window.aisleScanHarness.scanOnce();
  });
  await expect(page.getByTestId('scanner.status')).toHaveText('Point the camera at a barcode.');
  expect(await liveCameraTracks(page)).toBe(1);
  // A route change removes the screen and the scanner in it without pressing Close.
  await page.evaluate(() => document.querySelector('pos-scanner-dialog')?.remove());
  await expect.poll(() => liveCameraTracks(page)).toBe(0);
});
