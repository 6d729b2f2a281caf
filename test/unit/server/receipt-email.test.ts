// Receipts by e-mail (issue 13): the store server's own queue, a real SMTP server on the other
// end (smtp-server), exponential retry while it refuses, a final state when it gives up, and
// the state on GET /v0/orders/{id} and in the store history of the sync pull.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order, OrderCreated, OrderRequest } from '../../../src/protocol/schemas.ts';
import type { PullResponse, PushResponse } from '../../../src/protocol/sync-protocol.ts';
import { PROTOCOL_VERSION } from '../../../src/protocol/wire-constants.ts';
import { receiptNumber } from '../../../src/domain/receipt-number.ts';
import { retryDelay } from '../../../server/src/services/receipt-mailer.ts';
import { startTestSmtp, waitFor, type ReceivedMessage, type TestSmtp } from './smtp-support.ts';
import { demoOrder, startTestApp, type TestApp } from './support.ts';

const RETRY = { baseMs: 150, capMs: 2_000, maxAttempts: 4 };

let smtp: TestSmtp;
let t: TestApp;
beforeAll(async () => {
  smtp = await startTestSmtp();
  t = await startTestApp({
    email: {
      smtpUrl: smtp.url,
      from: 'Aisle Demo Store <receipts@aisle.test>',
      pollMs: 25,
      retry: RETRY,
    },
  });
});
afterAll(async () => {
  await t.close();
  await smtp.close();
});

/** A sale for a customer of their own, so each test reads only its messages. */
function customerSale(overrides: Partial<OrderRequest> = {}): OrderRequest {
  return demoOrder({
    customer_name: 'Ada Lovelace',
    customer_email: `ada.${randomUUID().slice(0, 8)}@example.com`,
    customer_phone: '+1 555 010 4477',
    ...overrides,
  });
}

async function inject(order: OrderRequest): Promise<string> {
  const reply = await t.call<OrderCreated>('POST', '/v0/d/fulfill_order', {
    token: t.tokens.associate,
    body: order,
  });
  expect(reply.status).toBe(201);
  return reply.body.id;
}

const readOrder = async (id: string): Promise<Order> =>
  (await t.call<Order>('GET', `/v0/orders/${id}`)).body;

const receiptState = (id: string, state: string) =>
  waitFor(`order ${id} receipt ${state}`, async () => {
    const order = await readOrder(id);
    return order.receipt_email?.state === state ? order : undefined;
  });

const messagesTo = (address: string): ReceivedMessage[] =>
  smtp.messages.filter((message) => message.to.includes(address));

describe('retryDelay', () => {
  it.each([
    [1, 150],
    [2, 300],
    [3, 600],
    [4, 1200],
    [5, 2000],
    [9, 2000],
  ])('after attempt %i waits %i ms (base 150, doubled, capped at 2000)', (attempt, ms) => {
    expect(retryDelay(attempt, RETRY)).toBe(ms);
  });
});

