// Catalog import through POST /v0/d/import: all or nothing, full vs partial, prices.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_PRODUCTS } from '../../../server/src/seed/demo-catalog.ts';
import { demoProduct, startTestApp, type TestApp } from './support.ts';

let t: TestApp;
beforeEach(async () => {
  t = await startTestApp();
});
afterEach(async () => {
  await t.close();
});

const product = (id: string, ean: string, extra: Record<string, unknown> = {}) => ({
  product_id: id,
  title: `Product ${id}`,
  external_identifiers: [
    { type: 'ean13', value: ean },
    { type: 'sku', value: `SKU-${id}` },
  ],
  ...extra,
});

const importItems = (
  entity: string,
  mode: string,
  items: unknown[],
  head: Record<string, unknown> = {},
) =>
  t.call<Record<string, unknown>>('POST', '/v0/d/import', { body: { entity, mode, head, items } });

interface ErrorReply {
  error: string;
  details: Array<{ index?: number; field: string; message: string }>;
}

describe('POST /v0/d/import products', () => {
  it('refuses a batch with bad items whole, lists every bad item, and writes nothing', async () => {
    const reply = await t.call<ErrorReply>('POST', '/v0/d/import', {
      body: {
        entity: 'products',
        mode: 'partial',
        head: {},
        items: [
          product('new-1', '4006381333931'),
          { product_id: 'new-2', external_identifiers: [] }, // no title
          product('new-3', '4006381333932'), // wrong check digit
          product('new-1', '5901234123457'), // duplicate product_id
          product('new-5', demoProduct(0).barcode), // barcode of an existing product
          product('new-6', '9780201379624'),
        ],
      },
    });

    expect(reply.status).toBe(422);
    expect(reply.body.error).toBe('invalid_items');
    expect([...new Set(reply.body.details.map((d) => d.index))]).toEqual([1, 2, 3, 4]);
    expect(reply.body.details.map((d) => d.field)).toEqual([
      'items[1].title',
      'items[2].external_identifiers[0].value',
      'items[3].product_id',
      'items[4].external_identifiers[0].value',
    ]);
    for (const id of ['new-1', 'new-3', 'new-5', 'new-6']) {
      expect((await t.call('GET', `/v0/products/${id}`)).status).toBe(404);
    }
    expect((await t.call('GET', '/v0/products?identifier=SKU-new-6')).status).toBe(404);
  });

  it('refuses two products sharing one barcode in the same batch, in any of its forms', async () => {
    const reply = await importItems('products', 'partial', [
      product('a', '0012345678905'),
      {
        ...product('b', '4006381333931'),
        external_identifiers: [{ type: 'upc', value: '012345678905' }],
      },
    ]);
    expect(reply.status).toBe(422);
    expect((reply.body as unknown as ErrorReply).details).toEqual([
      {
        index: 1,
        field: 'items[1].external_identifiers[0].value',
        message: 'is already an identifier of items[0]',
      },
    ]);
  });

  it('finds a product by a code in any letter case, and refuses two codes that differ only in case', async () => {
    const added = await importItems('products', 'partial', [
      {
        product_id: 'mug-1',
        title: 'Mug',
        external_identifiers: [{ type: 'sku', value: 'mug-blue' }],
      },
    ]);
    expect(added.status).toBe(200);
    for (const code of ['mug-blue', 'MUG-BLUE', 'Mug-Blue']) {
      const found = await t.call<{ product_id: string }>('GET', `/v0/products?identifier=${code}`);
      expect(found.body.product_id).toBe('mug-1');
    }
    const clash = await importItems('products', 'partial', [
      {
        product_id: 'mug-2',
        title: 'Mug 2',
        external_identifiers: [{ type: 'sku', value: 'MUG-BLUE' }],
      },
    ]);
    expect(clash.status).toBe(422);
  });

  it('is admin only', async () => {
    const reply = await t.call('POST', '/v0/d/import', {
      token: t.tokens.manager,
      body: {
        entity: 'products',
        mode: 'partial',
        head: {},
        items: [product('m', '4006381333931')],
      },
    });
    expect(reply.status).toBe(403);
    expect((await t.call('GET', '/v0/products/m')).status).toBe(404);
  });

  it('partial adds and updates; full deletes the others and pull reports them as tombstones', async () => {
    const first = await t.call<{ next_cursor: string }>(
      'GET',
      '/v0/sync/pull?store_id=demo-store&limit=5000',
    );

    const partial = await importItems('products', 'partial', [
      product('x', '4006381333931'),
      product('y', '5901234123457'),
    ]);
    expect(partial).toMatchObject({ status: 200, body: { imported: 2, deleted: 0 } });
    expect((await t.call('GET', '/v0/products/y')).status).toBe(200);
    expect((await t.call('GET', `/v0/products/${demoProduct(0).product_id}`)).status).toBe(200);

    const full = await importItems('products', 'full', [
      product('x', '4006381333931', { title: 'X renamed' }),
    ]);
    expect(full).toMatchObject({
      status: 200,
      body: { imported: 1, deleted: DEMO_PRODUCTS.length + 1 },
    });
    expect((await t.call('GET', '/v0/products/y')).status).toBe(404);
    expect((await t.call('GET', `/v0/products/${demoProduct(0).product_id}`)).status).toBe(404);
    expect((await t.call('GET', '/v0/products?identifier=5901234123457')).status).toBe(404);

    const pulled = await t.call<{
      products: Array<{ product_id: string; deleted: boolean; title: string }>;
    }>('GET', `/v0/sync/pull?store_id=demo-store&limit=5000&since=${first.body.next_cursor}`);
    const byId = new Map(pulled.body.products.map((p) => [p.product_id, p]));
    expect(byId.get('x')).toMatchObject({ deleted: false, title: 'X renamed' });
    expect(byId.get('y')).toMatchObject({ deleted: true });
    expect(byId.get(demoProduct(3).product_id)).toMatchObject({ deleted: true });
    expect(pulled.body.products).toHaveLength(DEMO_PRODUCTS.length + 2);

    // A deleted product's barcode is free again.
    const reuse = await importItems('products', 'partial', [product('z', '5901234123457')]);
    expect(reuse.status).toBe(200);
    expect(
      (await t.call<{ product_id: string }>('GET', '/v0/products?identifier=5901234123457')).body
        .product_id,
    ).toBe('z');
  });

  it('moves an identifier when its owner is re-imported without it in the same batch', async () => {
    const p0 = demoProduct(0);
    const reply = await importItems('products', 'partial', [
      {
        product_id: p0.product_id,
        title: p0.title,
        external_identifiers: [{ type: 'sku', value: p0.sku }],
      },
      product('taker', p0.barcode),
    ]);
    expect(reply.status).toBe(200);
    const found = await t.call<{ product_id: string }>(
      'GET',
      `/v0/products?identifier=${p0.barcode}`,
    );
    expect(found.body.product_id).toBe('taker');
  });
});

