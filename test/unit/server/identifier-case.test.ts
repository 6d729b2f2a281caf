// Migration 007: products imported before codes were found in any letter case get their
// capital lookup keys, so GET /v0/products?identifier= finds them as the device does.
import { afterEach, beforeEach, expect, it } from 'vitest';
import { identifierCaseMigration } from '../../../server/src/db/migrations/008-identifier-case.ts';
import { startTestApp, type TestApp } from './support.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

it('gives identifiers imported before their capital keys', async () => {
  const imported = await t.call('POST', '/v0/d/import', {
    body: {
      entity: 'products',
      mode: 'partial',
      head: {},
      items: [
        {
          product_id: 'mug-1',
          title: 'Mug',
          external_identifiers: [{ type: 'sku', value: 'mug-blue' }],
        },
      ],
    },
  });
  expect(imported.status).toBe(200);
  // As an older server stored it: the key as given only.
  const { db } = t.app.storeDb;
  await db.deleteFrom('product_identifiers').where('key', '=', 'MUG-BLUE').execute();
  expect((await t.call('GET', '/v0/products?identifier=MUG-BLUE')).status).toBe(404);

  await identifierCaseMigration.up(db as never);
  expect((await t.call('GET', '/v0/products?identifier=MUG-BLUE')).status).toBe(200);
  expect((await t.call('GET', '/v0/products?identifier=mug-blue')).status).toBe(200);
  // Running it again changes nothing.
  await identifierCaseMigration.up(db as never);
  const keys = await db
    .selectFrom('product_identifiers')
    .select('key')
    .where('product_id', '=', 'mug-1')
    .orderBy('key')
    .execute();
  expect(keys.map((row) => row.key)).toEqual(['MUG-BLUE', 'mug-blue']);
});
