// @vitest-environment happy-dom
/**
 * <pos-product-search>: each matching product as an option (title, brand and SKU, price, the
 * "Serialized" badge, "No price"), the active one marked, a tap reported, "no match" said.
 */
import { afterEach, describe, expect, it } from 'vitest';
import '../../../src/components/pos-product-search.ts';
import type { PosProductSearch } from '../../../src/components/pos-product-search.ts';
import { optionId, type ProductOption } from '../../../src/components/product-option.ts';
import { minor } from '../../../src/domain/money.ts';

const OPTIONS: ProductOption[] = [
  {
    productId: 'phone',
    title: 'Pixel Nova 8 Smartphone 128 GB',
    brand: 'Lumen',
    sku: 'AIS-001',
    price: minor(69900),
    serialized: true,
  },
  {
    productId: 'sample',
    title: 'Display sample',
    brand: null,
    sku: null,
    price: null,
    serialized: false,
  },
];

async function mount(props: Partial<PosProductSearch>): Promise<PosProductSearch> {
  const element = document.createElement('pos-product-search');
  Object.assign(element, { listId: 'list', currency: 'USD', locale: 'en-US', ...props });
  document.body.append(element);
  await element.updateComplete;
  return element;
}

const text = (element: Element | null) => element?.textContent?.replace(/\s+/g, ' ').trim() ?? '';

afterEach(() => {
  document.body.replaceChildren();
});

describe('<pos-product-search>', () => {
  it('renders a listbox of options in its own element, no shadow root', async () => {
    const element = await mount({ options: OPTIONS, query: 'pix', activeIndex: 0 });
    expect(element.shadowRoot).toBeNull();
    const list = element.querySelector('[role="listbox"]');
    expect(list?.id).toBe('list');
    expect(list?.getAttribute('aria-label')).toBe('Products matching pix');
    const options = [...element.querySelectorAll('[role="option"]')];
    expect(options.map((option) => option.id)).toEqual([optionId('list', 0), optionId('list', 1)]);
    expect(options.map((option) => option.getAttribute('aria-selected'))).toEqual([
      'true',
      'false',
    ]);
    expect(text(options[0] ?? null)).toBe(
      'Pixel Nova 8 Smartphone 128 GBSerialized $699.00 Lumen · AIS-001',
    );
    expect(text(options[1] ?? null)).toBe('Display sample No price');
  });

  it('reports the tapped option', async () => {
    const element = await mount({ options: OPTIONS, query: 'dis' });
    const chosen: string[] = [];
    element.addEventListener('pos-product-choose', (event) => chosen.push(event.detail.productId));
    element.querySelector<HTMLElement>('[data-product-id="sample"] .title')!.click();
    expect(chosen).toEqual(['sample']);
  });

  it('says that nothing matches, and shows nothing before a search', async () => {
    const element = await mount({ options: [], query: 'zzz' });
    expect(text(element.querySelector('[role="status"]'))).toBe(
      'No product name or SKU matches “zzz”. Enter looks it up as a barcode.',
    );
    element.query = '';
    await element.updateComplete;
    expect(text(element)).toBe('');
  });

  it('says while the catalog is still being prepared for search', async () => {
    const element = await mount({ options: OPTIONS.slice(0, 1), query: 'pix', partial: true });
    expect(text(element.querySelector('.note'))).toBe(
      'Search is still being prepared on this device: some products are not found yet.',
    );
    element.partial = false;
    await element.updateComplete;
    expect(element.querySelector('.note')).toBeNull();
  });

  it('brings its styles into the shadow root it renders in, once', async () => {
    const host = document.createElement('div');
    document.body.append(host);
    const root = host.attachShadow({ mode: 'open' });
    const cssOf = () =>
      [
        ...root.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText)),
        ...[...root.querySelectorAll('style')].map((style) => style.textContent ?? ''),
      ].join('\n');
    for (const _ of [1, 2]) {
      const list = document.createElement('pos-product-search');
      root.append(list);
      await list.updateComplete;
    }
    const css = cssOf();
    expect(css).toContain('pos-product-search');
    expect(css).toContain('min-height: 52px');
    expect(css.split('min-height: 52px')).toHaveLength(2);
  });
});
