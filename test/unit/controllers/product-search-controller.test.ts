// @vitest-environment happy-dom
/**
 * ProductSearchController over a real catalog on fake-indexeddb: each text's matches become
 * the field's suggestions for that text; the newest text wins (one search at a time, the
 * ones in between skipped, a late answer dropped); a clear empties the list even while a
 * search is running; a text too short to search answers nothing.
 */
import { openTestData, pulled, NOW, STORE, type TestData } from '../data/data-fixtures.ts';
import { LitElement } from 'lit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProductSearchController } from '../../../src/controllers/product-search-controller.ts';

class SearchHost extends LitElement {
  catalog?: TestData['catalog'];
  readonly search = new ProductSearchController(this, { catalog: () => this.catalog });
}
customElements.define('search-host', SearchHost);

let data: TestData;
let host: SearchHost;

beforeEach(async () => {
  data = await openTestData();
  await data.catalog.applyPage(
    {
      products: [
        pulled({ product_id: 'wall', title: '20 W USB-C Wall Charger', brand: 'Voltra' }),
        pulled({
          product_id: 'phone',
          title: 'Pixel Nova 8',
          serialized_inventory: true,
          price: 699,
          external_identifiers: [{ type: 'sku', value: 'AIS-001' }],
        }),
      ],
      config: null,
      nextCursor: 'c2',
      complete: true,
    },
    STORE.currency,
    NOW,
  );
  host = document.createElement('search-host') as SearchHost;
  host.catalog = data.catalog;
  document.body.append(host);
});

afterEach(async () => {
  host.remove();
  await data.db.delete();
});

/** Every answer the host was asked to show, in order ('' for an empty list). */
function recordAnswers(): string[] {
  const answers: string[] = [];
  const requestUpdate = host.requestUpdate.bind(host);
  host.requestUpdate = (...args: Parameters<typeof requestUpdate>) => {
    answers.push(host.search.answered);
    requestUpdate(...args);
  };
  return answers;
}

describe('ProductSearchController', () => {
  it("turns a text's matches into suggestions for that text", async () => {
    host.search.update('pixel');
    await vi.waitFor(() => expect(host.search.answered).toBe('pixel'));
    expect(host.search.options).toEqual([
      {
        productId: 'phone',
        title: 'Pixel Nova 8',
        brand: null,
        sku: 'AIS-001',
        price: 69900,
        serialized: true,
      },
    ]);
  });

  it('answers the newest text only', async () => {
    const answers = recordAnswers();
    host.search.update('ch');
    host.search.update('cha');
    host.search.update('charger');
    await vi.waitFor(() => expect(host.search.answered).toBe('charger'));
    // The first text was already being searched: its answer is dropped; the middle one was
    // never searched.
    expect(answers.filter((answer) => answer !== '')).toEqual(['charger']);
    expect(host.search.options.map((option) => option.productId)).toEqual(['wall']);
  });

  it('never shows the answer to a text cleared while it was searched', async () => {
    const answers = recordAnswers();
    host.search.update('charger');
    host.search.clear();
    expect(host.search.options).toEqual([]);
    host.search.update('pixel');
    await vi.waitFor(() => expect(host.search.answered).toBe('pixel'));
    expect(answers.filter((answer) => answer !== '')).toEqual(['pixel']);
  });

  it('answers nothing for a text too short to search', async () => {
    host.search.update('pixel');
    await vi.waitFor(() => expect(host.search.options).toHaveLength(1));
    host.search.update('p');
    await vi.waitFor(() => expect(host.search.options).toEqual([]));
    expect(host.search.answered).toBe('');
  });
});
