/**
 * A new service worker while a cart is open (issue 5, T11): the associate is told an update is
 * available; agreeing does not reload the page while the sale is open (the cart and the page
 * stay exactly as they were); once the sale is done the new version takes over with a reload,
 * and the outbox and the sale are intact.
 *
 * The "new version" is the deployed worker script with one more byte, written into this
 * spec's own server's copy of dist/ (the browser fetches the worker script itself, outside
 * Playwright's routing), so the shared server of the other specs never sees it.
 */
import { appendFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { DEMO_PRODUCTS, expect, signIn, test } from './fixtures.ts';
import { readDevice } from './support/device-db.ts';
import { startOwnServer, type OwnServer } from './support/own-server.ts';
import { waitForServiceWorker } from './support/sell.ts';

let server: OwnServer;
test.beforeAll(async () => {
  server = await startOwnServer();
});
test.afterAll(async () => {
  await server.close();
});

test('an update waits for the open sale, then applies with the outbox intact', async ({ page }) => {
  const item = DEMO_PRODUCTS.find((p) => !p.serialized && p.price < 40);
  if (item === undefined) throw new Error('the demo catalog lacks a cheap plain product');
  // Every message the page posts to a service worker, to see whether the app asked the new
  // version to take over (SKIP_WAITING) rather than guessing from a pause.
  await page.addInitScript(() => {
    const posted: unknown[] = [];
    Object.assign(window, { __aislePostedToWorker: posted });
    const original = ServiceWorker.prototype.postMessage;
    ServiceWorker.prototype.postMessage = function (
      this: ServiceWorker,
      ...args: Parameters<ServiceWorker['postMessage']>
    ) {
      posted.push(args[0]);
      original.apply(this, args);
    } as ServiceWorker['postMessage'];
  });
  const skipWaitingPosted = () =>
    page.evaluate(() =>
      (window as unknown as { __aislePostedToWorker: unknown[] }).__aislePostedToWorker.some(
        (message) => JSON.stringify(message).includes('SKIP_WAITING'),
      ),
    );
  await page.goto(`${server.url}/`);
  await signIn(page);
  await expect(page.getByLabel('Barcode or SKU')).toBeEditable({ timeout: 20_000 });
  await waitForServiceWorker(page);
  await expect(page.getByTestId('update.toast')).toContainText('Ready to work offline');

  const field = page.getByLabel('Barcode or SKU');
  await field.fill(item.sku);
  await field.press('Enter');
  const lines = page.getByRole('list', { name: 'Cart lines' }).getByRole('listitem');
  await expect(lines).toHaveCount(1);

  const worker = join(server.staticDir, 'service-worker.js');
  appendFileSync(worker, '\n// next version\n');
  // The build's compressed copies are of the old version: gone, the server sends the file.
  rmSync(`${worker}.br`, { force: true });
  rmSync(`${worker}.gz`, { force: true });
  const waiting = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    await registration?.update();
    for (let i = 0; i < 50 && registration?.waiting === null; i += 1) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    return registration?.waiting !== null;
  });
  expect(waiting, 'the browser found the new version').toBe(true);
  const toast = page.getByTestId('update.toast');
  await expect(toast).toContainText('Update available', { timeout: 15_000 });

  // A marker on this very document: it survives only if the page is not reloaded.
  await page.evaluate(() => document.documentElement.setAttribute('data-before-update', '1'));
  await toast.getByRole('button', { name: 'Update now' }).click();
  await expect(toast).toContainText('it installs as soon as this sale is done');
  await expect(toast).toContainText('A sale is open');
  // The cart changes once more, so the prompt re-checks what holds the update (the moment a
  // wrongly eager update would apply); once that change is on screen, the app must not have
  // asked the new version to take over, and this very document is still the page.
  await field.fill(item.sku);
  await field.press('Enter');
  await expect(page.getByLabel(`Quantity of ${item.title}`)).toHaveValue('2');
  await expect(toast).toContainText('A sale is open');
  expect(await skipWaitingPosted(), 'SKIP_WAITING posted while the sale is open').toBe(false);
  await expect(page.locator('html[data-before-update="1"]')).toHaveCount(1);
  expect((await readDevice(page)).cartLines).toBe(1);

  // Finish the sale: the update goes in by itself after it (and after its sync).
  const reloaded = page.waitForEvent('framenavigated', { timeout: 20_000 });
  await page.getByTestId('sell.pay').click();
  const dialog = page.getByRole('dialog', { name: 'Payment' });
  await dialog.getByRole('button', { name: 'Exact' }).click();
  await dialog.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
  const saleId = /#\/receipt\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
  await reloaded;
  await expect(page.locator('html[data-before-update="1"]')).toHaveCount(0, { timeout: 20_000 });

  // The new version controls the page; the sale and its outbox entry are still there.
  await expect(page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
  const device = await readDevice(page);
  expect(device.sales.map((sale) => sale.saleId)).toContain(saleId);
  expect(device.outbox.map((entry) => entry.ref)).toContain(saleId);
  expect(device.cartLines).toBe(0);
  const newVersionActive = await page.evaluate(async () => {
    const registration = await navigator.serviceWorker.getRegistration();
    return registration?.waiting === null && registration.active !== null;
  });
  expect(newVersionActive).toBe(true);
  await expect(page.getByTestId('sync.pending')).toHaveText('All sales synced', {
    timeout: 15_000,
  });
});
