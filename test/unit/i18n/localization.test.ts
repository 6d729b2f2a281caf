// @vitest-environment happy-dom
/**
 * The language on a running device: the store's German arrives with its templates and the
 * elements on screen redraw in German, amounts and the tax line in the store's locale; this
 * device's own choice wins over the store's and is kept; "as the store" goes back to it.
 */
import { afterAll, describe, expect, it } from 'vitest';
import '../../../src/components/pos-cart-totals.ts';
import type { PosCartTotals } from '../../../src/components/pos-cart-totals.ts';
import { minor } from '../../../src/domain/money.ts';
import { screenLocale } from '../../../src/i18n/format.ts';
import {
  applyLanguage,
  chooseDeviceLanguage,
  deviceLanguage,
  shownLanguage,
  storeLanguage,
} from '../../../src/i18n/localization.ts';

async function mountTotals(): Promise<PosCartTotals> {
  const element = document.createElement('pos-cart-totals');
  // 2 units at 699,00 € with 19 % included: 1 398,00 € of which 223,21 € tax.
  element.totals = { subtotal: minor(117479), tax: minor(22321), total: minor(139800), units: 2 };
  element.currency = 'EUR';
  element.taxRate = 0.19;
  element.taxIncluded = true;
  document.body.append(element);
  await element.updateComplete;
  return element;
}

const text = async (element: PosCartTotals) => {
  element.locale = screenLocale();
  await element.updateComplete;
  return element.shadowRoot?.textContent?.replace(/\s+/g, ' ') ?? '';
};

afterAll(() => {
  document.body.replaceChildren();
  localStorage.clear();
});

describe('the language shown', () => {
  it('follows a German store: German words, German amounts', async () => {
    const totals = await mountTotals();
    expect(await text(totals)).toContain('Net (2 items)');
    await applyLanguage('de-DE');
    expect(shownLanguage()).toBe('de');
    expect(document.documentElement.lang).toBe('de-DE');
    const german = await text(totals);
    expect(german).toContain('Netto (2 Artikel)');
    expect(german).toContain('inkl. MwSt. 19 %');
    expect(german).toContain('1.398,00 €');
  });

  it('takes this device’s choice over the store’s and keeps it', async () => {
    const totals = await mountTotals();
    await chooseDeviceLanguage('en');
    expect(deviceLanguage()).toBe('en');
    expect(localStorage.getItem('aisle.language')).toBe('en');
    // English in a German store: English words, amounts as English writes them.
    expect(document.documentElement.lang).toBe('en-US');
    const english = await text(totals);
    expect(english).toContain('Tax included 19%');
    expect(english).toContain('€1,398.00');
    expect(storeLanguage()).toBe('de');
  });

  it('goes back to the store’s language when the device follows the store again', async () => {
    const totals = await mountTotals();
    await chooseDeviceLanguage(null);
    expect(deviceLanguage()).toBeNull();
    expect(await text(totals)).toContain('Netto (2 Artikel)');
  });
});
