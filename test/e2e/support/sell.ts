/**
 * One cash sale through the real sell screen (scan, pay exact, complete), for specs that need
 * many sales: returns the sale id from the receipt's address and goes back to a new sale.
 */
import { expect, type Page } from '@playwright/test';

export async function sellOne(page: Page, code: string): Promise<string> {
  const field = page.getByLabel('Barcode or SKU');
  await expect(field).toBeEditable();
  await field.fill(code);
  await field.press('Enter');
  await expect(page.getByRole('list', { name: 'Cart lines' }).getByRole('listitem')).toHaveCount(1);
  await page.getByTestId('sell.pay').click();
  const dialog = page.getByRole('dialog', { name: 'Payment' });
  await dialog.getByRole('button', { name: 'Exact' }).click();
  await dialog.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
  const saleId = /#\/receipt\/([0-9a-f-]{36})$/.exec(page.url())?.[1];
  if (saleId === undefined) throw new Error(`no sale id in ${page.url()}`);
  await page.getByRole('button', { name: 'New sale' }).click();
  await expect(page.getByText('The cart is empty.')).toBeVisible();
  return saleId;
}

/** Resolves once a service worker controls the page (its requests go through the precache). */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
}
