// What the server sends over the wire is compressed: the built app's files as the build's own
// brotli or gzip copies (whichever the browser accepts), API answers above 1 KiB compressed
// per request, small ones and clients that accept nothing left as they are.
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { precompressDir } from '../../../server/src/precompress.ts';
import { startTestApp, type TestApp } from './support.ts';

const SCRIPT = `export const greeting = ${JSON.stringify('Aisle '.repeat(2000))};\n`;
const PAGE = `<!doctype html><html lang="en"><title>Aisle</title><body>${'<p>shelf</p>'.repeat(300)}</body></html>`;

let t: TestApp;
beforeEach(async () => {
  const dist = mkdtempSync(join(tmpdir(), 'aisle-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), PAGE);
  writeFileSync(join(dist, 'assets', 'app-1234.js'), SCRIPT);
  const written = precompressDir(dist);
  expect(written.map((file) => file.file).sort()).toEqual(['assets/app-1234.js', 'index.html']);
  t = await startTestApp({ staticDir: dist });
});
afterEach(async () => {
  await t.close();
});

const get = (url: string, encoding: string | null, token?: string) =>
  t.app.inject({
    method: 'GET',
    url,
    headers: {
      ...(encoding === null ? {} : { 'accept-encoding': encoding }),
      ...(token === undefined ? {} : { authorization: `Bearer ${token}` }),
    },
  });

describe('compression', () => {
  it('sends an asset as its precompressed brotli or gzip copy, with its own type and caching', async () => {
    const br = await get('/assets/app-1234.js', 'gzip, deflate, br');
    expect(br.statusCode).toBe(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers.vary).toMatch(/accept-encoding/i);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(brotliDecompressSync(br.rawPayload).toString()).toBe(SCRIPT);
    expect(br.rawPayload.length).toBeLessThan(SCRIPT.length / 10);

    const gz = await get('/assets/app-1234.js', 'gzip');
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.rawPayload).toString()).toBe(SCRIPT);

    const plain = await get('/assets/app-1234.js', null);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(SCRIPT);
  });

  it('sends the page for a client-side route compressed, still not cached', async () => {
    const page = await get('/sell', 'br');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-encoding']).toBe('br');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(brotliDecompressSync(page.rawPayload).toString()).toBe(PAGE);
  });

  it('compresses a large API answer and leaves a small one as it is', async () => {
    const token = t.tokens.associate;
    const large = await get('/v0/sync/pull', 'gzip', token);
    expect(large.statusCode).toBe(200);
    expect(large.headers['content-encoding']).toBe('gzip');
    const pulled = JSON.parse(gunzipSync(large.rawPayload).toString()) as { products: unknown[] };
    expect(pulled.products.length).toBeGreaterThan(10);

    const brotli = await get('/v0/sync/pull', 'br', token);
    expect(brotli.headers['content-encoding']).toBe('br');

    const small = await get('/healthz', 'gzip, br');
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body)).toEqual({ status: 'ok', db: t.app.storeDb.dialect });
  });
});
