/**
 * The camera scanner on the real sell screen, against the real server: a camera (Chromium's
 * fake capture device playing rendered footage of a demo product's barcode — tilted, soft,
 * glare, low contrast; one browser per video) adds the product to the cart once, a GS1
 * DataMatrix adds a serialized unit with its serial; a refused camera permission says so and
 * typing still works; closing the scanner leaves no camera track running.
 */
import type { Browser, Page } from '@playwright/test';
import { DEMO_PRODUCTS, expect, signIn, test, type DemoProduct } from './fixtures.ts';
import {
  barcodeVideo,
  launchWithCamera,
  launchWithCameraDenied,
  liveCameraTracks,
  recordCameraStreams,
  waitForMoreFrames,
} from './support/camera.ts';
import { E2E_BASE_URL } from './support/env.ts';
import { seededSerials } from './support/serials.ts';
import {
  EAN13_PRODUCT,
  SERIALIZED_PRODUCT,
  UPCA_PRODUCT,
  liveVideoFile,
  liveVideos,
  type LiveVideo,
} from '../fixtures/barcodes/live-videos.ts';

const eanProduct: DemoProduct = EAN13_PRODUCT;
const nextSerial = seededSerials('scan-sell');

/** The rendered video `name`, its codes carrying `serial`. */
async function liveVideo(name: string, serial = 'SN4K7Q2M9X1B3C'): Promise<string> {
  const found = liveVideos(serial).find((v: LiveVideo) => v.name === name);
  if (found === undefined) throw new Error(`no live video ${name}`);
  return liveVideoFile(found);
}

let browser: Browser | null = null;

test.afterEach(async () => {
  await browser?.close();
  browser = null;
});

async function openSellScreen(launched: Browser): Promise<Page> {
  browser = launched;
  const context = await launched.newContext({ baseURL: E2E_BASE_URL });
  const page = await context.newPage();
  await recordCameraStreams(page);
  await page.goto('/');
  await signIn(page);
  await expect(page.getByLabel('Barcode or SKU')).toBeVisible();
  return page;
}

const cartLines = (page: Page) =>
  page.getByRole('list', { name: 'Cart lines' }).getByRole('listitem');

test('the camera adds an EAN-13 product to the cart once, and closing stops the camera', async () => {
  // Tilted 25°, turned and slightly out of focus, with sensor noise.
  const page = await openSellScreen(await launchWithCamera(await liveVideo('ean13-tilted-soft')));

  await page.getByRole('button', { name: 'Scan with camera' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Added ${eanProduct.title}` }),
  ).toBeVisible();
  await expect(cartLines(page)).toHaveCount(1);
  expect(await liveCameraTracks(page)).toBe(1);
  // The app's own .wasm loaded under its CSP: the default pipeline runs, not the fallback.
  await expect(page.locator('pos-scanner')).toHaveAttribute('data-engine', 'aisle');

  // The code stays in view: continuous mode must not add the same item again, however many
  // more frames the scanner decodes (two seconds of camera at 15 fps).
  await waitForMoreFrames(page, 30);
  await expect(page.getByLabel(`Quantity of ${eanProduct.title}`)).toHaveValue('1');
  await expect(cartLines(page)).toHaveCount(1);

  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('button', { name: 'Scan with camera' })).toBeVisible();
  expect(await liveCameraTracks(page)).toBe(0);
});

test('a UPC-A printed grey on grey under a glare spot is added as its product', async () => {
  const page = await openSellScreen(
    await launchWithCamera(await liveVideo('upca-glare-low-contrast')),
  );
  await page.getByRole('button', { name: 'Scan with camera' }).click();
  await expect(
    page.getByRole('status').filter({ hasText: `Added ${UPCA_PRODUCT.title}` }),
  ).toBeVisible();
  await waitForMoreFrames(page, 15);
  await expect(cartLines(page)).toHaveCount(1);
  await expect(cartLines(page)).toContainText(UPCA_PRODUCT.title);
});

test('a GS1 DataMatrix seen in steep perspective adds the serialized unit with its serial', async () => {
  const serial = nextSerial();
  const page = await openSellScreen(
    await launchWithCamera(await liveVideo('gs1-datamatrix-perspective', serial)),
  );
  await page.getByRole('button', { name: 'Scan with camera' }).click();
  await expect(page.getByTestId('sell.message')).toContainText(`Added ${SERIALIZED_PRODUCT.title}`);
  await expect(page.getByTestId('sell.message')).toContainText(`with serial ${serial}.`);
  await expect(page.getByTestId('line.serial')).toContainText(`S/N ${serial} · captured`);
  await waitForMoreFrames(page, 15);
  await expect(cartLines(page)).toHaveCount(1);
});

test('a refused camera permission is explained and typing still adds the product', async () => {
  const video = await barcodeVideo('denied-ean13', { bcid: 'ean13', text: eanProduct.barcode });
  const page = await openSellScreen(await launchWithCameraDenied(video));

  await page.getByRole('button', { name: 'Scan with camera' }).click();
  await expect(page.getByRole('alert')).toContainText('Camera access is blocked');
  await expect(page.getByRole('alert')).toContainText('You can still type the code');
  expect(await liveCameraTracks(page)).toBe(0);

  // A person types the code at human speed.
  const field = page.getByLabel('Barcode or SKU');
  await field.click();
  await field.pressSequentially(eanProduct.barcode, { delay: 60 });
  await field.press('Enter');
  await expect(
    page.getByRole('status').filter({ hasText: `Added ${eanProduct.title}` }),
  ).toBeVisible();
  await expect(cartLines(page)).toHaveCount(1);
});

test('a hardware scanner works while another field has focus, without typing into it', async ({
  page,
}) => {
  const other = DEMO_PRODUCTS.find((p) => !p.serialized && p.product_id !== eanProduct.product_id);
  if (other === undefined) throw new Error('the demo catalog needs two plain products');
  await page.goto('/');
  await signIn(page);
  const field = page.getByLabel('Barcode or SKU');
  await field.fill(other.sku);
  await field.press('Enter');
  await expect(page.getByLabel(`Quantity of ${other.title}`)).toHaveValue('1');

  // Focus sits in the quantity field when the associate pulls the scanner trigger.
  const quantity = page.getByLabel(`Quantity of ${other.title}`);
  await quantity.click();
  await page.keyboard.type(eanProduct.barcode, { delay: 5 });
  await page.keyboard.press('Enter');

  await expect(
    page.getByRole('status').filter({ hasText: `Added ${eanProduct.title}` }),
  ).toBeVisible();
  await expect(cartLines(page)).toHaveCount(2);
  await expect(quantity).toHaveValue('1');
  await expect(page.getByLabel(`Quantity of ${eanProduct.title}`)).toHaveValue('1');
});