describe('POST /v0/d/import prices and availabilities', () => {
  it('refuses too many decimals and unknown products, naming each item', async () => {
    const reply = await importItems(
      'prices',
      'partial',
      [
        { product_id: demoProduct(0).product_id, value: 10.5 },
        { product_id: demoProduct(1).product_id, value: 10.555 },
        { product_id: 'nope', value: 1 },
        { product_id: demoProduct(2).product_id, value: '3' },
      ],
      { pricebook: 'default', currency: 'USD' },
    );
    expect(reply.status).toBe(422);
    const details = (reply.body as unknown as ErrorReply).details;
    expect(details.map((d) => [d.index, d.field])).toEqual([
      [1, 'items[1].value'],
      [2, 'items[2].product_id'],
      [3, 'items[3].value'],
    ]);
    // Read in the demo store's own currency (an admin sees any, and the demo has euros too).
    const unchanged = await t.call<{ price: { value: number; currency: string } }>(
      'GET',
      `/v0/products/${demoProduct(0).product_id}`,
      { token: t.tokens.associate },
    );
    expect(unchanged.body.price).toMatchObject({ value: demoProduct(0).price, currency: 'USD' });
  });

  it('a new price reaches devices through pull', async () => {
    const start = await t.call<{ next_cursor: string }>(
      'GET',
      '/v0/sync/pull?store_id=demo-store&limit=5000',
    );
    const reply = await importItems(
      'prices',
      'partial',
      [{ product_id: demoProduct(4).product_id, value: 299.5 }],
      {
        pricebook: 'default',
        currency: 'USD',
      },
    );
    expect(reply).toMatchObject({ status: 200, body: { imported: 1 } });
    const pulled = await t.call<{ products: Array<{ product_id: string; price: number }> }>(
      'GET',
      `/v0/sync/pull?store_id=demo-store&since=${start.body.next_cursor}`,
    );
    expect(pulled.body.products).toEqual([
      expect.objectContaining({ product_id: demoProduct(4).product_id, price: 299.5 }),
    ]);
  });

  it('needs head.currency for prices', async () => {
    const reply = await importItems('prices', 'partial', [
      { product_id: demoProduct(0).product_id, value: 1 },
    ]);
    expect(reply.status).toBe(422);
    expect((reply.body as unknown as ErrorReply).details[0]?.field).toBe('head.currency');
  });

  it('stores availabilities per node and product', async () => {
    const items = [
      { fulfillment_node_id: 'store1', product_id: demoProduct(0).product_id, quantity: 4 },
      { fulfillment_node_id: 'store1', product_id: demoProduct(1).product_id, quantity: 0 },
    ];
    expect((await importItems('availabilities', 'partial', items)).body).toMatchObject({
      imported: 2,
      deleted: 0,
    });
    const full = await importItems('availabilities', 'full', [items[0]]);
    expect(full.body).toMatchObject({ imported: 1, deleted: 1 });
    const rows = await t.app.storeDb.db.selectFrom('availabilities').selectAll().execute();
    expect(rows.map((r) => [r.product_id, r.quantity])).toEqual([[demoProduct(0).product_id, 4]]);
    const bad = await importItems('availabilities', 'partial', [{ ...items[0], quantity: -1 }]);
    expect(bad.status).toBe(422);
  });
});
