/**
 * Returns on the device (DESIGN §10.2, §10.5): the store's history this device holds, read by
 * the Return and Serial lookup screens and the till's "already sold" warning. The work itself
 * (`return-actions.ts`) loads on first use, off the first paint; answers to `order.return`
 * are recorded here.
 */
import type { ReturnDraft } from '../domain/return-request.ts';
import type { ReturnableUnit, SerialEvent } from '../domain/store-history.ts';
import { MutationTypes } from '../protocol/wire-constants.ts';
import { isDone, type AnswerHandlers } from './answer-handlers.ts';
import type { AisleDb } from './db.ts';
import type { ReturnActions } from './return-actions.ts';
import type { CompleteSaleInput } from './sale-repository.ts';
import type {
  ExchangeDraft,
  HistoryOrderRecord,
  HistoryReturnRecord,
  SaleRecord,
} from './types.ts';

export interface ReturnInput extends Omit<ReturnDraft, 'returnId'> {
  /** The sale, or null for a blind return. */
  readonly order: HistoryOrderRecord | null;
  /** Unit titles, for the record and the receipt. */
  readonly titles: readonly (string | null)[];
  /** Made by the caller only in tests; a fresh UUID otherwise. */
  readonly returnId?: string;
}

export class ReturnRepository {
  private readonly _db: AisleDb;
  private _actions: Promise<ReturnActions> | null = null;

  constructor(db: AisleDb) {
    this._db = db;
  }

  /** The Return screen's work loads on first use; a failed load is tried again next time. */
  private _load(): Promise<ReturnActions> {
    this._actions ??= import('./return-actions.ts').then(
      ({ ReturnActions }) => new ReturnActions(this._db),
      (error: unknown) => {
        this._actions = null;
        throw error;
      },
    );
    return this._actions;
  }

  /**
   * The sales a scanned or typed code names, newest first: the receipt's code (the sale id),
   * its receipt number, or a serial one of its units was sold with.
   */
  async findSales(code: string): Promise<HistoryOrderRecord[]> {
    return (await this._load()).findSales(code);
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
    return (await this._load()).returnable(order);
  }

  getReturn(returnId: string): Promise<HistoryReturnRecord | undefined> {
    return this._db.storeReturns.get(returnId);
  }

  /** What this device knows of a serial: the sales and returns that hold it. */
  async historyOfSerial(
    serial: string,
  ): Promise<{ orders: HistoryOrderRecord[]; returns: HistoryReturnRecord[] }> {
    return (await this._load()).historyOfSerial(serial);
  }

  /** The sale to warn about before selling this serial again (see ReturnActions.soldBefore). */
  async soldBefore(productId: string, serial: string): Promise<SerialEvent | null> {
    return (await this._load()).soldBefore(productId, serial);
  }

  /** Holds an exchange's return with the open sale (see ReturnActions.startExchange). */
  async startExchange(deviceId: string, draft: ExchangeDraft, now: string): Promise<void> {
    return (await this._load()).startExchange(deviceId, draft, now);
  }

  /** Drops the open sale's exchange (see ReturnActions.cancelExchange). */
  async cancelExchange(deviceId: string, now: string): Promise<void> {
    return (await this._load()).cancelExchange(deviceId, now);
  }

  /** The return and the replacement sale, together (see ReturnActions.completeExchange). */
  async completeExchange(
    input: CompleteSaleInput,
  ): Promise<{ sale: SaleRecord; ret: HistoryReturnRecord }> {
    return (await this._load()).completeExchange(input);
  }

  /** Records a return and queues its `order.return` (see ReturnActions.commitReturn). */
  async commitReturn(input: ReturnInput): Promise<HistoryReturnRecord> {
    return (await this._load()).commitReturn(input);
  }
}

/** A return's answer: the server's id and flags, or its refusal, shown on the return. */
export const returnAnswerHandlers: Pick<AnswerHandlers, 'order.return'> = {
  [MutationTypes.orderReturn]: {
    tables: (db) => [db.storeReturns],
    async settle(db, entry, answer) {
      if (entry.ref === null) return;
      const record = await db.storeReturns.get(entry.ref);
      if (record === undefined) return;
      if (isDone(answer)) {
        const body = answer.result;
        await db.storeReturns.update(entry.ref, {
          sync: { state: 'synced', error: null, returnRecordId: body?.id ?? null },
          flags: (body?.flags ?? []).map((flag) => ({ kind: flag.kind, message: flag.message })),
        });
        return;
      }
      await db.storeReturns.update(entry.ref, {
        sync: {
          state: answer.status === 'rejected' ? 'rejected' : 'mismatch',
          error: answer.error?.message ?? 'The server refused this return.',
          returnRecordId: null,
        },
      });
    },
  },
};
