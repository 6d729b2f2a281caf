/**
 * A sale line and a completed sale as the device stores them, with every field filled, for
 * tests that turn sales into orders (order-request, order-money, the server's money tests).
 * Not a test file: it registers no tests.
 */
import { cartTotals } from '../../../src/domain/cart-totals.ts';
import { minor } from '../../../src/domain/money.ts';
import type { Sale, SaleLine } from '../../../src/domain/sale.ts';

export const saleLine = (over: Partial<SaleLine> = {}): SaleLine => ({
  lineId: 'l',
  productId: 'p',
  title: 'P',
  unitPrice: minor(1000),
  quantity: 1,
  serialized: false,
  shippingType: 'in_store_handover',
  serial: null,
  serialCapture: null,
  ...over,
});

/** A card sale of `lines` in the demo store at 8.25 % unless `over` says otherwise. */
export function completedSale(lines: SaleLine[], over: Partial<Sale> = {}): Sale {
  const taxRate = over.taxRate ?? 0.0825;
  const priceMethod = over.priceMethod ?? 'tax_excluded';
  return {
    saleId: '7d4b5f0e-2f7b-4d7e-9d55-0c1f4f3f8a11',
    seq: 1,
    storeId: 'demo-store',
    storeLabel: 'Demo',
    deviceId: 'device-1',
    associateId: 'assoc-1',
    associateName: 'A',
    currency: 'USD',
    locale: 'en-US',
    taxRate,
    priceMethod,
    lines,
    totals: cartTotals(lines, taxRate, priceMethod),
    tenders: [
      { method: 'card', amount: cartTotals(lines, taxRate, priceMethod).total, reference: 'R-1' },
    ],
    createdAt: '2026-11-27T10:00:00.000Z',
    sync: { state: 'pending', orderId: null, error: null, syncedAt: null },
    ...over,
  };
}
