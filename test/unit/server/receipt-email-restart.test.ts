// "Never sent twice" (issue 13): the store server stops — cleanly, or killed with SIGKILL —
// while a receipt is claimed or being handed to a real SMTP server, and a new server starts on
// the same database; the SMTP server counts what it received. Also two servers on one
// database, racing for the same queue.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Order, OrderCreated, OrderRequest } from '../../../src/protocol/schemas.ts';
import { buildApp } from '../../../server/src/app.ts';
import { startTestSmtp, waitFor, type TestSmtp } from './smtp-support.ts';
import { ADMIN_TOKEN, demoOrder, startTestApp, type TestApp } from './support.ts';

const FROM = 'Aisle Demo Store <receipts@aisle.test>';
const RESTART_TIMEOUT = 60_000;

let smtp: TestSmtp;
/** Owns the database (and drops it at the end); sends no e-mail itself. */
let base: TestApp;
const running: FastifyInstance[] = [];
const children: ChildProcess[] = [];

beforeAll(async () => {
  smtp = await startTestSmtp();
  base = await startTestApp();
});
afterEach(async () => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  await Promise.all(running.splice(0).map((app) => app.close()));
});
afterAll(async () => {
  await base.close();
  await smtp.close();
});

/** Another store server with the mailer on the database `base` made. */
async function mailerApp(leaseMs = 60_000): Promise<FastifyInstance> {
  const app = await buildApp({
    databaseUrl: base.databaseUrl,
    adminToken: ADMIN_TOKEN,
    email: { smtpUrl: smtp.url, from: FROM, pollMs: 25, leaseMs },
  });
  running.push(app);
  return app;
}

/** Closes a server the test started (a clean stop: the app's preClose stops its mailer). */
function stop(app: FastifyInstance): Promise<void> {
  running.splice(running.indexOf(app), 1);
  return app.close();
}

const sale = (): OrderRequest =>
  demoOrder({
    customer_name: 'Ada Lovelace',
    customer_email: `ada.${randomUUID().slice(0, 8)}@example.com`,
  });

async function injectInto(app: FastifyInstance, order: OrderRequest): Promise<string> {
  const reply = await app.inject({
    method: 'POST',
    url: '/v0/d/fulfill_order',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    payload: order as unknown as Record<string, unknown>,
  });
  expect(reply.statusCode).toBe(201);
  return reply.json<OrderCreated>().id;
}

const readOrder = async (id: string): Promise<Order> =>
  (await base.call<Order>('GET', `/v0/orders/${id}`)).body;

const queueRow = (orderId: string) =>
  base.app.storeDb.db
    .selectFrom('receipt_emails')
    .select(['state', 'attempts', 'claim_token'])
    .where('order_id', '=', orderId)
    .executeTakeFirstOrThrow();

const received = (address: string | undefined): number =>
  smtp.messages.filter((message) => message.to.includes(address ?? '')).length;

/**
 * The positive signal that a server has worked through its queue: a receipt queued after
 * the one under test has arrived. The queue goes in order of due time, so anything the
 * server would (wrongly) have sent again was due before it.
 */
async function sentinelDelivered(app: FastifyInstance): Promise<void> {
  const order = sale();
  const id = await injectInto(app, order);
  await waitFor('the sentinel receipt', () =>
    received(order.customer_email) > 0 ? id : undefined,
  );
}

/** A store server in a child process (mailer-process.ts), to be killed with SIGKILL. */
async function startMailerProcess(leaseMs: number): Promise<{ child: ChildProcess; url: string }> {
  const script = fileURLToPath(new URL('./mailer-process.ts', import.meta.url));
  const child = spawn(process.execPath, ['--import', 'tsx', script], {
    env: {
      ...process.env,
      MAILER_DATABASE_URL: base.databaseUrl,
      MAILER_SMTP_URL: smtp.url,
      MAILER_ADMIN_TOKEN: ADMIN_TOKEN,
      MAILER_LEASE_MS: String(leaseMs),
    },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  children.push(child);
  const port = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const ready = /READY (\d+)/.exec(out);
      if (ready?.[1] !== undefined) resolve(ready[1]);
    });
    child.once('exit', (code) => reject(new Error(`mailer process exited (${String(code)})`)));
  });
  return { child, url: `http://127.0.0.1:${port}` };
}

async function injectOverHttp(url: string, order: OrderRequest): Promise<string> {
  const response = await fetch(`${url}/v0/d/fulfill_order`, {
    method: 'POST',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify(order),
  });
  expect(response.status).toBe(201);
  return ((await response.json()) as OrderCreated).id;
}

