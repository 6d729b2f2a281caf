// The HTTP edge: error shapes for bad requests and unknown routes, and the static PWA.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestApp, type TestApp } from './support.ts';

let t: TestApp;
let dist: string;
beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'aisle-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeFileSync(join(dist, 'index.html'), '<!doctype html><title>Aisle</title><pos-app></pos-app>');
  writeFileSync(join(dist, 'sw.js'), 'self.addEventListener("install", () => {});');
  writeFileSync(join(dist, 'manifest.webmanifest'), '{"name":"Aisle"}');
  writeFileSync(join(dist, 'assets', 'index-3f9a1c.js'), 'console.log("app");');
  // Source maps an older build left behind: never served.
  writeFileSync(join(dist, 'assets', 'index-3f9a1c.js.map'), '{"version":3,"sources":["a.ts"]}');
  writeFileSync(join(dist, 'sw.js.map'), '{"version":3,"sources":["sw.ts"]}');
  t = await startTestApp({ staticDir: dist });
});
afterAll(async () => {
  await t.close();
  rmSync(dist, { recursive: true, force: true });
});

interface ErrorReply {
  error: string;
  message: string;
  details: Array<{ field: string; message: string }>;
}

describe('error answers', () => {
  it.each([
    ['a missing field', { grant_type: 'password', username: 'a' }, ['password']],
    [
      'a wrong literal',
      { grant_type: 'client_credentials', username: 'a', password: 'b' },
      ['grant_type'],
    ],
    ['an empty string', { grant_type: 'password', username: '', password: 'b' }, ['username']],
  ])('names the field for %s (400 invalid_request)', async (_name, body, fields) => {
    const reply = await t.call<ErrorReply>('POST', '/v0/token', { token: null, body });
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe('invalid_request');
    expect(reply.body.details.map((d) => d.field)).toEqual(fields);
    expect(reply.body.message).toContain(fields[0]);
  });

  it('refuses NUL characters in any text, body or query, naming the field', async () => {
    const body = await t.call<ErrorReply>('POST', '/v0/d/import', {
      body: {
        entity: 'products',
        mode: 'partial',
        head: {},
        items: [{ product_id: 'nul', title: 'Bad\u0000title', external_identifiers: [] }],
      },
    });
    expect(body.status).toBe(400);
    expect(body.body.details.map((d) => d.field)).toEqual(['items[0].title']);
    expect((await t.call('GET', '/v0/products/nul')).status).toBe(404);
    const query = await t.call<ErrorReply>('GET', '/v0/products?identifier=%00', {
      token: t.tokens.associate,
    });
    expect(query.status).toBe(400);
    expect(query.body.details.map((d) => d.field)).toEqual(['identifier']);
  });

  it('answers malformed JSON with 400 invalid_json', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/v0/token',
      headers: { 'content-type': 'application/json' },
      payload: '{"grant_type":',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toMatchObject({ error: 'invalid_json', details: [] });
  });

  it('answers unknown API routes with 404 JSON, with or without a token', async () => {
    for (const token of [null, t.tokens.associate]) {
      const reply = await t.call<ErrorReply>('GET', '/v0/nothing-here', { token });
      expect(reply.status).toBe(404);
      expect(reply.body).toMatchObject({ error: 'not_found', details: [] });
    }
    expect((await t.call('POST', '/v0/nothing-here', { body: {} })).status).toBe(404);
  });

  it('answers an unknown import entity with 400 naming the field', async () => {
    const reply = await t.call<ErrorReply>('POST', '/v0/d/import', {
      body: { entity: 'categories', mode: 'partial', head: {}, items: [] },
    });
    expect(reply.status).toBe(400);
    expect(reply.body.details.map((d) => d.field)).toEqual(['entity']);
  });
});

