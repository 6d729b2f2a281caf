/**
 * Playwright's webServer: the REAL store server (`startServer` from server/src/server.ts) on a
 * fresh temporary SQLite file, with the demo store, serving the built app from dist/, and
 * e-mailing receipts to a real local SMTP server (mail-sink.ts). Every run starts from an
 * empty database and mailbox, so specs never depend on what an earlier run left behind.
 *
 * Run: node --import tsx test/e2e/support/serve.ts   (playwright.config.ts does it)
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { startServer } from '../../../server/src/server.ts';
import {
  E2E_ADMIN_TOKEN,
  E2E_DB_FILE,
  E2E_MAIL_DIR,
  E2E_MAIL_FROM,
  E2E_PORT,
  REPO_ROOT,
} from './env.ts';
import { startMailSink } from './mail-sink.ts';
import { resetDatabaseFile } from './server-env.ts';

async function main(): Promise<void> {
  const staticDir = join(REPO_ROOT, 'dist');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(
      'dist/index.html is missing: run `npx vite build` first (npm run test:e2e does).',
    );
  }
  resetDatabaseFile(E2E_DB_FILE);
  const mail = await startMailSink(E2E_MAIL_DIR);
  const server = await startServer({
    port: E2E_PORT,
    host: '127.0.0.1',
    databaseUrl: `sqlite:${E2E_DB_FILE}`,
    adminToken: E2E_ADMIN_TOKEN,
    demo: true,
    staticDir,
    // A short poll so a spec sees the receipt e-mailed within a second, not two.
    email: { smtpUrl: mail.url, from: E2E_MAIL_FROM, pollMs: 200 },
    // Warnings and errors only: request logs would bury the spec output.
    logger: { level: process.env.E2E_LOG_LEVEL ?? 'warn' },
  });
  console.log(`e2e server on ${server.url}, database ${E2E_DB_FILE}`);

  let closing = false;
  const stop = (): void => {
    if (closing) return;
    closing = true;
    Promise.all([server.close(), mail.close()]).then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error);
  process.exit(1);
});
