/**
 * A serial captured with the camera in single-scan mode: Chromium's fake camera plays footage
 * of a Code 128 label of the serial brought in from the side, motion-blurred, then held (one
 * browser per video; the serial comes from a printed seed); the serial prompt's "Scan with camera"
 * opens the scanner over it, the first accepted read is the unit's serial, the camera closes,
 * and the server's registry records the capture as `camera`.
 */
import type { Browser } from '@playwright/test';
import type { SerialLookup } from '../../src/protocol/serials.ts';
import { expect, signIn, test } from './fixtures.ts';
import { launchWithCamera, liveCameraTracks, recordCameraStreams } from './support/camera.ts';
import { E2E_BASE_URL } from './support/env.ts';
import { seededSerials, serializedProduct, serialPrompt } from './support/serials.ts';
import { liveVideoFile, liveVideos } from '../fixtures/barcodes/live-videos.ts';

const nextSerial = seededSerials('serial-camera');

let browser: Browser | null = null;

test.afterEach(async () => {
  await browser?.close();
  browser = null;
});

test('the camera reads a serial for the unit in single-scan mode, then closes', async ({ api }) => {
  const watch = serializedProduct(8);
  const serial = nextSerial();
  const label = liveVideos(serial).find((v) => v.name === 'code128-serial-motion');
  if (label === undefined) throw new Error('no Code 128 serial video');
  browser = await launchWithCamera(await liveVideoFile(label));
  const context = await browser.newContext({ baseURL: E2E_BASE_URL });
  const page = await context.newPage();
  await recordCameraStreams(page);
  await page.goto('/');
  await signIn(page);
  const field = page.getByLabel('Barcode or SKU');
  await expect(field).toBeFocused({ timeout: 20_000 });
  await field.fill(watch.sku);
  await field.press('Enter');

  const prompt = serialPrompt(page);
  await prompt.getByRole('button', { name: 'Scan with camera' }).click();
  await expect(prompt).toBeHidden({ timeout: 20_000 });
  await expect(page.getByTestId('sell.message')).toHaveText(
    `Serial ${serial} recorded for ${watch.title}.`,
  );
  await expect(page.getByTestId('line.serial')).toContainText(`S/N ${serial} · captured`);
  await expect.poll(() => liveCameraTracks(page)).toBe(0);

  await page.getByTestId('sell.pay').click();
  const payment = page.getByRole('dialog', { name: 'Payment' });
  await payment.getByRole('button', { name: 'Exact' }).click();
  await payment.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByTestId('receipt.serial')).toHaveText(`S/N ${serial} · accepted`, {
    timeout: 15_000,
  });
  const unit = (await (await api.get(`/v0/serials/${serial}`)).json()) as SerialLookup;
  expect(unit.capture.method).toBe('camera');
  expect(unit.product_id).toBe(watch.product_id);
});
