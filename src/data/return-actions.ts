/**
 * What the Return screen does with the store's history on the device (loaded on first use
 * through `ReturnRepository`, off the first paint): find a sale, its returnable units, a
 * serial's history, and the return itself, written with its `order.return` in one transaction.
 */
import { formatMoney, minor, type Minor } from '../domain/money.ts';
import { checkRefunds, proposeRefund, type TenderAmount } from '../domain/refund.ts';
import { buildReturnPayload, type ReturnDraft } from '../domain/return-request.ts';
import { cleanScannedText } from '../domain/serial-cleaning.ts';
import {
  lastUnreturnedSale,
  returnableUnits,
  serialsOf,
  type SerialEvent,
  type HistoryReturn,
  type ReturnableUnit,
} from '../domain/store-history.ts';
import { CounterMessages } from '../i18n/counter-messages.ts';
import { Messages } from '../i18n/messages.ts';
import { MutationTypes } from '../protocol/wire-constants.ts';
import type { AisleDb } from './db.ts';
import { DataError, DataErrorReasons } from './errors.ts';
import { enqueue, outboxTables } from './outbox-repository.ts';
import type { ReturnInput } from './return-repository.ts';
import { openCart } from './cart-repository.ts';
import { completeSale } from './sale-actions.ts';
import type { CompleteSaleInput } from './sale-repository.ts';
import type {
  ExchangeDraft,
  HistoryOrderRecord,
  HistoryReturnRecord,
  SaleRecord,
} from './types.ts';
import { saleAmounts } from '../domain/sale-amounts.ts';

/** A full sale id (the receipt's code). */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A receipt number as printed (first block of the sale id). */
const RECEIPT = /^[0-9a-f]{8}$/i;

const refuse = (
  reason: (typeof DataErrorReasons)[keyof typeof DataErrorReasons],
  message: string,
) => new DataError(reason, message);

export class ReturnActions {
  private readonly _db: AisleDb;

  constructor(db: AisleDb) {
    this._db = db;
  }

  /**
   * The sales a scanned or typed code names, newest first: the receipt's code (the sale id),
   * its receipt number, or a serial one of its units was sold with.
   */
  async findSales(code: string): Promise<HistoryOrderRecord[]> {
    const text = cleanScannedText(code).text.trim();
    if (text === '') return [];
    const db = this._db;
    if (UUID.test(text)) {
      const order = await db.storeOrders.get(text.toLowerCase());
      return order === undefined ? [] : [order];
    }
    const found = new Map<string, HistoryOrderRecord>();
    if (RECEIPT.test(text)) {
      for (const order of await db.storeOrders
        .where('receipt')
        .equals(text.toUpperCase())
        .toArray()) {
        found.set(order.externalId, order);
      }
    }
    for (const order of await db.storeOrders.where('serials').equals(text).toArray()) {
      found.set(order.externalId, order);
    }
    return [...found.values()].sort((a, b) => b.placedAt.localeCompare(a.placedAt));
  }

  getSale(externalId: string): Promise<HistoryOrderRecord | undefined> {
    return this._db.storeOrders.get(externalId);
  }

  /** Every return of a sale this device knows of (its own and the store's). */
  returnsOf(orderExternalId: string): Promise<HistoryReturnRecord[]> {
    return this._db.storeReturns.where('orderExternalId').equals(orderExternalId).toArray();
  }

  /** The sale's units, each with the return that already took it back, if any. */
  async returnable(order: HistoryOrderRecord): Promise<ReturnableUnit[]> {
    return returnableUnits(order, await this.returnsOf(order.externalId));
  }

  getReturn(returnId: string): Promise<HistoryReturnRecord | undefined> {
    return this._db.storeReturns.get(returnId);
  }

  /** What this device knows of a serial: the sales and returns that hold it. */
  async historyOfSerial(
    serial: string,
  ): Promise<{ orders: HistoryOrderRecord[]; returns: HistoryReturnRecord[] }> {
    const text = cleanScannedText(serial).text;
    const [orders, returns] = await Promise.all([
      this._db.storeOrders.where('serials').equals(text).toArray(),
      this._db.storeReturns.where('serials').equals(text).toArray(),
    ]);
    return { orders, returns };
  }

  /**
   * The sale of the store that sold this serial of this product and has not taken it back
   * since — what the till warns about before selling it again — or null. A sale of this device
   * still waiting for the server is not returned here: the cart refuses that serial outright.
   */
  async soldBefore(productId: string, serial: string): Promise<SerialEvent | null> {
    const { orders, returns } = await this.historyOfSerial(serial);
    const sold = lastUnreturnedSale(productId, serial, orders, returns);
    if (sold?.orderExternalId == null) return sold;
    const own = await this._db.sales.get(sold.orderExternalId);
    return own?.sync.state === 'pending' ? null : sold;
  }

