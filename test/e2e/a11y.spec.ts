/**
 * Accessibility: axe-core on the sign-in, choose-a-PIN, sell (before the shift is open, with a
 * cart and with the payment dialog) and receipt screens finds no serious or critical violation.
 */
import { DEMO_PRODUCTS, DEMO_USERS, expect, test } from './fixtures.ts';
import { seriousViolations } from './support/axe.ts';
import { choosePin, DEMO_PIN, openShift } from './support/sign-in.ts';

// axe is injected as an inline script, which the app's Content-Security-Policy rightly forbids.
test.use({ bypassCSP: true });

test('sign-in, sell, payment and receipt screens have no serious accessibility violations', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();
  expect(await seriousViolations(page), 'sign-in').toEqual([]);

  await page.getByLabel('Username').fill(DEMO_USERS.associate.username);
  await page.getByLabel('Password').fill(DEMO_USERS.associate.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('dialog', { name: 'Choose a PIN' })).toBeVisible();
  expect(await seriousViolations(page), 'choose a PIN').toEqual([]);
  await choosePin(page, DEMO_PIN);
  // No shift yet: the sell screen says how to open one, then the till opens with a float.
  await expect(page.getByTestId('sell.no-shift')).toBeVisible();
  expect(await seriousViolations(page), 'sell without a shift').toEqual([]);
  await openShift(page, '100.00');
  const field = page.getByLabel('Barcode or SKU');
  await expect(field).toBeFocused();
  for (const item of DEMO_PRODUCTS.filter((p) => !p.serialized).slice(0, 2)) {
    await field.fill(item.sku);
    await field.press('Enter');
  }
  await field.fill('0000');
  await field.press('Enter');
  await expect(page.getByTestId('sell.message')).toContainText('No product');
  expect(await seriousViolations(page), 'sell').toEqual([]);

  await page.getByTestId('sell.pay').click();
  const dialog = page.getByRole('dialog', { name: 'Payment' });
  await dialog.getByRole('button', { name: 'Exact' }).click();
  expect(await seriousViolations(page), 'payment').toEqual([]);

  await dialog.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
  expect(await seriousViolations(page), 'receipt').toEqual([]);
});
