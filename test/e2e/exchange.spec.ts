/**
 * Exchanges (issue 12, DESIGN §10.2): a unit comes back and its replacement is sold on the
 * sell screen against the credit; the difference is paid, or given back, once; the return and
 * the new sale are linked on the server, which finds their money in order (no flags).
 * Prices: Pixel Nova 8 699.00 + 8 % = 754.92; Pixel Nova 8 Pro 999.00 + 8 % = 1 078.92.
 */
import type { ReturnList } from '../../src/protocol/returns.ts';
import type { Order } from '../../src/protocol/schemas.ts';
import type { SerialLookup } from '../../src/protocol/serials.ts';
import { expect, test } from './fixtures.ts';
import { device, openReturn, pullNow, sell, serverOrder, type Device } from './support/returns.ts';
import {
  enterSerial,
  freshSerial,
  serializedProduct,
  serialPrompt,
  wedgeScan,
} from './support/serials.ts';

const phone = serializedProduct(0);
const pro = serializedProduct(1);

/** On the Return screen: the sale's first unit comes back, its serial confirmed, as credit. */
async function exchangeFirstUnit(till: Device, saleId: string, serial: string): Promise<void> {
  await openReturn(till.page);
  await wedgeScan(till.page, saleId);
  const unit = till.page.getByTestId('return.unit').nth(0);
  await unit.getByRole('checkbox').check();
  await enterSerial(till.page, serial);
  await expect(serialPrompt(till.page)).toBeHidden();
  await expect(unit).toContainText('Serial confirmed');
  await till.page.getByTestId('return.exchange').check();
  await till.page.getByTestId('return.confirm').click();
  await expect(till.page.getByTestId('sell.exchange')).toContainText(
    `of sale ${saleId.slice(0, 8).toUpperCase()} come back`,
  );
}

async function sold(till: Device, api: Parameters<typeof serverOrder>[0], saleId: string) {
  await till.context.setOffline(false);
  await pullNow(till.page);
  await expect(till.page.getByTestId('receipt.sync')).toHaveText('Synced with the store server', {
    timeout: 20_000,
  });
  const order = await serverOrder(api, saleId);
  return (await (await api.get(`/v0/orders/${order.id}`)).json()) as Order;
}

test('an exchange offline for a dearer unit: the difference is paid once, both records linked', async ({
  browser,
  api,
}) => {
  test.setTimeout(120_000);
  const [first, second] = [freshSerial(), freshSerial()];
  const till = await device(browser);
  const saleId = await sell(till.page, [{ code: phone.barcode, serial: first }]);
  const original = await serverOrder(api, saleId);

  await till.context.setOffline(true);
  await till.page.getByRole('button', { name: 'New sale' }).click();
  await exchangeFirstUnit(till, saleId, first);
  await wedgeScan(till.page, pro.barcode);
  await enterSerial(till.page, second);
  await expect(serialPrompt(till.page)).toBeHidden();
  await expect(till.page.getByTestId('sell.exchange-due')).toHaveText('$324.00');
  await till.page.getByTestId('sell.pay').click();
  const payment = till.page.getByRole('dialog', { name: 'Payment' });
  await expect(payment).toContainText('$324.00');
  await payment.getByRole('button', { name: 'Exact' }).click();
  await payment.getByRole('button', { name: 'Complete sale' }).click();
  await expect(till.page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
  const tenders = till.page.getByTestId('receipt.tender');
  await expect(tenders).toHaveText([/Exchange credit\s*\$754\.92/, /Cash\s*\$324\.00/]);
  await expect(till.page.getByTestId('receipt.total')).toHaveText('$1,078.92');
  const replacementId = /#\/receipt\/([0-9a-f-]{36})$/.exec(till.page.url())?.[1] ?? '';

  // Back online: one return of the phone as exchange credit, one sale spending exactly it.
  const replacement = await sold(till, api, replacementId);
  const returns = (await (
    await api.get(`/v0/d/orders/${original.id}/returns`)
  ).json()) as ReturnList;
  expect(returns.returns).toHaveLength(1);
  const ret = returns.returns[0]!;
  expect(ret.refunds).toEqual([
    expect.objectContaining({ method: 'exchange', amount: 754.92, reference: replacementId }),
  ]);
  expect(replacement.exchange_for_return_id).toBe(ret.x_external_id);
  expect(replacement.payments).toEqual([
    expect.objectContaining({ method: 'exchange', amount: 754.92, reference: ret.x_external_id }),
    expect.objectContaining({ method: 'cash', amount: 324 }),
  ]);
  expect(replacement.flags).toEqual([]);
  const back = (await (await api.get(`/v0/serials/${first}`)).json()) as SerialLookup;
  expect(back.lifecycle_state).toBe('returned');
  await expect
    .poll(async () => {
      const reply = (await (await api.get(`/v0/orders/${replacement.id}`)).json()) as Order;
      return reply.items[0]?.serial_state;
    })
    .toBe('accepted');
  await till.context.close();
});

test('an exchange for a cheaper unit gives the difference back once, to the sale’s tender', async ({
  browser,
  api,
}) => {
  test.setTimeout(120_000);
  const [first, second] = [freshSerial(), freshSerial()];
  const till = await device(browser);
  const saleId = await sell(till.page, [{ code: pro.barcode, serial: first }]);
  const original = await serverOrder(api, saleId);
  await till.page.getByRole('button', { name: 'New sale' }).click();
  await exchangeFirstUnit(till, saleId, first);

  // Cancelled, nothing comes back; started again, it holds through a reload.
  await till.page.getByTestId('sell.exchange-cancel').click();
  await expect(till.page.getByTestId('sell.exchange')).toHaveCount(0);
  await exchangeFirstUnit(till, saleId, first);
  await till.page.reload();
  await expect(till.page.getByTestId('sell.exchange')).toBeVisible({ timeout: 20_000 });

  await wedgeScan(till.page, phone.barcode);
  await enterSerial(till.page, second);
  await expect(serialPrompt(till.page)).toBeHidden();
  await expect(till.page.getByTestId('sell.exchange-back')).toHaveText('$324.00');
  await till.page.getByRole('button', { name: 'Complete exchange, give back $324.00' }).click();
  await expect(till.page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
  await expect(till.page.getByTestId('receipt.tender')).toHaveText([/Exchange credit\s*\$754\.92/]);
  await expect(till.page.getByTestId('receipt.exchange')).toBeVisible();
  const replacementId = /#\/receipt\/([0-9a-f-]{36})$/.exec(till.page.url())?.[1] ?? '';
  const replacement = await sold(till, api, replacementId);

  const returns = (await (
    await api.get(`/v0/d/orders/${original.id}/returns`)
  ).json()) as ReturnList;
  expect(returns.returns).toHaveLength(1);
  expect(returns.returns[0]!.refunds).toEqual([
    expect.objectContaining({ method: 'exchange', amount: 754.92 }),
    expect.objectContaining({ method: 'cash', amount: 324 }),
  ]);
  expect(replacement.payments).toEqual([
    expect.objectContaining({ method: 'exchange', amount: 754.92 }),
  ]);
  expect(replacement.flags).toEqual([]);

  // The return receipt the sale links to shows both refunds.
  await till.page.getByRole('link', { name: 'their return receipt' }).click();
  await expect(till.page.getByRole('heading', { name: 'Return complete' })).toBeVisible();
  await expect(till.page.getByText('Exchange credit')).toBeVisible();
  await expect(till.page.getByText('Refunded in cash')).toBeVisible();
  await till.context.close();
});
