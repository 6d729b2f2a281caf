import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DataError } from '../../../src/data/errors.ts';
import { DEVICE_ID, NOW, openTestData, productById, type TestData } from './data-fixtures.ts';

let data: TestData;
beforeEach(async () => {
  data = await openTestData();
});
afterEach(async () => {
  await data.db.delete();
});

describe('CartRepository', () => {
  it('starts with no cart', async () => {
    expect(await data.carts.current(DEVICE_ID)).toEqual({ cart: null, lines: [] });
  });

  it('adds a product, then raises its quantity when scanned again', async () => {
    const cola = await productById(data, 'cola-355');
    await data.carts.addProduct(DEVICE_ID, cola, NOW);
    await data.carts.addProduct(DEVICE_ID, cola, NOW);
    const { lines } = await data.carts.current(DEVICE_ID);
    expect(lines.map((line) => [line.productId, line.quantity, line.unitPrice])).toEqual([
      ['cola-355', 2, 199],
    ]);
  });

  it('gives every serialized unit a line of its own, waiting for its serial', async () => {
    const headphones = await productById(data, 'headphones-x1');
    await data.carts.addProduct(DEVICE_ID, headphones, NOW);
    await data.carts.addProduct(DEVICE_ID, headphones, NOW);
    const { lines } = await data.carts.current(DEVICE_ID);
    expect(lines.map((line) => [line.quantity, line.serial, line.shippingType])).toEqual([
      [1, null, 'in_store_handover'],
      [1, null, 'in_store_handover'],
    ]);
    await expect(data.carts.setQuantity(lines[0]!.lineId, 2, NOW)).rejects.toBeInstanceOf(
      DataError,
    );
  });

  it('keeps lines in scan order', async () => {
    for (const id of ['gum-upce', 'cola-355', 'headphones-x1', 'gum-upce']) {
      await data.carts.addProduct(DEVICE_ID, await productById(data, id), NOW);
    }
    const { lines } = await data.carts.current(DEVICE_ID);
    expect(lines.map((line) => `${line.productId}×${line.quantity}`)).toEqual([
      'gum-upce×2',
      'cola-355×1',
      'headphones-x1×1',
    ]);
  });

  it('refuses a product with no price and changes nothing', async () => {
    const sample = await productById(data, 'sample-unpriced');
    await expect(data.carts.addProduct(DEVICE_ID, sample, NOW)).rejects.toMatchObject({
      reason: 'NOT_SELLABLE',
    });
    expect(await data.carts.current(DEVICE_ID)).toEqual({ cart: null, lines: [] });
  });

  it('sets a typed quantity and refuses nonsense', async () => {
    const line = await data.carts.addProduct(DEVICE_ID, await productById(data, 'cola-355'), NOW);
    await data.carts.setQuantity(line.lineId, 12, NOW);
    for (const bad of [0, -1, 1.5, 1000, Number.NaN]) {
      await expect(data.carts.setQuantity(line.lineId, bad, NOW)).rejects.toMatchObject({
        reason: 'INVALID',
      });
    }
    expect((await data.carts.current(DEVICE_ID)).lines[0]?.quantity).toBe(12);
  });

  it('removes a line and clears the cart', async () => {
    const cola = await data.carts.addProduct(DEVICE_ID, await productById(data, 'cola-355'), NOW);
    await data.carts.addProduct(DEVICE_ID, await productById(data, 'gum-upce'), NOW);
    await data.carts.removeLine(cola.lineId, NOW);
    expect((await data.carts.current(DEVICE_ID)).lines.map((l) => l.productId)).toEqual([
      'gum-upce',
    ]);
    await data.carts.clear(DEVICE_ID);
    expect(await data.carts.current(DEVICE_ID)).toEqual({ cart: null, lines: [] });
  });

  it('keeps one cart per device', async () => {
    const cola = await productById(data, 'cola-355');
    await data.carts.addProduct(DEVICE_ID, cola, NOW);
    await data.carts.addProduct('other-device', cola, NOW);
    expect((await data.carts.current(DEVICE_ID)).lines).toHaveLength(1);
    expect(await data.db.carts.count()).toBe(2);
  });
});
