/**
 * Discounts at the counter (issue 13): 10 % on a line is within an associate's limit; 30 % on
 * another asks for a manager's approval on the device — the associate's own PIN is refused,
 * the manager's accepted — and the order on the server carries both discounts, who approved
 * the second, and totals to the cent. Hand-computed amounts are in the comments.
 */
import type { Order } from '../../src/protocol/schemas.ts';
import { DEMO_PRODUCTS, DEMO_STORE, DEMO_USERS, expect, signIn, test } from './fixtures.ts';
import { choosePin } from './support/sign-in.ts';
import { enterSerial, freshSerial, serialPrompt, wedgeScan } from './support/serials.ts';

const MANAGER_PIN = '1357';

test('a line discount within the limit, another approved by the manager, to the cent everywhere', async ({
  page,
  api,
}) => {
  test.setTimeout(90_000);
  const laptop = DEMO_PRODUCTS.find((p) => p.title.startsWith('AeroBook 14'))!;
  const cable = DEMO_PRODUCTS.find((p) => p.title === 'USB-C to USB-C Cable 1 m, Braided')!;
  // The manager has signed in on this till once (their PIN lets them approve here later).
  await page.goto('/');
  await page.getByLabel('Username').fill(DEMO_USERS.manager.username);
  await page.getByLabel('Password').fill(DEMO_USERS.manager.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await choosePin(page, MANAGER_PIN);
  await expect(page.getByLabel('Barcode or SKU')).toBeEditable({ timeout: 20_000 });
  await page.getByRole('button', { name: 'Sign out' }).click();
  await signIn(page, 'associate');
  await expect(page.getByLabel('Barcode or SKU')).toBeEditable({ timeout: 20_000 });

  await wedgeScan(page, laptop.barcode);
  await enterSerial(page, freshSerial());
  await expect(serialPrompt(page)).toBeHidden();
  await page.getByLabel('Barcode or SKU').fill(cable.sku);
  await page.getByLabel('Barcode or SKU').press('Enter');
  await expect(page.getByRole('button', { name: `Discount on ${cable.title}` })).toBeVisible();

  // 10 % on the laptop: 1 199.00 less 119.90 = 1 079.10, no approval.
  await page.getByRole('button', { name: `Discount on ${laptop.title}` }).click();
  const discount = page.getByRole('dialog', { name: 'Discount' });
  await discount.getByTestId('discount.value').fill('10');
  await discount.getByRole('button', { name: 'Apply' }).click();
  await expect(discount).toBeHidden();
  await expect(page.getByTestId('line.discount').first()).toContainText('Discount 10 %');

  // 30 % on the cable is above the associate's 10 %: a manager approves.
  await page.getByRole('button', { name: `Discount on ${cable.title}` }).click();
  await discount.getByTestId('discount.value').fill('30');
  await discount.getByRole('button', { name: 'Apply' }).click();
  const approval = page.getByRole('dialog', { name: 'Manager approval' });
  await expect(approval).toBeVisible();
  await approval.getByTestId('approval.pin').fill('2468');
  await approval.getByRole('button', { name: 'Approve' }).click();
  await expect(approval.getByTestId('approval.error')).toContainText('Wrong PIN');
  await approval.getByTestId('approval.pin').fill(MANAGER_PIN);
  await approval.getByRole('button', { name: 'Approve' }).click();
  await expect(approval).toBeHidden();

  // Cable 14.99 less 30 % (4.50) = 10.49. Tax 8 %: 86.33 + 0.84. Discounts 124.40.
  // Total 1 079.10 + 10.49 + 86.33 + 0.84 = 1 176.76.
  await expect(page.getByTestId('totals.discount')).toHaveText('−$124.40');
  await expect(page.getByTestId('totals.total')).toHaveText('$1,176.76');
  await page.getByTestId('sell.pay').click();
  const payment = page.getByRole('dialog', { name: 'Payment' });
  await payment.getByRole('button', { name: 'Exact' }).click();
  await payment.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByTestId('receipt.total')).toHaveText('$1,176.76');
  await expect(page.getByTestId('receipt.saved')).toHaveText('$124.40');

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
  expect(order?.totals.total).toBe(1176.76);
  const byProduct = (id: string) => order?.items.find((item) => item.product_id === id);
  expect(byProduct(laptop.product_id)).toMatchObject({
    item_price: 1079.1,
    item_list_price: 1199,
    tax: 86.33,
    discounts: [{ type: 'percentage', original_value: 10, price_adjustment: 119.9 }],
  });
  const cableItem = byProduct(cable.product_id);
  expect(cableItem).toMatchObject({
    item_price: 10.49,
    discounts: [{ type: 'percentage', original_value: 30, price_adjustment: 4.5 }],
  });
  const managerId = await page.evaluate(async () => {
    const open = indexedDB.open('aisle');
    const db = await new Promise<IDBDatabase>(
      (resolve) => (open.onsuccess = () => resolve(open.result)),
    );
    const approvers = await new Promise<Array<{ userId: string }>>((resolve) => {
      const request = db.transaction('approvers').objectStore('approvers').getAll();
      request.onsuccess = () => resolve(request.result as Array<{ userId: string }>);
    });
    db.close();
    return approvers[0]?.userId;
  });
  expect(cableItem?.discounts?.[0]?.approved_by).toBe(managerId);
});
