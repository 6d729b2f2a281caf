// @vitest-environment happy-dom
/**
 * ProductSearchController over a real catalog on fake-indexeddb: each text's matches become
 * the field's suggestions for that text; the newest text wins (a late answer dropped); a
 * clear empties the list even while a search is running; a text too short to search answers
 * nothing; an answer says when the stored catalog is still being indexed.
 */
import { openTestData, pulled, NOW, STORE, type TestData } from '../data/data-fixtures.ts';
import { LitElement } from 'lit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ProductSearchController } from '../../../src/controllers/product-search-controller.ts';
import { CatalogRepository } from '../../../src/data/catalog-repository.ts';
import { BUILD_CHUNK } from '../../../src/data/catalog-search.ts';

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
  await (await data.catalog.searchIndex()).build();
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
    // Each was searched; only the newest one's answer is shown.
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

  it('says its answers may miss products while the stored catalog is being indexed', async () => {
    // The app started again over a catalog of more than one read of the index's build, held
    // after its first read.
    await data.catalog.applyPage(
      {
        products: Array.from({ length: BUILD_CHUNK + 1 }, (_, i) =>
          pulled({ product_id: `cable-${String(i).padStart(4, '0')}`, title: `Cable ${i}` }),
        ),
        config: null,
        nextCursor: 'c3',
        complete: true,
      },
      STORE.currency,
      NOW,
    );
    host.catalog = new CatalogRepository(data.db);
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    const index = await host.catalog.searchIndex(() => held);
    host.search.update('cable 1');
    await vi.waitFor(() => expect(host.search.answered).toBe('cable 1'));
    expect(host.search.partial).toBe(true);
    release();
    await index.build();
    host.search.update('cable 10');
    await vi.waitFor(() => expect(host.search.answered).toBe('cable 10'));
    expect(host.search.partial).toBe(false);
  });
});
