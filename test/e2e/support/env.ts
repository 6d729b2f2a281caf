/**
 * The e2e environment in one place: the port, the base URL, the admin token and the temporary
 * SQLite file that `serve.ts` starts the real server with. Read by playwright.config.ts, the
 * fixtures and the benches, so a changed port or token never drifts between them.
 */
import { fileURLToPath } from 'node:url';

/** Repository root (this file lives in test/e2e/support/). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const E2E_PORT = parsePort(process.env.E2E_PORT, 4510);
export const E2E_BASE_URL = `http://127.0.0.1:${E2E_PORT}`;

/** Known only to the tests; the server accepts it as an admin bearer token (AISLE_ADMIN_TOKEN). */
export const E2E_ADMIN_TOKEN = process.env.E2E_ADMIN_TOKEN ?? 'e2e-admin-token-not-a-secret';

/**
 * A fresh database per run, under the git-ignored .tmp/. Named after the port so two runs on
 * different ports (two engineers, one tree) never delete each other's database.
 */
export const E2E_DB_FILE = fileURLToPath(
  new URL(`../../../.tmp/e2e/aisle-e2e-${E2E_PORT}.sqlite`, import.meta.url),
);

/** Where the e2e mail sink (mail-sink.ts) writes the receipts the server e-mails. */
export const E2E_MAIL_DIR = fileURLToPath(
  new URL(`../../../.tmp/e2e/mail-${E2E_PORT}/`, import.meta.url),
);

/** The sender of e-mailed receipts in the e2e run (its domain names each Message-ID). */
export const E2E_MAIL_FROM = 'Aisle Demo Store <receipts@aisle.test>';

function parsePort(raw: string | undefined, fallback: number): number {
  if (raw === undefined || raw === '') return fallback;
  const port = Number(raw);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new Error(`E2E_PORT must be a TCP port (1-65535), got "${raw}"`);
  }
  return port;
}
