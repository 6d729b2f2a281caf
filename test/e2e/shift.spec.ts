/**
 * The till's day (issue 14), against the real server: a shift opened, sold in, refunded from,
 * dropped to the safe and closed with a blind count, all offline; back online the server's
 * shift holds the figures the device showed, to the cent. And a close made while the shift's
 * sales still wait says how many, then becomes final once they are sent.
 */
import type { APIRequestContext, Page } from '@playwright/test';
import type { Shift, ShiftList } from '../../src/protocol/shifts.ts';
import { DEMO_STORE, expect, signIn, test } from './fixtures.ts';
import { holdsRecord } from './support/device-db.ts';
import { E2E_BASE_URL } from './support/env.ts';
import { openReturn, pullNow } from './support/returns.ts';
import { waitForServiceWorker } from './support/sell.ts';
import { wedgeScan } from './support/serials.ts';
import { openShift } from './support/sign-in.ts';

/**
 * One unit of 92.59 before tax: the demo store taxes 8 % per unit, 92.59 × 0.08 = 7.4072 →
 * 7.41 (half up), so a unit costs exactly 100.00. Three are 300.00, five are 500.00, and one
 * returned refunds 100.00: the figures from one product.
 */
const UNIT = {
  product_id: 'shift-unit-100',
  title: 'Till Day Gift Card Holder',
  sku: 'SHIFT-100',
  price: 92.59,
} as const;

const usd = (amount: number) =>
  new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(amount);

async function importUnit(api: APIRequestContext): Promise<void> {
  const products = await api.post('/v0/d/import', {
    data: {
      entity: 'products',
      mode: 'partial',
      head: { catalog: 'storefront-catalog-en', locale: 'en-US', is_master: true },
      items: [
        {
          product_id: UNIT.product_id,
          title: UNIT.title,
          brand: 'Aisle',
          external_identifiers: [{ type: 'sku', value: UNIT.sku }],
          serialized_inventory: false,
        },
      ],
    },
  });
  expect(products.status()).toBe(200);
  const prices = await api.post('/v0/d/import', {
    data: {
      entity: 'prices',
      mode: 'partial',
      head: {
        pricebook: 'default',
        catalog: 'storefront-catalog-en',
        currency: DEMO_STORE.currency,
      },
      items: [{ product_id: UNIT.product_id, value: UNIT.price }],
    },
  });
  expect(prices.status()).toBe(200);
}

/** The id of this device's newest shift, read from the app's own database. */
function deviceShiftId(page: Page): Promise<string> {
  return page.evaluate(async () => {
    const open = indexedDB.open('aisle');
    const db = await new Promise<IDBDatabase>(
      (resolve) => (open.onsuccess = () => resolve(open.result)),
    );
    const shifts = await new Promise<{ shiftId: string; openedAt: string }[]>((resolve) => {
      const request = db.transaction('shifts').objectStore('shifts').getAll();
      request.onsuccess = () => resolve(request.result as { shiftId: string; openedAt: string }[]);
    });
    db.close();
    shifts.sort((a, b) => b.openedAt.localeCompare(a.openedAt));
    return shifts[0]?.shiftId ?? '';
  });
}

async function serverShift(api: APIRequestContext, shiftId: string): Promise<Shift | undefined> {
  const reply = await api.get(`/v0/stores/${DEMO_STORE.store_id}/shifts`);
  expect(reply.status()).toBe(200);
  return ((await reply.json()) as ShiftList).shifts.find((shift) => shift.shift_id === shiftId);
}

/** Scans the units into the cart and waits until the cart's total is the one expected. */
async function ring(page: Page, units: number, total: number): Promise<void> {
  const field = page.getByLabel('Barcode or SKU');
  await expect(field).toBeEditable();
  for (let i = 0; i < units; i++) await wedgeScan(page, UNIT.sku);
  await expect(page.getByTestId('totals.total')).toHaveText(usd(total));
  await page.getByTestId('sell.pay').click();
}

function saleIdOf(page: Page): string {
  const saleId = /#\/receipt\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
  if (saleId === undefined) throw new Error(`no sale id in ${page.url()}`);
  return saleId;
}

