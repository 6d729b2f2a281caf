/**
 * Security headers on every answer (API, app files, errors): a Content-Security-Policy that
 * allows no inline or foreign script, no framing, no MIME sniffing, no referrer, and the
 * camera for this origin only; API answers (tokens, orders, serials) are `no-store`, so no
 * browser or proxy cache keeps them. Cross-origin calls are refused by the browser (no CORS headers)
 * unless origins are configured (AISLE_CORS_ORIGINS), and then only those get them.
 */
import { STATUS_CODES } from 'node:http';
import type { Socket } from 'node:net';
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

const CLIENT_ERRORS: Record<string, { status: number; error: string; message: string }> = {
  HPE_HEADER_OVERFLOW: {
    status: 431,
    error: 'headers_too_large',
    message: 'The request line and headers are too large.',
  },
  ERR_HTTP_REQUEST_TIMEOUT: {
    status: 408,
    error: 'request_timeout',
    message: 'The request took too long to arrive.',
  },
};

/**
 * Answers what Node's HTTP parser refuses before Fastify sees a request (a 100 KB URL: 431;
 * malformed HTTP: 400) — with the same security headers and error shape as every other
 * answer, where Fastify's default wrote a bare status. Passed as `clientErrorHandler`.
 */
export function answerClientError(error: Error & { code?: string }, socket: Socket): void {
  // A reset connection has nobody left to answer (Node's own rule).
  if (error.code === 'ECONNRESET' || socket.destroyed) return;
  const known = CLIENT_ERRORS[error.code ?? ''] ?? {
    status: 400,
    error: 'bad_request',
    message: 'The request is not valid HTTP.',
  };
  const body = JSON.stringify({ error: known.error, message: known.message, details: [] });
  const headers = {
    ...HEADERS,
    'cache-control': 'no-store',
    'content-type': 'application/json; charset=utf-8',
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  };
  if (socket.writable) {
    const lines = Object.entries(headers).map(([name, value]) => `${name}: ${value}`);
    const status = `HTTP/1.1 ${known.status} ${STATUS_CODES[known.status] ?? ''}`;
    socket.write(`${status}\r\n${lines.join('\r\n')}\r\n\r\n${body}`);
  }
  socket.destroy(error);
}
