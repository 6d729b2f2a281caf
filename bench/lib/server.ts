/**
 * Starts the REAL store server for a bench, in its own process (so its CPU time is not the
 * bench's), on a fresh SQLite file under .tmp/, serving the built app. Builds the app first
 * when dist/ is missing.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { REPO_ROOT } from '../../test/e2e/support/env.ts';
import { resetDatabaseFile, serverEnv } from '../../test/e2e/support/server-env.ts';

export interface BenchServer {
  baseUrl: string;
  adminToken: string;
  dbFile: string;
  stop(): Promise<void>;
}

export interface StartOptions {
  /** Database file name under .tmp/bench/. */
  name: string;
  port?: number;
  adminToken?: string;
  /** Milliseconds to wait for /healthz. */
  startTimeoutMs?: number;
}

/** Runs `vite build` unless dist/index.html exists. */
export function ensureBuilt(): void {
  if (existsSync(join(REPO_ROOT, 'dist', 'index.html'))) return;
  console.log('bench: dist/ missing, running vite build …');
  const build = spawnSync('npx', ['vite', 'build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (build.status !== 0) throw new Error(`vite build failed (exit ${build.status ?? 'signal'})`);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export async function startServer(options: StartOptions): Promise<BenchServer> {
  const port = options.port ?? (await freePort());
  const adminToken = options.adminToken ?? 'bench-admin-token-not-a-secret';
  const dbFile = join(REPO_ROOT, '.tmp', 'bench', `${options.name}.sqlite`);
  resetDatabaseFile(dbFile);

  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/main.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, ...serverEnv({ port, dbFile, adminToken }), NODE_ENV: 'production' },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr = (stderr + chunk.toString()).slice(-4000);
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  try {
    await waitForHealth(baseUrl, child, options.startTimeoutMs ?? 60_000);
  } catch (error) {
    await stopChild(child);
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(`server did not start: ${reason}\n${stderr}`);
  }
  return { baseUrl, adminToken, dbFile, stop: () => stopChild(child) };
}

async function waitForHealth(
  baseUrl: string,
  child: ChildProcess,
  timeoutMs: number,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${baseUrl}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`no answer from ${baseUrl}/healthz within ${timeoutMs} ms`);
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 5_000);
  await exited;
  clearTimeout(timer);
}
