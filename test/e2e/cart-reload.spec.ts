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

test('the first catalog download shows its progress and resumes after a reload', async ({
  page,
}) => {
  // Small, slow pages so the download is still running when the page reloads.
  const sinces: Array<string | null> = [];
  await page.route('**/v0/sync/pull*', async (route) => {
    const url = new URL(route.request().url());
    sinces.push(url.searchParams.get('since'));
    url.searchParams.set('limit', '10');
    const response = await route.fetch({ url: url.toString() });
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.fulfill({ response });
  });
  await page.goto('/');
  await signIn(page);
  const progress = page.getByRole('progressbar', { name: 'Catalog download' });
  await expect(progress).toBeVisible();
  await expect(page.getByText(`10 of ${DEMO_PRODUCTS.length} products`)).toBeVisible();

  await page.reload();
  await expect(page.getByLabel('Barcode or SKU')).toBeFocused({ timeout: 20_000 });
  // After the reload the download went on from a saved cursor instead of starting over.
  const restarts = sinces.slice(1).filter((since) => since === null);
  expect(restarts).toEqual([]);
  // At most the page in flight at the reload is fetched twice, plus one background refresh.
  expect(sinces.length).toBeLessThanOrEqual(Math.ceil(DEMO_PRODUCTS.length / 10) + 2);
  const last = DEMO_PRODUCTS.at(-1)!;
  await page.getByLabel('Barcode or SKU').fill(last.barcode);
  await page.getByLabel('Barcode or SKU').press('Enter');
  await expect(page.getByText(`Added ${last.title}`)).toBeVisible();
});
