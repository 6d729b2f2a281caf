/**
 * A full disk while answers come back (issue 5): IndexedDB refuses to grow the `sales` store
 * (the browser's QuotaExceededError, raised by the object store itself). The outbox still
 * records every answer, so the queue drains and nothing is pushed twice; once there is room
 * the sales take the answer their outbox entry kept.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AisleDb } from '../../../src/data/db.ts';
import { createRepositories, type Repositories } from '../../../src/data/repositories.ts';
import { minor } from '../../../src/domain/money.ts';
import { OutboxEngine } from '../../../src/sync/outbox-engine.ts';
import { FakeSyncServer } from './fake-server.ts';

const DEVICE = '5b0f4a3e-9d0c-4c55-8f1e-2a7d9c6b3e11';
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
let diskFull = false;
const originalPut = IDBObjectStore.prototype.put;
const originalAdd = IDBObjectStore.prototype.add;

beforeEach(async () => {
  db = new AisleDb(`disk-full-${crypto.randomUUID()}`);
  await db.open();
  repos = createRepositories(db);
  server = new FakeSyncServer();
  diskFull = false;
  IDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args) {
    if (diskFull && this.name === 'sales') {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    }
    return originalPut.apply(this, args);
  } as typeof originalPut;
});
afterEach(async () => {
  IDBObjectStore.prototype.put = originalPut;
  await db.delete();
});

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

const engine = () =>
  new OutboxEngine({
    outbox: repos.outbox,
    transport: server,
    deviceId: () => DEVICE,
    now: () => '2026-11-27T12:00:00.000Z',
    random: () => 0.5,
  });

describe('a full disk while the answers come back', () => {
  it('drains the outbox without resending, and the sales catch up once there is room', async () => {
    const saleIds = await sell(3);
    diskFull = true;

    expect(await engine().flush()).toEqual({ kind: 'drained', sent: 3 });
    expect((await db.outbox.toArray()).map((entry) => entry.status)).toEqual([
      'done',
      'done',
      'done',
    ]);
    expect(await repos.outbox.counts()).toEqual({ pending: 0, problems: 0 });
    // The sales could not be written: they still say pending.
    const stale = await Promise.all(saleIds.map((id) => repos.sales.get(id)));
    expect(stale.map((sale) => sale?.sync.state)).toEqual(['pending', 'pending', 'pending']);

    // Still full: the next flush pushes nothing and fails nothing.
    expect(await engine().flush()).toEqual({ kind: 'drained', sent: 0 });
    expect(server.pushes).toEqual([[1, 2, 3]]);

    diskFull = false;
    expect(await engine().flush()).toEqual({ kind: 'drained', sent: 0 });
    const synced = await Promise.all(saleIds.map((id) => repos.sales.get(id)));
    expect(synced.map((sale) => sale?.sync)).toEqual(
      [1, 2, 3].map((seq) => ({
        state: 'synced',
        orderId: `order-${seq}`,
        error: null,
        syncedAt: '2026-11-27T12:00:00.000Z',
      })),
    );
    expect(server.pushes).toEqual([[1, 2, 3]]);
  });

  it('keeps a refusal and its reason for the sale to show later', async () => {
    const [, refused] = await sell(2);
    server.rejectSeqs.add(2);
    diskFull = true;
    expect(await engine().flush()).toEqual({ kind: 'drained', sent: 2 });
    diskFull = false;
    expect(await repos.outbox.reconcile('2026-11-27T13:00:00.000Z')).toBe(2);
    expect((await repos.sales.get(refused!))?.sync).toMatchObject({
      state: 'rejected',
      error: 'Product p-9 is not in the catalog',
    });
  });

  it('refuses a new sale whole while the disk is full', async () => {
    await sell(1);
    await repos.carts.addProduct(
      DEVICE,
      {
        productId: 'p-2',
        title: 'Other',
        brand: null,
        serialized: false,
        price: minor(300),
        identifiers: [],
        lookupKeys: [],
      },
      '2026-11-27T11:30:00.000Z',
    );
    const outboxBefore = await db.outbox.toArray();
    diskFull = true;
    IDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args) {
      if (diskFull && this.name === 'sales') {
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      }
      return originalAdd.apply(this, args);
    } as typeof originalAdd;
    try {
      await expect(
        repos.sales.completeSale({
          deviceId: DEVICE,
          associateId: 'a-1',
          associateName: 'A',
          store: STORE,
          tenders: [{ method: 'cash', tendered: minor(1000) }],
          now: '2026-11-27T11:31:00.000Z',
        }),
      ).rejects.toMatchObject({ name: 'QuotaExceededError' });
    } finally {
      IDBObjectStore.prototype.add = originalAdd;
    }
    expect(await db.sales.count()).toBe(1);
    expect(await db.outbox.toArray()).toEqual(outboxBefore);
    expect((await repos.carts.current(DEVICE))?.lines.map((line) => line.productId)).toEqual([
      'p-2',
    ]);
  });
});
