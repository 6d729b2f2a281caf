/**
 * Completed sales. `completeSale` is the moment money changes hands: the sale, its outbox
 * mutation (with the next device `seq`) and the emptied cart are written in ONE read-write
 * transaction, with nothing but IndexedDB awaited inside it (awaiting the network or a timer
 * would commit the transaction early). Either all of it is on disk or none of it is. The
 * writing itself is in `sale-actions.ts`, loaded before the transaction opens.
 */
import type { Minor } from '../domain/money.ts';
import { SaleSyncStates, type SaleSync } from '../domain/sale.ts';
import type { SplitTenderRequest } from '../domain/tender.ts';
import { MutationTypes } from '../protocol/wire-constants.ts';
import { isDone, type AnswerHandlers, type MutationAnswer } from './answer-handlers.ts';
import type { AisleDb } from './db.ts';
import type { SaleRecord, StoreRecord } from './types.ts';

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

export class SaleRepository {
  private readonly _db: AisleDb;

  constructor(db: AisleDb) {
    this._db = db;
  }

  /**
   * Completes the sale on the device: the sale, its outbox entry and the store history in one
   * transaction, the cart emptied (see `sale-actions.ts`, loaded on the first sale: the
   * order's building and the tender rules are not needed to paint the sell screen).
   */
  async completeSale(input: CompleteSaleInput): Promise<SaleRecord> {
    const { completeSale } = await import('./sale-actions.ts');
    return completeSale(this._db, input);
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
