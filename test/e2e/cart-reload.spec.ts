/**
 * The cart is kept on the device: a reload in the middle of a sale keeps every line and
 * quantity, and an unknown barcode is refused with a message and adds nothing.
 */
import { DEMO_PRODUCTS, expect, signIn, test } from './fixtures.ts';

test('a reload in the middle of a cart keeps it', async ({ page }) => {
  const [first, second] = DEMO_PRODUCTS.filter((p) => !p.serialized);
  if (first === undefined || second === undefined) throw new Error('demo catalog too small');
  await page.goto('/');
  await signIn(page);
  const field = page.getByLabel('Barcode or SKU');
  await field.fill(first.barcode);
  await field.press('Enter');
  await field.fill(second.sku);
  await field.press('Enter');
  await page.getByRole('button', { name: `One more ${second.title}` }).click();
  await expect(page.getByLabel(`Quantity of ${second.title}`)).toHaveValue('2');
  const total = await page.getByTestId('totals.total').textContent();

  await page.reload();

  // Still signed in, same lines, same quantities, same total.
  await expect(page.getByLabel(`Quantity of ${first.title}`)).toHaveValue('1');
  await expect(page.getByLabel(`Quantity of ${second.title}`)).toHaveValue('2');
  await expect(page.getByTestId('totals.total')).toHaveText(total ?? '');
  await expect(page.getByLabel('Barcode or SKU')).toBeFocused();
});

test('an unknown barcode shows a message and adds nothing', async ({ page }) => {
  const known = DEMO_PRODUCTS.find((p) => !p.serialized);
  if (known === undefined) throw new Error('demo catalog too small');
  await page.goto('/');
  await signIn(page);
  const field = page.getByLabel('Barcode or SKU');
  await field.fill(known.sku);
  await field.press('Enter');
  const totalBefore = await page.getByTestId('totals.total').textContent();

  await field.fill('1234567890128');
  await field.press('Enter');

  await expect(page.getByTestId('sell.message')).toHaveText(
    'No product with barcode 1234567890128 — check the code or type the SKU.',
  );
  await expect(page.getByRole('list', { name: 'Cart lines' }).getByRole('listitem')).toHaveCount(1);
  await expect(page.getByTestId('totals.total')).toHaveText(totalBefore ?? '');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('');
});
