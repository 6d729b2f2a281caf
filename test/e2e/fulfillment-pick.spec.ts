/**
 * Issue 6 end to end, against the real server: an order injected with a serialized unit to
 * ship reaches the device, is picked offline by keyboard-wedge scans of the product and its
 * serial, reaches the server once the network is back (the request picked, the serial
 * registered), then is shipped from the device: the serial is reported shipped and no longer
 * active. And on the way: a wrong product is refused, an invalid serial is refused with what
 * the store's pattern expects.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import type { FulfillmentRequest } from '../../src/protocol/fulfillment.ts';
import type { SerialLookup } from '../../src/protocol/serials.ts';
import {
  DEMO_PRODUCTS,
  DEMO_STORE_ID,
  expect,
  signIn,
  test,
  type DemoProduct,
} from './fixtures.ts';
import { waitForServiceWorker } from './support/sell.ts';
import { freshSerial, serializedProduct, serialPrompt, wedgeScan } from './support/serials.ts';
import { webOrder } from './support/web-orders.ts';

const EXPECTED = 'expected 14 capital letters or digits, for example A1B2C3D4E5F6G7.';

const plainProduct = (index: number): DemoProduct => {
  const found = DEMO_PRODUCTS.filter((p) => !p.serialized)[index];
  if (found === undefined) throw new Error('the demo catalog lacks plain products');
  return found;
};

/** A web order shipped to the customer, injected as an integration would. */
async function injectShipOrder(api: APIRequestContext, products: DemoProduct[]): Promise<string> {
  const externalId = `WEB-${freshSerial(8)}`;
  const order = webOrder(
    externalId,
    products.map((product) => ({ product, shipping: 'traditional_carrier' as const })),
    { placed_at: new Date().toISOString(), customer_name: 'Grace Hopper' },
  );
  const reply = await api.post('/v0/d/fulfill_order', { data: order });
  expect(reply.status()).toBe(201);
  return externalId;
}

async function serverRequest(api: APIRequestContext, externalId: string) {
  const reply = await api.get(`/v0/stores/${DEMO_STORE_ID}/fulfillment_requests?state=all`);
  expect(reply.status()).toBe(200);
  const body = (await reply.json()) as { fulfillment_requests: FulfillmentRequest[] };
  return body.fulfillment_requests.find((r) => r.external_order_id === externalId);
}

/**
 * A hardware scanner: characters typed fast into whatever has focus, then Enter. Once the
 * screen is idle: a key arriving 100 ms late (a busy machine) would split the burst in two.
 */
async function wedge(page: Page, code: string): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  await wedgeScan(page, code);
}

/** Signs in, opens Pick, and opens the order once the pull has brought it to the device. */
async function openOrder(page: Page, externalId: string, units: number): Promise<void> {
  await page.goto('/');
  await signIn(page);
  await expect(page.getByLabel('Barcode or SKU')).toBeFocused({ timeout: 20_000 });
  await page.getByRole('link', { name: 'Pick' }).click();
  const request = page.getByTestId('pick.request').filter({ hasText: `Order ${externalId}` });
  await expect(request).toBeVisible({ timeout: 20_000 });
  await expect(request).toContainText(`0/${units}`);
}