describe('static PWA', () => {
  it('serves hashed assets as immutable and entry points as no-cache', async () => {
    const asset = await t.app.inject({ method: 'GET', url: '/assets/index-3f9a1c.js' });
    expect(asset.statusCode).toBe(200);
    expect(asset.headers['cache-control']).toContain('immutable');
    for (const url of ['/index.html', '/sw.js', '/manifest.webmanifest']) {
      const reply = await t.app.inject({ method: 'GET', url });
      expect(reply.statusCode).toBe(200);
      expect(reply.headers['cache-control']).toBe('no-cache');
    }
  });

  it('answers client-side routes with index.html and missing assets with 404', async () => {
    for (const url of ['/', '/sell', '/settings/serial-test?x=1']) {
      const reply = await t.app.inject({ method: 'GET', url });
      expect(reply.statusCode).toBe(200);
      expect(reply.body).toContain('<pos-app>');
      expect(reply.headers['cache-control']).toBe('no-cache');
    }
    for (const url of ['/assets/missing-123.js', '/missing-worker.js', '/icons/none.png']) {
      expect((await t.app.inject({ method: 'GET', url })).statusCode).toBe(404);
    }
  });

  it('never serves a source map, of the app or of the service worker', async () => {
    for (const url of ['/assets/index-3f9a1c.js.map', '/sw.js.map']) {
      const reply = await t.app.inject({ method: 'GET', url });
      expect(reply.statusCode, url).toBe(404);
      expect(reply.body).not.toContain('sources');
    }
  });
});

describe('answers Node itself gives', () => {
  it('sends the security headers with the 431 for a 100 KB URL', async () => {
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    const address = t.app.server.address();
    if (address === null || typeof address === 'string') throw new Error('not listening');
    const raw = await new Promise<string>((done, fail) => {
      const socket = connect(address.port, '127.0.0.1', () => {
        socket.write(`GET /v0/stores?q=${'x'.repeat(100_000)} HTTP/1.1\r\nHost: a\r\n\r\n`);
      });
      let text = '';
      socket.on('data', (chunk: Buffer) => (text += chunk.toString('latin1')));
      socket.on('close', () => done(text));
      socket.on('error', (error: NodeJS.ErrnoException) =>
        error.code === 'ECONNRESET' || error.code === 'EPIPE' ? done(text) : fail(error),
      );
    });
    const [head = '', body = ''] = raw.split('\r\n\r\n');
    expect(head.split('\r\n')[0]).toBe('HTTP/1.1 431 Request Header Fields Too Large');
    const headers = new Map(
      head
        .split('\r\n')
        .slice(1)
        .map((line) => [
          line.slice(0, line.indexOf(':')).toLowerCase(),
          line.slice(line.indexOf(':') + 2),
        ]),
    );
    expect(headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(headers.get('x-content-type-options')).toBe('nosniff');
    expect(headers.get('x-frame-options')).toBe('DENY');
    expect(headers.get('cache-control')).toBe('no-store');
    expect(JSON.parse(body)).toMatchObject({ error: 'headers_too_large', details: [] });
  });
});

describe('server faults', () => {
  it('answers 500 internal without leaking what broke', async () => {
    const broken = await startTestApp();
    try {
      // Break the database underneath the app: the price lookup now fails in SQL.
      await broken.app.storeDb.db.schema.dropTable('prices').execute();
      const reply = await broken.call<ErrorReply>('GET', '/v0/products/demo-001', {
        token: broken.tokens.associate,
      });
      expect(reply.status).toBe(500);
      expect(reply.body).toEqual({
        error: 'internal',
        message: 'Something went wrong on the server.',
        details: [],
      });
    } finally {
      await broken.close();
    }
  });
});

describe('without a build', () => {
  it('explains how to build the app at /', async () => {
    const bare = await startTestApp({ staticDir: join(dist, 'does-not-exist') });
    try {
      const reply = await bare.app.inject({ method: 'GET', url: '/' });
      expect(reply.statusCode).toBe(200);
      expect(reply.body).toContain('npm run build');
    } finally {
      await bare.close();
    }
  });
});