async function sellForCash(page: Page, units: number, total: number): Promise<string> {
  await ring(page, units, total);
  const payment = page.getByRole('dialog', { name: 'Payment' });
  await payment.getByRole('button', { name: 'Exact' }).click();
  await payment.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
  const saleId = saleIdOf(page);
  await page.getByRole('button', { name: 'New sale' }).first().click();
  return saleId;
}

async function goTo(page: Page, hash: string): Promise<void> {
  await page.evaluate((to) => {
    location.hash = to;
  }, hash);
}

const report = (page: Page, heading: 'X report' | 'Z report', row: string) =>
  page.getByRole('region', { name: heading }).getByTestId(`report.${row}`);

test('a till day offline: float, sales, split tender, a refund, a safe drop, a blind close', async ({
  browser,
  api,
}) => {
  test.setTimeout(120_000);
  await importUnit(api);
  const context = await browser.newContext({ baseURL: E2E_BASE_URL });
  const page = await context.newPage();
  await page.goto('/');
  await signIn(page, 'associate', 15_000, { openShift: false });
  await waitForServiceWorker(page);
  await holdsRecord(page, 'products', UNIT.product_id);

  // The network goes before the day starts: everything below happens offline.
  await context.setOffline(true);
  await expect(page.getByTestId('sell.no-shift')).toBeVisible();
  await openShift(page, '200.00');

  // 300.00 in cash.
  const cashSale = await sellForCash(page, 3, 300);

  // 500.00 as 300.00 on the card and the remaining 200.00 in cash.
  await ring(page, 5, 500);
  const payment = page.getByRole('dialog', { name: 'Payment' });
  await payment.getByRole('button', { name: 'Card' }).click();
  await payment.getByTestId('tender.card-amount').fill('300.00');
  await payment.getByTestId('tender.reference').fill('AUTH-0500');
  await payment.getByRole('button', { name: 'Add part payment' }).click();
  await expect(payment.getByTestId('tender.due')).toHaveText(usd(200));
  await payment.getByRole('button', { name: 'Cash' }).click();
  await payment.getByRole('button', { name: 'Exact' }).click();
  await payment.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
  await expect(page.getByTestId('receipt.tender')).toHaveCount(2);
  // 100.00 back in cash: one unit of the cash sale returns.
  await openReturn(page);
  await wedgeScan(page, cashSale);
  const units = page.getByTestId('return.unit');
  await expect(units.first()).toBeVisible();
  await units.first().getByRole('checkbox').check();
  await expect(page.getByTestId('return.total')).toHaveText(usd(100));
  await expect(page.getByTestId('return.cash-back')).toHaveText(`Give ${usd(100)} back in cash`);
  await page.getByTestId('return.confirm').click();
  await expect(page.getByRole('heading', { name: 'Return complete' })).toBeVisible();

  // 150.00 to the safe, then the X report: 200 + 300 + 200 − 100 − 150 = 450.00 expected.
  await goTo(page, '#/shift');
  await page.getByLabel('Movement').selectOption({ label: 'Safe drop' });
  await page.getByLabel('Amount').fill('150.00');
  await page.getByLabel('Reason').fill('To the safe');
  await page.getByRole('button', { name: 'Record movement' }).click();
  await expect(report(page, 'X report', 'safe-drops')).toHaveText(usd(150));
  await expect(report(page, 'X report', 'expected-cash')).toHaveText(usd(450));
  await expect(report(page, 'X report', 'sales')).toHaveText(`${usd(800)} (2)`);
  await expect(report(page, 'X report', 'returns')).toHaveText(`${usd(100)} (1)`);
  await expect(report(page, 'X report', 'cash-net')).toHaveText(usd(400));
  await expect(report(page, 'X report', 'card-net')).toHaveText(usd(300));

  // The blind close: the count is asked before the expected cash is shown again.
  await page.getByRole('button', { name: 'Close shift' }).click();
  await expect(page.getByRole('region', { name: 'X report' })).toBeHidden();
  await expect(page.getByText('Expected cash')).toBeHidden();
  await page.getByLabel('Counted cash').fill('440.00');
  await page.getByRole('button', { name: 'Close and show Z report' }).click();
  await expect(report(page, 'Z report', 'expected-cash')).toHaveText(usd(450));
  await expect(report(page, 'Z report', 'counted-cash')).toHaveText(usd(440));
  await expect(report(page, 'Z report', 'variance')).toHaveText(usd(-10));
  // Two sales and a return wait for the network.
  await expect(page.getByTestId('shift.final')).toContainText('3 sales and returns');
  // 8 units of 7.41 tax each.
  const tax = 59.28;
  await expect(report(page, 'Z report', 'tax')).toHaveText(usd(tax));

  // Back online: the report becomes final and the server's shift has the same figures.
  await context.setOffline(false);
  await pullNow(page);
  await expect(page.getByTestId('shift.final')).toHaveText(
    'Final: the store server has every sale of this shift and its close.',
    { timeout: 30_000 },
  );
  const shiftId = await deviceShiftId(page);
  const shift = await serverShift(api, shiftId);
  expect(shift).toMatchObject({
    opening_float: 200,
    expected_cash: 450,
    counted_cash: 440,
    variance: -10,
    totals: { sales: 800, returns: 100, discounts: 0, tax, by_method: { cash: 400, card: 300 } },
    counts: { sales: 2, returns: 1, serialized_units_sold: 0, serialized_units_returned: 0 },
    movements: { safe_drop: 150, paid_in: 0, paid_out: 0 },
  });
  expect(shift?.closed_at).not.toBeNull();
  await context.close();
});

