/**
 * Accessibility of the serialized-inventory screens: axe-core finds no serious or critical
 * violation on the sell screen with the serial prompt open (and with a unit flagged for its
 * missing serial), the receipt with serial states, the order history, settings with a test
 * result, and a manager's exceptions screen.
 */
import { expect, signIn, test } from './fixtures.ts';
import { seriousViolations } from './support/axe.ts';
import { freshSerial, serializedProduct, serialPrompt, wedgeScan } from './support/serials.ts';

// axe is injected as an inline script, which the app's Content-Security-Policy rightly forbids.
test.use({ bypassCSP: true });

test('the serial prompt, receipt, order history, settings and exceptions screens are accessible', async ({
  page,
}) => {
  const phone = serializedProduct(2);
  await page.goto('/');
  await signIn(page, 'manager');
  await expect(page.getByLabel('Barcode or SKU')).toBeFocused({ timeout: 20_000 });

  await wedgeScan(page, phone.barcode);
  const prompt = serialPrompt(page);
  await prompt.getByLabel('Serial number').fill('short');
  await prompt.getByLabel('Serial number').press('Enter');
  await expect(prompt.getByRole('alert')).toBeVisible();
  expect(await seriousViolations(page), 'serial prompt with a refusal').toEqual([]);

  await prompt.getByRole('button', { name: 'Later' }).click();
  await page.getByTestId('sell.pay').click();
  await expect(page.getByRole('button', { name: `Add serial of ${phone.title}` })).toBeFocused();
  expect(await seriousViolations(page), 'sell screen, a unit flagged').toEqual([]);

  await page.getByRole('button', { name: `Add serial of ${phone.title}` }).click();
  await wedgeScan(page, freshSerial());
  await expect(prompt).toBeHidden();
  await page.getByTestId('sell.pay').click();
  const payment = page.getByRole('dialog', { name: 'Payment' });
  await payment.getByRole('button', { name: 'Exact' }).click();
  await payment.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByTestId('receipt.serial')).toBeVisible();
  expect(await seriousViolations(page), 'receipt').toEqual([]);

  for (const [link, heading] of [
    ['Orders', 'Order history'],
    ['Settings', 'Settings'],
    ['Exceptions', 'Serial exceptions'],
  ] as const) {
    await page.getByRole('link', { name: link }).click();
    await expect(page.getByRole('heading', { name: heading, exact: true })).toBeVisible();
    if (link === 'Settings') {
      await page.getByLabel('Sample serial').fill('abc');
      await page.getByRole('button', { name: 'Test', exact: true }).click();
      await expect(page.getByTestId('settings.serial-result')).toBeVisible();
    }
    expect(await seriousViolations(page), heading).toEqual([]);
  }
});
