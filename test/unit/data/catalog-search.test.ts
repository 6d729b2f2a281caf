// Search by name over the device's catalog (fake-indexeddb): what is found, in what order,
// how many, after updates and deletions; the index built from the stored catalog a chunk at
// a time, pulled pages found at once (in the other tabs too), and a move to another store.
import { openTestData, pulled, NOW, STORE, type TestData } from './data-fixtures.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BUILD_CHUNK } from '../../../src/data/catalog-search.ts';
import { AisleDb } from '../../../src/data/db.ts';
import { CatalogRepository } from '../../../src/data/catalog-repository.ts';
import type { PulledProduct } from '../../../src/protocol/sync-protocol.ts';

const sku = (value: string) => ({ type: 'sku', value });

const SEARCH_CATALOG = [
  pulled({
    product_id: 'gan-65',
    title: '65 W GaN Dual-Port Charger',
    brand: 'Voltra',
    external_identifiers: [{ type: 'ean13', value: '4006381000221' }, sku('AIS-022')],
  }),
  pulled({
    product_id: 'wall-20',
    title: '20 W USB-C Wall Charger',
    brand: 'Voltra',
    external_identifiers: [sku('AIS-021')],
  }),
  pulled({
    product_id: 'stand',
    title: '3-in-1 Wireless Charging Stand',
    brand: 'Voltra',
    external_identifiers: [sku('AIS-025')],
  }),
  pulled({
    product_id: 'earbuds',
    title: 'Écouteurs sans fil, Crème',
    brand: 'Sonance',
    serialized_inventory: true,
    external_identifiers: [sku('SON-ECO-1')],
  }),
  pulled({
    product_id: 'cable',
    title: 'USB-C to USB-C Cable 1 m',
    brand: 'Voltra',
    external_identifiers: [sku('CHARGER-CABLE')],
  }),
];

let data: TestData;
beforeEach(async () => {
  data = await openTestData();
  await data.catalog.applyPage(
    { products: SEARCH_CATALOG, config: null, nextCursor: 'c2', complete: true },
    STORE.currency,
    NOW,
  );
  // As the app does at start: the index of what is stored; pages after it feed it.
  await (await data.catalog.searchIndex()).build();
});
afterEach(async () => {
  await data.db.delete();
});

const apply = (products: PulledProduct[]) =>
  data.catalog.applyPage(
    { products, config: null, nextCursor: 'c4', complete: true },
    STORE.currency,
    NOW,
  );

const search = async (text: string, limit: number, catalog = data.catalog) =>
  (await catalog.searchIndex()).search(text, limit);

const ids = async (text: string, limit = 10, catalog = data.catalog) =>
  (await (await catalog.searchIndex()).search(text, limit)).products.map(
    (product) => product.productId,
  );

