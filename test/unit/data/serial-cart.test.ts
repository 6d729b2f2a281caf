/**
 * The cart's rules for serialized units, on fake-indexeddb: one serial per unit, the same
 * serial of the same product refused twice on the device (cart, or a sale the server has not
 * acknowledged), shipping drops the serial, and no sale completes while a unit lacks one.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { SerialCaptureInput } from '../../../src/data/cart-repository.ts';
import type { CompleteSaleInput } from '../../../src/data/sale-repository.ts';
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

const capture = (serial: string, over: Partial<SerialCaptureInput> = {}): SerialCaptureInput => ({
  serial,
  method: 'typed',
  capturedAt: NOW,
  valid: true,
  configVersion: 3,
  ...over,
});

const checkout = (over: Partial<CompleteSaleInput> = {}): CompleteSaleInput => ({
  deviceId: DEVICE_ID,
  associateId: 'assoc-1',
  associateName: 'Alex Associate',
  store: STORE,
  tenders: [{ method: 'cash', tendered: minor(100_000) }],
  now: NOW,
  ...over,
});

const headphones = () => productById(data, 'headphones-x1');
const lines = async () => (await data.carts.current(DEVICE_ID)).lines;

describe('serialized units in the cart', () => {
  it('records the serial of a unit with how, when and under which configuration', async () => {
    const line = await data.carts.addProduct(DEVICE_ID, await headphones(), NOW);
    await data.carts.setSerial(line.lineId, capture('HX1A2B3C4D5E6F', { method: 'scanner' }), NOW);
    expect((await lines()).map((l) => [l.serial, l.serialCapture])).toEqual([
      ['HX1A2B3C4D5E6F', { method: 'scanner', capturedAt: NOW, valid: true, configVersion: 3 }],
    ]);
  });

  it('refuses the same serial of the same product twice in the cart, and keeps the first', async () => {
    const first = await data.carts.addProduct(DEVICE_ID, await headphones(), NOW);
    const second = await data.carts.addProduct(DEVICE_ID, await headphones(), NOW);
    await data.carts.setSerial(first.lineId, capture('HX0001'), NOW);
    await expect(data.carts.setSerial(second.lineId, capture('HX0001'), NOW)).rejects.toMatchObject(
      {
        reason: 'SERIAL_DUPLICATE',
        message: expect.stringContaining('already in this cart') as unknown,
      },
    );
    expect((await lines()).map((l) => l.serial)).toEqual(['HX0001', null]);
    // Re-entering a unit's own serial is no duplicate; letter case makes another serial.
    await data.carts.setSerial(first.lineId, capture('HX0001'), NOW);
    await data.carts.setSerial(second.lineId, capture('hx0001'), NOW);
    expect((await lines()).map((l) => l.serial)).toEqual(['HX0001', 'hx0001']);
  });

  it('refuses a serial sold in a sale still waiting for the server, not one it acknowledged', async () => {
    const line = await data.carts.addProduct(DEVICE_ID, await headphones(), NOW);
    await data.carts.setSerial(line.lineId, capture('HX0002'), NOW);
    const sold = await data.sales.completeSale(checkout());

    const again = await data.carts.addProduct(DEVICE_ID, await headphones(), NOW);
    await expect(data.carts.setSerial(again.lineId, capture('HX0002'), NOW)).rejects.toMatchObject({
      reason: 'SERIAL_DUPLICATE',
      message: expect.stringContaining(`sale ${sold.saleId.slice(0, 8).toUpperCase()}`) as unknown,
    });
    // A GS1 scan carrying the product and that serial adds nothing either.
    await expect(
      data.carts.addProduct(DEVICE_ID, await headphones(), NOW, capture('HX0002')),
    ).rejects.toMatchObject({ reason: 'SERIAL_DUPLICATE' });
    expect(await lines()).toHaveLength(1);

    // Once the server has the sale, it judges any resale itself (a return, a duplicate).
    await data.outbox.applyResults(
      [
        {
          seq: sold.seq,
          id: (await data.db.outbox.get(sold.seq))!.id,
          status: 'applied',
          result: { id: 'o-1' },
        },
      ],
      NOW,
    );
    await data.carts.setSerial(again.lineId, capture('HX0002'), NOW);
    expect((await lines())[0]?.serial).toBe('HX0002');
  });

  it('adds a unit together with the serial a GS1 code carried', async () => {
    const line = await data.carts.addProduct(
      DEVICE_ID,
      await headphones(),
      NOW,
      capture('GS1SERIAL9', { method: 'camera' }),
    );
    expect(line).toMatchObject({ serial: 'GS1SERIAL9', serialCapture: { method: 'camera' } });
    await expect(
      data.carts.addProduct(DEVICE_ID, await productById(data, 'cola-355'), NOW, capture('X1')),
    ).rejects.toMatchObject({ reason: 'INVALID' });
    expect((await lines()).map((l) => l.productId)).toEqual(['headphones-x1']);
  });

  it('drops the serial when a unit is switched to ship, and takes none while shipped', async () => {
    const line = await data.carts.addProduct(DEVICE_ID, await headphones(), NOW);
    await data.carts.setSerial(line.lineId, capture('HX0003'), NOW);
    await data.carts.setShipping(line.lineId, 'traditional_carrier', NOW);
    expect((await lines()).map((l) => [l.shippingType, l.serial, l.serialCapture])).toEqual([
      ['traditional_carrier', null, null],
    ]);
    await expect(data.carts.setSerial(line.lineId, capture('HX0003'), NOW)).rejects.toMatchObject({
      reason: 'INVALID',
    });
    // Back to take-now: it needs its serial again.
    await data.carts.setShipping(line.lineId, 'in_store_handover', NOW);
    await expect(data.sales.completeSale(checkout())).rejects.toMatchObject({
      reason: 'SERIAL_MISSING',
    });
  });

  it('refuses to complete a sale while a take-now unit lacks its serial, and writes nothing', async () => {
    await data.carts.addProduct(DEVICE_ID, await productById(data, 'cola-355'), NOW);
    const first = await data.carts.addProduct(DEVICE_ID, await headphones(), NOW);
    await data.carts.addProduct(DEVICE_ID, await headphones(), NOW);
    await data.carts.setSerial(first.lineId, capture('HX0004'), NOW);
    await expect(data.sales.completeSale(checkout())).rejects.toMatchObject({
      reason: 'SERIAL_MISSING',
      message: '1 item needs its serial number before payment: Headphones X1.',
    });
    expect(await data.db.sales.count()).toBe(0);
    expect(await data.db.outbox.count()).toBe(0);
    expect(await lines()).toHaveLength(3);
  });

  it('sends each unit with its serial and capture, and a shipped unit without one', async () => {
    const taken = await data.carts.addProduct(DEVICE_ID, await headphones(), NOW);
    const shipped = await data.carts.addProduct(DEVICE_ID, await headphones(), NOW);
    await data.carts.setSerial(taken.lineId, capture('HX0005', { method: 'scanner' }), NOW);
    await data.carts.setShipping(shipped.lineId, 'traditional_carrier', NOW);
    const sale = await data.sales.completeSale(checkout());
    const order = (await data.db.outbox.get(sale.seq))!.payload as OrderRequest;
    expect(
      order.items.map((item) => [item.shipping_type, item.serial_number, item.serial_capture]),
    ).toEqual([
      [
        'in_store_handover',
        'HX0005',
        {
          method: 'scanner',
          captured_at: NOW,
          associate_id: 'assoc-1',
          device_id: DEVICE_ID,
          config_version: 3,
        },
      ],
      ['traditional_carrier', undefined, undefined],
    ]);
  });

  it('keeps a shipped line of a product apart from the one taken now', async () => {
    const cola = await productById(data, 'cola-355');
    const line = await data.carts.addProduct(DEVICE_ID, cola, NOW);
    await data.carts.setShipping(line.lineId, 'traditional_carrier', NOW);
    await data.carts.addProduct(DEVICE_ID, cola, NOW);
    expect((await lines()).map((l) => [l.shippingType, l.quantity])).toEqual([
      ['traditional_carrier', 1],
      ['in_store_handover', 1],
    ]);
  });
});
