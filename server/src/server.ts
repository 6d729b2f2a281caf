/**
 * `startServer(options)`: builds the app and listens, for `main.ts` and for end-to-end specs
 * and benchmarks that want a real server in-process. Port 0 picks a free port.
 */
import type { FastifyInstance } from 'fastify';
import { buildApp, type AppOptions } from './app.ts';

export interface ServerOptions extends AppOptions {
  port?: number;
  host?: string;
}

export interface RunningServer {
  /** Base URL, e.g. http://127.0.0.1:8080 (no trailing slash). */
  url: string;
  app: FastifyInstance;
  close(): Promise<void>;
}

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const app = await buildApp(options);
  const host = options.host ?? '127.0.0.1';
  await app.listen({ port: options.port ?? 0, host });
  const address = app.server.address();
  const port = typeof address === 'object' && address !== null ? address.port : (options.port ?? 0);
  const shownHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return { url: `http://${shownHost}:${port}`, app, close: () => app.close() };
}
