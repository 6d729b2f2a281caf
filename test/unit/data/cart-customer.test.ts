// The customer on the open sale (issue 13): kept with the cart in IndexedDB, so it survives a
// reload; checked again by the repository; carried onto the sale and its `order.create`.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AisleDb } from '../../../src/data/db.ts';
import { createRepositories } from '../../../src/data/repositories.ts';
import { minor } from '../../../src/domain/money.ts';
import type { OrderRequest } from '../../../src/protocol/schemas.ts';
import {
  DEVICE_ID,
  NOW,
  openTestData,
  productById,
  STORE,
  type TestData,
} from './data-fixtures.ts';

let data: TestData;
beforeEach(async () => {
  data = await openTestData();
});
afterEach(async () => {
  await data.db.delete();
});

const ADA = { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+1 555 010 4477' };

describe('CartRepository.setCustomer', () => {
  it('attaches a customer before the first scan, kept across a reopened database', async () => {
    const kept = await data.carts.setCustomer(
      DEVICE_ID,
      { name: ' Ada  Lovelace ', email: 'ada@EXAMPLE.com', phone: '' },
      NOW,
    );
    expect(kept).toEqual({ name: 'Ada Lovelace', email: 'ada@example.com', phone: null });

    // A reload: the same IndexedDB database opened again by a new connection.
    const reopened = new AisleDb(data.db.name);
    await reopened.open();
    const again = await createRepositories(reopened).carts.current(DEVICE_ID);
    reopened.close();
    expect(again.cart?.customer).toEqual(kept);
    expect(again.lines).toEqual([]);
  });

  it('replaces the customer and removes it with null', async () => {
    await data.carts.setCustomer(DEVICE_ID, ADA, NOW);
    await data.carts.setCustomer(DEVICE_ID, { ...ADA, phone: null }, NOW);
    expect((await data.carts.current(DEVICE_ID)).cart?.customer).toEqual({ ...ADA, phone: null });
    expect(await data.carts.setCustomer(DEVICE_ID, null, NOW)).toBeNull();
    expect((await data.carts.current(DEVICE_ID)).cart).not.toHaveProperty('customer');
  });

  it('refuses a bad e-mail or phone with a sentence naming it, and changes nothing', async () => {
    await data.carts.setCustomer(DEVICE_ID, ADA, NOW);
    await expect(
      data.carts.setCustomer(DEVICE_ID, { ...ADA, email: 'ada@', phone: '12' }, NOW),
    ).rejects.toMatchObject({
      reason: 'INVALID',
      message: 'E-mail must be one address like name@example.com. Phone must have 7 to 15 digits.',
    });
    expect((await data.carts.current(DEVICE_ID)).cart?.customer).toEqual(ADA);
  });

  it('goes with the cart when the cart is cleared', async () => {
    await data.carts.addProduct(DEVICE_ID, await productById(data, 'cola-355'), NOW);
    await data.carts.setCustomer(DEVICE_ID, ADA, NOW);
    await data.carts.clear(DEVICE_ID);
    expect(await data.carts.current(DEVICE_ID)).toEqual({ cart: null, lines: [] });
  });
});

describe('the customer on the completed sale', () => {
  const pay = () =>
    data.sales.completeSale({
      deviceId: DEVICE_ID,
      associateId: 'assoc-1',
      associateName: 'Alex Associate',
      store: STORE,
      tenders: [{ method: 'cash', tendered: minor(1000) }],
      now: NOW,
    });

  it('is on the sale and on its order.create', async () => {
    await data.carts.addProduct(DEVICE_ID, await productById(data, 'cola-355'), NOW);
    await data.carts.setCustomer(DEVICE_ID, ADA, NOW);
    const sale = await pay();
    expect(sale.customer).toEqual(ADA);
    const [entry] = await data.db.outbox.toArray();
    expect(entry?.payload as OrderRequest).toMatchObject({
      customer_name: 'Ada Lovelace',
      customer_email: 'ada@example.com',
      customer_phone: '+1 555 010 4477',
    });
  });

  it('is absent from a sale without one', async () => {
    await data.carts.addProduct(DEVICE_ID, await productById(data, 'cola-355'), NOW);
    const sale = await pay();
    expect(sale).not.toHaveProperty('customer');
    const [entry] = await data.db.outbox.toArray();
    expect(entry?.payload).not.toHaveProperty('customer_email');
  });
});
