/**
 * Two languages (issue 15), as an associate meets them: German chosen in Settings turns the
 * sell screen, the serial prompt, payment and the receipt German — words, amounts and dates
 * as German writes them — and after a reload with no network the till is still German (the
 * choice is kept on the device, the German chunk comes from the precache). Back to "as the
 * store", the screens are English again. And the demo's Berlin store speaks German by its
 * locale, in euros with the VAT included in its prices, and its screens fit a 360 px phone.
 */
import type { Page } from '@playwright/test';
import type { Order } from '../../src/protocol/schemas.ts';
import { demoEuroPrice, DEMO_STORE_DE } from '../../server/src/seed/demo-catalog.ts';
import { DEMO_PRODUCTS, DEMO_STORE, expect, signIn, test } from './fixtures.ts';
import { layoutProblems } from './support/layout-audit.ts';
import { signInBerlin } from './support/sign-in.ts';
import { waitForServiceWorker } from './support/sell.ts';
import { freshSerial, serializedProduct, wedgeScan } from './support/serials.ts';

/** Follows the header's link to a screen, through the Menu when the links are in it. */
async function openScreen(page: Page, label: string): Promise<void> {
  const menu = page.getByTestId('app.menu');
  if (await menu.isVisible()) await menu.click();
  await page.getByRole('link', { name: label }).click();
}

/** An amount of the demo store (USD) as German writes it: "754,92 $". */
const germanUsd = (cents: number) =>
  new Intl.NumberFormat('de-DE', { style: 'currency', currency: DEMO_STORE.currency }).format(
    cents / 100,
  );

test('German chosen on the device: sell, serial prompt and receipt in German, offline too', async ({
  page,
  context,
}) => {
  const phone = serializedProduct(0);
  const serial = freshSerial();
  const price = Math.round(phone.price * 100);
  const total = price + Math.floor(price * DEMO_STORE.tax_rate + 0.5);

  await page.goto('/');
  await signIn(page);
  await expect(page.getByLabel('Barcode or SKU')).toBeEditable({ timeout: 20_000 });
  await waitForServiceWorker(page);

  await page.getByRole('link', { name: 'Settings' }).click();
  await page.getByRole('combobox', { name: 'Language' }).selectOption({ label: 'Deutsch' });
  await expect(page.getByRole('heading', { name: 'Einstellungen', level: 1 })).toBeVisible();
  // German's longer words put a tablet's links into the Menu.
  await openScreen(page, 'Kasse');

  // The sell screen.
  const field = page.getByLabel('Barcode oder Art.-Nr.');
  await expect(field).toBeEditable();
  await expect(page.getByText('Der Warenkorb ist leer.')).toBeVisible();
  await expect(page.getByTestId('sync.pending')).toHaveText('Alles gesendet', {
    timeout: 20_000,
  });

  // The serial prompt, with the pattern in German words.
  await wedgeScan(page, phone.barcode);
  const prompt = page.getByRole('dialog', { name: 'Seriennummer' });
  await expect(prompt).toBeVisible();
  await expect(prompt.getByTestId('serial.expected')).toHaveText(
    'Erwartet: 14 Großbuchstaben oder Ziffern, zum Beispiel A1B2C3D4E5F6G7.',
  );
  const input = prompt.getByLabel('Seriennummer');
  await input.fill(serial.slice(0, 13));
  await input.press('Enter');
  await expect(prompt.getByRole('alert')).toHaveText(
    `${serial.slice(0, 13)} ist keine gültige Seriennummer: erwartet 14 Großbuchstaben oder Ziffern, zum Beispiel A1B2C3D4E5F6G7.`,
  );
  await input.fill(serial);
  await input.press('Enter');
  await expect(prompt).toBeHidden();
  await expect(page.getByTestId('sell.message')).toHaveText(
    `Seriennummer ${serial} für ${phone.title} erfasst.`,
  );
  await expect(
    page.getByRole('list', { name: 'Warenkorbpositionen' }).getByRole('listitem'),
  ).toHaveCount(1);
  await expect(page.getByTestId('line.serial')).toContainText(`S/N ${serial} · erfasst`);
  await expect(page.getByText('Zwischensumme (1 Artikel)')).toBeVisible();
  await expect(page.getByText('MwSt. 8 %')).toBeVisible();
  await expect(page.getByTestId('totals.total')).toHaveText(germanUsd(total));

  // Payment and the receipt.
  await page.getByTestId('sell.pay').click();
  const payment = page.getByRole('dialog', { name: 'Zahlung' });
  await payment.getByRole('button', { name: 'Passend' }).click();
  await payment.getByRole('button', { name: 'Verkauf abschließen' }).click();
  await expect(page.getByRole('heading', { name: 'Verkauf abgeschlossen' })).toBeVisible();
  await expect(page.getByTestId('receipt.give')).toHaveText('Kein Rückgeld');
  await expect(page.getByTestId('receipt.total')).toHaveText(germanUsd(total));
  await expect(page.getByTestId('receipt.tender')).toContainText('Bar');
  await expect(page.getByTestId('receipt.serial')).toContainText(`S/N ${serial}`);
  // German dates: the warranty ends on a day written dd.mm.yyyy.
  await expect(page.getByTestId('receipt.warranty')).toHaveText(
    /^\s*Garantie bis \d\d\.\d\d\.\d{4}\s*$/,
  );
  await expect(page.getByTestId('receipt.sync')).toHaveText('Mit dem Filialserver synchronisiert', {
    timeout: 20_000,
  });

  // No network, a reload: still German, from the device's choice and the precached chunk.
  await context.setOffline(true);
  await page.reload();
  await expect(page.getByRole('heading', { name: 'Verkauf abgeschlossen' })).toBeVisible({
    timeout: 15_000,
  });
  await page.getByRole('button', { name: 'Neuer Verkauf' }).click();
  await expect(page.getByLabel('Barcode oder Art.-Nr.')).toBeEditable();
  await expect(page.getByText('Der Warenkorb ist leer.')).toBeVisible();
  await expect(page.getByTestId('sync.connection')).toHaveText('Offline');
  await context.setOffline(false);

  // Back to the store's language.
  await openScreen(page, 'Einstellungen');
  await page
    .getByRole('combobox', { name: 'Sprache' })
    .selectOption({ label: 'Wie die Filiale: English' });
  await expect(page.getByRole('heading', { name: 'Settings', level: 1 })).toBeVisible();
  await openScreen(page, 'Sell');
  await expect(page.getByLabel('Barcode or SKU')).toBeEditable();
});

