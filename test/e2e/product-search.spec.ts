/**
 * Search by name on the sell screen (issue 13), against the real server and the catalog the
 * device pulled: typing "charger" lists the demo chargers with their prices, offline too, and
 * choosing one (Enter on the active option, or a tap) adds it as its scan would; a serialized
 * product chosen by name asks for its serial; a hardware scanner's burst into the same field
 * never shows a suggestion and still adds its product; a unit coming back without a receipt is
 * found by name on the return screen.
 */
import type { Page } from '@playwright/test';
import { DEMO_PRODUCTS, expect, signIn, test, type DemoProduct } from './fixtures.ts';
import { sendBurst } from './support/key-burst.ts';
import { waitForServiceWorker } from './support/sell.ts';
import { cartLines, enterSerial, freshSerial, serialPrompt } from './support/serials.ts';

/** The demo products with the word "Charger" in their title ("Charging Stand" is not one). */
const chargers: readonly DemoProduct[] = DEMO_PRODUCTS.filter((p) => /\bCharger\b/.test(p.title));
const money = (price: number) => `$${price.toFixed(2)}`;

const field = (page: Page) => page.getByRole('combobox', { name: 'Barcode or SKU' });
const suggestions = (page: Page, query: string) =>
  page.getByRole('listbox', { name: `Products matching ${query}` }).getByRole('option');

/** Types like a person (one key at a time, 60 ms apart). */
async function typeSlowly(page: Page, text: string): Promise<void> {
  await field(page).pressSequentially(text, { delay: 60 });
}

test('search "charger" finds the demo chargers and adds one; search works offline', async ({
  page,
  context,
}) => {
  expect(chargers.length).toBeGreaterThanOrEqual(4);
  await page.goto('/');
  await signIn(page);
  await expect(field(page)).toBeEditable({ timeout: 20_000 });
  await waitForServiceWorker(page);
  await context.setOffline(true);
  await page.reload();
  await expect(field(page)).toBeEditable({ timeout: 10_000 });
  await expect(page.getByTestId('sync.connection')).toHaveText('Offline');

  await typeSlowly(page, 'charger');
  const options = suggestions(page, 'charger');
  await expect(options).toHaveCount(chargers.length);
  for (const charger of chargers) {
    await expect(options.filter({ hasText: charger.title })).toContainText(money(charger.price));
  }
  await expect(options.filter({ hasText: 'Serialized' })).toHaveCount(0);
  await expect(field(page)).toHaveAttribute('aria-expanded', 'true');

  // No option is active until an arrow key says so; Enter then adds the active one.
  await expect(page.getByRole('option', { selected: true })).toHaveCount(0);
  await field(page).press('ArrowDown');
  await field(page).press('ArrowDown');
  const second = options.nth(1);
  await expect(second).toHaveAttribute('aria-selected', 'true');
  await expect(field(page)).toHaveAttribute(
    'aria-activedescendant',
    (await second.getAttribute('id')) ?? '',
  );
  const secondText = (await second.textContent()) ?? '';
  const chosen = chargers.find((charger) => secondText.includes(charger.title));
  expect(chosen, `the second suggestion (${secondText}) is a demo charger`).toBeDefined();
  await field(page).press('Enter');
  await expect(
    page
      .getByRole('status')
      .filter({ hasText: `Added ${chosen!.title} — ${money(chosen!.price)}` }),
  ).toBeVisible();
  await expect(cartLines(page)).toHaveCount(1);
  await expect(field(page)).toHaveValue('');
  await expect(field(page)).toHaveAttribute('aria-expanded', 'false');

  // Two words in any order, and a tap on the suggestion.
  const car = chargers.find((charger) => charger.title.startsWith('Car Charger'));
  if (car === undefined) throw new Error('the demo catalog lacks its car charger');
  await typeSlowly(page, 'charger car');
  await expect(suggestions(page, 'charger car')).toHaveCount(1);
  await suggestions(page, 'charger car').filter({ hasText: car.title }).click();
  await expect(page.getByRole('status').filter({ hasText: `Added ${car.title}` })).toBeVisible();
  await expect(cartLines(page)).toHaveCount(2);
  await expect(page.getByLabel(`Quantity of ${car.title}`)).toHaveValue('1');
});

