import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AisleDb } from '../../../src/data/db.ts';
import { createRepositories, type Repositories } from '../../../src/data/repositories.ts';
import { minor } from '../../../src/domain/money.ts';
import { CatalogSync } from '../../../src/sync/catalog-sync.ts';
import { OutboxEngine } from '../../../src/sync/outbox-engine.ts';
import { SyncScheduler, type SchedulerEnvironment } from '../../../src/sync/sync-scheduler.ts';
import type { SyncStatus } from '../../../src/sync/sync-status.ts';
import { FakeSyncServer } from './fake-server.ts';

const DEVICE = '3e0f0a8e-7c55-4d0b-a2a9-6a3c1b1b9f01';
const STORE = {
  store_id: 'demo-store',
  label: 'Demo',
  currency: 'USD',
  tax_rate: 0.08,
  price_method: 'tax_excluded' as const,
  locale: 'en-US',
  timezone: 'UTC',
};

class FakeDocument extends EventTarget {
  visibilityState: DocumentVisibilityState = 'visible';
}

let db: AisleDb;
let repos: Repositories;
let server: FakeSyncServer;
let env: SchedulerEnvironment & {
  window: EventTarget;
  document: FakeDocument;
  navigator: { onLine: boolean; locks?: LockManager };
};
let scheduler: SyncScheduler;
let statuses: SyncStatus[];
let refused: number;

function build(): void {
  const engine = new OutboxEngine({
    outbox: repos.outbox,
    transport: server,
    deviceId: () => DEVICE,
    // The longest possible backoff: no retry timer fires during a test.
    random: () => 0.999,
  });
  scheduler = new SyncScheduler({
    engine,
    outbox: repos.outbox,
    catalogSync: new CatalogSync({ catalog: repos.catalog, transport: server }),
    onSessionRefused: async () => {
      refused += 1;
    },
    environment: env,
  });
  scheduler.subscribe((status) => statuses.push(status));
}

async function sell(): Promise<void> {
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
  await repos.sales.completeSale({
    deviceId: DEVICE,
    associateId: 'a-1',
    associateName: 'A',
    store: STORE,
    tenders: [{ method: 'cash', tendered: minor(1000) }],
    now: '2026-11-27T11:00:00.000Z',
  });
}

const latest = () => statuses.at(-1)!;

beforeEach(async () => {
  db = new AisleDb(`scheduler-${crypto.randomUUID()}`);
  await db.open();
  repos = createRepositories(db);
  server = new FakeSyncServer();
  env = { window: new EventTarget(), document: new FakeDocument(), navigator: { onLine: true } };
  statuses = [];
  refused = 0;
  build();
});

afterEach(async () => {
  scheduler.stop();
  await db.delete();
});

describe('SyncScheduler', () => {
  it('sends sales waiting from before a reload as soon as it starts', async () => {
    await sell();
    await sell();
    scheduler.start('USD');
    await vi.waitFor(() =>
      expect(latest()).toMatchObject({ pending: 0, phase: 'idle', message: null }),
    );
    expect(server.lastApplied).toBe(2);
    expect(latest().lastSyncAt).not.toBeNull();
  });

  it('never says nothing waits before it has counted the outbox (a restart with sales queued)', async () => {
    await sell();
    await sell();
    server.faults.push('network');
    scheduler.start('USD');
    await vi.waitFor(() => expect(latest()).toMatchObject({ phase: 'retrying', pending: 2 }));
    expect(statuses[0]?.pending).toBeNull();
    expect(statuses.filter((status) => status.pending === 0)).toEqual([]);
  });

  it('shows the failure, then flushes again when the browser comes back online', async () => {
    await sell();
    server.faults.push('network');
    scheduler.start('USD');
    await vi.waitFor(() => expect(latest()).toMatchObject({ phase: 'retrying', pending: 1 }));
    expect(latest().message).toContain('No connection');

    env.window.dispatchEvent(new Event('offline'));
    expect(latest().online).toBe(false);
    env.navigator.onLine = true;
    env.window.dispatchEvent(new Event('online'));
    await vi.waitFor(() =>
      expect(latest()).toMatchObject({ online: true, pending: 0, phase: 'idle' }),
    );
    expect(server.lastApplied).toBe(1);
  });

  it('starts the backoff over when the browser comes back online', async () => {
    // A fixed clock: nextAttemptAt is then exactly the backoff delay after it, however slow
    // the machine is between the retry and this read.
    const clock = Date.parse('2026-11-27T12:00:00.000Z');
    env = { ...env, now: () => clock };
    scheduler.stop();
    build();
    await sell();
    server.faults.push('network', 'network', 'network');
    scheduler.start('USD');
    await vi.waitFor(() => expect(server.pushes).toHaveLength(1));
    await vi.waitFor(() => expect(latest().phase).toBe('retrying'));
    env.document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(server.pushes).toHaveLength(2));
    await vi.waitFor(() => expect(latest().phase).toBe('retrying'));
    // The second failure in a row waits up to 2 s (random 0.999: 1 998 ms).
    const grown = Date.parse(latest().nextAttemptAt!) - clock;
    expect(grown).toBeGreaterThan(1_500);

    env.window.dispatchEvent(new Event('online'));
    await vi.waitFor(() => expect(server.pushes).toHaveLength(3));
    await vi.waitFor(() => expect(latest().phase).toBe('retrying'));
    const reset = Date.parse(latest().nextAttemptAt!) - clock;
    expect(reset).toBeLessThanOrEqual(1_000);
  });

  it('flushes when the page becomes visible again', async () => {
    scheduler.start('USD');
    await vi.waitFor(() => expect(latest().phase).toBe('idle'));
    server.faults.push('http500');
    await sell();
    await vi.waitFor(() => expect(latest().phase).toBe('retrying'));
    env.document.dispatchEvent(new Event('visibilitychange'));
    await vi.waitFor(() => expect(latest()).toMatchObject({ pending: 0, phase: 'idle' }));
  });

  it('leaves the outbox to the tab that holds the lock', async () => {
    const requests: string[] = [];
    env.navigator.locks = {
      request: async (
        name: string,
        _options: LockOptions,
        callback: (lock: Lock | null) => unknown,
      ) => {
        requests.push(name);
        return callback(null);
      },
      query: async () => ({ held: [], pending: [] }),
    } as unknown as LockManager;
    await sell();
    scheduler.start('USD');
    await vi.waitFor(() => expect(requests).toContain('aisle-outbox'));
    // The count arrives on its own (it is unknown until the outbox was read).
    await vi.waitFor(() => expect(latest()).toMatchObject({ phase: 'idle', pending: 1 }));
    expect(server.pushes).toEqual([]);
  });

  it('asks for a new sign-in when the server refuses the token', async () => {
    await sell();
    server.faults.push('http401');
    scheduler.start('USD');
    // The pending count is recounted after the phase changes: wait for the settled status.
    await vi.waitFor(() =>
      expect(latest()).toMatchObject({ phase: 'blocked', signInNeeded: true, pending: 1 }),
    );
    expect(refused).toBe(1);
    expect(latest().message).toContain('Sign in again');
  });
});
