/**
 * Returns as a new user would make them (issue 12), against the real server: a sale made on
 * one device is returned on another, offline, by scanning its receipt code; the serial must be
 * the one sold; a unit is never returned twice from a device; a return without a receipt needs
 * a manager's PIN and records who approved; two offline tills returning the same unit both
 * keep their returns and the manager sees one `duplicate_return`.
 */
import type { ReturnList } from '../../src/protocol/returns.ts';
import type { Order } from '../../src/protocol/schemas.ts';
import type { PullResponse } from '../../src/protocol/sync-protocol.ts';
import type { SerialExceptionList, SerialLookup } from '../../src/protocol/serials.ts';
import { DEMO_STORE, DEMO_USERS, expect, signIn, test } from './fixtures.ts';
import { E2E_BASE_URL } from './support/env.ts';
import {
  device,
  holdsSale,
  openReturn,
  plain,
  pullNow,
  sell,
  serverOrder,
} from './support/returns.ts';
import { choosePin } from './support/sign-in.ts';
import {
  enterSerial,
  freshSerial,
  serializedProduct,
  serialPrompt,
  wedgeScan,
} from './support/serials.ts';

test('a sale returned offline on another device by its receipt code, then its serial sells again', async ({
  browser,
  api,
}) => {
  test.setTimeout(120_000);
  const phone = serializedProduct(0);
  const tablet = serializedProduct(3);
  const serials = [freshSerial(), freshSerial()];
  const seller = await device(browser);
  const saleId = await sell(seller.page, [
    { code: phone.barcode, serial: serials[0] },
    { code: tablet.barcode, serial: serials[1] },
    { code: plain.barcode },
  ]);
  // The receipt carries the code to scan.
  await expect(seller.page.getByTestId('receipt.code')).toHaveAttribute('data-value', saleId);
  const order = await serverOrder(api, saleId);

  // A second till learns the store's sales from the server, then loses the network.
  const till = await device(browser);
  await holdsSale(till.page, saleId);
  await till.context.setOffline(true);
  await openReturn(till.page);
  await wedgeScan(till.page, saleId);
  await expect(till.page.getByTestId('return.receipt')).toHaveText(
    saleId.slice(0, 8).toUpperCase(),
  );
  const units = till.page.getByTestId('return.unit');
  await expect(units).toHaveCount(3);
  // The phone comes back: its serial confirms it.
  await units.nth(0).getByRole('checkbox').check();
  await enterSerial(till.page, serials[0]!);
  await expect(serialPrompt(till.page)).toBeHidden();
  await expect(units.nth(0)).toContainText('Serial confirmed');
  const paid = Math.round((order.items[0]!.item_price + order.items[0]!.tax) * 100) / 100;
  const money = new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(paid);
  await expect(till.page.getByTestId('return.total')).toHaveText(money);
  await expect(till.page.getByTestId('return.cash-back')).toHaveText(`Give ${money} back in cash`);
  await till.page.getByTestId('return.confirm').click();
  await expect(till.page.getByRole('heading', { name: 'Return complete' })).toBeVisible();
  await expect(till.page.getByTestId('return-receipt.total')).toHaveText(money);
  await expect(till.page.getByTestId('return-receipt.unit')).toContainText(serials[0]!);

  // Back online: the server has the return, the serial is returned.
  await till.context.setOffline(false);
  await pullNow(till.page);
  await expect(till.page.getByTestId('return-receipt.sync')).toHaveText(
    'Synced with the store server',
    {
      timeout: 20_000,
    },
  );
  const returns = (await (await api.get(`/v0/d/orders/${order.id}/returns`)).json()) as ReturnList;
  expect(returns.returns).toHaveLength(1);
  expect(returns.returns[0]).toMatchObject({
    refund_amount: paid,
    refunds: [{ method: 'cash', amount: paid }],
  });
  const serial = (await (await api.get(`/v0/serials/${serials[0] ?? ''}`)).json()) as SerialLookup;
  expect(serial.lifecycle_state).toBe('returned');

  // The returned phone sells again: accepted, no exception.
  await till.page.getByRole('link', { name: 'Sell' }).click();
  const resale = await sell(till.page, [{ code: phone.barcode, serial: serials[0] }]);
  const resold = await serverOrder(api, resale);
  await expect
    .poll(async () => {
      const reply = (await (await api.get(`/v0/orders/${resold.id}`)).json()) as Order;
      return reply.items[0]?.serial_state;
    })
    .toBe('accepted');
  await seller.context.close();
  await till.context.close();
});

