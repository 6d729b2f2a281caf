/**
 * Accessibility of the return screens (issue 12): axe-core finds no serious or critical
 * violation on the Return screen with a sale open and a unit chosen, the manager approval
 * dialog, a return's receipt, the Serial lookup with an answer, and the sell screen holding
 * an exchange's credit.
 */
import { DEMO_PRODUCTS, expect, signIn, test } from './fixtures.ts';
import { seriousViolations } from './support/axe.ts';
import {
  enterSerial,
  freshSerial,
  serializedProduct,
  serialPrompt,
  wedgeScan,
} from './support/serials.ts';

// axe is injected as an inline script, which the app's Content-Security-Policy rightly forbids.
test.use({ bypassCSP: true });

test('the Return screen, the approval dialog, a return receipt and the serial lookup are accessible', async ({
  page,
}) => {
  const plain = DEMO_PRODUCTS.find((product) => !product.serialized)!;
  await page.goto('/');
  await signIn(page, 'manager');
  await expect(page.getByLabel('Barcode or SKU')).toBeEditable({ timeout: 20_000 });
  const phone = serializedProduct(4);
  const serial = freshSerial();
  await wedgeScan(page, phone.barcode);
  await enterSerial(page, serial);
  await expect(serialPrompt(page)).toBeHidden();
  await wedgeScan(page, plain.barcode);
  await page.getByTestId('sell.pay').click();
  const payment = page.getByRole('dialog', { name: 'Payment' });
  await payment.getByRole('button', { name: 'Exact' }).click();
  await payment.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
  const saleId = /#\/receipt\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';

  await page.getByRole('link', { name: 'Return' }).click();
  const search = page.getByLabel('Receipt code, receipt number or serial');
  await search.fill(saleId);
  await search.press('Enter');
  await page.getByTestId('return.unit').nth(1).getByRole('checkbox').check();
  await expect(page.getByTestId('return.total')).not.toHaveText('$0.00');
  expect(await seriousViolations(page), 'return screen with a unit chosen').toEqual([]);

  await page.getByTestId('return.to-cash').check();
  await page.getByRole('radio', { name: 'To a card' }).check();
  await page.getByTestId('return.card-ref').fill('NEW-CARD');
  await page.getByTestId('return.confirm').click();
  const approval = page.getByRole('dialog', { name: 'Manager approval' });
  await expect(approval).toBeVisible();
  expect(await seriousViolations(page), 'approval dialog').toEqual([]);
  await approval.getByTestId('approval.pin').fill('2468');
  await approval.getByRole('button', { name: 'Approve' }).click();
  await expect(page.getByRole('heading', { name: 'Return complete' })).toBeVisible();
  expect(await seriousViolations(page), 'return receipt').toEqual([]);

  await page.getByRole('link', { name: 'Serials' }).click();
  const lookup = page.getByLabel('Serial number');
  await lookup.fill(serial);
  await lookup.press('Enter');
  await expect(page.getByTestId('lookup.product')).toHaveText(phone.title);
  expect(await seriousViolations(page), 'serial lookup').toEqual([]);

  // The phone comes back as an exchange: the sell screen holds its credit.
  await page.getByRole('link', { name: 'Return' }).click();
  await search.fill(saleId);
  await search.press('Enter');
  await page.getByTestId('return.unit').nth(0).getByRole('checkbox').check();
  await enterSerial(page, serial);
  await expect(serialPrompt(page)).toBeHidden();
  await page.getByTestId('return.exchange').check();
  await page.getByTestId('return.confirm').click();
  await expect(page.getByTestId('sell.exchange')).toBeVisible();
  await wedgeScan(page, plain.barcode);
  await expect(page.getByTestId('sell.exchange-totals')).toContainText('Exchange credit');
  expect(await seriousViolations(page), 'sell screen with an exchange').toEqual([]);
});