  /**
   * Records a return and queues its `order.return`, in one transaction after checking it
   * again there: every unit is part of the sale, none was already returned on this device's
   * knowledge, each serialized unit comes back with the serial it was sold with, and the
   * refunds are within what was paid and go to the sale's own tenders unless a manager
   * approved; a blind return always needs an approval.
   */
  async commitReturn(input: ReturnInput): Promise<HistoryReturnRecord> {
    if (input.units.length === 0)
      throw refuse(DataErrorReasons.invalid, CounterMessages.returnNothingChosen());
    if (input.units.some((unit) => unit.reason.trim() === '')) {
      throw refuse(DataErrorReasons.invalid, CounterMessages.reasonMissing());
    }
    if (input.order === null && input.approval === null) {
      throw refuse(DataErrorReasons.approvalRefused, CounterMessages.blindReturnNeedsApproval());
    }
    const db = this._db;
    const returnId = input.returnId ?? crypto.randomUUID();
    return db.transaction(
      'rw',
      [db.storeOrders, db.storeReturns, db.shifts, ...outboxTables(db)],
      async () => {
        // Cash paid out comes from the till's open shift (the Return screen always names it).
        if (input.shiftId != null) {
          const shift = await db.shifts.get(input.shiftId);
          if (shift?.state !== 'open' || shift.deviceId !== input.deviceId) {
            throw refuse(DataErrorReasons.shiftNotOpen, Messages.noOpenShift());
          }
        }
        const order =
          input.order === null
            ? null
            : ((await db.storeOrders.get(input.order.externalId)) ?? input.order);
        const earlier = order === null ? [] : await this.returnsOf(order.externalId);
        if (order !== null) this._assertReturnable(order, earlier, input);
        const draft: ReturnDraft = {
          ...input,
          returnId,
          orderExternalId: order?.externalId ?? null,
        };
        const record: HistoryReturnRecord = {
          returnId,
          orderExternalId: draft.orderExternalId,
          storeId: input.storeId,
          returnedAt: input.returnedAt,
          deviceId: input.deviceId,
          associateId: input.associateId,
          currency: input.currency,
          items: input.units.map((unit, index) => ({
            externalItemId: unit.externalItemId,
            productId: unit.productId,
            title: input.titles[index] ?? null,
            serial: unit.serial,
            condition: unit.condition,
            reason: unit.reason,
            refund: unit.refund,
          })),
          refunds: input.refunds,
          approvedBy: input.approval?.manager_id ?? null,
          serials: serialsOf(input.units),
          source: 'device',
          sync: { state: 'pending', error: null, returnRecordId: null },
          flags: [],
          ...(input.shiftId == null ? {} : { shiftId: input.shiftId }),
        };
        const seq = await enqueue(db, {
          type: MutationTypes.orderReturn,
          payload: buildReturnPayload(draft),
          ref: returnId,
          now: input.returnedAt,
        });
        const stored = { ...record, seq };
        await db.storeReturns.put(stored);
        return stored;
      },
    );
  }

  /**
   * Holds an exchange's return with the device's open sale (opening one if none): the units
   * are checked as a return would be, nothing is recorded yet, and the sell screen sells the
   * replacement against the credit. A second exchange replaces the first.
   */
  async startExchange(deviceId: string, draft: ExchangeDraft, now: string): Promise<void> {
    if (draft.ret.units.length === 0)
      throw refuse(DataErrorReasons.invalid, CounterMessages.returnNothingChosen());
    const db = this._db;
    await db.transaction('rw', [db.carts, db.storeOrders, db.storeReturns], async () => {
      const earlier = await this.returnsOf(draft.ret.order.externalId);
      this._assertReturnable(draft.ret.order, earlier, {
        ...draft.ret,
        returnedAt: now,
        refunds: [],
      });
      const cart = await openCart(db, deviceId, now);
      await db.carts.put({ ...cart, exchange: draft, updatedAt: now });
    });
  }

  /** Drops the exchange from the open sale: nothing comes back, the cart stays as it is. */
  async cancelExchange(deviceId: string, now: string): Promise<void> {
    const db = this._db;
    await db.transaction('rw', [db.carts], async () => {
      const cart = await db.carts.where('deviceId').equals(deviceId).first();
      if (cart?.exchange === undefined) return;
      const { exchange: _dropped, ...rest } = cart;
      await db.carts.put({ ...rest, updatedAt: now });
    });
  }

