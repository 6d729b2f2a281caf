/**
 * A customer on a sale (issue 13), offline: attached on the sell screen (a bad e-mail is
 * refused beside its field), kept across a reload, on the receipt; once the device is back
 * online the server's order has the customer, the store server e-mails the receipt to the
 * e2e mail sink (a real SMTP server) once, and the receipt screen says it was sent. axe finds
 * no serious violation in the dialog (with its error) or on the receipt.
 */
import type { Order } from '../../src/protocol/schemas.ts';
import { DEMO_PRODUCTS, DEMO_STORE, expect, signIn, test } from './fixtures.ts';
import { seriousViolations } from './support/axe.ts';
import { E2E_MAIL_DIR } from './support/env.ts';
import { receivedMail } from './support/mail-sink.ts';
import { waitForServiceWorker } from './support/sell.ts';

// axe (for the dialog with its errors, and the receipt) is injected as an inline script.
test.use({ bypassCSP: true });

test('a customer attached offline is on the server order, and the receipt is e-mailed once', async ({
  page,
  context,
  api,
}) => {
  const item = DEMO_PRODUCTS.find((product) => !product.serialized);
  if (item === undefined) throw new Error('demo catalog too small');
  // Unique per run, so this spec reads only its own message in the shared mailbox.
  const email = `ada.${Date.now().toString(36)}@example.com`;

  await page.goto('/');
  await signIn(page);
  await waitForServiceWorker(page);
  await context.setOffline(true);

  const field = page.getByLabel('Barcode or SKU');
  await expect(field).toBeEditable({ timeout: 20_000 });
  await field.fill(item.sku);
  await field.press('Enter');
  await expect(page.getByRole('list', { name: 'Cart lines' }).getByRole('listitem')).toHaveCount(1);

  await page.getByTestId('sell.customer').click();
  const dialog = page.getByRole('dialog', { name: 'Customer' });
  await dialog.getByTestId('customer.name').fill('Ada Lovelace');
  await dialog.getByTestId('customer.email').fill('ada@localhost');
  await dialog.getByTestId('customer.phone').fill('+1 555 010 4477');
  await dialog.getByTestId('customer.save').click();
  await expect(dialog.getByTestId('customer.email-error')).toHaveText(
    'E-mail must end in a domain like example.com.',
  );
  await expect(dialog.getByTestId('customer.email')).toHaveAttribute('aria-invalid', 'true');
  await expect(dialog.getByTestId('customer.email')).toBeFocused();
  expect(await seriousViolations(page), 'customer dialog with an error').toEqual([]);
  await dialog.getByTestId('customer.email').fill(email);
  await dialog.getByTestId('customer.save').click();
  await expect(dialog).toBeHidden();
  await expect(page.getByTestId('sell.customer')).toHaveText('Customer: Ada Lovelace');
  await expect(page.getByTestId('sell.customer-email')).toHaveText(`E-mail: ${email}`);

  // Kept on the device with the cart.
  await page.reload();
  await expect(page.getByTestId('sell.customer')).toHaveText('Customer: Ada Lovelace');

  await page.getByTestId('sell.pay').click();
  const payment = page.getByRole('dialog', { name: 'Payment' });
  await payment.getByRole('button', { name: 'Exact' }).click();
  await payment.getByRole('button', { name: 'Complete sale' }).click();
  await expect(page.getByRole('heading', { name: 'Sale complete' })).toBeVisible();
  await expect(page.getByTestId('receipt.customer')).toHaveText('Customer: Ada Lovelace');
  await expect(page.getByTestId('receipt.email')).toHaveText(
    `Receipt to be e-mailed to ${email} once the sale reaches the store server`,
  );

  await context.setOffline(false);
  await expect(page.getByTestId('receipt.sync')).toHaveText('Synced with the store server', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('receipt.email')).toHaveAttribute('data-state', 'sent', {
    timeout: 30_000,
  });
  await expect(page.getByTestId('receipt.email')).toContainText(`Receipt e-mailed to ${email}`);
  expect(await seriousViolations(page), 'receipt').toEqual([]);

  const saleId = /#\/receipt\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
  const reply = await api.get(`/v0/orders?external_id=${saleId}&store_id=${DEMO_STORE.store_id}`);
  expect(reply.status()).toBe(200);
  const order = (await reply.json()) as Order;
  expect(order).toMatchObject({
    customer_name: 'Ada Lovelace',
    customer_email: email,
    customer_phone: '+1 555 010 4477',
    receipt_email: { state: 'sent', attempts: 1, last_error: null },
  });

  const mine = receivedMail(E2E_MAIL_DIR).filter((message) => message.to.includes(email));
  expect(mine.map((message) => message.messageId)).toEqual([`<receipt.${order.id}@aisle.test>`]);
});
