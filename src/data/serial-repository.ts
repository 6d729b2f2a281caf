/**
 * Serialized inventory on the device: the active serial pattern with its version and source,
 * where each sold unit's serial stands (receipt, order history), and the store's serial
 * exceptions with a manager's resolutions, which travel through the outbox like sales so they
 * work offline and the server stays the judge.
 */
import type { ConfigEnvelope, ConfigSource } from '../protocol/schemas.ts';
import type { SerialExceptionResolvePayload, SerialResolution } from '../protocol/serials.ts';
import { MutationTypes } from '../protocol/wire-constants.ts';
import { isDone, type AnswerHandlers } from './answer-handlers.ts';
import type { AisleDb } from './db.ts';
import { DataError, DataErrorReasons } from './errors.ts';
import { enqueue, outboxTables } from './outbox-repository.ts';
import type { SerialExceptionRecord } from './serial-records.ts';
import type { SaleRecord } from './types.ts';
import { Messages } from '../i18n/messages.ts';

export interface SerialSettings {
  /** The active pattern; null when none is configured (serials are not validated). */
  readonly pattern: string | null;
  /** The active configuration's version; null before the first pull. */
  readonly version: number | null;
  readonly source: ConfigSource | null;
  readonly updatedAt: string | null;
  readonly fetchedAt: string | null;
  /** A newer configuration set aside because its pattern cannot run, with the reason. */
  readonly refused: { readonly version: number; readonly reason: string } | null;
}

/**
 * A sale with what judges its serials: the server's answer to its `order.create` (null until
 * then) and the store's exceptions on it. The screens turn it into each unit's state with
 * `unitSerialViews` (`domain/serial-states.ts`), which loads with them, off the first paint.
 */
export interface SaleSerials {
  readonly sale: SaleRecord;
  readonly orderResult: unknown;
  readonly exceptions: readonly SerialExceptionRecord[];
}

export interface ResolutionInput {
  readonly exceptionId: string;
  readonly resolution: SerialResolution;
  /** The right serial, for `corrected` (already checked against the active pattern). */
  readonly serialNumber?: string;
  readonly note?: string;
  readonly now: string;
}

/** The serial pattern a configuration carries; null, missing and '' all mean none. */
export function patternOf(envelope: ConfigEnvelope | undefined): string | null {
  const pattern = envelope?.config.capabilities?.serialized_inventory?.serial_number_regex;
  return typeof pattern === 'string' && pattern !== '' ? pattern : null;
}

export class SerialRepository {
  private readonly _db: AisleDb;

  constructor(db: AisleDb) {
    this._db = db;
  }

  async settings(): Promise<SerialSettings> {
    const [active, refused] = await Promise.all([
      this._db.config.get('active'),
      this._db.refusedConfig.get('latest'),
    ]);
    const version = active?.envelope.version ?? null;
    const newer = refused !== undefined && refused.envelope.version > (version ?? -1);
    return {
      pattern: patternOf(active?.envelope),
      version,
      source: active?.envelope.source ?? null,
      updatedAt: active?.envelope.updated_at ?? null,
      fetchedAt: active?.fetchedAt ?? null,
      refused: newer ? { version: refused.envelope.version, reason: refused.reason } : null,
    };
  }

  async saleSerials(saleId: string): Promise<SaleSerials | undefined> {
    const sale = await this._db.sales.get(saleId);
    return sale === undefined ? undefined : this._withSerials(sale);
  }

  /** The device's latest sales, newest first, each with its units' serial states. */
  async recentSales(limit = 50): Promise<SaleSerials[]> {
    const sales = await this._db.sales.orderBy('createdAt').reverse().limit(limit).toArray();
    return Promise.all(sales.map((sale) => this._withSerials(sale)));
  }

  /** The store's open exceptions as last pulled, oldest first. */
  async openExceptions(): Promise<SerialExceptionRecord[]> {
    const open = await this._db.serialExceptions.where('state').equals('open').toArray();
    return open.sort((a, b) => a.opened_at.localeCompare(b.opened_at));
  }

