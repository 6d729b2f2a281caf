import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AisleDb } from '../../../src/data/db.ts';
import { createRepositories, type Repositories } from '../../../src/data/repositories.ts';
import type {
  PulledProduct,
  PullResponse,
  PushRequest,
} from '../../../src/protocol/sync-protocol.ts';
import { CatalogSync, type PullProgress } from '../../../src/sync/catalog-sync.ts';
import { SyncError } from '../../../src/sync/sync-errors.ts';
import type { SyncTransport, TransportReply } from '../../../src/sync/transport.ts';

const product = (n: number): PulledProduct => ({
  product_id: `p-${n}`,
  title: `Product ${n}`,
  brand: null,
  external_identifiers: [{ type: 'sku', value: `SKU-${n}` }],
  serialized_inventory: false,
  price: n + 0.99,
  deleted: false,
});

/** A paged catalog of `count` products; the cursor is the index of the next product. */
class PagedCatalogServer implements SyncTransport {
  readonly requests: Array<string | null> = [];
  failAt: string | null = null;
  garbleAt: string | null = null;

  private readonly count: number;

  constructor(count: number) {
    this.count = count;
  }

  push(_request: PushRequest): Promise<TransportReply> {
    return Promise.reject(new Error('not used'));
  }

  pull(since: string | null, limit: number): Promise<TransportReply> {
    this.requests.push(since);
    if (since !== null && since === this.failAt) {
      this.failAt = null;
      return Promise.reject(new SyncError('OFFLINE', 'connection dropped'));
    }
    if (since !== null && since === this.garbleAt) {
      this.garbleAt = null;
      return Promise.resolve({ status: 200, body: { next_cursor: 5 } });
    }
    const start = since === null ? 0 : Number(since);
    const end = Math.min(this.count, start + limit);
    const body: PullResponse = {
      next_cursor: String(end),
      has_more: end < this.count,
      products: Array.from({ length: end - start }, (_, i) => product(start + i + 1)),
      catalog_remaining: this.count - end,
      config:
        since === null
          ? {
              version: 2,
              updated_at: '2026-11-27T09:00:00Z',
              source: 'global',
              config: {
                capabilities: { serialized_inventory: { serial_number_regex: '^[A-Z0-9]{14}$' } },
              },
            }
          : null,
      fulfillment_requests: [],
      serial_exceptions: [],
    };
    return Promise.resolve({ status: 200, body });
  }
}

let db: AisleDb;
let repos: Repositories;
beforeEach(async () => {
  db = new AisleDb(`pull-${crypto.randomUUID()}`);
  await db.open();
  repos = createRepositories(db);
});
afterEach(async () => {
  await db.delete();
});

describe('CatalogSync', () => {
  it('pulls every page, reports progress from catalog_remaining, and keeps the config', async () => {
    const server = new PagedCatalogServer(25);
    const progress: PullProgress[] = [];
    const sync = new CatalogSync({ catalog: repos.catalog, transport: server, pageSize: 10 });
    await sync.pullAll('USD', (p) => progress.push(p));
    expect(progress).toEqual([
      { received: 10, remaining: 15 },
      { received: 20, remaining: 5 },
      { received: 25, remaining: 0 },
    ]);
    expect(await repos.catalog.count()).toBe(25);
    expect((await repos.catalog.findByCode('SKU-7'))?.price).toBe(799);
    expect(await repos.catalog.state()).toMatchObject({ cursor: '25', complete: true });
    expect((await repos.catalog.activeConfig())?.envelope.version).toBe(2);
  });

  it('resumes after an interruption from the last saved page, not from the start', async () => {
    const server = new PagedCatalogServer(25);
    server.failAt = '20';
    const sync = new CatalogSync({ catalog: repos.catalog, transport: server, pageSize: 10 });
    await expect(sync.pullAll('USD')).rejects.toMatchObject({ reason: 'OFFLINE' });
    expect(await repos.catalog.count()).toBe(20);
    expect(await repos.catalog.state()).toMatchObject({ cursor: '20', complete: false });

    // A new CatalogSync, as after a reload.
    await new CatalogSync({ catalog: repos.catalog, transport: server, pageSize: 10 }).pullAll(
      'USD',
    );
    expect(server.requests).toEqual([null, '10', '20', '20']);
    expect(await repos.catalog.count()).toBe(25);
    expect((await repos.catalog.state()).complete).toBe(true);
  });

  it('writes nothing of a garbled page', async () => {
    const server = new PagedCatalogServer(25);
    server.garbleAt = '10';
    const sync = new CatalogSync({ catalog: repos.catalog, transport: server, pageSize: 10 });
    await expect(sync.pullAll('USD')).rejects.toMatchObject({ reason: 'MALFORMED' });
    expect(await repos.catalog.count()).toBe(10);
    expect((await repos.catalog.state()).cursor).toBe('10');
  });
});
