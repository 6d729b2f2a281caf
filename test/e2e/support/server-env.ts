/**
 * The environment the real server (server/src/main.ts) is started with by the e2e run and the
 * benches: a fresh SQLite file, the demo store, a known admin token, the built app as static
 * files.
 */
import { mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { REPO_ROOT } from './env.ts';

export interface ServerEnvOptions {
  port: number;
  dbFile: string;
  adminToken: string;
}

/** The variables server/src/main.ts reads, for a fresh database at `dbFile`. */
export function serverEnv({ port, dbFile, adminToken }: ServerEnvOptions): Record<string, string> {
  return {
    PORT: String(port),
    HOST: '127.0.0.1',
    DATABASE_URL: `sqlite:${dbFile}`,
    AISLE_ADMIN_TOKEN: adminToken,
    AISLE_DEMO: '1',
    AISLE_STATIC_DIR: join(REPO_ROOT, 'dist'),
  };
}

/** Deletes the database file and its WAL/SHM companions, and makes sure the folder exists. */
export function resetDatabaseFile(dbFile: string): void {
  mkdirSync(dirname(dbFile), { recursive: true });
  for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(dbFile + suffix, { force: true });
}
