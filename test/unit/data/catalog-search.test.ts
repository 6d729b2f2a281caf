// Search by name through the device's index (fake-indexeddb): what is found, in what order,
// how many, after updates and deletions, and after the upgrade of a catalog stored before
// version 7.
import { openTestData, pulled, NOW, STORE, type TestData } from './data-fixtures.ts';
import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SEARCH_READ_LIMIT } from '../../../src/data/catalog-search.ts';
import { AisleDb } from '../../../src/data/db.ts';
import { CatalogRepository } from '../../../src/data/catalog-repository.ts';

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
});
afterEach(async () => {
  await data.db.delete();
});

const ids = async (text: string, limit = 10, catalog = data.catalog) =>
  (await catalog.search(text, limit)).map((product) => product.productId);

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
    const [earbuds] = await data.catalog.search('ecouteurs', 5);
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
    const many = Array.from({ length: SEARCH_READ_LIMIT + 100 }, (_, i) =>
      pulled({ product_id: `case-${i}`, title: `Phone Case ${i}`, brand: 'Shellcraft' }),
    );
    many.push(pulled({ product_id: 'rugged', title: 'Phone Case Rugged', brand: 'Shellcraft' }));
    await data.catalog.applyPage(
      { products: many, config: null, nextCursor: 'c4', complete: true },
      STORE.currency,
      NOW,
    );
    expect(await ids('phone rugged')).toEqual(['rugged']);
    expect(await ids('case rug')).toEqual(['rugged']);
    expect(await ids('case 42', 4)).toEqual(['case-42', 'case-420', 'case-421', 'case-422']);
    // Both words common: every answer still has both, and the whole words come first.
    const common = await data.catalog.search('shellcraft phone', 5);
    expect(common).toHaveLength(5);
    for (const product of common) expect(product.title).toMatch(/^Phone Case/);
  });
});

describe('Dexie version 7', () => {
  const names: string[] = [];
  afterEach(async () => {
    for (const name of names.splice(0)) await Dexie.delete(name);
  });

  it('indexes the words of a catalog stored by version 6', async () => {
    const name = `test-search-upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const v6 = new Dexie(name);
    v6.version(6).stores({ products: 'productId, *lookupKeys' });
    // Products as version 6 stored them: no `searchWords`; more than one upgrade chunk.
    const stored = Array.from({ length: 2_500 }, (_, i) => ({
      productId: `p-${String(i).padStart(5, '0')}`,
      title: i === 1_234 ? 'Magnetic Wireless Charger' : `Cable ${i}`,
      brand: 'Voltra',
      serialized: false,
      price: 999,
      identifiers: [sku(`SKU-${i}`)],
      lookupKeys: [`SKU-${i}`],
    }));
    await v6.table('products').bulkAdd(stored);
    v6.close();

    const db = new AisleDb(name);
    await db.open();
    const catalog = new CatalogRepository(db);
    expect(await ids('magnetic charger', 10, catalog)).toEqual(['p-01234']);
    expect(await ids('sku-2499', 10, catalog)).toEqual(['p-02499']);
    expect((await db.products.get('p-00000'))?.searchWords).toEqual([
      'cable',
      '0',
      'voltra',
      'sku',
      'sku0',
    ]);
    expect(await db.products.count()).toBe(2_500);
    db.close();
  });
});