describe('the e-mailed receipt', () => {
  it('is sent once the order is in: store, date, items with serials, totals, tenders', async () => {
    const order = customerSale({
      payments: [
        { method: 'card', amount: 700, reference: 'T-4471' },
        { method: 'cash', amount: 71.11, tendered: 80, change: 8.89 },
      ],
    });
    const id = await inject(order);
    const sent = await receiptState(id, 'sent');
    expect(sent.receipt_email).toMatchObject({ state: 'sent', attempts: 1, last_error: null });
    expect(Date.parse(sent.receipt_email?.sent_at ?? '')).not.toBeNaN();

    const [message, ...more] = messagesTo(order.customer_email ?? '');
    expect(more).toEqual([]);
    if (message === undefined) throw new Error('no message received');
    expect(message.from).toBe('receipts@aisle.test');
    expect(message.headers.get('message-id')).toBe(`<receipt.${id}@aisle.test>`);
    expect(message.headers.get('from')).toBe('Aisle Demo Store <receipts@aisle.test>');
    expect(message.headers.get('to')).toBe(`Ada Lovelace <${order.customer_email ?? ''}>`);
    const number = receiptNumber(order.external_id);
    expect(message.headers.get('subject')).toContain(number);

    // $699.00 + $14.99, tax 8 % ($55.92 + $1.20): the arithmetic of demoOrder.
    const text = message.text;
    for (const expected of [
      'Aisle Demo Store',
      '100 Main Street, New York, NY 10001',
      // 10:00 UTC on 27 Nov 2026 is 5:00 AM in New York (the store's time zone).
      'Nov 27, 2026, 5:00 AM',
      `Sale ${number}`,
      'Pixel Nova 8 Smartphone 128 GB, Obsidian',
      '  S/N SN000000000000',
      'USB-C to USB-C Cable 1 m, Braided',
      'Subtotal',
      '$713.99',
      'Tax 8%',
      '$57.12',
      '$771.11',
      'Card · reference T-4471',
      '$700.00',
      'Cash given',
      '$80.00',
      'Change',
      '$8.89',
    ]) {
      expect(text).toContain(expected);
    }
    expect(message.html).toContain('S/N SN000000000000');
    expect(message.html).toContain('$771.11');
    // No tracking: nothing in the HTML fetches or links anywhere.
    expect(message.html).not.toMatch(/<img|https?:|src=|href=/i);
  });

  it('escapes what it did not write in the HTML part', async () => {
    const order = customerSale({ customer_name: 'Bobby <b>Tables</b>' });
    const id = await inject(order);
    await receiptState(id, 'sent');
    const [message] = messagesTo(order.customer_email ?? '');
    expect(message?.headers.get('to')).toContain(order.customer_email);
    expect(message?.html).not.toContain('<b>');
  });

  it('retries with exponential backoff while the mail server refuses, then sends once', async () => {
    smtp.refuseNext(
      { at: 'mail', code: 451, message: 'Try again later' },
      { at: 'data', code: 452, message: 'Insufficient system storage' },
    );
    const before = smtp.transactions.length;
    const order = customerSale();
    const id = await inject(order);

    const waiting = await waitFor('the first refusal on the order', async () => {
      const read = await readOrder(id);
      return read.receipt_email?.attempts === 1 && read.receipt_email.state === 'queued'
        ? read
        : undefined;
    });
    expect(waiting.receipt_email?.last_error).toContain('451');

    const sent = await receiptState(id, 'sent');
    expect(sent.receipt_email).toMatchObject({ attempts: 3, last_error: null });
    expect(messagesTo(order.customer_email ?? '')).toHaveLength(1);
    const [first = 0, second = 0, third = 0] = smtp.transactions.slice(before);
    expect(smtp.transactions.length - before).toBe(3);
    // Lower bounds only: a loaded machine may wait longer, never shorter.
    expect(second - first).toBeGreaterThanOrEqual(RETRY.baseMs);
    expect(third - second).toBeGreaterThanOrEqual(2 * RETRY.baseMs);
  });

  it('gives up at once when the mail server refuses the recipient for good', async () => {
    smtp.refuseNext({ at: 'rcpt', code: 550, message: 'No such user here' });
    const order = customerSale();
    const id = await inject(order);
    const failed = await receiptState(id, 'failed');
    expect(failed.receipt_email).toMatchObject({ attempts: 1, sent_at: null });
    expect(failed.receipt_email?.last_error).toContain('550');
    expect(messagesTo(order.customer_email ?? '')).toEqual([]);
  });

  it('gives up after its last attempt', async () => {
    const busy = { at: 'mail' as const, code: 421, message: 'Service not available' };
    smtp.refuseNext(busy, busy, busy, busy);
    const order = customerSale();
    const id = await inject(order);
    const failed = await receiptState(id, 'failed');
    expect(failed.receipt_email).toMatchObject({ attempts: RETRY.maxAttempts, sent_at: null });
    expect(failed.receipt_email?.last_error).toContain('421');
    expect(messagesTo(order.customer_email ?? '')).toEqual([]);
  });

  it('queues nothing for an order without an e-mail address', async () => {
    const id = await inject(demoOrder({ customer_name: 'Walk-in' }));
    expect((await readOrder(id)).receipt_email).toEqual({
      state: 'none',
      attempts: 0,
      last_error: null,
      sent_at: null,
    });
  });
});

describe('the receipt state on the device', () => {
  it('is in the store history of the pull, which delivers the order again once it is sent', async () => {
    const device = await t.call<{ device_id: string }>('POST', '/v0/devices', {
      token: t.tokens.associate,
      body: { store_id: 'demo-store', name: 'Till E' },
    });
    const deviceId = device.body.device_id;
    const pull = async (since?: string) =>
      (
        await t.call<PullResponse>(
          'GET',
          `/v0/sync/pull?device_id=${deviceId}${since === undefined ? '' : `&since=${since}`}`,
          { token: t.tokens.associate },
        )
      ).body;
    const hold = smtp.holdNext('rcpt');
    const payload = customerSale();
    const pushed = await t.call<PushResponse>('POST', '/v0/sync/push', {
      token: t.tokens.associate,
      body: {
        device_id: deviceId,
        protocol_version: PROTOCOL_VERSION,
        mutations: [{ seq: 1, id: randomUUID(), type: 'order.create', payload }],
      },
    });
    expect(pushed.body.results[0]?.status).toBe('applied');
    await hold.reached;

    const mine = (p: PullResponse) =>
      (p.store_orders ?? []).filter((order) => order.external_id === payload.external_id);
    let page = await pull();
    const before = [...mine(page)];
    while (page.has_more) {
      page = await pull(page.next_cursor);
      before.push(...mine(page));
    }
    expect(before.map((order) => order.receipt_email?.state)).toEqual(['sending']);
    // The store's devices learn the receipt's state, not the customer's contact details.
    expect(before[0]).not.toHaveProperty('customer_email');
    expect(before[0]).not.toHaveProperty('customer_phone');

    hold.release();
    const id = before[0]?.id ?? '';
    await receiptState(id, 'sent');
    const after = await pull(page.next_cursor);
    expect(mine(after).map((order) => order.receipt_email?.state)).toEqual(['sent']);
  });
});
