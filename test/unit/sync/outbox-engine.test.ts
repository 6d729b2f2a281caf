import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AisleDb } from '../../../src/data/db.ts';
import { createRepositories, type Repositories } from '../../../src/data/repositories.ts';
import { minor } from '../../../src/domain/money.ts';
import { BACKOFF_MAX_MS, backoffDelay } from '../../../src/sync/backoff.ts';
import { OutboxEngine } from '../../../src/sync/outbox-engine.ts';
import { FakeSyncServer } from './fake-server.ts';

const DEVICE = '0c7b9f54-3d7e-4c1a-9b1e-5d2f8e6a7b90';
const STORE = {
  store_id: 'demo-store',
  label: 'Demo',
  currency: 'USD',
  tax_rate: 0.08,
  price_method: 'tax_excluded' as const,
  locale: 'en-US',
  timezone: 'UTC',
};

let db: AisleDb;
let repos: Repositories;
let server: FakeSyncServer;

function engine(batchSize = 50): OutboxEngine {
  return new OutboxEngine({
    outbox: repos.outbox,
    transport: server,
    deviceId: () => DEVICE,
    now: () => '2026-11-27T12:00:00.000Z',
    random: () => 0.5,
    batchSize,
  });
}

async function sell(count: number): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i += 1) {
    await repos.carts.addProduct(
      DEVICE,
      {
        productId: 'p-1',
        title: 'Thing',
        brand: null,
        serialized: false,
        price: minor(500),
        identifiers: [],
        lookupKeys: [],
      },
      '2026-11-27T11:00:00.000Z',
    );
    const sale = await repos.sales.completeSale({
      deviceId: DEVICE,
      associateId: 'a-1',
      associateName: 'A',
      store: STORE,
      tenders: [{ method: 'cash', tendered: minor(1000) }],
      now: '2026-11-27T11:00:00.000Z',
    });
    ids.push(sale.saleId);
  }
  return ids;
}

const statuses = async () =>
  (await db.outbox.toArray()).map((entry) => `${entry.seq}:${entry.status}`);

beforeEach(async () => {
  db = new AisleDb(`sync-${crypto.randomUUID()}`);
  await db.open();
  repos = createRepositories(db);
  server = new FakeSyncServer();
});
afterEach(async () => {
  await db.delete();
});