describe('CatalogRepository.search', () => {
  it.each([
    // Whole words (a SKU's too), shorter titles first; "charger" is not how "charging" begins.
    ['charger', ['wall-20', 'gan-65', 'cable']],
    ['CHARG', ['wall-20', 'stand', 'gan-65', 'cable']],
    ['wall charger', ['wall-20']],
    ['charger wall', ['wall-20']], // any order
    ['volt char', ['wall-20', 'stand', 'gan-65', 'cable']], // brand and title prefixes
    // The exact SKU, typed with or without its dash.
    ['AIS-022', ['gan-65']],
    ['ais022', ['gan-65']],
    ['ais', ['wall-20', 'stand', 'gan-65']],
    ['usbc', ['wall-20', 'cable']],
    ['ecouteurs creme', ['earbuds']], // accents ignored in the product
    ['ÉCOUTEURS', ['earbuds']], // and in the query
    ['son eco', ['earbuds']],
    ['charger car', []], // every word must match
    ['harger', []], // a word's middle is not its beginning
    ['c', []], // too short to search
    ['', []],
    ['cola', ['cola-355']], // the fixture catalog is searched too
  ])('%j → %j', async (text, expected) => {
    expect(await ids(text)).toEqual(expected);
  });

  it('gives at most the limit, best first', async () => {
    expect(await ids('voltra', 2)).toHaveLength(2);
    expect(await ids('charg', 1)).toEqual(['wall-20']);
    expect(await ids('charg', 0)).toEqual([]);
  });

  it('returns whole product records, serialized flag and price included', async () => {
    const [earbuds] = (await search('ecouteurs', 5)).products;
    expect(earbuds).toMatchObject({ productId: 'earbuds', serialized: true, price: 1000 });
  });

  it('forgets deleted products and the old words of renamed ones', async () => {
    await data.catalog.applyPage(
      {
        products: [
          pulled({ product_id: 'gan-65', deleted: true }),
          pulled({ product_id: 'wall-20', title: '20 W USB-C Travel Adapter', brand: 'Voltra' }),
        ],
        config: null,
        nextCursor: 'c3',
        complete: true,
      },
      STORE.currency,
      NOW,
    );
    expect(await ids('charger')).toEqual(['cable']);
    expect(await ids('travel')).toEqual(['wall-20']);
    expect(await ids('dual port')).toEqual([]);
  });

  it('finds a rare product among hundreds sharing the other word, and keeps to matches', async () => {
    const many = Array.from({ length: 500 }, (_, i) =>
      pulled({ product_id: `case-${i}`, title: `Phone Case ${i}`, brand: 'Shellcraft' }),
    );
    many.push(pulled({ product_id: 'rugged', title: 'Phone Case Rugged', brand: 'Shellcraft' }));
    await apply(many);
    expect(await ids('phone rugged')).toEqual(['rugged']);
    expect(await ids('case rug')).toEqual(['rugged']);
    expect(await ids('case 42', 4)).toEqual(['case-42', 'case-420', 'case-421', 'case-422']);
    const { products: common } = await search('shellcraft phone', 5);
    expect(common).toHaveLength(5);
    for (const product of common) expect(product.title).toMatch(/^Phone Case/);
  });

  it('finds the few products with two common words, wherever they are in either word', async () => {
    // Hundreds of black things and of chargers; the three black chargers sort last by id, so
    // the first products of either word's range are none of them.
    await apply([
      ...Array.from({ length: 400 }, (_, i) =>
        pulled({ product_id: `a-case-${i}`, title: `Black Case ${i}` }),
      ),
      ...Array.from({ length: 400 }, (_, i) =>
        pulled({ product_id: `a-charger-${i}`, title: `Wall Charger ${i}, White` }),
      ),
      ...[1, 2, 3].map((i) =>
        pulled({ product_id: `z-black-${i}`, title: `Wall Charger Q${i}, Black` }),
      ),
    ]);
    expect(await ids('charger black')).toEqual(['z-black-1', 'z-black-2', 'z-black-3']);
    expect(await ids('wall char bla')).toEqual(['z-black-1', 'z-black-2', 'z-black-3']);
  });
});

