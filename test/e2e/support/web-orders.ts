/**
 * Orders injected through `POST /v0/d/fulfill_order` as an integration would send them: each
 * unit at its catalog price with the demo store's tax line, paid by card for the total — the
 * server reckons an injected order's money and refuses one that does not add up (422).
 */
import type { OrderItem, OrderRequest } from '../../../src/protocol/schemas.ts';
import { fromDecimal, minor, taxOn, toDecimal } from '../../../src/domain/money.ts';
import { DEMO_STORE, type DemoProduct } from '../../../server/src/seed/demo-catalog.ts';

export interface WebUnit {
  product: DemoProduct;
  shipping: OrderItem['shipping_type'];
  serial?: string;
}

export function webOrder(
  externalId: string,
  units: readonly WebUnit[],
  extra: Partial<OrderRequest> = {},
): OrderRequest {
  let total = 0;
  const items = units.map((unit, i): OrderItem => {
    const price = fromDecimal(unit.product.price, DEMO_STORE.currency);
    const tax = taxOn(price, DEMO_STORE.tax_rate);
    total += price + tax;
    return {
      external_item_id: String(i + 1),
      product_id: unit.product.product_id,
      price: {
        item_price: unit.product.price,
        item_tax_lines: [
          { amount: toDecimal(tax, DEMO_STORE.currency), rate: DEMO_STORE.tax_rate },
        ],
      },
      shipping_type: unit.shipping,
      ...(unit.serial === undefined ? {} : { serial_number: unit.serial }),
    };
  });
  return {
    external_id: externalId,
    store_id: DEMO_STORE.store_id,
    channel_type: 'web',
    currency: DEMO_STORE.currency,
    price_method: 'tax_excluded',
    items,
    payments: [
      { method: 'card', amount: toDecimal(minor(total), DEMO_STORE.currency), reference: 'web' },
    ],
    ...extra,
  };
}
