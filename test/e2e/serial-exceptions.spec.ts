/**
 * After checkout, against the real server: "Test a serial scan" in settings shows the active
 * pattern with its version and source and judges a typed and a scanned sample; a serial sold
 * twice (the first sale injected by an integration, the second made on a device that could not
 * know) keeps both sales, shows as an exception on the device, and a manager resolves it from
 * the app's Exceptions screen, through the outbox; the associate's device then shows it resolved.
 */
import type { ConfigEnvelope, OrderCreated } from '../../src/protocol/schemas.ts';
import type { SerialExceptionList, SerialLookup } from '../../src/protocol/serials.ts';
import {
  DEMO_SERIAL_INVALID,
  DEMO_SERIAL_REGEX,
  DEMO_SERIAL_SAMPLE,
  DEMO_STORE,
  expect,
  signIn,
  test,
} from './fixtures.ts';
import { E2E_BASE_URL } from './support/env.ts';
import {
  enterSerial,
  freshSerial,
  serializedProduct,
  serialPrompt,
  wedgeScan,
} from './support/serials.ts';
import { webOrder } from './support/web-orders.ts';

test('settings: the active pattern in words and (for a manager) as written, its version and source, and a sample serial tested', async ({
  page,
  api,
}) => {
  const config = (await (
    await api.get(`/v0/associate-app/config?store_id=${DEMO_STORE.store_id}`)
  ).json()) as ConfigEnvelope;
  await page.goto('/');
  await signIn(page, 'manager');
  await expect(page.getByLabel('Barcode or SKU')).toBeFocused({ timeout: 20_000 });
  await page.getByRole('link', { name: 'Settings' }).click();

  const shown = page.getByTestId('settings.serial-config').locator('dd');
  await expect(shown.nth(0)).toHaveText('14 capital letters or digits, for example A1B2C3D4E5F6G7');
  await expect(page.getByTestId('settings.pattern')).toHaveText(DEMO_SERIAL_REGEX);
  await expect(shown.nth(2)).toContainText(`${config.version} · updated`);
  await expect(shown.nth(3)).toHaveText(
    config.source === 'store' ? "this store's configuration" : 'the global configuration',
  );

  await page.getByLabel('Sample serial').fill(DEMO_SERIAL_INVALID);
  await page.getByRole('button', { name: 'Test', exact: true }).click();
  const result = page.getByTestId('settings.serial-result');
  await expect(result).toHaveText(
    `Refused (typed): ${DEMO_SERIAL_INVALID} is not a valid serial number: expected 14 capital letters or digits, for example A1B2C3D4E5F6G7.`,
  );
  // A hardware scanner's read anywhere on the screen is tested as it comes, AIM prefix and all.
  await page.getByRole('heading', { name: 'Settings' }).click();
  await wedgeScan(page, `]C0${DEMO_SERIAL_SAMPLE}`);
  await expect(result).toHaveText(
    `Passes: ${DEMO_SERIAL_SAMPLE} is a valid serial number (scanner).`,
  );
});

