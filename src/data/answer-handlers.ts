/**
 * How the server's answer to a mutation reaches what the mutation is about. Each module that
 * writes a mutation type owns its `AnswerHandler` (sales, fulfilment, serial resolutions) and
 * `repositories.ts` assembles them into one table, typed so that every mutation type has
 * exactly one handler. The outbox runs a handler inside the transaction that records the
 * answer on the outbox entry, over the handler's `tables`.
 */
import type { Table } from 'dexie';
import type { MutationResultBody } from '../protocol/mutations.ts';
import type { MutationResult } from '../protocol/sync-protocol.ts';
import type { MutationType } from '../protocol/wire-constants.ts';
import type { AisleDb } from './db.ts';
import type { OutboxEntry } from './types.ts';

/** The server's answer to one mutation of type `T`. */
export interface MutationAnswer<T extends MutationType> {
  readonly status: MutationResult['status'];
  /** For `applied` and `duplicate`: the type's result body, as the server sent it. */
  readonly result?: MutationResultBody<T> | undefined;
  readonly error?: MutationResult['error'];
}

export interface AnswerHandler<T extends MutationType> {
  /** The tables `settle` reads and writes (added to the outbox's answer transaction). */
  tables(db: AisleDb): Table[];
  /** Records the answer on what the entry is about. Runs inside the answer's transaction. */
  settle(db: AisleDb, entry: OutboxEntry<T>, answer: MutationAnswer<T>, now: string): Promise<void>;
}

export type AnswerHandlers = { readonly [T in MutationType]: AnswerHandler<T> };

/** True for an answer that means the server holds the mutation's effect. */
export const isDone = (answer: MutationAnswer<MutationType>): boolean =>
  answer.status === 'applied' || answer.status === 'duplicate';