test('the wrong serial is refused, a unit is returned once, a blind return needs a manager', async ({
  browser,
  api,
}) => {
  test.setTimeout(120_000);
  const context = await browser.newContext({ baseURL: E2E_BASE_URL });
  const page = await context.newPage();
  // A manager signs in on this till first (with their own PIN), then an associate takes over.
  await page.goto('/');
  const manager = DEMO_USERS.manager;
  await page.getByLabel('Username').fill(manager.username);
  await page.getByLabel('Password').fill(manager.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await choosePin(page, '1357');
  await expect(page.getByLabel('Barcode or SKU')).toBeEditable({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'associate');
  await expect(page.getByLabel('Barcode or SKU')).toBeEditable({ timeout: 20_000 });

  const phone = serializedProduct(1);
  const serial = freshSerial();
  const saleId = await sell(page, [{ code: phone.barcode, serial }, { code: plain.barcode }]);
  await openReturn(page);
  // The receipt number, typed by the associate from the printed receipt.
  const search = page.getByLabel('Receipt code, receipt number or serial');
  await search.fill(saleId.slice(0, 8));
  await search.press('Enter');
  await expect(page.getByTestId('return.receipt')).toHaveText(saleId.slice(0, 8).toUpperCase());
  const units = page.getByTestId('return.unit');
  await units.nth(0).getByRole('checkbox').check();
  await enterSerial(page, freshSerial());
  await expect(serialPrompt(page).getByRole('alert')).toContainText(
    `was sold with serial ${serial}`,
  );
  await serialPrompt(page).getByRole('button', { name: 'Later' }).click();
  await expect(units.nth(0).getByRole('checkbox')).not.toBeChecked();

  // The plain unit comes back once; the sale opened again shows it returned.
  await units.nth(1).getByRole('checkbox').check();
  await page.getByTestId('return.confirm').click();
  await expect(page.getByRole('heading', { name: 'Return complete' })).toBeVisible();
  await page.getByRole('button', { name: 'Next return' }).click();
  await wedgeScan(page, saleId);
  await expect(units.nth(1)).toContainText('Already returned');
  await expect(units.nth(1).getByRole('checkbox')).toHaveCount(0);

  // Without a receipt: the manager's PIN approves, the associate's does not.
  await page.getByRole('button', { name: 'Start over' }).click();
  await page.getByTestId('return.blind').click();
  await wedgeScan(page, plain.barcode);
  await page.getByTestId('return.confirm').click();
  const approval = page.getByRole('dialog', { name: 'Manager approval' });
  await expect(approval).toBeVisible();
  await approval.getByTestId('approval.pin').fill('2468');
  await approval.getByRole('button', { name: 'Approve' }).click();
  await expect(approval.getByTestId('approval.error')).toContainText('Wrong PIN');
  await approval.getByTestId('approval.pin').fill('1357');
  await approval.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('heading', { name: 'Return complete' })).toBeVisible();
  await expect(page.getByTestId('return-receipt.approved')).toContainText(manager.display_name);
  await expect(page.getByTestId('return-receipt.sync')).toHaveText('Synced with the store server', {
    timeout: 20_000,
  });
  // The server holds the blind return with the manager who approved it.
  const returnId = /#\/return-receipt\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
  let approvedBy: string | null = null;
  for (let cursor = ''; ;) {
    const reply = await api.get(
      `/v0/sync/pull?store_id=${DEMO_STORE.store_id}${cursor === '' ? '' : `&since=${cursor}`}`,
    );
    const page = (await reply.json()) as PullResponse;
    const found = (page.store_returns ?? []).find((record) => record.x_external_id === returnId);
    if (found !== undefined) approvedBy = found.approval?.manager_id ?? null;
    if (!page.has_more || found !== undefined) break;
    cursor = page.next_cursor;
  }
  const session = await page.evaluate(async () => {
    const open = indexedDB.open('aisle');
    const db = await new Promise<IDBDatabase>(
      (resolve) => (open.onsuccess = () => resolve(open.result)),
    );
    const approvers = await new Promise<Array<{ userId: string; displayName: string }>>(
      (resolve) => {
        const request = db.transaction('approvers').objectStore('approvers').getAll();
        request.onsuccess = () =>
          resolve(request.result as Array<{ userId: string; displayName: string }>);
      },
    );
    db.close();
    return approvers;
  });
  expect(approvedBy).toBe(session.find((a) => a.displayName === manager.display_name)?.userId);
  const stored = await api.get(`/v0/d/orders/${(await serverOrder(api, saleId)).id}/returns`);
  expect(((await stored.json()) as ReturnList).returns).toHaveLength(1);
  await context.close();
});

test('two offline tills return the same unit: both returns kept, the manager sees one duplicate_return', async ({
  browser,
  api,
}) => {
  test.setTimeout(120_000);
  const phone = serializedProduct(2);
  const serial = freshSerial();
  const seller = await device(browser, 'manager');
  const saleId = await sell(seller.page, [{ code: phone.barcode, serial }]);
  const order = await serverOrder(api, saleId);
  const tills = [await device(browser), await device(browser)];
  for (const till of tills) {
    await holdsSale(till.page, saleId);
    await openReturn(till.page);
    await wedgeScan(till.page, serial);
    await expect(till.page.getByTestId('return.receipt')).toHaveText(
      saleId.slice(0, 8).toUpperCase(),
    );
    await till.context.setOffline(true);
  }
  for (const till of tills) {
    await expect(till.page.getByTestId('return.unit').nth(0)).toContainText('Serial confirmed');
    await till.page.getByTestId('return.confirm').click();
    await expect(till.page.getByRole('heading', { name: 'Return complete' })).toBeVisible();
  }
  for (const till of tills) {
    await till.context.setOffline(false);
    await pullNow(till.page);
    await expect(till.page.getByTestId('return-receipt.sync')).toHaveText(
      'Synced with the store server',
      {
        timeout: 20_000,
      },
    );
  }
  const returns = (await (await api.get(`/v0/d/orders/${order.id}/returns`)).json()) as ReturnList;
  expect(returns.returns).toHaveLength(2);
  const open = (await (
    await api.get(`/v0/serial-exceptions?store_id=${DEMO_STORE.store_id}`)
  ).json()) as SerialExceptionList;
  expect(
    open.serial_exceptions.filter(
      (e) => e.kind === 'duplicate_return' && e.serial_number === serial,
    ),
  ).toHaveLength(1);
  // The manager's Exceptions screen shows it.
  await seller.page.getByRole('link', { name: 'Exceptions' }).click();
  await pullNow(seller.page);
  await expect(seller.page.getByText('Returned twice', { exact: false }).first()).toBeVisible({
    timeout: 20_000,
  });
  for (const till of [seller, ...tills]) await till.context.close();
});
