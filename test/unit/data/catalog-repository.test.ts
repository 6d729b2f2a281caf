import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { HistoryOrderRecord, HistoryReturnRecord } from '../../../src/data/types.ts';
import { openTestData, pulled, NOW, STORE, type TestData } from './data-fixtures.ts';

let data: TestData;
beforeEach(async () => {
  data = await openTestData();
});
afterEach(async () => {
  await data.db.delete();
});

describe('CatalogRepository.findByCode', () => {
  it.each([
    ['036000291452', 'cola-355'], // the UPC-A as stored
    ['0036000291452', 'cola-355'], // read by an EAN-13 scanner
    ['00036000291452', 'cola-355'], // as GTIN-14
    ['COLA-355', 'cola-355'], // the SKU
    ['cola-355', 'cola-355'], // the SKU typed in small letters (a product id too)
    ['Cola-355', 'cola-355'],
    ['4006381333931', 'headphones-x1'],
    ['042100005264', 'gum-upce'], // UPC-A expansion of the stored UPC-E
    ['04252614', 'gum-upce'],
    ['headphones-x1', 'headphones-x1'], // product id
    [' 036000291452\n', 'cola-355'], // scanner suffix
  ])('finds %j as %s', async (code, productId) => {
    expect((await data.catalog.findByCode(code))?.productId).toBe(productId);
  });

  it('finds a SKU stored in small letters whatever the case typed', async () => {
    await data.catalog.applyPage(
      {
        products: [
          pulled({
            product_id: 'mug-1',
            external_identifiers: [{ type: 'sku', value: 'mug-blue' }],
          }),
        ],
        config: null,
        nextCursor: 'c2',
        complete: true,
      },
      STORE.currency,
      NOW,
    );
    for (const code of ['mug-blue', 'MUG-BLUE', 'Mug-Blue']) {
      expect((await data.catalog.findByCode(code))?.productId).toBe('mug-1');
    }
  });

  it.each(['036000291453', '123', '', 'cola-355x'])('finds nothing for %j', async (code) => {
    expect(await data.catalog.findByCode(code)).toBeUndefined();
  });

  it('keeps prices in minor units and an unpriced product as null', async () => {
    expect((await data.catalog.get('cola-355'))?.price).toBe(199);
    expect((await data.catalog.get('sample-unpriced'))?.price).toBeNull();
  });
});

describe('CatalogRepository.applyPage', () => {
  it('updates, deletes and saves the cursor with the page', async () => {
    await data.catalog.applyPage(
      {
        products: [
          pulled({ product_id: 'cola-355', title: 'Cola 355 ml (new look)', price: 2.09 }),
          pulled({ product_id: 'gum-upce', deleted: true }),
        ],
        config: { version: 3, updated_at: NOW, source: 'global', config: {} },
        nextCursor: 'c2',
        complete: false,
      },
      STORE.currency,
      NOW,
    );
    const cola = await data.catalog.get('cola-355');
    expect(cola?.title).toBe('Cola 355 ml (new look)');
    expect(cola?.price).toBe(209);
    // Identifiers were replaced too: the old UPC no longer finds it.
    expect(await data.catalog.findByCode('036000291452')).toBeUndefined();
    expect(await data.catalog.get('gum-upce')).toBeUndefined();
    expect((await data.catalog.state()).cursor).toBe('c2');
    expect((await data.catalog.activeConfig())?.envelope.version).toBe(3);
  });

  it('writes nothing of a page that fails, cursor included', async () => {
    data.db.products.hook('creating', (primaryKey) => {
      if (primaryKey === 'bad') throw new Error('disk said no');
    });
    await expect(
      data.catalog.applyPage(
        {
          products: [pulled({ product_id: 'new-1' }), pulled({ product_id: 'bad' })],
          config: null,
          nextCursor: 'c9',
          complete: false,
        },
        STORE.currency,
        NOW,
      ),
    ).rejects.toThrow();
    expect(await data.catalog.get('new-1')).toBeUndefined();
    expect((await data.catalog.state()).cursor).toBe('c1');
  });

  it('forgets the catalog when the device moves to another store', async () => {
    await data.catalog.resetForStore('demo-store');
    expect(await data.catalog.count()).toBe(0);
    expect(await data.catalog.state()).toEqual({
      cursor: null,
      complete: false,
      storeId: 'demo-store',
    });
    await data.catalog.applyPage(
      { products: [pulled({ product_id: 'p1' })], config: null, nextCursor: 'x', complete: true },
      STORE.currency,
      NOW,
    );
    await data.catalog.resetForStore('demo-store');
    expect(await data.catalog.count()).toBe(1);
  });
});

describe('CatalogRepository.applyPage and the store history window', () => {
  const order = (externalId: string, placedAt: string, source: 'server' | 'device') =>
    ({
      externalId,
      orderId: source === 'server' ? `srv-${externalId}` : null,
      receipt: externalId.slice(0, 8).toUpperCase(),
      storeId: STORE.store_id,
      placedAt,
      deviceId: 'till-1',
      associateId: 'u-1',
      currency: STORE.currency,
      priceMethod: 'tax_excluded',
      items: [],
      payments: [],
      total: 0,
      serials: [],
      source,
    }) as unknown as HistoryOrderRecord;
  const ret = (returnId: string, returnedAt: string, state: 'pending' | 'synced') =>
    ({
      returnId,
      orderExternalId: null,
      storeId: STORE.store_id,
      returnedAt,
      deviceId: 'till-1',
      associateId: 'u-1',
      currency: STORE.currency,
      items: [],
      refunds: [],
      approvedBy: null,
      serials: [],
      source: state === 'synced' ? 'server' : 'device',
      sync: { state, error: null, returnRecordId: null },
      flags: [],
    }) as unknown as HistoryReturnRecord;

  it("drops the copies older than the server's window, never what this device has to send", async () => {
    await data.db.storeOrders.bulkPut([
      order('old-server', '2026-08-01T10:00:00.000Z', 'server'),
      order('old-mine-unsent', '2026-08-01T11:00:00.000Z', 'device'),
      order('recent', '2026-11-20T10:00:00.000Z', 'server'),
    ]);
    await data.db.storeReturns.bulkPut([
      ret('old-synced', '2026-08-02T10:00:00.000Z', 'synced'),
      ret('old-pending', '2026-08-02T11:00:00.000Z', 'pending'),
      ret('recent-synced', '2026-11-21T10:00:00.000Z', 'synced'),
    ]);
    await data.catalog.applyPage(
      {
        products: [],
        config: null,
        historySince: '2026-09-01T00:00:00.000Z',
        nextCursor: 'c9',
        complete: true,
      },
      STORE.currency,
      NOW,
    );
    expect((await data.db.storeOrders.toArray()).map((o) => o.externalId).sort()).toEqual([
      'old-mine-unsent',
      'recent',
    ]);
    expect((await data.db.storeReturns.toArray()).map((r) => r.returnId).sort()).toEqual([
      'old-pending',
      'recent-synced',
    ]);
  });
});