test('a serial sold twice becomes an exception a manager resolves in the app', async ({
  page,
  browser,
  api,
}) => {
  const phone = serializedProduct(1);
  const serial = freshSerial();
  const injected = await api.post('/v0/d/fulfill_order', {
    data: webOrder(`web-${serial}`, [{ product: phone, shipping: 'in_store_handover', serial }]),
  });
  expect(injected.status()).toBe(201);
  expect(((await injected.json()) as OrderCreated).items[0]?.serial_state).toBe('accepted');

  // The device knows the store sold that serial (its history came with the first sync): it
  // warns, and the associate who scans it again sells it anyway; the server flags it.
  await page.goto('/');
  await signIn(page);
  await expect(page.getByLabel('Barcode or SKU')).toBeFocused({ timeout: 20_000 });
  await wedgeScan(page, phone.barcode);
  await expect(serialPrompt(page)).toBeVisible();
  await enterSerial(page, serial);
  await expect(serialPrompt(page).getByRole('alert')).toContainText(
    `Serial ${serial} was already sold on`,
  );
  await expect(serialPrompt(page).getByRole('alert')).toContainText(
    `web-${serial}`.slice(0, 8).toUpperCase(),
  );
  await enterSerial(page, serial);
  await expect(serialPrompt(page)).toBeHidden();
  await page.getByTestId('sell.pay').click();
  const payment = page.getByRole('dialog', { name: 'Payment' });
  await payment.getByRole('button', { name: 'Exact' }).click();
  await payment.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByTestId('receipt.serial')).toContainText(`S/N ${serial} · exception`, {
    timeout: 15_000,
  });
  const saleId = page.url().split('/').at(-1) ?? '';
  // The receipt says what happened and that nothing is to be done at the till.
  const help = page.getByTestId('receipt.serial-help');
  await expect(help).toContainText('The sale stands', { timeout: 15_000 });
  await expect(help).toContainText('Nothing to do at the till.');

  // A manager, on another device, sees it and first tries a correction the pattern refuses.
  const managerContext = await browser.newContext({ baseURL: E2E_BASE_URL });
  const manager = await managerContext.newPage();
  await manager.goto('/');
  await signIn(manager, 'manager');
  await expect(manager.getByLabel('Barcode or SKU')).toBeFocused({ timeout: 20_000 });
  await manager.getByRole('link', { name: 'Exceptions' }).click();
  const card = manager
    .getByRole('article', { name: `Sold twice: ${phone.title}` })
    .filter({ hasText: serial });
  await expect(card).toBeVisible({ timeout: 15_000 });
  await expect(card).toContainText(`Sale ${saleId.slice(0, 8).toUpperCase()}`);
  // The whole order ids: two orders with the same first eight characters stay apart.
  await expect(card).toContainText(`order ${saleId}`);
  await expect(card).toContainText(`Already sold in sale WEB-${serial.slice(0, 4)}`);
  await expect(card).toContainText(`order web-${serial}`);
  await card.getByLabel('Right serial').fill('bad');
  await card.getByRole('button', { name: 'Correct' }).click();
  await expect(card.getByRole('alert')).toContainText('BAD is not a valid serial number');

  // Accept asks first; Cancel leaves everything as it was.
  await card.getByRole('button', { name: 'Accept as is' }).click();
  await expect(card).toContainText(`Accept serial ${serial} as it is?`);
  await card.getByRole('button', { name: 'Cancel' }).click();
  await expect(card.getByRole('button', { name: 'Accept as is' })).toBeVisible();
  await card.getByRole('button', { name: 'Accept as is' }).click();
  await card.getByRole('button', { name: 'Yes, accept' }).click();
  await expect(card).toBeHidden({ timeout: 15_000 });
  // Resolved, it can be seen again with how it was resolved.
  await manager.getByRole('button', { name: /^Resolved/ }).click();
  const settled = manager
    .getByRole('list', { name: 'Resolved serial exceptions' })
    .getByRole('article')
    .filter({ hasText: serial });
  await expect(settled).toContainText('Accepted as sold', { timeout: 15_000 });
  const open = (await (
    await api.get(`/v0/serial-exceptions?state=open&store_id=${DEMO_STORE.store_id}`)
  ).json()) as SerialExceptionList;
  expect(open.serial_exceptions.filter((e) => e.serial_number === serial)).toEqual([]);
  const lookup = (await (
    await api.get(`/v0/serials/${serial}?product_id=${phone.product_id}`)
  ).json()) as SerialLookup;
  expect(lookup.open_exceptions).toEqual([]);
  expect(lookup.history.map((unit) => unit.order.external_id).sort()).toEqual(
    [saleId, `web-${serial}`].sort(),
  );
  await managerContext.close();

  // The associate's device learns it with its next pull.
  await page.getByRole('link', { name: 'Orders' }).click();
  await page.evaluate(() => window.dispatchEvent(new Event('online')));
  const sale = page.getByRole('article', { name: `Sale ${saleId.slice(0, 8).toUpperCase()}` });
  await expect(sale.getByTestId('orders.serial')).toHaveText(
    `${phone.title}: S/N ${serial} · resolved`,
    { timeout: 15_000 },
  );
});