describe('OutboxEngine', () => {
  it('pushes pending sales in seq order, in batches, and stores the order id on each sale', async () => {
    const saleIds = await sell(5);
    expect(await engine(2).flush()).toEqual({ kind: 'drained', sent: 5 });
    expect(server.pushes).toEqual([[1, 2], [3, 4], [5]]);
    expect(await statuses()).toEqual(['1:done', '2:done', '3:done', '4:done', '5:done']);
    const sale = await repos.sales.get(saleIds[2]!);
    expect(sale?.sync).toMatchObject({ state: 'synced', orderId: 'order-3' });
    expect(await repos.outbox.counts()).toEqual({ pending: 0, problems: 0 });
  });

  it('has nothing to do with an empty outbox', async () => {
    expect(await engine().flush()).toEqual({ kind: 'drained', sent: 0 });
    expect(server.pushes).toEqual([]);
  });

  it('treats an acknowledgement lost after commit as done on the resend (duplicate)', async () => {
    await sell(2);
    server.faults.push('lostAck');
    const first = await engine().flush();
    expect(first.kind).toBe('retry');
    expect(await statuses()).toEqual(['1:pending', '2:pending']);
    expect(server.lastApplied).toBe(2);

    expect(await engine().flush()).toEqual({ kind: 'drained', sent: 2 });
    expect(await statuses()).toEqual(['1:done', '2:done']);
    // Applied once on the server, whatever the client resent.
    expect(server.applied.size).toBe(2);
  });

  it('settles a rejected sale with its reason and keeps going', async () => {
    const saleIds = await sell(3);
    server.rejectSeqs.add(2);
    expect(await engine().flush()).toEqual({ kind: 'drained', sent: 3 });
    expect(await statuses()).toEqual(['1:done', '2:rejected', '3:done']);
    const rejected = await repos.sales.get(saleIds[1]!);
    expect(rejected?.sync).toMatchObject({
      state: 'rejected',
      error: 'Product p-9 is not in the catalog',
    });
    expect(await repos.outbox.counts()).toEqual({ pending: 0, problems: 1 });
  });

  it('marks an idempotency mismatch visibly', async () => {
    const [saleId] = await sell(1);
    // The server already holds seq 1 under the same id with another payload.
    const entry = (await repos.outbox.get(1))!;
    server.applied.set(1, {
      id: entry.id,
      payload: '{"other":true}',
      result: { seq: 1, id: entry.id, status: 'applied' },
    });
    server.lastApplied = 1;
    expect(await engine().flush()).toEqual({ kind: 'drained', sent: 1 });
    expect(await statuses()).toEqual(['1:idempotency_mismatch']);
    expect((await repos.sales.get(saleId!))?.sync.state).toBe('mismatch');
  });

  it('resends from the expected seq after a 409 seq gap, acknowledged entries included', async () => {
    await sell(3);
    expect((await engine().flush()).kind).toBe('drained');
    await sell(2);
    // The server restored a backup and lost sales 2 and 3.
    server.forgetAfter(1);
    server.pushes.length = 0;

    expect(await engine().flush()).toEqual({ kind: 'drained', sent: 2 });
    expect(server.pushes).toEqual([
      [4, 5],
      [2, 3, 4, 5],
    ]);
    expect(server.lastApplied).toBe(5);
    expect([...server.applied.keys()].sort()).toEqual([1, 2, 3, 4, 5]);
    expect(await statuses()).toEqual(['1:done', '2:done', '3:done', '4:done', '5:done']);
  });

  it.each([
    ['network', 'OFFLINE'],
    ['http500', 'SERVER_ERROR'],
    ['malformed', 'MALFORMED'],
    ['html', 'MALFORMED'],
  ] as const)('retries later after a %s failure and changes nothing', async (fault, reason) => {
    await sell(1);
    server.faults.push(fault);
    const sync = engine();
    expect(await sync.flush()).toMatchObject({ kind: 'retry', reason });
    expect(await statuses()).toEqual(['1:pending']);
    expect(await sync.flush()).toEqual({ kind: 'drained', sent: 1 });
    expect(await statuses()).toEqual(['1:done']);
  });

  it('backs off exponentially while failures repeat, and resets after a success', async () => {
    await sell(1);
    server.faults.push('http500', 'http500', 'http500', 'network');
    const sync = engine();
    const delays: number[] = [];
    for (let i = 0; i < 4; i += 1) {
      const result = await sync.flush();
      if (result.kind === 'retry') delays.push(result.delayMs);
    }
    // random() = 0.5: half of 1 s, 2 s, 4 s, 8 s.
    expect(delays).toEqual([500, 1000, 2000, 4000]);
    expect((await sync.flush()).kind).toBe('drained');
    expect(sync.failures).toBe(0);
  });

  it('stops on a refused token until the associate signs in again', async () => {
    await sell(1);
    server.faults.push('http401');
    expect(await engine().flush()).toEqual({ kind: 'blocked', reason: 'UNAUTHORIZED' });
    expect(await statuses()).toEqual(['1:pending']);
  });

  it('shares one attempt between concurrent flushes', async () => {
    await sell(2);
    const sync = engine();
    const [a, b] = await Promise.all([sync.flush(), sync.flush()]);
    expect(a).toBe(b);
    expect(server.pushes).toEqual([[1, 2]]);
  });
});

describe('backoffDelay', () => {
  it.each([
    [0, 0.999, 999],
    [1, 0.999, 1998],
    [10, 0.999, 299_700], // capped at 5 minutes
    [30, 0.999, 299_700],
    [3, 0, 50], // never zero
  ])('attempt %i with random %d waits %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, () => random)).toBe(expected);
  });

  it('stays within the cap for any random draw', () => {
    for (let attempt = 0; attempt < 40; attempt += 1) {
      const delay = backoffDelay(attempt);
      expect(delay).toBeGreaterThanOrEqual(50);
      expect(delay).toBeLessThan(BACKOFF_MAX_MS);
    }
  });
});
