/**
 * Completing a sale, loaded with the first sale (the sell screen paints without it): the last
 * checks before money changes hands (every take-now serial captured, none of them in a sale
 * still waiting to be sent, the tenders adding up, the shift open), then the sale, its
 * `order.create` entry and its store-history record in one transaction, and the cart emptied.
 */
import { hasCustomer } from '../domain/customer.ts';
import { minor, type Minor } from '../domain/money.ts';
import { buildOrderRequest } from '../domain/order-request.ts';
import { receiptNumber } from '../domain/receipt-number.ts';
import { saleAmounts } from '../domain/sale-amounts.ts';
import { SaleSyncStates, type SaleLine } from '../domain/sale.ts';
import { findSameSerial, requiresSerialAtCheckout } from '../domain/serial-rules.ts';
import { resolveTenders, type SplitTenderRequest, type TenderLine } from '../domain/tender.ts';
import { Messages } from '../i18n/messages.ts';
import { TenderMessages } from '../i18n/tender-messages.ts';
import { MutationTypes } from '../protocol/wire-constants.ts';
import type { AisleDb } from './db.ts';
import { DataError, DataErrorReasons } from './errors.ts';
import { historyRecordOfSale } from './history-records.ts';
import { enqueue, outboxTables } from './outbox-repository.ts';
import type { CompleteSaleInput } from './sale-repository.ts';
import { saleSerialKeys } from './sale-serial-keys.ts';
import type { CartLineRecord, SaleRecord } from './types.ts';

function toSaleLine(line: CartLineRecord): SaleLine {
  return {
    lineId: line.lineId,
    productId: line.productId,
    title: line.title,
    unitPrice: line.unitPrice,
    quantity: line.quantity,
    serialized: line.serialized,
    shippingType: line.shippingType,
    serial: line.serial,
    serialCapture: line.serialCapture,
    ...(line.warrantyMonths === undefined ? {} : { warrantyMonths: line.warrantyMonths }),
    ...(line.discount == null ? {} : { discount: line.discount }),
    ...(line.priceOverride == null ? {} : { priceOverride: line.priceOverride }),
  };
}

/**
 * The last guard before money changes hands: every take-now serialized unit has its serial,
 * and none of those serials is in a sale of this device still waiting for the server (another
 * tab may have sold it since it was captured).
 */
function assertSerialsReady(
  lines: readonly CartLineRecord[],
  waiting: readonly SaleRecord[],
): void {
  const missing = lines.filter((line) => requiresSerialAtCheckout(line) && line.serial === null);
  if (missing.length > 0) {
    throw new DataError(
      DataErrorReasons.serialMissing,
      Messages.serialsMissingBeforePayment(missing.map((line) => line.title)),
    );
  }
  for (const line of lines) {
    if (line.serial === null || !requiresSerialAtCheckout(line)) continue;
    const sale = waiting.find(
      (other) => findSameSerial(other.lines, line.productId, line.serial ?? '') !== undefined,
    );
    if (sale !== undefined) {
      throw new DataError(
        DataErrorReasons.serialDuplicate,
        Messages.serialSoldUnsent(line.serial, line.title, receiptNumber(sale.saleId)),
      );
    }
  }
}

/** The sale's tenders, or the refusal of what was entered (short, a card over the balance …). */
function resolvePayment(total: Minor, requests: readonly SplitTenderRequest[]): TenderLine[] {
  const resolved = resolveTenders(total, requests);
  if (resolved.ok) return resolved.tenders;
  const { problem } = resolved;
  switch (problem.kind) {
    case 'short':
      throw new DataError(DataErrorReasons.tenderShort, TenderMessages.cashShort());
    case 'reference_missing':
      throw new DataError(DataErrorReasons.invalid, TenderMessages.cardReferenceMissing());
    case 'card_over_balance':
      throw new DataError(DataErrorReasons.invalid, TenderMessages.cardOverBalance());
    case 'nothing_left':
      throw new DataError(DataErrorReasons.invalid, TenderMessages.tenderAfterPaid());
  }
}

export async function completeSale(db: AisleDb, input: CompleteSaleInput): Promise<SaleRecord> {
  const saleId = input.saleId ?? crypto.randomUUID();
  const mutationId = input.mutationId ?? crypto.randomUUID();
  const tables = [db.carts, db.cartLines, db.sales, db.storeOrders, db.shifts, ...outboxTables(db)];
  return db.transaction('rw', tables, async () => {
    if (input.shiftId !== undefined) {
      const shift = await db.shifts.get(input.shiftId);
      if (shift?.state !== 'open' || shift.deviceId !== input.deviceId) {
        throw new DataError(DataErrorReasons.shiftNotOpen, Messages.noOpenShift());
      }
    }
    const cart = await db.carts.where('deviceId').equals(input.deviceId).first();
    const lines =
      cart === undefined ? [] : await db.cartLines.where('cartId').equals(cart.cartId).toArray();
    if (cart === undefined || lines.length === 0) {
      throw new DataError(DataErrorReasons.emptyCart, Messages.cartEmpty());
    }
    lines.sort((a, b) => a.position - b.position);
    // Only the unsent sales holding one of the cart's serials are read, by index.
    const serialKeys = saleSerialKeys(lines);
    assertSerialsReady(
      lines,
      serialKeys.length === 0
        ? []
        : await db.sales
            .where('serialKeys')
            .anyOf(serialKeys)
            .filter((sale) => sale.sync.state === SaleSyncStates.pending)
            .toArray(),
    );
    const { store } = input;
    const orderDiscount = cart.orderDiscount ?? null;
    const { totals } = saleAmounts(lines, orderDiscount, store.tax_rate, store.price_method);
    const exchange = input.exchange;
    const tenders = resolvePayment(
      totals.total,
      exchange === undefined
        ? input.tenders
        : [
            {
              method: 'exchange',
              amount: minor(Math.min(exchange.credit, totals.total)),
              reference: exchange.returnId,
            },
            ...input.tenders,
          ],
    );
    const draft: SaleRecord = {
      saleId,
      seq: 0,
      storeId: store.store_id,
      storeLabel: store.label,
      deviceId: input.deviceId,
      associateId: input.associateId,
      associateName: input.associateName,
      currency: store.currency,
      locale: store.locale,
      taxRate: store.tax_rate,
      priceMethod: store.price_method,
      lines: lines.map(toSaleLine),
      ...(orderDiscount === null ? {} : { orderDiscount }),
      totals,
      tenders,
      ...(hasCustomer(cart.customer) ? { customer: cart.customer } : {}),
      ...(exchange === undefined ? {} : { exchangeForReturnId: exchange.returnId }),
      createdAt: input.now,
      sync: { state: SaleSyncStates.pending, orderId: null, error: null, syncedAt: null },
      serialKeys,
      ...(input.shiftId === undefined ? {} : { shiftId: input.shiftId }),
    };
    const seq = await enqueue(db, {
      type: MutationTypes.orderCreate,
      payload: buildOrderRequest(draft),
      ref: saleId,
      now: input.now,
      id: mutationId,
    });
    const sale: SaleRecord = { ...draft, seq };
    await db.sales.add(sale);
    // In the store's history at once: returnable, and its serials known, before any sync.
    await db.storeOrders.put(historyRecordOfSale(sale));
    await db.cartLines.where('cartId').equals(cart.cartId).delete();
    await db.carts.delete(cart.cartId);
    return sale;
  });
}
