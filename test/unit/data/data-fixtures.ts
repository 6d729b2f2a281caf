/** Shared set-up for data tests: a fresh database per test and a small demo catalog. */
import 'fake-indexeddb/auto';
import { AisleDb } from '../../../src/data/db.ts';
import { createRepositories, type Repositories } from '../../../src/data/repositories.ts';
import type { StoreRecord } from '../../../src/data/types.ts';
import type { PulledProduct } from '../../../src/protocol/sync-protocol.ts';

export const STORE: StoreRecord = {
  store_id: 'demo-store',
  label: 'Demo Store',
  currency: 'USD',
  tax_rate: 0.08,
  price_method: 'tax_excluded',
  locale: 'en-US',
  timezone: 'America/New_York',
};

export const DEVICE_ID = '6f1c8a52-8a53-4c55-9a0e-0d6f3c1b2a10';
export const NOW = '2026-11-27T10:00:00.000Z';

export const pulled = (over: Partial<PulledProduct> & { product_id: string }): PulledProduct => ({
  title: over.product_id,
  brand: null,
  external_identifiers: [],
  serialized_inventory: false,
  price: 10,
  deleted: false,
  ...over,
});

export const CATALOG: PulledProduct[] = [
  pulled({
    product_id: 'cola-355',
    title: 'Cola 355 ml',
    price: 1.99,
    external_identifiers: [
      { type: 'upc', value: '036000291452' },
      { type: 'sku', value: 'COLA-355' },
    ],
  }),
  pulled({
    product_id: 'headphones-x1',
    title: 'Headphones X1',
    price: 149.0,
    serialized_inventory: true,
    external_identifiers: [{ type: 'ean13', value: '4006381333931' }],
  }),
  pulled({
    product_id: 'gum-upce',
    title: 'Mint gum',
    price: 0.99,
    external_identifiers: [{ type: 'upc', value: '04252614' }],
  }),
  pulled({ product_id: 'sample-unpriced', title: 'Display sample', price: null }),
];

export interface TestData extends Repositories {
  readonly db: AisleDb;
}

export async function openTestData(): Promise<TestData> {
  const db = new AisleDb(`test-${crypto.randomUUID()}`);
  await db.open();
  const repos = createRepositories(db);
  await repos.catalog.applyPage(
    { products: CATALOG, config: null, nextCursor: 'c1', complete: true },
    STORE.currency,
    NOW,
  );
  return { db, ...repos };
}

export async function productById(data: TestData, productId: string) {
  const product = await data.catalog.get(productId);
  if (product === undefined) throw new Error(`no product ${productId} in the test catalog`);
  return product;
}
