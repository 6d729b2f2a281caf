/**
 * The serial prompt on the real sell screen against the real server: a line shipped to the
 * customer asks for no serial (and switching to ship drops one); two units ask for two
 * serials, the same one twice is refused, and payment waits for both; a serial scanned before
 * its product says to scan the product first and adds nothing; a GS1 code (element string,
 * Digital Link) typed by a hardware scanner adds the product and its serial in one scan.
 */
import type { Order } from '../../src/protocol/schemas.ts';
import { expect, signIn, test } from './fixtures.ts';
import {
  cartLines,
  freshSerial,
  gtin14,
  serializedProduct,
  serialPrompt,
  wedgeScan,
} from './support/serials.ts';

test.beforeEach(async ({ page }) => {
  await page.goto('/');
  await signIn(page);
  await expect(page.getByLabel('Barcode or SKU')).toBeFocused({ timeout: 20_000 });
});

test('a line shipped to the customer asks for no serial, and shipping drops one', async ({
  page,
  api,
}) => {
  const phone = serializedProduct(0);
  const serial = freshSerial();
  await wedgeScan(page, phone.barcode);
  const prompt = serialPrompt(page);
  await expect(prompt).toBeVisible();
  await expect(prompt.getByLabel('Serial number')).toBeFocused();
  await prompt.getByLabel('Serial number').fill(serial);
  await prompt.getByLabel('Serial number').press('Enter');
  await expect(prompt).toBeHidden();
  await expect(page.getByTestId('line.serial')).toContainText(`S/N ${serial} · captured`);

  await page.getByRole('checkbox', { name: `Ship to customer: ${phone.title}` }).check();
  await expect(page.getByTestId('line.serial')).toHaveText(
    'To be shipped: its serial is scanned when the order is picked',
  );
  await expect(page.getByTestId('sell.message')).toHaveText(
    `${phone.title} will be shipped to the customer: no serial needed now.`,
  );

  // Payment opens at once: a shipped unit needs no serial now.
  await page.getByTestId('sell.pay').click();
  const payment = page.getByRole('dialog', { name: 'Payment' });
  await payment.getByRole('button', { name: 'Exact' }).click();
  await payment.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByText('To be shipped to the customer')).toBeVisible();
  await expect(page.getByTestId('receipt.sync')).toHaveText('Synced with the store server', {
    timeout: 15_000,
  });
  const saleId = page.url().split('/').at(-1) ?? '';
  const order = (await (await api.get(`/v0/orders?external_id=${saleId}`)).json()) as Order;
  expect(order.items.map((item) => [item.shipping_type, item.serial_number])).toEqual([
    ['traditional_carrier', null],
  ]);
  expect((await api.get(`/v0/serials/${serial}`)).status()).toBe(404);
});

test('two units ask for two serials; the same serial twice is refused; pay waits for both', async ({
  page,
  api,
}) => {
  const tablet = serializedProduct(3);
  const [first, second] = [freshSerial(), freshSerial()];
  await wedgeScan(page, tablet.sku);
  const prompt = serialPrompt(page);
  await expect(prompt.getByText(tablet.title)).toBeVisible();
  await wedgeScan(page, first);
  await expect(prompt).toBeHidden();
  await expect(page.getByTestId('sell.message')).toHaveText(
    `Serial ${first} recorded for ${tablet.title}.`,
  );

  // Quantity two: another unit, on its own line, with its own serial.
  await page.getByRole('button', { name: `One more ${tablet.title}` }).click();
  await expect(prompt).toBeVisible();
  await wedgeScan(page, first);
  await expect(prompt.getByRole('alert')).toContainText(
    `Serial ${first} of ${tablet.title} is already in this cart.`,
  );
  await prompt.getByRole('button', { name: 'Later' }).click();
  await expect(cartLines(page)).toHaveCount(2);

  await page.getByTestId('sell.pay').click();
  await expect(page.getByTestId('sell.message')).toHaveText(
    `1 item needs its serial number before payment: ${tablet.title}.`,
  );
  await expect(page.getByRole('dialog', { name: 'Payment' })).toBeHidden();
  const addSerial = page.getByRole('button', { name: `Add serial of ${tablet.title}` });
  await expect(addSerial).toBeFocused();
  await addSerial.click();
  await prompt.getByLabel('Serial number').fill(second);
  await prompt.getByRole('button', { name: 'Add serial' }).click();
  await expect(prompt).toBeHidden();
  await expect(page.getByTestId('line.serial')).toHaveText([
    new RegExp(`S/N ${first} · captured`),
    new RegExp(`S/N ${second} · captured`),
  ]);

  await page.getByTestId('sell.pay').click();
  const payment = page.getByRole('dialog', { name: 'Payment' });
  await payment.getByRole('button', { name: 'Exact' }).click();
  await payment.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByTestId('receipt.sync')).toHaveText('Synced with the store server', {
    timeout: 15_000,
  });
  const saleId = page.url().split('/').at(-1) ?? '';
  const order = (await (await api.get(`/v0/orders?external_id=${saleId}`)).json()) as Order;
  expect(order.items.map((item) => item.serial_number)).toEqual([first, second]);
});

