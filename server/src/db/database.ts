/**
 * Opens the store database from a `DATABASE_URL`: `sqlite:PATH` (better-sqlite3, the default)
 * or `postgres://…` (node-postgres pool). Both sit behind the same Kysely<Database>, so services
 * and migrations never know which one they talk to; the few dialect differences (row locks)
 * ask `StoreDb.dialect`. Also home of `inTransaction`, the retrying transaction runner.
 */
import { mkdirSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import BetterSqlite3 from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect, type Transaction } from 'kysely';
import pg from 'pg';
import type { Database } from './tables.ts';

export type DialectName = 'sqlite' | 'postgres';

export interface StoreDb {
  db: Kysely<Database>;
  dialect: DialectName;
  close(): Promise<void>;
}

export type Trx = Transaction<Database>;

/** Parses a DATABASE_URL into the dialect and its target; throws a readable error otherwise. */
export function parseDatabaseUrl(url: string): { dialect: DialectName; target: string } {
  if (url.startsWith('sqlite:')) {
    const path = url.slice('sqlite:'.length).replace(/^\/\/(?=\/)/, '');
    if (path === '')
      throw new Error('DATABASE_URL sqlite: needs a file path, e.g. sqlite:./data/aisle.sqlite');
    return { dialect: 'sqlite', target: path };
  }
  if (url.startsWith('postgres://') || url.startsWith('postgresql://')) {
    return { dialect: 'postgres', target: url };
  }
  throw new Error(
    `DATABASE_URL must start with sqlite: or postgres:// (got "${url.split(':')[0] ?? ''}:")`,
  );
}

export function openDatabase(url: string): StoreDb {
  const { dialect, target } = parseDatabaseUrl(url);
  if (dialect === 'sqlite') {
    const file = target === ':memory:' ? target : resolve(target);
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const sqlite = new BetterSqlite3(file);
    sqlite.pragma('journal_mode = WAL');
    // FULL: a committed sale survives a power cut, which matters more than write speed here.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.pragma('foreign_keys = ON');
    const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
    return { db, dialect, close: () => db.destroy() };
  }
  // COUNT(*) and bigint columns come back as strings from node-postgres; every value we keep
  // in bigint (cents, change numbers, seqs) is far below 2^53, so numbers are safe.
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
  const pool = new pg.Pool({ connectionString: target, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, dialect, close: () => db.destroy() };
}

const RETRYABLE_SQLITE = new Set(['SQLITE_BUSY', 'SQLITE_BUSY_SNAPSHOT', 'SQLITE_LOCKED']);
// Serialization failure, deadlock, and a unique race two concurrent inserts lost (the retry
// then reads the winner's row and answers as a replay).
const RETRYABLE_PG = new Set(['40001', '40P01', '23505']);

function isRetryable(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  const code = String(error.code);
  return RETRYABLE_SQLITE.has(code) || RETRYABLE_PG.has(code);
}

/**
 * Runs `work` in one transaction, retrying a few times when the database reports contention.
 * `work` must be safe to re-run: it reads everything it decides on inside the transaction.
 */
export async function inTransaction<T>(
  store: StoreDb,
  work: (trx: Trx) => Promise<T>,
  attempts = 4,
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await store.db.transaction().execute(work);
    } catch (error) {
      if (attempt >= attempts || !isRetryable(error)) throw error;
      await new Promise((done) => setTimeout(done, 10 * 2 ** attempt * Math.random()));
    }
  }
}
