/**
 * Security headers on every answer (API, app files, errors): a Content-Security-Policy that
 * allows no inline or foreign script, no framing, no MIME sniffing, no referrer, and the
 * camera for this origin only; API answers (tokens, orders, serials) are `no-store`, so no
 * browser or proxy cache keeps them. Cross-origin calls are refused by the browser (no CORS headers)
 * unless origins are configured (AISLE_CORS_ORIGINS), and then only those get them.
 */
import type { FastifyInstance } from 'fastify';

/**
 * - script: own files only; 'wasm-unsafe-eval' lets zxing-wasm compile its (own) .wasm.
 * - style: Lit's constructable stylesheets need nothing, but index.html carries its critical
 *   CSS inline and elements set style attributes; styles cannot run code.
 * - media/img blob:/mediastream: are the camera preview and captured frames.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self' 'wasm-unsafe-eval'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob: mediastream:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "font-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const HEADERS: Record<string, string> = {
  'content-security-policy': CONTENT_SECURITY_POLICY,
  'x-content-type-options': 'nosniff',
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'permissions-policy': 'camera=(self), microphone=(), geolocation=(), payment=()',
  'cross-origin-opener-policy': 'same-origin',
};

const isApiPath = (url: string): boolean =>
  url === '/v0' || url.startsWith('/v0/') || url.startsWith('/v0?') || url.startsWith('/healthz');

export function installSecurityHeaders(app: FastifyInstance, corsOrigins: readonly string[]): void {
  const allowed = new Set(corsOrigins);
  app.addHook('onRequest', async (request, reply) => {
    for (const [name, value] of Object.entries(HEADERS)) reply.header(name, value);
    if (isApiPath(request.url)) reply.header('cache-control', 'no-store');
    const origin = request.headers.origin;
    if (origin === undefined || !allowed.has(origin)) return;
    reply.header('access-control-allow-origin', origin);
    reply.header('vary', 'Origin');
    if (request.method === 'OPTIONS') {
      // A preflight: answered here, before auth, since browsers send it without the token.
      await reply
        .code(204)
        .header('access-control-allow-methods', 'GET, POST, PUT, DELETE')
        .header('access-control-allow-headers', 'authorization, content-type, accept')
        .header('access-control-max-age', '600')
        .send();
    }
  });
}
