/**
 * Split tender (issue 13): a sale paid part by card and part in cash, the balance shown after
 * the card, change given only from the cash; the receipt lists every tender and the server's
 * order holds both payments adding up to the total.
 */
import type { Order } from '../../src/protocol/schemas.ts';
import { DEMO_PRODUCTS, DEMO_STORE, expect, signIn, test } from './fixtures.ts';

test('part card, part cash with change from the cash: the receipt and the server show both', async ({
  page,
  api,
}) => {
  const item = DEMO_PRODUCTS.find((product) => !product.serialized && product.price > 100)!;
  await page.goto('/');
  await signIn(page);
  const field = page.getByLabel('Barcode or SKU');
  await expect(field).toBeEditable({ timeout: 20_000 });
  await field.fill(item.sku);
  await field.press('Enter');
  await page.getByTestId('sell.pay').click();
  const payment = page.getByRole('dialog', { name: 'Payment' });
  const total = Math.round(item.price * 108) / 100;
  const usd = (amount: number) =>
    new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(amount);
  await expect(payment.getByTestId('tender.due')).toHaveText(usd(total));

  // 100.00 on the card: a part payment, the balance is what is left.
  await payment.getByRole('button', { name: 'Card' }).click();
  await payment.getByTestId('tender.card-amount').fill('100.00');
  await payment.getByTestId('tender.reference').fill('AUTH-1234');
  await payment.getByRole('button', { name: 'Add part payment' }).click();
  const balance = Math.round((total - 100) * 100) / 100;
  await expect(payment.getByTestId('tender.due')).toHaveText(usd(balance));
  await expect(payment.getByTestId('tender.parts')).toContainText('Card AUTH-1234');

  // The rest in cash, with a round note: the change comes from the cash.
  await payment.getByRole('button', { name: 'Cash' }).click();
  const given = Math.ceil(balance / 50) * 50;
  await payment.getByTestId('tender.cash').fill(given.toFixed(2));
  const change = Math.round((given - balance) * 100) / 100;
  await expect(payment.getByTestId('tender.change')).toHaveText(usd(change));
  await payment.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
  await expect(page.getByTestId('receipt.tender')).toHaveCount(2);
  await expect(page.getByTestId('receipt.change')).toHaveText(usd(change));

  const saleId = /#\/receipt\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
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
  expect(order?.payments).toEqual([
    { method: 'card', amount: 100, reference: 'AUTH-1234' },
    { method: 'cash', amount: balance, tendered: given, change },
  ]);
  expect(order?.totals.total).toBe(total);
});
