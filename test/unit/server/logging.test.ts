/**
 * The server logs quietly by default (issue 10: 1 500 JSON lines in a few minutes of use): at
 * the default level `info`, requests write nothing; AISLE_LOG_LEVEL=debug logs each one.
 */
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../../server/src/env.ts';
import { startTestApp } from './support.ts';

async function linesAt(level: string): Promise<string[]> {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      lines.push(chunk.toString('utf8'));
      done();
    },
  });
  const t = await startTestApp({ logger: { level, stream } });
  try {
    lines.length = 0;
    await t.call('GET', '/healthz', { token: null });
    await t.call('GET', '/v0/stores', { token: t.tokens.associate });
    await t.call('GET', '/v0/no-such-route', { token: t.tokens.associate });
    return [...lines];
  } finally {
    await t.close();
  }
}

describe('request logging', () => {
  it('writes nothing for requests at the default level, info', async () => {
    expect(await linesAt(readSettings({}).logLevel)).toEqual([]);
  });

  it('logs each request in and out at debug, with its method, url and status', async () => {
    const lines = (await linesAt('debug')).map(
      (line) => JSON.parse(line) as Record<string, unknown>,
    );
    expect(lines.filter((line) => line.msg === 'incoming request')).toHaveLength(3);
    const completed = lines.filter((line) => line.msg === 'request completed');
    expect(completed.map((line) => (line.res as { statusCode: number }).statusCode)).toEqual([
      200, 200, 404,
    ]);
    expect(lines.every((line) => line.level === 20)).toBe(true);
  });
});

describe('AISLE_LOG_LEVEL', () => {
  it.each([
    [{}, 'info'],
    [{ AISLE_LOG_LEVEL: '' }, 'info'],
    [{ AISLE_LOG_LEVEL: 'debug' }, 'debug'],
    [{ AISLE_LOG_LEVEL: 'warn' }, 'warn'],
  ])('%j is %s', (env, level) => {
    expect(readSettings(env).logLevel).toBe(level);
  });

  it('refuses a level that is not one', () => {
    expect(() => readSettings({ AISLE_LOG_LEVEL: 'loud' })).toThrow(
      /AISLE_LOG_LEVEL must be one of/,
    );
  });
});