  /** The store's resolved exceptions as last pulled, most recently resolved first. */
  async resolvedExceptions(limit = 100): Promise<SerialExceptionRecord[]> {
    const resolved = await this._db.serialExceptions.where('state').equals('resolved').toArray();
    return resolved
      .sort((a, b) => (b.resolved_at ?? b.opened_at).localeCompare(a.resolved_at ?? a.opened_at))
      .slice(0, limit);
  }

  /**
   * Queues a manager's resolution as a `serial_exception.resolve` mutation, with the note on
   * the exception that it is waiting, in one transaction. The server may still refuse it (a
   * role, a serial now held elsewhere): the refusal comes back on the exception.
   */
  async queueResolution(input: ResolutionInput): Promise<SerialExceptionRecord> {
    const serialNumber = input.serialNumber?.trim() ?? '';
    if (input.resolution === 'corrected' && serialNumber === '') {
      throw new DataError(DataErrorReasons.invalid, Messages.correctedSerialMissing());
    }
    const db = this._db;
    return db.transaction('rw', [db.serialExceptions, ...outboxTables(db)], async () => {
      const exception = await db.serialExceptions.get(input.exceptionId);
      if (exception === undefined) {
        throw new DataError(DataErrorReasons.notFound, Messages.exceptionGone());
      }
      if (exception.state !== 'open') {
        throw new DataError(DataErrorReasons.invalid, Messages.exceptionResolved());
      }
      if (exception.pendingResolution !== null && exception.pendingResolution.error === null) {
        throw new DataError(DataErrorReasons.invalid, Messages.resolutionWaiting());
      }
      const payload: SerialExceptionResolvePayload = {
        exception_id: exception.id,
        resolution: input.resolution,
        ...(input.resolution === 'corrected' ? { serial_number: serialNumber } : {}),
        ...(input.note === undefined || input.note === '' ? {} : { note: input.note }),
      };
      const seq = await enqueue(db, {
        type: MutationTypes.serialExceptionResolve,
        payload,
        ref: exception.id,
        now: input.now,
      });
      const record: SerialExceptionRecord = {
        ...exception,
        pendingResolution: {
          resolution: input.resolution,
          serialNumber: input.resolution === 'corrected' ? serialNumber : null,
          note: input.note ?? null,
          seq,
          requestedAt: input.now,
          error: null,
        },
      };
      await db.serialExceptions.put(record);
      return record;
    });
  }

  private async _withSerials(sale: SaleRecord): Promise<SaleSerials> {
    const [entry, exceptions] = await Promise.all([
      this._db.outbox.get(sale.seq),
      this._db.serialExceptions.where('orderExternalId').equals(sale.saleId).toArray(),
    ]);
    const orderResult = entry?.ref === sale.saleId ? entry.result : null;
    return { sale, orderResult, exceptions };
  }
}

/**
 * A manager's resolution answered: applied → the exception as the server now holds it;
 * refused → the reason stays on the exception, which is open again for another try.
 */
export const serialAnswerHandlers: Pick<AnswerHandlers, 'serial_exception.resolve'> = {
  [MutationTypes.serialExceptionResolve]: {
    tables: (db) => [db.serialExceptions],
    async settle(db, entry, answer, now) {
      const current = entry.ref === null ? undefined : await db.serialExceptions.get(entry.ref);
      if (current === undefined) return;
      const body = answer.result;
      if (isDone(answer) && typeof body === 'object' && body !== null && body.id === current.id) {
        const resolved = { ...current, ...body };
        await db.serialExceptions.put({
          ...resolved,
          orderExternalId: resolved.order.external_id,
          pendingResolution: null,
        });
        return;
      }
      if (isDone(answer)) {
        await db.serialExceptions.update(current.id, {
          state: 'resolved',
          pendingResolution: null,
        });
        return;
      }
      if (current.pendingResolution === null) return;
      await db.serialExceptions.update(current.id, {
        pendingResolution: {
          ...current.pendingResolution,
          error: answer.error?.message ?? 'The server refused this resolution.',
          requestedAt: current.pendingResolution.requestedAt || now,
        },
      });
    },
  },
};
