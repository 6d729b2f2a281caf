/**
 * Completed sales. `completeSale` is the moment money changes hands: the sale, its outbox
 * mutation (with the next device `seq`) and the emptied cart are written in ONE read-write
 * transaction, with nothing but IndexedDB awaited inside it (awaiting the network or a timer
 * would commit the transaction early). Either all of it is on disk or none of it is.
 */
import { hasCustomer } from '../domain/customer.ts';
import { minor, type Minor } from '../domain/money.ts';
import { buildOrderRequest } from '../domain/order-request.ts';
import { saleAmounts } from '../domain/sale-amounts.ts';
import { SaleSyncStates, type SaleLine, type SaleSync } from '../domain/sale.ts';
import { findSameSerial, requiresSerialAtCheckout } from '../domain/serial-rules.ts';
import { resolveTenders, type SplitTenderRequest, type TenderLine } from '../domain/tender.ts';
import { MutationTypes } from '../protocol/wire-constants.ts';
import { isDone, type AnswerHandlers, type MutationAnswer } from './answer-handlers.ts';
import type { AisleDb } from './db.ts';
import { DataError, DataErrorReasons } from './errors.ts';
import { enqueue, outboxTables } from './outbox-repository.ts';
import { historyRecordOfSale } from './history-records.ts';
import { saleSerialKeys } from './sale-serial-keys.ts';
import type { CartLineRecord, SaleRecord, StoreRecord } from './types.ts';
import { Messages } from '../i18n/messages.ts';
import { receiptNumber } from '../domain/receipt-number.ts';

export interface CompleteSaleInput {
  readonly deviceId: string;
  readonly associateId: string;
  readonly associateName: string;
  readonly store: StoreRecord;
  /** The tenders entered at payment, in order (cards for an amount, cash for the rest). */
  readonly tenders: readonly SplitTenderRequest[];
  /** ISO timestamp of the completion. */
  readonly now: string;
  /** Made by the caller only in tests; a fresh UUID otherwise. */
  readonly saleId?: string;
  readonly mutationId?: string;
  /**
   * An exchange (see `ReturnActions.completeExchange`): the return written just before in the
   * same transaction, whose credit pays first, up to the total; `tenders` pay the rest.
   */
  readonly exchange?: { readonly returnId: string; readonly credit: Minor };
  /**
   * The till's open shift the sale is made in. The sell screen always names it (and sells
   * nothing without one); the sale is refused when that shift is not open on this device.
   */
  readonly shiftId?: string;
}

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
      throw new DataError(DataErrorReasons.tenderShort, Messages.cashShort());
    case 'reference_missing':
      throw new DataError(DataErrorReasons.invalid, Messages.cardReferenceMissing());
    case 'card_over_balance':
      throw new DataError(DataErrorReasons.invalid, Messages.cardOverBalance());
    case 'nothing_left':
      throw new DataError(DataErrorReasons.invalid, Messages.tenderAfterPaid());
  }
}

export class SaleRepository {
  private readonly _db: AisleDb;

  constructor(db: AisleDb) {
    this._db = db;
  }

  async completeSale(input: CompleteSaleInput): Promise<SaleRecord> {
    const db = this._db;
    const saleId = input.saleId ?? crypto.randomUUID();
    const mutationId = input.mutationId ?? crypto.randomUUID();
    const tables = [
      db.carts,
      db.cartLines,
      db.sales,
      db.storeOrders,
      db.shifts,
      ...outboxTables(db),
    ];
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

  get(saleId: string): Promise<SaleRecord | undefined> {
    return this._db.sales.get(saleId);
  }

  /** Sales the server has not accepted yet (waiting, or refused and needing attention). */
  countUnsynced(): Promise<number> {
    return this._db.sales.where('sync.state').notEqual(SaleSyncStates.synced).count();
  }
}

/** The sale's sync state the server's answer to its `order.create` stands for. */
function saleSyncFor(answer: MutationAnswer<'order.create'>, now: string): SaleSync {
  if (isDone(answer)) {
    const orderId = typeof answer.result?.id === 'string' ? answer.result.id : null;
    return { state: SaleSyncStates.synced, orderId, error: null, syncedAt: now };
  }
  if (answer.status === 'rejected') {
    return {
      state: SaleSyncStates.rejected,
      orderId: null,
      error: answer.error?.message ?? 'The server refused this sale.',
      syncedAt: now,
    };
  }
  return {
    state: SaleSyncStates.mismatch,
    orderId: null,
    error: 'The server already holds a different sale under this id.',
    syncedAt: now,
  };
}

/** A sale's answer becomes its sync state, shown on the receipt and in the order history. */
export const saleAnswerHandlers: Pick<AnswerHandlers, 'order.create'> = {
  [MutationTypes.orderCreate]: {
    tables: (db) => [db.sales, db.storeOrders],
    async settle(db, entry, answer, now) {
      if (entry.ref === null) return;
      const sync = saleSyncFor(answer, now);
      await db.sales.update(entry.ref, { sync });
      const known = await db.storeOrders.get(entry.ref);
      if (known?.source === 'device' && sync.orderId !== null) {
        await db.storeOrders.update(entry.ref, { orderId: sync.orderId });
      }
    },
  },
};
