/**
 * Issue 4's checkout path end to end, against the real server: a serialized unit taken now
 * opens the serial prompt, a serial the store's pattern refuses is refused on the device with
 * what is expected, a valid one is accepted, the sale completes, and the server's registry
 * holds the serial as sold with how, by whom and on which device it was captured. Then the
 * same with the network cut after the app loaded: validation runs on the device, the sale
 * waits, and reaches the registry once the network is back.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import type { Order } from '../../src/protocol/schemas.ts';
import type { SerialLookup } from '../../src/protocol/serials.ts';
import { expect, signIn, test } from './fixtures.ts';
import { waitForServiceWorker } from './support/sell.ts';
import { freshSerial, serializedProduct, serialPrompt, wedgeScan } from './support/serials.ts';

const EXPECTED = 'expected 14 capital letters or digits, for example A1B2C3D4E5F6G7.';

/** Scans the product, is refused a 13-character serial, then gives a valid one. */
async function captureSerial(
  page: Page,
  barcode: string,
  serial: string,
  how: 'scanner' | 'typed',
): Promise<void> {
  await wedgeScan(page, barcode);
  const prompt = serialPrompt(page);
  await expect(prompt).toBeVisible();
  await expect(prompt.getByTestId('serial.expected')).toHaveText(
    'Expected: 14 capital letters or digits, for example A1B2C3D4E5F6G7.',
  );
  const invalid = serial.slice(0, 13);
  const field = prompt.getByLabel('Serial number');
  await field.fill(invalid);
  await field.press('Enter');
  await expect(prompt.getByRole('alert')).toHaveText(
    `${invalid} is not a valid serial number: ${EXPECTED}`,
  );
  await expect(prompt).toBeVisible();
  await expect(page.getByTestId('line.serial')).toContainText('Needs a serial');
  if (how === 'scanner') {
    await wedgeScan(page, serial);
  } else {
    await field.fill(serial);
    await field.press('Enter');
  }
  await expect(prompt).toBeHidden();
  await expect(page.getByTestId('line.serial')).toContainText(`S/N ${serial} · captured`);
}

async function payExact(page: Page): Promise<string> {
  await page.getByTestId('sell.pay').click();
  const payment = page.getByRole('dialog', { name: 'Payment' });
  await payment.getByRole('button', { name: 'Exact' }).click();
  await payment.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
  const saleId = /#\/receipt\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
  if (saleId === undefined) throw new Error(`no sale id in ${page.url()}`);
  return saleId;
}

async function expectSoldInRegistry(
  api: APIRequestContext,
  saleId: string,
  productId: string,
  serial: string,
  method: 'scanner' | 'typed',
): Promise<void> {
  const order = (await (await api.get(`/v0/orders?external_id=${saleId}`)).json()) as Order;
  expect(order.items.map((item) => [item.serial_number, item.serial_state])).toEqual([
    [serial, 'accepted'],
  ]);
  const response = await api.get(`/v0/serials/${serial}`);
  expect(response.status()).toBe(200);
  const unit = (await response.json()) as SerialLookup;
  expect(unit).toMatchObject({
    product_id: productId,
    serial_number: serial,
    state: 'sold',
    active: true,
    order: { external_id: saleId },
    open_exceptions: [],
  });
  expect(unit.capture.method).toBe(method);
  expect(unit.capture.associate_id).toBe(order.associate_id);
  expect(unit.capture.device_id).toBe(order.device_id);
  expect(unit.capture.device_id).toMatch(/^[0-9a-f-]{36}$/);
  expect(unit.capture.config_version).toEqual(expect.any(Number));
}

test('a serial is refused, then accepted, and the registry shows it sold with its capture', async ({
  page,
  api,
}) => {
  const phone = serializedProduct(0);
  const serial = freshSerial();
  await page.goto('/');
  await signIn(page);
  await expect(page.getByLabel('Barcode or SKU')).toBeFocused({ timeout: 20_000 });

  await captureSerial(page, phone.barcode, serial, 'scanner');
  const saleId = await payExact(page);
  await expect(page.getByTestId('receipt.serial')).toHaveText(`S/N ${serial} · accepted`, {
    timeout: 15_000,
  });
  await expect(page.getByTestId('receipt.sync')).toHaveText('Synced with the store server');
  await expectSoldInRegistry(api, saleId, phone.product_id, serial, 'scanner');

  // The device's order history shows the same.
  await page.getByRole('link', { name: 'Orders' }).click();
  const sale = page.getByRole('article', { name: `Sale ${saleId.slice(0, 8).toUpperCase()}` });
  await expect(sale.getByTestId('orders.serial')).toHaveText(
    `${phone.title}: S/N ${serial} · accepted`,
  );
});

test('with the network cut after the app loaded, the serial is checked on the device and syncs later', async ({
  page,
  context,
  api,
}) => {
  const laptop = serializedProduct(5);
  const serial = freshSerial();
  await page.goto('/');
  await signIn(page);
  await expect(page.getByLabel('Barcode or SKU')).toBeFocused({ timeout: 20_000 });
  await waitForServiceWorker(page);

  await context.setOffline(true);
  await expect(page.getByTestId('sync.connection')).toHaveText('Offline');
  await captureSerial(page, laptop.barcode, serial, 'typed');
  const saleId = await payExact(page);
  await expect(page.getByTestId('receipt.sync')).toHaveText(
    'Waiting to sync — kept safely on this device',
  );
  await expect(page.getByTestId('receipt.serial')).toHaveText(`S/N ${serial} · pending`);
  expect((await api.get(`/v0/serials/${serial}`)).status()).toBe(404);

  await context.setOffline(false);
  await expect(page.getByTestId('sync.pending')).toHaveText('All sales synced', {
    timeout: 20_000,
  });
  await expect(page.getByTestId('receipt.serial')).toHaveText(`S/N ${serial} · accepted`);
  await expectSoldInRegistry(api, saleId, laptop.product_id, serial, 'typed');
});
