/**
 * Serves the built PWA: hashed files under /assets/ are immutable for a year; the entry
 * points (index.html, sw.js, the manifest) are `no-cache` so a deploy reaches devices on the
 * next check. Text files go out as the build's brotli or gzip copy when the browser accepts
 * one (`preCompressed`, copies made by server/src/precompress.ts), with `vary:
 * accept-encoding`. Any other GET that is not the API or a file answers index.html
 * (client-side routes); a missing file, and any source map, is a 404. Without a build, `/`
 * explains how to make one. Also owns the 404 answer.
 */
import { existsSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fastifyStatic from '@fastify/static';

const NO_CACHE = new Set([
  'index.html',
  'sw.js',
  'service-worker.js',
  'manifest.webmanifest',
  'registerSW.js',
]);
const YEAR = 365 * 24 * 60 * 60;

const isApi = (url: string): boolean =>
  url === '/v0' || url.startsWith('/v0/') || url.startsWith('/healthz');

const NO_BUILD_PAGE = `<!doctype html><html lang="en"><meta charset="utf-8"><title>Aisle</title>
<body><h1>Aisle store server</h1><p>The app is not built yet: run <code>npm run build</code>,
then restart the server. The API is at <a href="/v0/openapi.json">/v0/openapi.json</a>.</p></body></html>`;

export async function registerStaticRoutes(
  app: FastifyInstance,
  staticDir: string | null,
): Promise<void> {
  const root = staticDir === null ? null : resolve(staticDir);
  const built = root !== null && existsSync(resolve(root, 'index.html'));

  if (built) {
    await app.register(fastifyStatic, {
      root,
      cacheControl: false,
      index: ['index.html'],
      // Source maps would hand anyone the app's source; a build that still made some keeps them.
      allowedPath: (pathName) => !pathName.endsWith('.map'),
      preCompressed: true,
      setHeaders: (response, path) => {
        // `path` is the copy sent: index.html.br is index.html for caching.
        const name = basename(path).replace(/\.(br|gz)$/, '');
        // The same address answers brotli, gzip or plain: caches must keep them apart.
        response.setHeader('vary', 'accept-encoding');
        if (NO_CACHE.has(name)) response.setHeader('cache-control', 'no-cache');
        else if (path.includes('/assets/'))
          response.setHeader('cache-control', `public, max-age=${YEAR}, immutable`);
        else response.setHeader('cache-control', 'public, max-age=3600');
      },
    });
  }

  const notFoundJson = (request: FastifyRequest, reply: FastifyReply): FastifyReply =>
    reply.code(404).send({
      error: 'not_found',
      message: `There is no ${request.method} ${request.url.split('?')[0] ?? ''}.`,
      details: [],
    });

  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const page = (request.method === 'GET' || request.method === 'HEAD') && !isApi(path);
    // A missing file (a name with an extension, or anything under /assets/) is a 404: serving
    // index.html as sw.js or as a script would fail far from the cause.
    const lastSegment = path.slice(path.lastIndexOf('/') + 1);
    if (!page || path.startsWith('/assets/') || lastSegment.includes('.')) {
      return notFoundJson(request, reply);
    }
    if (!built) {
      return reply
        .code(path === '/' ? 200 : 404)
        .type('text/html; charset=utf-8')
        .send(NO_BUILD_PAGE);
    }
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}
