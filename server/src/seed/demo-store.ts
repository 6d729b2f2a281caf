/**
 * Seeds the demo stores on a fresh database: the store in New York and the one in Berlin,
 * an associate and a manager for each, the demo catalog with its dollar and euro prices
 * (through the same import service the API uses, so the seed obeys the same rules), and the
 * global configuration with the demo serial pattern.
 */
import type { ImportRequest } from '../../../src/protocol/schemas.ts';
import { inTransaction, type StoreDb } from '../db/database.ts';
import { runImport } from '../services/catalog-import.ts';
import { GLOBAL_CONFIG, replaceConfig } from '../services/config.ts';
import { createStore, createUser } from '../services/stores.ts';
import {
  DEMO_CONFIG,
  DEMO_STORE,
  DEMO_STORE_DE,
  DEMO_USERS,
  DEMO_USERS_DE,
  demoEuroPriceItems,
  demoPriceItems,
  demoProductItems,
} from './demo-catalog.ts';

export async function seedDemoStore(store: StoreDb): Promise<void> {
  const products: ImportRequest = {
    entity: 'products',
    mode: 'partial',
    head: { catalog: 'storefront-catalog-en', locale: 'en-US', is_master: true },
    items: demoProductItems(),
  };
  const prices: ImportRequest = {
    entity: 'prices',
    mode: 'partial',
    head: { pricebook: 'default', catalog: 'storefront-catalog-en', currency: DEMO_STORE.currency },
    items: demoPriceItems(),
  };
  const euroPrices: ImportRequest = {
    entity: 'prices',
    mode: 'partial',
    head: {
      pricebook: 'default',
      catalog: 'storefront-catalog-en',
      currency: DEMO_STORE_DE.currency,
    },
    items: demoEuroPriceItems(),
  };
  await inTransaction(store, async (trx) => {
    await createStore(trx, DEMO_STORE);
    await createStore(trx, DEMO_STORE_DE);
    for (const user of Object.values(DEMO_USERS)) {
      await createUser(trx, { ...user, store_id: DEMO_STORE.store_id });
    }
    for (const user of Object.values(DEMO_USERS_DE)) {
      await createUser(trx, { ...user, store_id: DEMO_STORE_DE.store_id });
    }
    await runImport(trx, products);
    await runImport(trx, prices);
    await runImport(trx, euroPrices);
    await replaceConfig(trx, GLOBAL_CONFIG, DEMO_CONFIG);
  });
}
