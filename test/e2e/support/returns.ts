/**
 * What the returns and exchange specs share: a signed-in device of its own, a cash sale, the
 * server's copy of a sale, and the Return screen (issue 12).
 */
import type { APIRequestContext, Browser, BrowserContext, Page } from '@playwright/test';
import type { Order } from '../../../src/protocol/schemas.ts';
import { DEMO_PRODUCTS, DEMO_STORE, expect, signIn, type DemoRole } from '../fixtures.ts';
import { holdsRecord } from './device-db.ts';
import { E2E_BASE_URL } from './env.ts';
import { waitForServiceWorker } from './sell.ts';
import { enterSerial, serialPrompt, wedgeScan } from './serials.ts';

export interface Device {
  readonly context: BrowserContext;
  readonly page: Page;
}

export async function device(browser: Browser, role: DemoRole = 'associate'): Promise<Device> {
  const context = await browser.newContext({ baseURL: E2E_BASE_URL });
  const page = await context.newPage();
  await page.goto('/');
  await signIn(page, role);
  await expect(page.getByLabel('Barcode or SKU')).toBeEditable({ timeout: 20_000 });
  await waitForServiceWorker(page);
  return { context, page };
}

export const plain = DEMO_PRODUCTS.find((product) => !product.serialized && product.price < 30)!;

/** Sells the units (serialized ones with their serials) for cash; answers the sale id. */
export async function sell(
  page: Page,
  units: readonly { code: string; serial?: string }[],
): Promise<string> {
  for (const unit of units) {
    await wedgeScan(page, unit.code);
    if (unit.serial !== undefined) {
      await enterSerial(page, unit.serial);
      await expect(serialPrompt(page)).toBeHidden();
    }
  }
  await page.getByTestId('sell.pay').click();
  const payment = page.getByRole('dialog', { name: 'Payment' });
  await payment.getByRole('button', { name: 'Exact' }).click();
  await payment.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
  const saleId = /#\/receipt\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
  if (saleId === undefined) throw new Error(`no sale id in ${page.url()}`);
  return saleId;
}

export async function serverOrder(api: APIRequestContext, saleId: string): Promise<Order> {
  let order: Order | undefined;
  await expect
    .poll(async () => {
      const reply = await api.get(
        `/v0/orders?external_id=${saleId}&store_id=${DEMO_STORE.store_id}`,
      );
      if (reply.status() === 200) order = (await reply.json()) as Order;
      return reply.status();
    })
    .toBe(200);
  return order!;
}

/** Pulls now (the store's history reaches this device) by opening the status screen's sync. */
export async function pullNow(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
}

/** Waits until the device's copy of the store's history holds the sale. */
export function holdsSale(page: Page, saleId: string): Promise<void> {
  return holdsRecord(page, 'storeOrders', saleId);
}

export async function openReturn(page: Page): Promise<void> {
  await page.getByRole('link', { name: 'Return' }).click();
  await expect(page.getByLabel('Receipt code, receipt number or serial')).toBeVisible();
}
