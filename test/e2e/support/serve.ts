/**
 * Playwright's webServer: the REAL store server on a fresh temporary SQLite file, serving the
 * built app from dist/. Every run starts from an empty database seeded with the demo store,
 * so specs never depend on what an earlier run left behind.
 *
 * Run: node --import tsx test/e2e/support/serve.ts   (playwright.config.ts does it)
 */
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { E2E_ADMIN_TOKEN, E2E_DB_FILE, E2E_PORT, REPO_ROOT } from './env.ts';

export interface E2EServerEnv {
  port: number;
  dbFile: string;
  adminToken: string;
}

/** The environment server/src/main.ts reads, for a fresh database at `dbFile`. */
export function serverEnv({ port, dbFile, adminToken }: E2EServerEnv): Record<string, string> {
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

async function main(): Promise<void> {
  if (!existsSync(join(REPO_ROOT, 'dist', 'index.html'))) {
    throw new Error(
      'dist/index.html is missing: run `npx vite build` first (npm run test:e2e does).',
    );
  }
  resetDatabaseFile(E2E_DB_FILE);
  Object.assign(
    process.env,
    serverEnv({ port: E2E_PORT, dbFile: E2E_DB_FILE, adminToken: E2E_ADMIN_TOKEN }),
  );
  // main.ts starts listening when imported and reads its settings from process.env.
  // In-process (not a child) so Playwright's stop signal reaches the server directly.
  await import(pathToFileURL(join(REPO_ROOT, 'server/src/main.ts')).href);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