test('a close while the shift’s sales wait says how many, and is final once they are sent', async ({
  browser,
  api,
}) => {
  test.setTimeout(90_000);
  await importUnit(api);
  const context = await browser.newContext({ baseURL: E2E_BASE_URL });
  const page = await context.newPage();
  await page.goto('/');
  await signIn(page, 'associate', 15_000, { openShift: false });
  await waitForServiceWorker(page);
  await holdsRecord(page, 'products', UNIT.product_id);
  await openShift(page, '50.00');
  // The opening reaches the server; then the server stops answering pushes.
  const shiftId = await deviceShiftId(page);
  await expect
    .poll(async () => (await serverShift(api, shiftId))?.closed_at, {
      timeout: 20_000,
    })
    .toBeNull();
  let refused = 0;
  await page.route('**/v0/sync/push', async (route) => {
    refused++;
    await route.abort('connectionrefused');
  });

  const first = await sellForCash(page, 1, 100);
  const second = await sellForCash(page, 2, 200);
  await expect.poll(() => refused).toBeGreaterThan(0);

  await goTo(page, '#/shift');
  await page.getByRole('button', { name: 'Close shift' }).click();
  await page.getByLabel('Counted cash').fill('350.00');
  await page.getByRole('button', { name: 'Close and show Z report' }).click();
  await expect(page.getByTestId('shift.final')).toHaveText(
    '2 sales and returns of this shift still wait to sync; the Z report is final once they are sent.',
  );
  await expect(report(page, 'Z report', 'variance')).toHaveText(usd(0));
  // The server has the open shift and none of its sales.
  const before = await serverShift(api, shiftId);
  expect(before).toMatchObject({ closed_at: null, counts: { sales: 0 } });
  for (const saleId of [first, second]) {
    const order = await api.get(`/v0/orders?external_id=${saleId}&store_id=${DEMO_STORE.store_id}`);
    expect(order.status()).toBe(404);
  }

  // The server answers again: the sales and the close go, the report says it is final.
  await page.unroute('**/v0/sync/push');
  await pullNow(page);
  await expect(page.getByTestId('shift.final')).toHaveText(
    'Final: the store server has every sale of this shift and its close.',
    { timeout: 30_000 },
  );
  const after = await serverShift(api, shiftId);
  expect(after).toMatchObject({
    opening_float: 50,
    expected_cash: 350,
    counted_cash: 350,
    variance: 0,
    totals: { sales: 300, by_method: { cash: 300, card: 0 } },
    counts: { sales: 2, returns: 0 },
  });
  expect(after?.closed_at).not.toBeNull();
  await context.close();
});
