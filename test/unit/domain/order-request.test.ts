import { describe, expect, it } from 'vitest';
import { minor } from '../../../src/domain/money.ts';
import { buildOrderRequest } from '../../../src/domain/order-request.ts';
import { completedSale, saleLine } from './sale-fixtures.ts';

const line = saleLine;
const sale = completedSale;

describe('buildOrderRequest', () => {
  it('sends one item per unit with its own tax line and unique item ids', () => {
    const order = buildOrderRequest(
      sale([
        line({ productId: 'a', quantity: 3 }),
        line({ productId: 'b', unitPrice: minor(1999) }),
      ]),
    );
    expect(order.items.map((item) => [item.external_item_id, item.product_id])).toEqual([
      ['1', 'a'],
      ['2', 'a'],
      ['3', 'a'],
      ['4', 'b'],
    ]);
    // 10.00 at 8.25 % is 0.825 → 0.83; 19.99 → 1.649… → 1.65
    expect(order.items.map((item) => item.price.item_tax_lines)).toEqual([
      [{ amount: 0.83, rate: 0.0825 }],
      [{ amount: 0.83, rate: 0.0825 }],
      [{ amount: 0.83, rate: 0.0825 }],
      [{ amount: 1.65, rate: 0.0825 }],
    ]);
    // 3 × 10.00 + 19.99 = 49.99, tax 3 × 0.83 + 1.65 = 4.14
    expect(order.payments).toEqual([{ method: 'card', amount: 54.13, reference: 'R-1' }]);
    expect(order).toMatchObject({
      external_id: '7d4b5f0e-2f7b-4d7e-9d55-0c1f4f3f8a11',
      channel_type: 'store',
      price_method: 'tax_excluded',
      placed_at: '2026-11-27T10:00:00.000Z',
      associate_id: 'assoc-1',
      device_id: 'device-1',
    });
  });

  it('carries a captured serial and how it was captured', () => {
    const order = buildOrderRequest(
      sale([
        line({
          serialized: true,
          serial: 'SN12345678ABCD',
          serialCapture: {
            method: 'scanner',
            capturedAt: '2026-11-27T09:59:00.000Z',
            valid: true,
            configVersion: 3,
          },
        }),
        line({ serialized: true }),
      ]),
    );
    expect(order.items[0]).toMatchObject({
      serial_number: 'SN12345678ABCD',
      serial_capture: {
        method: 'scanner',
        captured_at: '2026-11-27T09:59:00.000Z',
        associate_id: 'assoc-1',
        device_id: 'device-1',
        config_version: 3,
      },
    });
    expect(order.items[1]).not.toHaveProperty('serial_number');
  });

  it('keeps a shipped unit as traditional_carrier', () => {
    const order = buildOrderRequest(sale([line({ shippingType: 'traditional_carrier' })]));
    expect(order.items[0]?.shipping_type).toBe('traditional_carrier');
  });

  it('sends cash with what was given and the change, in decimals', () => {
    const lines = [line({ unitPrice: minor(1999) })];
    const order = buildOrderRequest(
      sale(lines, {
        taxRate: 0.08,
        tenders: [
          { method: 'cash', amount: minor(2159), tendered: minor(2500), change: minor(341) },
        ],
      }),
    );
    expect(order.payments).toEqual([{ method: 'cash', amount: 21.59, tendered: 25, change: 3.41 }]);
  });

  it('for a tax-included store sends the shown price and the tax inside it', () => {
    const order = buildOrderRequest(
      sale([line({ unitPrice: minor(1080) })], { taxRate: 0.08, priceMethod: 'tax_included' }),
    );
    expect(order.price_method).toBe('tax_included');
    expect(order.items[0]?.price).toEqual({
      item_price: 10.8,
      item_list_price: 10.8,
      item_tax_lines: [{ amount: 0.8, rate: 0.08 }],
    });
    expect(order.payments?.[0]?.amount).toBe(10.8);
  });
});

describe('buildOrderRequest and the customer', () => {
  it.each([
    [undefined, {}],
    [
      { name: 'Ada Lovelace', email: 'ada@example.com', phone: '+1 555 010 4477' },
      {
        customer_name: 'Ada Lovelace',
        customer_email: 'ada@example.com',
        customer_phone: '+1 555 010 4477',
      },
    ],
    [{ name: null, email: 'ada@example.com', phone: null }, { customer_email: 'ada@example.com' }],
  ])('customer %j → %j on the order', (customer, fields) => {
    const order = buildOrderRequest(sale([line({})], customer === undefined ? {} : { customer }));
    expect({
      customer_name: order.customer_name,
      customer_email: order.customer_email,
      customer_phone: order.customer_phone,
    }).toEqual({
      customer_name: undefined,
      customer_email: undefined,
      customer_phone: undefined,
      ...fields,
    });
  });
});
