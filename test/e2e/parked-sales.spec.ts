/**
 * Parked sales (issue 13): a sale with a serialized unit is parked, another is sold, the
 * parked one is recalled and paid with its serial still on it; signing out with a sale open
 * asks to park or clear it, and the next person never inherits someone else's cart.
 */
import { DEMO_PRODUCTS, expect, signIn, test } from './fixtures.ts';
import {
  cartLines,
  enterSerial,
  freshSerial,
  serializedProduct,
  wedgeScan,
} from './support/serials.ts';

test('park a sale with a serial, sell another, recall and pay; sign-out asks to park or clear', async ({
  page,
}) => {
  const phone = serializedProduct(5);
  const plain = DEMO_PRODUCTS.find((product) => !product.serialized)!;
  const serial = freshSerial();
  await page.goto('/');
  await signIn(page);
  const field = page.getByLabel('Barcode or SKU');
  await expect(field).toBeEditable({ timeout: 20_000 });
  await wedgeScan(page, phone.barcode);
  await enterSerial(page, serial);
  await expect(cartLines(page)).toHaveCount(1);

  await page.getByTestId('sell.park').click();
  await expect(page.getByText('The cart is empty.')).toBeVisible();
  await expect(page.getByTestId('parked.sale')).toHaveCount(1);
  await expect(page.getByTestId('parked.sale')).toContainText(phone.title);

  // Another customer meanwhile: the parked serial is still held on this device.
  await field.fill(plain.sku);
  await field.press('Enter');
  await page.getByTestId('sell.pay').click();
  const payment = page.getByRole('dialog', { name: 'Payment' });
  await payment.getByRole('button', { name: 'Exact' }).click();
  await payment.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
  await page.getByRole('button', { name: 'New sale' }).click();

  await page.getByTestId('parked.sale').getByRole('button', { name: 'Recall' }).click();
  await expect(cartLines(page)).toHaveCount(1);
  await expect(page.getByTestId('line.serial')).toContainText(serial);
  await expect(page.getByTestId('parked.sale')).toHaveCount(0);
  await page.getByTestId('sell.pay').click();
  await payment.getByRole('button', { name: 'Exact' }).click();
  await payment.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByTestId('receipt.serial')).toContainText(serial);
  await page.getByRole('button', { name: 'New sale' }).click();

  // Signing out with a sale open: it is parked for this associate, not left to the next one.
  await field.fill(plain.sku);
  await field.press('Enter');
  await expect(cartLines(page)).toHaveCount(1);
  await expect(page.getByTestId('sync.pending')).toHaveText('All sales synced', {
    timeout: 20_000,
  });
  await page.getByRole('button', { name: 'Sign out' }).click();
  const ask = page.getByRole('dialog', { name: 'A sale is still open' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Park and sign out' }).click();
  await expect(page.getByRole('button', { name: 'Sign in' })).toBeVisible();

  // The manager signs in on this till: an empty cart, and no parked sale of the associate.
  await signIn(page, 'manager');
  await expect(field).toBeEditable({ timeout: 20_000 });
  await expect(page.getByText('The cart is empty.')).toBeVisible();
  await expect(page.getByTestId('parked.sale')).toHaveCount(0);
});
