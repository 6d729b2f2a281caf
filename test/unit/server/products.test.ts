// Product reads by id and by any external identifier, with EAN/UPC normalisation.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Product } from '../../../src/protocol/schemas.ts';
import { demoProduct, startTestApp, type TestApp } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
  // An EAN-13 that starts with 0 is a UPC-A in another form; store it as 13 digits.
  const reply = await t.call('POST', '/v0/d/import', {
    body: {
      entity: 'products',
      mode: 'partial',
      head: {},
      items: [
        {
          product_id: 'ean-zero',
          title: 'Charging Brick',
          external_identifiers: [{ type: 'ean13', value: '0012345678905' }],
        },
      ],
    },
  });
  expect(reply.status).toBe(200);
});
afterAll(async () => {
  await t.close();
});

const byIdentifier = (value: string) =>
  t.call<Product>('GET', `/v0/products?identifier=${encodeURIComponent(value)}`, {
    token: t.tokens.associate,
  });

describe('GET /v0/products', () => {
  it('returns a product by id with its default price in the store currency', async () => {
    const p = demoProduct(5);
    const reply = await t.call<Product>('GET', `/v0/products/${p.product_id}`, {
      token: t.tokens.associate,
    });
    expect(reply.status).toBe(200);
    expect(reply.body).toEqual({
      product_id: p.product_id,
      title: p.title,
      brand: p.brand,
      variant_group_id: null,
      external_identifiers: [
        { type: p.barcode_type, value: p.barcode },
        { type: 'sku', value: p.sku },
      ],
      serialized_inventory: p.serialized,
      // Serialized demo devices carry their warranty (issue 12).
      extended_attributes: p.serialized ? [{ name: 'warranty_months', value: '24' }] : [],
      price: { value: p.price, currency: 'USD', pricebook: 'default' },
    });
  });

  it('finds a 12-digit UPC-A from its 13-digit EAN form, and as stored', async () => {
    const upc = demoProduct(1);
    expect(upc.barcode).toHaveLength(12);
    expect((await byIdentifier(upc.barcode)).body.product_id).toBe(upc.product_id);
    expect((await byIdentifier(`0${upc.barcode}`)).body.product_id).toBe(upc.product_id);
    expect((await byIdentifier(`00${upc.barcode}`)).body.product_id).toBe(upc.product_id);
  });

  it('finds a 13-digit EAN stored with a leading zero from its 12-digit UPC form', async () => {
    expect((await byIdentifier('012345678905')).body.product_id).toBe('ean-zero');
    expect((await byIdentifier('0012345678905')).body.product_id).toBe('ean-zero');
  });

  it('finds a product by SKU and by EAN-13', async () => {
    const p = demoProduct(2);
    expect((await byIdentifier(p.sku)).body.product_id).toBe(p.product_id);
    expect((await byIdentifier(p.barcode)).body.product_id).toBe(p.product_id);
  });

  it.each([
    ['an unknown barcode', '4006381333931'],
    [
      'a barcode with a wrong check digit',
      `${demoProduct(2).barcode.slice(0, 12)}${(Number(demoProduct(2).barcode[12]) + 1) % 10}`,
    ],
    ['a serial number', 'SN4K7Q2M9X1B3C'],
  ])('answers 404 not_found for %s', async (_name, value) => {
    const reply = await byIdentifier(value);
    expect(reply.status).toBe(404);
    expect(reply.body).toMatchObject({ error: 'not_found' });
  });

  it('answers 404 for an unknown id and 400 without an identifier', async () => {
    expect((await t.call('GET', '/v0/products/nope', { token: t.tokens.associate })).status).toBe(
      404,
    );
    const missing = await t.call<{ details: Array<{ field: string }> }>('GET', '/v0/products', {
      token: t.tokens.associate,
    });
    expect(missing.status).toBe(400);
    expect(missing.body.details[0]?.field).toBe('identifier');
  });
});