test('a serial scanned before its product says to scan the product first and adds nothing', async ({
  page,
}) => {
  await wedgeScan(page, freshSerial());
  await expect(page.getByTestId('sell.message')).toHaveText(
    'This looks like a serial number. Scan the product barcode first, then its serial.',
  );
  await expect(page.getByText('The cart is empty.')).toBeVisible();
  await expect(serialPrompt(page)).toBeHidden();
  // Something that is neither a product nor a serial keeps the plain message.
  await wedgeScan(page, 'NOPE-42');
  await expect(page.getByTestId('sell.message')).toHaveText(
    'No product with barcode NOPE-42 — check the code or type the SKU.',
  );
});

test('a GS1 code with GTIN and serial adds the product and its serial in one scan', async ({
  page,
}) => {
  const watch = serializedProduct(7);
  const laptop = serializedProduct(5);
  const [one, two] = [freshSerial(), freshSerial()];
  await wedgeScan(page, `(01)${gtin14(watch)}(21)${one}`);
  await expect(page.getByTestId('sell.message')).toContainText(
    `Added ${watch.title} — $329.99 with serial ${one}.`,
  );
  await expect(serialPrompt(page)).toBeHidden();
  await wedgeScan(page, `https://id.gs1.org/01/${gtin14(laptop)}/21/${two}`);
  await expect(page.getByTestId('sell.message')).toContainText(`with serial ${two}.`);
  await expect(page.getByTestId('line.serial')).toHaveText([
    new RegExp(`S/N ${one} · captured`),
    new RegExp(`S/N ${two} · captured`),
  ]);
  // The same code again: the serial is already in the cart, so nothing is added.
  await wedgeScan(page, `(01)${gtin14(watch)}(21)${one}`);
  await expect(page.getByTestId('sell.message')).toContainText('already in this cart');
  // A GS1 serial the pattern refuses adds nothing either.
  await wedgeScan(page, `(01)${gtin14(watch)}(21)short1`);
  await expect(page.getByTestId('sell.message')).toContainText(
    `${watch.title} not added: short1 is not a valid serial number`,
  );
  await expect(cartLines(page)).toHaveCount(2);
});

test('a serial typed in small letters goes in as capitals; a scanned one is never changed; a SKU is found in any case', async ({
  page,
}) => {
  const phone = serializedProduct(3);
  // A SKU typed in small letters on a phone keyboard finds the product.
  const field = page.getByLabel('Barcode or SKU');
  await field.pressSequentially(phone.sku.toLowerCase(), { delay: 60 });
  await field.press('Enter');
  const prompt = serialPrompt(page);
  await expect(prompt).toBeVisible();
  await expect(prompt.getByLabel('Serial number')).toHaveAttribute('autocapitalize', 'characters');

  // Scanned in small letters (a scanner's burst): refused as it came, not upper-cased.
  const scanned = freshSerial().toLowerCase();
  await wedgeScan(page, scanned);
  await expect(prompt.getByTestId('serial.error')).toHaveText(
    `${scanned} is not a valid serial number: expected 14 capital letters or digits, for example A1B2C3D4E5F6G7.`,
  );

  // Typed by a person in small letters: recorded in capitals.
  const typed = freshSerial();
  await prompt.getByLabel('Serial number').fill('');
  await prompt.getByLabel('Serial number').pressSequentially(typed.toLowerCase(), { delay: 60 });
  await prompt.getByLabel('Serial number').press('Enter');
  await expect(prompt).toBeHidden();
  await expect(page.getByTestId('line.serial')).toContainText(`S/N ${typed} · captured`);
});