test('an injected ship order is picked offline with its serial, synced, shipped: the serial leaves the active registry', async ({
  page,
  context,
  api,
}) => {
  const phone = serializedProduct(2);
  const serial = freshSerial();
  const externalId = await injectShipOrder(api, [phone]);
  await openOrder(page, externalId, 1);
  await waitForServiceWorker(page);

  // Offline from here: the screen comes from the service worker, the order from the device.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByTestId('sync.connection')).toHaveText('Offline', { timeout: 10_000 });
  await page
    .getByTestId('pick.request')
    .filter({ hasText: `Order ${externalId}` })
    .click();
  await expect(page.getByRole('heading', { name: `Order ${externalId}` })).toBeVisible();
  await expect(page.getByLabel('Barcode or SKU')).toBeFocused();

  await wedge(page, phone.barcode);
  const prompt = serialPrompt(page);
  await expect(prompt).toBeVisible();
  await expect(prompt).toContainText(phone.title);
  await wedge(page, serial);
  await expect(prompt).toBeHidden();
  await expect(page.getByTestId('pick.message')).toHaveText(
    `Picked ${phone.title} with serial ${serial} (1 of 1).`,
  );
  await expect(page.getByTestId('pick.item.detail')).toHaveText(
    `Picked — serial ${serial} (waiting to sync)`,
  );
  await page.getByRole('button', { name: 'Complete picking' }).click();
  await expect(page.getByRole('button', { name: 'Ship', exact: true })).toBeVisible();
  expect((await serverRequest(api, externalId))?.items[0]?.picked).toBe(false);

  await context.setOffline(false);
  await expect(page.getByTestId('pick.item.detail')).toHaveText(`Picked — serial ${serial}`, {
    timeout: 20_000,
  });
  await expect
    .poll(async () => (await serverRequest(api, externalId))?.state, { timeout: 20_000 })
    .toBe('picked');
  const picked = await serverRequest(api, externalId);
  expect(picked?.items.map((i) => [i.picked, i.serial_number, i.serial_state])).toEqual([
    [true, serial, 'accepted'],
  ]);
  const beforeShip = (await (await api.get(`/v0/serials/${serial}`)).json()) as SerialLookup;
  expect(beforeShip).toMatchObject({ state: 'picked', active: true, product_id: phone.product_id });
  expect(beforeShip.capture.method).toBe('scanner');

  await page.getByLabel('Tracking code (optional)').fill('1Z999AA10123456784');
  await page.getByRole('button', { name: 'Ship', exact: true }).click();
  await expect(page.getByText('Shipped.')).toBeVisible();
  await expect
    .poll(async () => (await serverRequest(api, externalId))?.state, { timeout: 20_000 })
    .toBe('shipped');
  expect((await serverRequest(api, externalId))?.tracking_code).toBe('1Z999AA10123456784');
  const shipped = (await (await api.get(`/v0/serials/${serial}`)).json()) as SerialLookup;
  expect(shipped).toMatchObject({ state: 'shipped', active: false });
  expect(shipped.order.external_id).toBe(externalId);
});

test('a wrong product is refused, and an invalid serial is refused with the pattern', async ({
  page,
  api,
}) => {
  const phone = serializedProduct(3);
  const cable = plainProduct(0);
  const stranger = plainProduct(1);
  const externalId = await injectShipOrder(api, [phone, cable]);
  await openOrder(page, externalId, 2);
  await page
    .getByTestId('pick.request')
    .filter({ hasText: `Order ${externalId}` })
    .click();
  await expect(page.getByLabel('Barcode or SKU')).toBeFocused();

  await wedge(page, stranger.barcode);
  await expect(page.getByTestId('pick.message')).toHaveText(
    `Wrong product: ${stranger.title} is not in this order. Put it back.`,
  );
  await expect(page.getByTestId('pick.progress')).toHaveText('0 of 2 picked');

  await wedge(page, cable.barcode);
  await expect(page.getByTestId('pick.progress')).toHaveText('1 of 2 picked');
  await wedge(page, cable.barcode);
  await expect(page.getByTestId('pick.message')).toHaveText(
    `Every ${cable.title} of this order is already picked.`,
  );

  await wedge(page, phone.barcode);
  const prompt = serialPrompt(page);
  await expect(prompt).toBeVisible();
  const invalid = freshSerial(13);
  await wedge(page, invalid);
  await expect(prompt.getByRole('alert')).toHaveText(
    `${invalid} is not a valid serial number: ${EXPECTED}`,
  );
  await expect(prompt).toBeVisible();
  await expect(page.getByTestId('pick.progress')).toHaveText('1 of 2 picked');
  const serial = freshSerial();
  await wedge(page, serial);
  await expect(prompt).toBeHidden();
  await expect(page.getByTestId('pick.progress')).toHaveText('2 of 2 picked');
});

test('a pick made offline on an order cancelled meanwhile comes back refused, with the reason', async ({
  page,
  context,
  api,
}) => {
  const cable = plainProduct(2);
  const externalId = await injectShipOrder(api, [cable]);
  await openOrder(page, externalId, 1);
  await page
    .getByTestId('pick.request')
    .filter({ hasText: `Order ${externalId}` })
    .click();
  await expect(page.getByLabel('Barcode or SKU')).toBeFocused();

  await context.setOffline(true);
  await expect(page.getByTestId('sync.connection')).toHaveText('Offline');
  await wedge(page, cable.barcode);
  await expect(page.getByTestId('pick.progress')).toHaveText('1 of 1 picked');
  const request = await serverRequest(api, externalId);
  const cancel = await api.post(`/v0/fulfillment_requests/${request?.id ?? ''}/cancel`, {
    data: { reason: 'customer called' },
  });
  expect(cancel.status()).toBe(200);

  await context.setOffline(false);
  await expect(page.getByTestId('pick.sync-error')).toHaveText(
    `The server refused a change made here: Fulfillment request ${request?.id ?? ''} was cancelled.`,
    { timeout: 20_000 },
  );
  await expect(page.getByTestId('pick.progress')).toHaveText('0 of 1 picked');
  expect((await serverRequest(api, externalId))?.items[0]?.picked).toBe(false);
});