test('the Berlin store speaks German by its locale, in euros with the VAT included', async ({
  page,
  api,
}) => {
  // On the narrowest phone, where German's longer words have the least room.
  await page.setViewportSize({ width: 360, height: 740 });
  const fits = async (label: string) =>
    expect.soft(await layoutProblems(page, label), label).toEqual([]);
  const headphones = DEMO_PRODUCTS.find((p) => p.title.startsWith('StudioSound ANC'))!;
  // 349.00 USD → 379,99 € with 19 % VAT in it: 37 999 / 1.19 = 31 931.9 → net 319,32 €,
  // VAT 37 999 − 31 932 = 60,67 €.
  expect(demoEuroPrice(headphones)).toBe(379.99);

  // A new device: the sign-in screen is in the browser's English until a store is known.
  await signInBerlin(page);

  const field = page.getByLabel('Barcode oder Art.-Nr.');
  await expect(field).toBeEditable({ timeout: 20_000 });
  // The phone's Menu names the associate and the store.
  await page.getByTestId('app.menu').click();
  await expect(page.getByText(DEMO_STORE_DE.label).last()).toBeVisible();
  await fits('menu, German');
  await page.keyboard.press('Escape');
  await field.fill(headphones.sku);
  await field.press('Enter');
  await expect(page.getByTestId('sell.message')).toHaveText(
    `${headphones.title} hinzugefügt — 379,99 €.`,
  );
  await expect(page.getByText('Netto (1 Artikel)')).toBeVisible();
  await expect(page.getByTestId('totals.subtotal')).toHaveText('319,32 €');
  await expect(page.getByText('inkl. MwSt. 19 %')).toBeVisible();
  await expect(page.getByTestId('totals.tax')).toHaveText('60,67 €');
  await expect(page.getByTestId('totals.total')).toHaveText('379,99 €');
  await fits('sell, German');

  await page.getByTestId('sell.pay').click();
  const payment = page.getByRole('dialog', { name: 'Zahlung' });
  await payment.getByTestId('tender.cash').fill('400');
  await expect(payment.getByTestId('tender.change')).toHaveText('20,01 €');
  await fits('payment, German');
  await payment.getByRole('button', { name: 'Verkauf abschließen' }).click();
  await expect(page.getByRole('heading', { name: 'Verkauf abgeschlossen' })).toBeVisible();
  await expect(page.getByTestId('receipt.give')).toHaveText('20,01 € Rückgeld geben');
  await expect(page.getByTestId('receipt.total')).toHaveText('379,99 €');
  await expect(page.getByText('inkl. MwSt. 19 %')).toBeVisible();
  await fits('receipt, German');
  await expect(page.getByTestId('receipt.sync')).toHaveText('Mit dem Filialserver synchronisiert', {
    timeout: 20_000,
  });

  // The store server has the sale in euros, as the till priced it.
  const saleId = /#\/receipt\/([0-9a-f-]{36})$/.exec(page.url())?.[1] ?? '';
  const reply = await api.get(
    `/v0/orders?external_id=${saleId}&store_id=${DEMO_STORE_DE.store_id}`,
  );
  expect(reply.status()).toBe(200);
  const order = (await reply.json()) as Order;
  expect(order.currency).toBe('EUR');
  expect(order.totals.total).toBe(379.99);
});
