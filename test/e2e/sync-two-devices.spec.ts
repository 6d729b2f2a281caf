/**
 * Two offline devices sell the same serial (issue 5, T4). Neither can know about the other;
 * both sales are money taken, so the server keeps both orders, lets the first to commit hold
 * the serial, and opens one `duplicate` exception for the other. After their next pull both
 * devices hold the exception and show it: the later sale's receipt says "sold twice", and the
 * other device (a manager's) lists it on its Exceptions screen.
 */
import type { Browser, BrowserContext, Page } from '@playwright/test';
import type { Order } from '../../src/protocol/schemas.ts';
import type { SerialException, SerialExceptionList } from '../../src/protocol/serials.ts';
import { DEMO_STORE, expect, signIn, test, type DemoRole } from './fixtures.ts';
import { E2E_BASE_URL } from './support/env.ts';
import { waitForServiceWorker } from './support/sell.ts';
import { freshSerial, serializedProduct, serialPrompt, wedgeScan } from './support/serials.ts';

interface Device {
  readonly context: BrowserContext;
  readonly page: Page;
}

async function offlineDevice(browser: Browser, role: DemoRole): Promise<Device> {
  const context = await browser.newContext({ baseURL: E2E_BASE_URL });
  const page = await context.newPage();
  await page.goto('/');
  await signIn(page, role);
  await expect(page.getByLabel('Barcode or SKU')).toBeEditable({ timeout: 20_000 });
  await waitForServiceWorker(page);
  await context.setOffline(true);
  return { context, page };
}

async function sellSerial(page: Page, barcode: string, serial: string): Promise<string> {
  await wedgeScan(page, barcode);
  await expect(serialPrompt(page)).toBeVisible();
  await wedgeScan(page, serial);
  await expect(serialPrompt(page)).toBeHidden();
  await page.getByTestId('sell.pay').click();
  const payment = page.getByRole('dialog', { name: 'Payment' });
  await payment.getByRole('button', { name: 'Exact' }).click();
  await payment.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
  const saleId = /#\/receipt\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
  if (saleId === undefined) throw new Error(`no sale id in ${page.url()}`);
  return saleId;
}

/** The serial exceptions the device pulled, read from its IndexedDB. */
function deviceExceptions(page: Page): Promise<Array<{ serial_number: string; kind: string }>> {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('aisle');
        open.onerror = () => reject(open.error ?? new Error('cannot open the aisle database'));
        open.onsuccess = () => {
          const db = open.result;
          const request = db
            .transaction('serialExceptions', 'readonly')
            .objectStore('serialExceptions')
            .getAll();
          request.onsuccess = () => {
            db.close();
            resolve(request.result as Array<{ serial_number: string; kind: string }>);
          };
          request.onerror = () => reject(request.error ?? new Error('cannot read exceptions'));
        };
      }),
  );
}

test('two offline devices sell one serial: both orders kept, one duplicate exception, both devices show it', async ({
  browser,
  api,
}) => {
  test.setTimeout(90_000);
  const phone = serializedProduct(2);
  const serial = freshSerial();
  const first = await offlineDevice(browser, 'manager');
  const second = await offlineDevice(browser, 'associate');

  const firstSale = await sellSerial(first.page, phone.barcode, serial);
  const secondSale = await sellSerial(second.page, phone.barcode, serial);
  for (const device of [first, second]) {
    await expect(device.page.getByTestId('receipt.serial')).toHaveText(`S/N ${serial} · pending`);
  }

  // The first device reconnects and commits first; then the second.
  await first.context.setOffline(false);
  await expect(first.page.getByTestId('sync.pending')).toHaveText('All sales synced', {
    timeout: 20_000,
  });
  await expect(first.page.getByTestId('receipt.serial')).toHaveText(`S/N ${serial} · accepted`);
  await second.context.setOffline(false);
  await expect(second.page.getByTestId('sync.pending')).toHaveText('All sales synced', {
    timeout: 20_000,
  });
  // The push answer already carries the verdict; the kind comes with the pull.
  await expect(second.page.getByTestId('receipt.serial')).toHaveText(`S/N ${serial} · exception`);

  // The server: both orders, the serial held by the first, one open duplicate naming both.
  const orderOf = async (saleId: string) =>
    (await (await api.get(`/v0/orders?external_id=${saleId}`)).json()) as Order;
  expect((await orderOf(firstSale)).items.map((item) => item.serial_state)).toEqual(['accepted']);
  expect((await orderOf(secondSale)).items.map((item) => item.serial_state)).toEqual(['exception']);
  const open = (await (
    await api.get(`/v0/serial-exceptions?state=open&store_id=${DEMO_STORE.store_id}`)
  ).json()) as SerialExceptionList;
  const forSerial = open.serial_exceptions.filter((e) => e.serial_number === serial);
  const otherSale = (e: SerialException) =>
    e.other_order !== null && 'external_id' in e.other_order ? e.other_order.external_id : null;
  expect(forSerial.map((e) => [e.kind, e.order.external_id, otherSale(e)])).toEqual([
    ['duplicate', secondSale, firstSale],
  ]);

  // Each device's next pull brings the exception (a reload starts one on each).
  for (const device of [first, second]) {
    await device.page.reload();
    await expect
      .poll(
        async () => (await deviceExceptions(device.page)).map((e) => [e.serial_number, e.kind]),
        {
          timeout: 15_000,
        },
      )
      .toContainEqual([serial, 'duplicate']);
  }
  await first.page.getByRole('link', { name: 'Exceptions' }).click();
  await expect(
    first.page.getByRole('article', { name: `Sold twice: ${phone.title}` }).filter({
      hasText: serial,
    }),
  ).toBeVisible();
  await second.page.getByRole('link', { name: 'Orders' }).click();
  await expect(
    second.page
      .getByRole('article', { name: `Sale ${secondSale.slice(0, 8).toUpperCase()}` })
      .getByTestId('orders.serial'),
  ).toHaveText(`${phone.title}: S/N ${serial} · exception: sold twice`);

  await first.context.close();
  await second.context.close();
});
