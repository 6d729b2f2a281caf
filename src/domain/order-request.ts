/**
 * Turns a completed sale into the platform order (`OrderRequest`, the payload of the
 * `order.create` mutation): one item per unit, decimals at the currency's precision, each unit
 * with its own tax line, and the tender as a payment.
 */
import type { OrderItem, OrderRequest, Payment } from '../protocol/schemas.ts';
import { lineAmounts } from './cart-totals.ts';
import { toDecimal } from './money.ts';
import type { Sale } from './sale.ts';
import type { TenderLine } from './tender.ts';

export function buildOrderRequest(sale: Sale): OrderRequest {
  const { currency } = sale;
  const items: OrderItem[] = [];
  let unitNumber = 0;
  for (const line of sale.lines) {
    const amounts = lineAmounts(line, sale.taxRate, sale.priceMethod);
    for (let unit = 0; unit < line.quantity; unit += 1) {
      unitNumber += 1;
      const item: OrderItem = {
        external_item_id: String(unitNumber),
        product_id: line.productId,
        price: {
          item_price: toDecimal(line.unitPrice, currency),
          item_list_price: toDecimal(line.unitPrice, currency),
          item_tax_lines: [{ amount: toDecimal(amounts.unitTax, currency), rate: sale.taxRate }],
        },
        shipping_type: line.shippingType,
      };
      if (line.serial !== null) {
        item.serial_number = line.serial;
        if (line.serialCapture !== null) {
          item.serial_capture = {
            method: line.serialCapture.method,
            captured_at: line.serialCapture.capturedAt,
            associate_id: sale.associateId,
            device_id: sale.deviceId,
            ...(line.serialCapture.configVersion === null
              ? {}
              : { config_version: line.serialCapture.configVersion }),
          };
        }
      }
      items.push(item);
    }
  }
  return {
    external_id: sale.saleId,
    store_id: sale.storeId,
    channel_type: 'store',
    currency,
    price_method: sale.priceMethod,
    placed_at: sale.createdAt,
    associate_id: sale.associateId,
    device_id: sale.deviceId,
    items,
    payments: sale.tenders.map((tender) => buildPayment(tender, sale.currency)),
  };
}

function buildPayment(tender: TenderLine, currency: string): Payment {
  const amount = toDecimal(tender.amount, currency);
  if (tender.method === 'cash') {
    return {
      method: 'cash',
      amount,
      tendered: toDecimal(tender.tendered, currency),
      change: toDecimal(tender.change, currency),
    };
  }
  return { method: tender.method, amount, reference: tender.reference };
}
