/**
 * Turns a completed sale into the platform order (`OrderRequest`, the payload of the
 * `order.create` mutation): one item per unit, decimals at the currency's precision, each unit
 * with its own tax line, the tenders as payments, and the customer when one was attached.
 */
import type { DiscountInfo, OrderItem, OrderRequest, Payment } from '../protocol/schemas.ts';
import type { Customer } from './customer.ts';
import type { Discount, UnitAmount } from './discounts.ts';
import { minor, toDecimal } from './money.ts';
import { saleAmounts } from './sale-amounts.ts';
import type { Sale, SaleLine } from './sale.ts';
import type { TenderLine } from './tender.ts';

export function buildOrderRequest(sale: Sale): OrderRequest {
  const { currency } = sale;
  const decimal = (amount: number) => toDecimal(minor(amount), currency);
  const { units } = saleAmounts(sale.lines, sale.orderDiscount, sale.taxRate, sale.priceMethod);
  const items: OrderItem[] = [];
  let unitNumber = 0;
  for (const line of sale.lines) {
    for (let unit = 0; unit < line.quantity; unit += 1) {
      const amounts = units[unitNumber];
      unitNumber += 1;
      if (amounts === undefined) throw new RangeError('a unit without its amounts');
      const itemDiscounts = lineDiscountInfo(line, amounts, decimal);
      const orderDiscounts =
        sale.orderDiscount == null || amounts.orderAdjustment === 0
          ? []
          : [discountInfo('order', sale.orderDiscount, amounts.orderAdjustment, decimal)];
      const item: OrderItem = {
        external_item_id: String(unitNumber),
        product_id: line.productId,
        price: {
          item_price: decimal(amounts.price),
          item_list_price: decimal(amounts.listPrice),
          item_tax_lines: [{ amount: decimal(amounts.tax), rate: sale.taxRate }],
          ...(itemDiscounts.length === 0 ? {} : { item_discount_info: itemDiscounts }),
          ...(orderDiscounts.length === 0 ? {} : { item_order_discount_info: orderDiscounts }),
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
    ...customerFields(sale.customer),
    ...(sale.exchangeForReturnId === undefined
      ? {}
      : { exchange_for_return_id: sale.exchangeForReturnId }),
    ...(sale.shiftId === undefined ? {} : { shift_id: sale.shiftId }),
  };
}

/** The customer's fields that are set, under their NewStore names. */
function customerFields(
  customer: Customer | undefined,
): Pick<OrderRequest, 'customer_name' | 'customer_email' | 'customer_phone'> {
  if (customer === undefined) return {};
  return {
    ...(customer.name === null ? {} : { customer_name: customer.name }),
    ...(customer.email === null ? {} : { customer_email: customer.email }),
    ...(customer.phone === null ? {} : { customer_phone: customer.phone }),
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

/** A discount's wire shape for one unit: what it took off that unit, and who approved it. */
function discountInfo(
  ref: string,
  discount: Discount,
  adjustment: number,
  decimal: (amount: number) => number,
): DiscountInfo {
  return {
    discount_ref: ref,
    description: discount.reason,
    type: discount.kind,
    original_value: discount.kind === 'percentage' ? discount.value : decimal(discount.value),
    price_adjustment: decimal(adjustment),
    reason: discount.reason,
    ...(discount.approval === null
      ? {}
      : { approved_by: discount.approval.manager_id, approval_reason: discount.approval.reason }),
  };
}

function lineDiscountInfo(
  line: SaleLine,
  amounts: UnitAmount,
  decimal: (amount: number) => number,
): DiscountInfo[] {
  const infos: DiscountInfo[] = [];
  if (line.priceOverride != null && amounts.overrideAdjustment > 0) {
    infos.push({
      discount_ref: `override-${line.lineId}`,
      description: line.priceOverride.reason,
      type: 'price_override',
      original_value: decimal(line.priceOverride.price),
      price_adjustment: decimal(amounts.overrideAdjustment),
      reason: line.priceOverride.reason,
      approved_by: line.priceOverride.approval.manager_id,
      approval_reason: line.priceOverride.approval.reason,
    });
  }
  if (line.discount != null && amounts.lineAdjustment > 0) {
    infos.push(discountInfo(`line-${line.lineId}`, line.discount, amounts.lineAdjustment, decimal));
  }
  return infos;
}
