/**
 * Playwright's webServer: the REAL store server on a fresh temporary SQLite file, serving the
 * built app from dist/. Every run starts from an empty database seeded with the demo store,
 * so specs never depend on what an earlier run left behind.
 *
 * Run: node --import tsx test/e2e/support/serve.ts   (playwright.config.ts does it)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { E2E_ADMIN_TOKEN, E2E_DB_FILE, E2E_PORT, REPO_ROOT } from './env.ts';
import { resetDatabaseFile, serverEnv } from './server-env.ts';

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
