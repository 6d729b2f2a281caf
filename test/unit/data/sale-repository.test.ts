import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { minor } from '../../../src/domain/money.ts';
import type { OrderRequest } from '../../../src/protocol/schemas.ts';
import type { CompleteSaleInput } from '../../../src/data/sale-repository.ts';
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

const sale = (over: Partial<CompleteSaleInput> = {}): CompleteSaleInput => ({
  deviceId: DEVICE_ID,
  associateId: 'assoc-1',
  associateName: 'Alex Associate',
  store: STORE,
  tenders: [{ method: 'cash', tendered: minor(1000) }],
  now: NOW,
  ...over,
});

async function fillCart(): Promise<void> {
  const cola = await productById(data, 'cola-355');
  await data.carts.addProduct(DEVICE_ID, cola, NOW);
  await data.carts.addProduct(DEVICE_ID, cola, NOW);
  await data.carts.addProduct(DEVICE_ID, await productById(data, 'gum-upce'), NOW);
}

describe('SaleRepository.completeSale', () => {
  it('writes the sale and its outbox mutation and empties the cart', async () => {
    await fillCart();
    const written = await data.sales.completeSale(sale());

    // 2 × 1.99 + 0.99 = 4.97; tax 0.16 + 0.16 + 0.08 = 0.40
    expect(written.totals).toEqual({ subtotal: 497, tax: 40, total: 537, units: 3 });
    expect(written.tenders).toEqual([{ method: 'cash', amount: 537, tendered: 1000, change: 463 }]);
    expect(written.seq).toBe(1);
    expect(await data.sales.get(written.saleId)).toEqual(written);
    expect(await data.carts.current(DEVICE_ID)).toEqual({ cart: null, lines: [] });

    const entries = await data.db.outbox.toArray();
    expect(entries).toHaveLength(1);
    const entry = entries[0]!;
    expect(entry).toMatchObject({
      seq: 1,
      type: 'order.create',
      status: 'pending',
      ref: written.saleId,
    });
    const order = entry.payload as OrderRequest;
    expect(order).toMatchObject({
      external_id: written.saleId,
      store_id: 'demo-store',
      currency: 'USD',
      associate_id: 'assoc-1',
      device_id: DEVICE_ID,
      placed_at: NOW,
      payments: [{ method: 'cash', amount: 5.37, tendered: 10, change: 4.63 }],
    });
    expect(order.items.map((item) => [item.external_item_id, item.product_id, item.price])).toEqual(
      [
        [
          '1',
          'cola-355',
          {
            item_price: 1.99,
            item_list_price: 1.99,
            item_tax_lines: [{ amount: 0.16, rate: 0.08 }],
          },
        ],
        [
          '2',
          'cola-355',
          {
            item_price: 1.99,
            item_list_price: 1.99,
            item_tax_lines: [{ amount: 0.16, rate: 0.08 }],
          },
        ],
        [
          '3',
          'gum-upce',
          {
            item_price: 0.99,
            item_list_price: 0.99,
            item_tax_lines: [{ amount: 0.08, rate: 0.08 }],
          },
        ],
      ],
    );
    expect(order.items.every((item) => item.shipping_type === 'in_store_handover')).toBe(true);
  });

  it('numbers consecutive sales 1, 2, 3 with distinct ids', async () => {
    const seqs: number[] = [];
    for (let i = 0; i < 3; i += 1) {
      await fillCart();
      seqs.push(
        (await data.sales.completeSale(sale({ tenders: [{ method: 'card', reference: `R${i}` }] })))
          .seq,
      );
    }
    expect(seqs).toEqual([1, 2, 3]);
    const ids = (await data.db.outbox.toArray()).map((entry) => entry.id);
    expect(new Set(ids).size).toBe(3);
  });

  it('continues after the seq the server already holds for a re-registered device', async () => {
    await data.db.meta.put({ key: 'lastSeq', value: 41 });
    await fillCart();
    expect((await data.sales.completeSale(sale())).seq).toBe(42);
  });

  it('refuses an empty cart', async () => {
    await expect(data.sales.completeSale(sale())).rejects.toMatchObject({ reason: 'EMPTY_CART' });
    expect(await data.db.sales.count()).toBe(0);
  });

  it('refuses cash short of the total and keeps the cart', async () => {
    await fillCart();
    await expect(
      data.sales.completeSale(sale({ tenders: [{ method: 'cash', tendered: minor(536) }] })),
    ).rejects.toMatchObject({ reason: 'TENDER_SHORT' });
    expect(await data.db.sales.count()).toBe(0);
    expect((await data.carts.current(DEVICE_ID)).lines).toHaveLength(2);
  });

  it('refuses a card payment without a terminal reference', async () => {
    await fillCart();
    await expect(
      data.sales.completeSale(sale({ tenders: [{ method: 'card', reference: ' ' }] })),
    ).rejects.toMatchObject({ reason: 'INVALID' });
    expect(await data.db.outbox.count()).toBe(0);
  });

  it('writes nothing when the outbox write fails midway', async () => {
    await fillCart();
    data.db.outbox.hook('creating', () => {
      throw new Error('simulated failure after the sale was written');
    });
    await expect(data.sales.completeSale(sale())).rejects.toThrow('simulated failure');
    expect(await data.db.sales.count()).toBe(0);
    expect(await data.db.outbox.count()).toBe(0);
    expect(await data.db.meta.get('lastSeq')).toBeUndefined();
    expect((await data.carts.current(DEVICE_ID)).lines).toHaveLength(2);
  });

  it('records a card sale with its reference', async () => {
    await fillCart();
    const written = await data.sales.completeSale(
      sale({ tenders: [{ method: 'card', reference: ' 0042-AUTH ' }] }),
    );
    const entry = await data.outbox.get(written.seq);
    expect((entry?.payload as OrderRequest).payments).toEqual([
      { method: 'card', amount: 5.37, reference: '0042-AUTH' },
    ]);
  });

  it('sends one item per unit of a serialized product', async () => {
    const headphones = await productById(data, 'headphones-x1');
    for (const serial of ['HX1', 'HX2']) {
      const line = await data.carts.addProduct(DEVICE_ID, headphones, NOW);
      const capture = {
        serial,
        method: 'typed',
        capturedAt: NOW,
        valid: null,
        configVersion: null,
      } as const;
      await data.carts.setSerial(line.lineId, capture, NOW);
    }
    const written = await data.sales.completeSale(
      sale({ tenders: [{ method: 'card', reference: 'X' }] }),
    );
    const order = (await data.outbox.get(written.seq))?.payload as OrderRequest;
    expect(order.items.map((item) => [item.external_item_id, item.serial_number])).toEqual([
      ['1', 'HX1'],
      ['2', 'HX2'],
    ]);
    expect(written.totals.total).toBe(2 * (14900 + 1192));
  });
});
