/**
 * The same-serial check reads unsent sales through the `serialKeys` index (Dexie version 4).
 * A device that upgrades with sales still waiting must keep refusing their serials: the
 * upgrade fills the index for sales written by version 3.
 */
import 'fake-indexeddb/auto';
import { Dexie } from 'dexie';
import { afterEach, describe, expect, it } from 'vitest';
import { AisleDb } from '../../../src/data/db.ts';
import { createRepositories } from '../../../src/data/repositories.ts';
import type { SaleRecord } from '../../../src/data/types.ts';
import { minor } from '../../../src/domain/money.ts';
import { CATALOG, DEVICE_ID, NOW, openTestData, productById, STORE } from './data-fixtures.ts';

const names: string[] = [];
afterEach(async () => {
  await Promise.all(names.splice(0).map((name) => Dexie.delete(name)));
});

/** A sale of one headphones unit with serial HX0001, as completeSale writes it. */
async function soldSale(): Promise<SaleRecord> {
  const data = await openTestData();
  names.push(data.db.name);
  const line = await data.carts.addProduct(
    DEVICE_ID,
    await productById(data, 'headphones-x1'),
    NOW,
  );
  await data.carts.setSerial(
    line.lineId,
    { serial: 'HX0001', method: 'typed', capturedAt: NOW, valid: true, configVersion: 1 },
    NOW,
  );
  const sale = await data.sales.completeSale({
    deviceId: DEVICE_ID,
    associateId: 'assoc-1',
    associateName: 'Alex Associate',
    store: STORE,
    tenders: [{ method: 'cash', tendered: minor(100_000) }],
    now: NOW,
  });
  data.db.close();
  return sale;
}

describe('sales indexed by their serials', () => {
  it('stores the serial keys of a completed sale', async () => {
    const sale = await soldSale();
    expect(sale.serialKeys).toHaveLength(1);
  });

  it('keeps refusing a waiting sale serial after the upgrade from version 3, tenders and history included', async () => {
    const { serialKeys: _dropped, tenders, ...current } = await soldSale();
    // A sale as version 3 stored it: one `tender`, no `serialKeys`.
    const first = tenders[0];
    if (first?.method !== 'cash') throw new Error('the fixture sale is paid in cash');
    const written = {
      ...current,
      tender: { method: 'cash', tendered: first.tendered, change: first.change },
    };
    const name = `test-upgrade-${crypto.randomUUID()}`;
    names.push(name);
    // The device as version 3 left it: the same tables, sales without `serialKeys`.
    const v3 = new Dexie(name);
    v3.version(3).stores({
      products: 'productId, *lookupKeys',
      config: 'key',
      stores: 'store_id',
      session: 'key',
      meta: 'key',
      carts: 'cartId, deviceId',
      cartLines: 'lineId, cartId, [cartId+productId]',
      sales: 'saleId, &seq, createdAt, sync.state',
      outbox: 'seq, &id, status, ref',
      serialExceptions: 'id, state, orderExternalId',
      refusedConfig: 'key',
      fulfillment: 'id, localState',
    });
    await v3.table('sales').add(written);
    v3.close();

    const db = new AisleDb(name);
    const repos = createRepositories(db);
    await repos.catalog.applyPage(
      { products: CATALOG, config: null, nextCursor: 'c1', complete: true },
      STORE.currency,
      NOW,
    );
    const upgraded = await db.sales.get(written.saleId);
    expect(upgraded?.serialKeys).toHaveLength(1);
    expect(upgraded?.tenders).toEqual(tenders);
    expect(upgraded).not.toHaveProperty('tender');
    // The sale is in the store history, returnable by its receipt number.
    expect(
      (await repos.returns.findSales(written.saleId.slice(0, 8))).map((o) => o.externalId),
    ).toEqual([written.saleId]);
    const product = await repos.catalog.get('headphones-x1');
    if (product === undefined) throw new Error('catalog not applied');
    const line = await repos.carts.addProduct(DEVICE_ID, product, NOW);
    await expect(
      repos.carts.setSerial(
        line.lineId,
        { serial: 'HX0001', method: 'typed', capturedAt: NOW, valid: true, configVersion: 1 },
        NOW,
      ),
    ).rejects.toMatchObject({ reason: 'SERIAL_DUPLICATE' });
    db.close();
  });
});

describe('product codes in any letter case (version 7)', () => {
  it('gives products stored by version 5 their capital keys', async () => {
    const name = `test-upgrade-${crypto.randomUUID()}`;
    names.push(name);
    const v5 = new Dexie(name);
    v5.version(5).stores({
      products: 'productId, *lookupKeys',
      config: 'key',
      stores: 'store_id',
      session: 'key',
      meta: 'key',
      carts: 'cartId, deviceId',
      cartLines: 'lineId, cartId, [cartId+productId]',
      sales: 'saleId, &seq, createdAt, sync.state, *serialKeys',
      outbox: 'seq, &id, status, ref, unsettled',
      serialExceptions: 'id, state, orderExternalId',
      refusedConfig: 'key',
      fulfillment: 'id, localState',
    });
    // As version 5 indexed it: the SKU only as given.
    await v5.table('products').add({
      productId: 'mug-1',
      title: 'Mug',
      brand: null,
      serialized: false,
      price: 500,
      identifiers: [{ type: 'sku', value: 'mug-blue' }],
      lookupKeys: ['mug-blue'],
    });
    v5.close();

    const repos = createRepositories(new AisleDb(name));
    expect((await repos.catalog.findByCode('MUG-BLUE'))?.productId).toBe('mug-1');
    expect((await repos.catalog.findByCode('mug-blue'))?.productId).toBe('mug-1');
  });
});