describe('the index of the stored catalog', () => {
  const id = (i: number) => `p-${String(i).padStart(5, '0')}`;
  /** Products as an earlier run of the app stored them: `count` cables, one charger. */
  const stored = (count: number, charger: number) =>
    Array.from({ length: count }, (_, i) =>
      pulled({
        product_id: id(i),
        title: i === charger ? 'Magnetic Wireless Charger' : `Cable ${i}`,
        brand: 'Voltra',
        external_identifiers: [sku(`SKU-${i}`)],
      }),
    );
  /** The app started again on the same device: a new repository over the stored catalog. */
  const restarted = () => new CatalogRepository(data.db);

  it('is built a chunk per pause, answers meanwhile saying products may be missing', async () => {
    // Three chunks; the charger in the second.
    await apply(stored(BUILD_CHUNK * 2 + 10, BUILD_CHUNK + 5));
    const catalog = restarted();
    const seen: { complete: boolean; found: string[] }[] = [];
    const index = await catalog.searchIndex(async () => {
      const answer = await search('magnetic charger', 10, catalog);
      seen.push({ complete: answer.complete, found: answer.products.map((p) => p.productId) });
    });
    await index.build();
    expect(seen).toEqual([
      { complete: false, found: [] }, // after the first chunk
      { complete: false, found: [id(BUILD_CHUNK + 5)] }, // after the second
    ]);
    const last = BUILD_CHUNK * 2 + 9;
    const answer = await search(`sku-${last}`, 10, catalog);
    expect(answer.complete).toBe(true);
    expect(answer.products.map((p) => p.productId)).toEqual([id(last)]);
  });

  it('finds a page pulled during the build at once, and the build does not undo it', async () => {
    await apply(stored(BUILD_CHUNK * 2, -1));
    const catalog = restarted();
    let travelMeanwhile: string[] | null = null;
    const index = await catalog.searchIndex(async () => {
      if (travelMeanwhile !== null) return;
      // After the first chunk: one product read already and one not yet are renamed, one
      // not yet read is deleted.
      await catalog.applyPage(
        {
          products: [
            pulled({ product_id: id(3), title: 'Travel Adapter' }),
            pulled({ product_id: id(BUILD_CHUNK + 3), title: 'Car Charger' }),
            pulled({ product_id: id(BUILD_CHUNK + 4), deleted: true }),
          ],
          config: null,
          nextCursor: 'c9',
          complete: true,
        },
        STORE.currency,
        NOW,
      );
      travelMeanwhile = await ids('travel', 10, catalog);
    });
    await index.build();
    expect(travelMeanwhile).toEqual([id(3)]);
    const found = async (text: string) => ids(text, 10, catalog);
    expect(await found('car charger')).toEqual([id(BUILD_CHUNK + 3)]);
    expect(await found(`cable ${BUILD_CHUNK + 3}`)).toEqual([]);
    expect(await found(`cable ${BUILD_CHUNK + 4}`)).toEqual([]);
    expect(await found('cable 3')).not.toContain(id(3));
    expect(await found('travel')).toEqual([id(3)]);
  });

  it("hears of the pages another tab pulled, and of the other tab's move to another store", async () => {
    // A second tab on the same device: its own connection, repository and index.
    const otherDb = new AisleDb(data.db.name);
    await otherDb.open();
    const other = new CatalogRepository(otherDb);
    await (await other.searchIndex()).build();
    const otherFinds = async (text: string) => ids(text, 10, other);
    expect(await otherFinds('wall charger')).toEqual(['wall-20']);

    await apply([
      pulled({ product_id: 'wall-20', deleted: true }),
      pulled({ product_id: 'dock', title: 'Laptop Dock, 12 ports', brand: 'Voltra' }),
    ]);
    await vi.waitFor(async () => expect(await otherFinds('dock')).toEqual(['dock']));
    expect(await otherFinds('wall charger')).toEqual([]);

    await data.catalog.resetForStore('another-store');
    await vi.waitFor(async () => expect(await otherFinds('voltra')).toEqual([]));
    otherDb.close();
  });

  it('tries a failed build again with the next search', async () => {
    const catalog = restarted();
    const warned = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    data.db.close();
    const index = await catalog.searchIndex();
    await index.build(); // the read fails on the closed database: logged, not thrown
    expect(index.ready).toBe(false);
    expect(warned.mock.calls.map((call) => String(call[1]))).toContain(
      'search: the catalog could not be indexed',
    );
    warned.mockRestore();
    await data.db.open();
    const first = await index.search('wall charger', 10);
    expect(first.complete).toBe(false);
    await index.build();
    const again = await index.search('wall charger', 10);
    expect(again).toMatchObject({ complete: true, products: [{ productId: 'wall-20' }] });
  });

  it('is emptied with the catalog when the device moves to another store', async () => {
    expect(await ids('voltra')).not.toEqual([]);
    await data.catalog.resetForStore('another-store');
    const answer = await search('voltra', 10);
    expect(answer).toEqual({ words: ['voltra'], products: [], complete: true });
    await apply([pulled({ product_id: 'lamp', title: 'Desk Lamp', brand: 'Voltra' })]);
    expect(await ids('voltra')).toEqual(['lamp']);
  });
});
