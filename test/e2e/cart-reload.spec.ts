/**
 * The cart is kept on the device: a reload in the middle of a sale keeps every line and
 * quantity, and an unknown barcode is refused with a message and adds nothing.
 */
import { DEMO_PRODUCTS, expect, signIn, test } from './fixtures.ts';
import { openShift } from './support/sign-in.ts';

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
  const lines = page.getByRole('list', { name: 'Cart lines' }).getByRole('listitem');
  await expect(lines).toHaveCount(1);
  const totalBefore = await page.getByTestId('totals.total').textContent();
  expect(totalBefore).not.toBe('$0.00');

  await field.fill('1234567890128');
  await field.press('Enter');

  await expect(page.getByTestId('sell.message')).toHaveText(
    'No product with barcode 1234567890128 — check the code or type the SKU.',
  );
  await expect(lines).toHaveCount(1);
  await expect(page.getByTestId('totals.total')).toHaveText(totalBefore ?? '');
  await expect(field).toBeFocused();
  await expect(field).toHaveValue('');
});

test('the first catalog download shows its progress and resumes after a reload', async ({
  page,
}) => {
  // Pages of 10; the second page is held until the page has reloaded, so the download is
  // caught half-way whatever the machine's speed.
  const sinces: Array<string | null> = [];
  let holding = true;
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/v0/sync/pull*', async (route) => {
    const url = new URL(route.request().url());
    const since = url.searchParams.get('since');
    sinces.push(since);
    url.searchParams.set('limit', '10');
    try {
      const response = await route.fetch({ url: url.toString() });
      if (holding && since !== null) await held;
      await route.fulfill({ response });
    } catch {
      // The request belonged to the page that was reloaded away.
    }
  });
  await page.goto('/');
  // The till's shift opens once the device is prepared: the download screen comes first.
  await signIn(page, 'associate', 15_000, { openShift: false });
  await expect(page.getByRole('progressbar', { name: 'Catalog download' })).toBeVisible();
  // Other specs may have added products to the shared server: only the first page is known.
  await expect(page.getByText(/\b10 of \d+ products/)).toBeVisible();

  await page.reload();
  holding = false;
  release();
  await expect(page.getByLabel('Barcode or SKU')).toBeFocused({ timeout: 20_000 });
  // After the reload the download went on from the saved cursor instead of starting over.
  expect(sinces[0]).toBeNull();
  expect(sinces.slice(1).filter((since) => since === null)).toEqual([]);
  await openShift(page, '0');
  const last = DEMO_PRODUCTS.at(-1)!;
  await page.getByLabel('Barcode or SKU').fill(last.barcode);
  await page.getByLabel('Barcode or SKU').press('Enter');
  await expect(page.getByText(`Added ${last.title}`)).toBeVisible();
});