const killed = (child: ChildProcess): Promise<void> =>
  new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGKILL');
  });

describe('a clean stop in the middle of a send', () => {
  it(
    'before the message is complete: the row goes back, the next server sends it once',
    async () => {
      const first = await mailerApp();
      const hold = smtp.holdNext('rcpt');
      const order = sale();
      const id = await injectInto(first, order);
      await hold.reached;
      expect((await queueRow(id)).state).toBe('sending');

      await stop(first);
      hold.release();
      // Given back untouched: queued, the interrupted attempt not counted.
      expect(await queueRow(id)).toMatchObject({ state: 'queued', attempts: 0, claim_token: null });
      expect(received(order.customer_email)).toBe(0);

      const second = await mailerApp();
      await waitFor('the receipt', () => (received(order.customer_email) > 0 ? true : undefined));
      await sentinelDelivered(second);
      expect(received(order.customer_email)).toBe(1);
      expect((await readOrder(id)).receipt_email).toMatchObject({ state: 'sent', attempts: 1 });
    },
    RESTART_TIMEOUT,
  );

  it(
    'after the message is complete: the stop waits for the answer, the next server sends nothing',
    async () => {
      const first = await mailerApp();
      const hold = smtp.holdNext('reply');
      const order = sale();
      const id = await injectInto(first, order);
      await hold.reached;
      expect(received(order.customer_email)).toBe(1);
      expect((await queueRow(id)).state).toBe('committing');

      const closing = stop(first);
      setImmediate(() => hold.release());
      await closing;
      expect((await queueRow(id)).state).toBe('sent');

      const second = await mailerApp();
      await sentinelDelivered(second);
      expect(received(order.customer_email)).toBe(1);
    },
    RESTART_TIMEOUT,
  );
});

describe('a crash (SIGKILL) in the middle of a send', () => {
  it(
    'before the message is complete: once the lease runs out the next server sends it, once',
    async () => {
      const { child, url } = await startMailerProcess(1_000);
      const hold = smtp.holdNext('rcpt');
      const order = sale();
      const id = await injectOverHttp(url, order);
      await hold.reached;
      await killed(child);
      hold.release();
      expect((await queueRow(id)).state).toBe('sending');

      const second = await mailerApp();
      await waitFor('the receipt', () => (received(order.customer_email) > 0 ? true : undefined));
      await sentinelDelivered(second);
      expect(received(order.customer_email)).toBe(1);
      // The interrupted attempt counts: this was the second.
      expect((await readOrder(id)).receipt_email).toMatchObject({ state: 'sent', attempts: 2 });
    },
    RESTART_TIMEOUT,
  );

  it(
    'after the mail server took the message: it is marked uncertain and never sent again',
    async () => {
      const { child, url } = await startMailerProcess(1_000);
      const hold = smtp.holdNext('reply');
      const order = sale();
      const id = await injectOverHttp(url, order);
      await hold.reached;
      expect(received(order.customer_email)).toBe(1);
      await killed(child);
      hold.release();
      expect((await queueRow(id)).state).toBe('committing');

      const second = await mailerApp();
      const settled = await waitFor('the receipt settled', async () => {
        const read = await readOrder(id);
        return read.receipt_email?.state === 'uncertain' ? read : undefined;
      });
      expect(settled.receipt_email?.last_error).toContain('never sent twice');
      await sentinelDelivered(second);
      expect(received(order.customer_email)).toBe(1);
    },
    RESTART_TIMEOUT,
  );
});

describe('two servers on one database', () => {
  it(
    'share the queue: every receipt is sent exactly once',
    async () => {
      const apps = [await mailerApp(), await mailerApp()];
      const orders = Array.from({ length: 12 }, () => sale());
      const ids: string[] = [];
      for (const [i, order] of orders.entries()) {
        const app = apps[i % 2];
        if (app === undefined) throw new Error('no app');
        ids.push(await injectInto(app, order));
      }
      await waitFor('every receipt', () =>
        orders.every((order) => received(order.customer_email) > 0) ? true : undefined,
      );
      for (const app of apps) await sentinelDelivered(app);
      expect(orders.map((order) => received(order.customer_email))).toEqual(orders.map(() => 1));
      const ids2 = smtp.messages
        .map((message) => message.headers.get('message-id'))
        .filter((messageId) => ids.some((id) => messageId === `<receipt.${id}@aisle.test>`));
      expect(new Set(ids2).size).toBe(ids2.length);
    },
    RESTART_TIMEOUT,
  );
});
