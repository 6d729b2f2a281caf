/**
 * A second real server for one spec, on its own port, database and copy of dist/: a spec that
 * changes the deployed files (a new service-worker version) does it there, never under the
 * shared e2e server other specs are using.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer } from '../../../server/src/server.ts';
import { E2E_ADMIN_TOKEN, REPO_ROOT } from './env.ts';

export interface OwnServer {
  readonly url: string;
  /** The served copy of dist/: change files here. */
  readonly staticDir: string;
  close(): Promise<void>;
}

export async function startOwnServer(): Promise<OwnServer> {
  const dir = mkdtempSync(join(tmpdir(), 'aisle-own-server-'));
  const staticDir = join(dir, 'dist');
  cpSync(join(REPO_ROOT, 'dist'), staticDir, { recursive: true });
  const server: RunningServer = await startServer({
    port: 0,
    host: '127.0.0.1',
    databaseUrl: `sqlite:${join(dir, 'aisle.sqlite')}`,
    adminToken: E2E_ADMIN_TOKEN,
    demo: true,
    staticDir,
    logger: { level: 'warn' },
  });
  return {
    url: server.url,
    staticDir,
    async close() {
      await server.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
