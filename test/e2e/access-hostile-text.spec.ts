/**
 * Text is text (issue 7): a product imported through the API with markup in its title shows
 * those very characters on the sell line and on the receipt; no element is made from it, no
 * script runs and no dialog opens. The page also runs under the server's CSP (no inline script).
 */
import { randomUUID } from 'node:crypto';
import { expect, signIn, test } from './fixtures.ts';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** A 13-digit EAN with a right GS1 check digit, unique per run. */
function freshEan(): string {
  const body = `29${String(Date.now()).slice(-10)}`;
  let sum = 0;
  for (let i = 0; i < 12; i += 1) sum += Number(body[i]) * (i % 2 === 0 ? 1 : 3);
  return `${body}${(10 - (sum % 10)) % 10}`;
}

test('a hostile product title renders as text on the sell line and the receipt', async ({
  page,
  api,
}) => {
  const productId = `hostile-${randomUUID().slice(0, 8)}`;
  const ean = freshEan();
  const title = `${HOSTILE} ${productId}`;
  const products = await api.post('/v0/d/import', {
    data: {
      entity: 'products',
      mode: 'partial',
      head: { catalog: 'storefront-catalog-en', locale: 'en-US', is_master: true },
      items: [
        {
          product_id: productId,
          title,
          external_identifiers: [{ type: 'ean13', value: ean }],
        },
      ],
    },
  });
  expect(products.status(), await products.text()).toBe(200);
  const prices = await api.post('/v0/d/import', {
    data: {
      entity: 'prices',
      mode: 'partial',
      head: { pricebook: 'default', currency: 'USD' },
      items: [{ product_id: productId, value: 4.5 }],
    },
  });
  expect(prices.status(), await prices.text()).toBe(200);

  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const response = await page.goto('/');
  expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
  await signIn(page);
  const field = page.getByLabel('Barcode or SKU');
  await expect(field).toBeFocused({ timeout: 20_000 });
  await field.fill(ean);
  await field.press('Enter');

  const line = page.getByRole('list', { name: 'Cart lines' }).getByRole('listitem');
  await expect(line).toHaveCount(1);
  await expect(line).toContainText(title);
  // Playwright's CSS engine pierces shadow roots: no element came out of the title.
  await expect(page.locator('img[src="x"]')).toHaveCount(0);

  await page.getByTestId('sell.pay').click();
  const pay = page.getByRole('dialog', { name: 'Payment' });
  await pay.getByRole('button', { name: 'Exact' }).click();
  await pay.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
  await expect(page.getByText(title)).toBeVisible();
  await expect(page.locator('img[src="x"]')).toHaveCount(0);
  expect(dialogs).toEqual([]);
});
