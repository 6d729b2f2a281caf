/**
 * A sale this device made, in the store history's shape (DESIGN §10.5): written with the sale
 * itself, so it is returnable and its serials known before any sync. Kept apart from
 * `store-history.ts` (the Return and Serial lookup screens' reading of the history), which
 * loads off the first paint.
 */
import { minor, type Minor } from './money.ts';
import { receiptNumber } from './receipt-number.ts';
import { saleAmounts } from './sale-amounts.ts';
import type { Sale } from './sale.ts';
import { cleanScannedText } from './serial-cleaning.ts';
import type { HistoryItem, HistoryOrder } from './store-history.ts';
import type { TenderAmount } from './refund.ts';

/** What the customer paid for one unit. */
export function unitPaid(
  unit: { readonly price: Minor; readonly tax: Minor; readonly orderDiscountShare?: Minor },
  priceMethod: 'tax_excluded' | 'tax_included',
): Minor {
  const net = unit.price - (unit.orderDiscountShare ?? 0);
  return minor(Math.max(0, priceMethod === 'tax_included' ? net : net + unit.tax));
}

/** The serials an order or return holds, cleaned, for the device's serial index. */
export function serialsOf(units: readonly { readonly serial: string | null }[]): string[] {
  const serials = new Set<string>();
  for (const unit of units)
    if (unit.serial !== null) serials.add(cleanScannedText(unit.serial).text);
  return [...serials];
}

/** A sale this device made, one item per unit numbered as its `order.create` numbers them. */
export function historyOrderFromSale(sale: Sale): HistoryOrder {
  const items: HistoryItem[] = [];
  const { units } = saleAmounts(sale.lines, sale.orderDiscount, sale.taxRate, sale.priceMethod);
  for (const line of sale.lines) {
    for (let unit = 0; unit < line.quantity; unit += 1) {
      const amounts = units[items.length];
      const price = amounts?.price ?? line.unitPrice;
      const tax = amounts?.tax ?? minor(0);
      items.push({
        externalItemId: String(items.length + 1),
        itemId: null,
        productId: line.productId,
        title: line.title,
        price,
        tax,
        paid: unitPaid({ price, tax }, sale.priceMethod),
        serial: line.serial,
        shippingType: line.shippingType,
      });
    }
  }
  const payments: TenderAmount[] = sale.tenders.map((tender) => ({
    method: tender.method,
    reference: tender.method === 'cash' ? null : tender.reference,
    amount: tender.amount,
  }));
  return {
    externalId: sale.saleId,
    orderId: sale.sync.orderId,
    receipt: receiptNumber(sale.saleId),
    storeId: sale.storeId,
    placedAt: sale.createdAt,
    deviceId: sale.deviceId,
    associateId: sale.associateId,
    currency: sale.currency,
    priceMethod: sale.priceMethod,
    items,
    payments,
    total: sale.totals.total,
  };
}