  /**
   * Completes an exchange: in ONE transaction, the return (its credit refunded as `exchange`
   * toward the replacement, any credit left over refunded to the sale's own tenders) and then
   * the replacement sale, whose `exchange` tender spends that credit and whose other tenders
   * pay the difference. The return is queued first, so the server knows the credit before the
   * sale that spends it. The difference is paid or refunded once: both or neither are written.
   */
  async completeExchange(
    input: CompleteSaleInput,
  ): Promise<{ sale: SaleRecord; ret: HistoryReturnRecord }> {
    const db = this._db;
    const saleId = input.saleId ?? crypto.randomUUID();
    const returnId = crypto.randomUUID();
    const tables = [
      db.carts,
      db.cartLines,
      db.sales,
      db.storeOrders,
      db.storeReturns,
      db.shifts,
      ...outboxTables(db),
    ];
    return db.transaction('rw', tables, async () => {
      const cart = await db.carts.where('deviceId').equals(input.deviceId).first();
      const exchange = cart?.exchange;
      if (cart === undefined || exchange === undefined) {
        throw refuse(DataErrorReasons.invalid, CounterMessages.exchangeGone());
      }
      const lines = await db.cartLines.where('cartId').equals(cart.cartId).toArray();
      if (lines.length === 0) throw refuse(DataErrorReasons.emptyCart, Messages.cartEmpty());
      const { store } = input;
      const { totals } = saleAmounts(
        lines,
        cart.orderDiscount ?? null,
        store.tax_rate,
        store.price_method,
      );
      const spent = minor(Math.min(exchange.credit, totals.total));
      const left = minor(exchange.credit - spent);
      const order = exchange.ret.order;
      const earlier = (await this.returnsOf(order.externalId)).flatMap((r) => r.refunds);
      const back =
        left === 0
          ? []
          : (proposeRefund(left, order.payments, earlier) ?? [
              { method: 'cash' as const, reference: null, amount: left },
            ]);
      const refunds: TenderAmount[] = [
        ...(spent === 0 ? [] : [{ method: 'exchange' as const, reference: saleId, amount: spent }]),
        ...back,
      ];
      const ret = await this.commitReturn({
        ...exchange.ret,
        returnId,
        returnedAt: input.now,
        refunds,
        // The return and the replacement sale are counted in the same shift.
        ...(input.shiftId === undefined ? {} : { shiftId: input.shiftId }),
      });
      const sale = await completeSale(db, {
        ...input,
        saleId,
        exchange: { returnId, credit: exchange.credit },
      });
      return { sale, ret };
    });
  }

  private _assertReturnable(
    order: HistoryOrderRecord,
    earlier: readonly HistoryReturn[],
    input: ReturnInput,
  ): void {
    const units = new Map(
      returnableUnits(order, earlier).map((unit) => [unit.item.externalItemId, unit]),
    );
    let itemsPaid = 0;
    const chosen = new Set<string>();
    for (const unit of input.units) {
      const known = unit.externalItemId === null ? undefined : units.get(unit.externalItemId);
      if (known === undefined || chosen.has(known.item.externalItemId)) {
        throw refuse(DataErrorReasons.invalid, CounterMessages.unitNotInSale());
      }
      chosen.add(known.item.externalItemId);
      if (known.returnedBy !== null) {
        throw refuse(
          DataErrorReasons.alreadyReturned,
          CounterMessages.unitAlreadyReturned(
            known.item.title,
            known.returnedBy.returnedAt.slice(0, 10),
          ),
        );
      }
      const sold = known.item.serial;
      if (sold !== null) {
        if (unit.serial === null) {
          throw refuse(
            DataErrorReasons.serialMissing,
            CounterMessages.serialNeededToReturn(known.item.title),
          );
        }
        if (cleanScannedText(unit.serial).text !== cleanScannedText(sold).text) {
          throw refuse(
            DataErrorReasons.serialMismatch,
            CounterMessages.serialMismatch(known.item.title, sold),
          );
        }
      }
      itemsPaid += known.item.paid;
    }
    const problems = checkRefunds(
      input.refunds,
      itemsPaid as Minor,
      order.payments,
      earlier.flatMap((record) => record.refunds),
      input.approval !== null,
    );
    const first = problems[0];
    if (first === undefined) return;
    throw refuse(
      DataErrorReasons.refundRefused,
      first.kind === 'exceeds_paid'
        ? CounterMessages.refundExceedsPaid(formatMoney(first.paid, order.currency))
        : CounterMessages.refundNeedsApproval(),
    );
  }
}