test('a serialized product chosen by name asks for its serial; a scanner burst never shows a suggestion', async ({
  page,
}) => {
  const phone = DEMO_PRODUCTS.find((p) => p.serialized && p.title.startsWith('Pixel Nova 8 Pro'));
  const gan = DEMO_PRODUCTS.find((p) => p.title.startsWith('65 W GaN'));
  if (phone === undefined || gan === undefined) throw new Error('demo products missing');
  await page.goto('/');
  await signIn(page);
  await expect(field(page)).toBeEditable({ timeout: 20_000 });

  await typeSlowly(page, 'nova 8 pro');
  const phoneOption = suggestions(page, 'nova 8 pro').filter({ hasText: phone.title });
  await expect(phoneOption).toContainText('Serialized');
  await phoneOption.click();
  await expect(serialPrompt(page)).toBeVisible();
  const serial = freshSerial();
  await enterSerial(page, serial);
  await expect(serialPrompt(page)).toBeHidden();
  await expect(cartLines(page).filter({ hasText: phone.title })).toContainText(serial);

  // From here on, the page notes the words of every suggestion list the field shows.
  await page.evaluate(() => {
    const deep = (root: Document | ShadowRoot, tag: string): Element | null => {
      const found = root.querySelector(tag);
      if (found !== null) return found;
      for (const element of root.querySelectorAll('*')) {
        const inner = element.shadowRoot === null ? null : deep(element.shadowRoot, tag);
        if (inner !== null) return inner;
      }
      return null;
    };
    const shadow = deep(document, 'pos-scan-field')?.shadowRoot;
    if (shadow == null) throw new Error('no barcode field');
    const shown: string[] = [];
    (window as unknown as { suggestionsShown: string[] }).suggestionsShown = shown;
    new MutationObserver(() => {
      const list = shadow.querySelector('pos-product-search');
      const query = list?.getAttribute('query') ?? '';
      if (list?.querySelector('[role="option"], .no-match') != null && shown.at(-1) !== query) {
        shown.push(query);
      }
    }).observe(shadow, { childList: true, subtree: true, attributes: true });
  });
  const shown = () =>
    page.evaluate(() =>
      (window as unknown as { suggestionsShown: string[] }).suggestionsShown.splice(0),
    );

  // The positive control: the SKU typed by a person shows suggestions, and the page sees them.
  const typed = gan.sku.slice(0, -1);
  await typeSlowly(page, typed);
  await expect(suggestions(page, typed).first()).toBeVisible();
  expect(await shown()).toContain(typed);
  await field(page).press('Escape');
  await expect(field(page)).toHaveAttribute('aria-expanded', 'false');
  await field(page).fill('');
  await shown();

  // The whole SKU from a hardware scanner: added, with no suggestion on the way. Then a person
  // types "charger" (longer than the field's settle time): the only lists shown since the
  // burst are that word's.
  const cdp = await page.context().newCDPSession(page);
  await sendBurst(cdp, gan.sku);
  await cdp.detach();
  await expect(page.getByRole('status').filter({ hasText: `Added ${gan.title}` })).toBeVisible();
  await expect(cartLines(page)).toHaveCount(2);
  await typeSlowly(page, 'charger');
  await expect(suggestions(page, 'charger').first()).toBeVisible();
  const since = await shown();
  expect(since).toContain('charger');
  for (const query of since) expect('charger'.startsWith(query), `list for ${query}`).toBe(true);
});

test('a unit coming back without a receipt is found by name on the return screen', async ({
  page,
}) => {
  const car = chargers.find((charger) => charger.title.startsWith('Car Charger'));
  if (car === undefined) throw new Error('the demo catalog lacks its car charger');
  await page.goto('/');
  await signIn(page);
  await expect(field(page)).toBeEditable({ timeout: 20_000 });
  await page.getByRole('link', { name: 'Return' }).click();
  await page.getByTestId('return.blind').click();
  const unitField = page.getByRole('combobox', { name: 'Barcode or SKU of the unit' });
  await unitField.pressSequentially('car charg', { delay: 60 });
  const options = page
    .getByRole('listbox', { name: 'Products matching car charg' })
    .getByRole('option');
  await expect(options).toHaveCount(1);
  await expect(options).toContainText(money(car.price));
  await unitField.press('ArrowDown');
  await unitField.press('Enter');
  await expect(page.getByTestId('return.unit')).toHaveCount(1);
  await expect(page.getByTestId('return.unit')).toContainText(car.title);
  await expect(unitField).toHaveValue('');
});
