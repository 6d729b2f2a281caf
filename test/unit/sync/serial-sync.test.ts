/**
 * Serials through the client's sync layer against the REAL store server (in-process, a fresh
 * SQLite file): two devices sell one serial while offline, both sales are kept and the second
 * device sees its unit as an exception; a manager's device pulls the exception, resolves it
 * through the outbox, and the seller's device then sees it resolved. And a pulled
 * configuration whose pattern cannot run is set aside, the last good one kept.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/src/server.ts';
import { DEMO_PRODUCTS, DEMO_SERIAL_REGEX } from '../../../server/src/seed/demo-catalog.ts';
import { AisleDb } from '../../../src/data/db.ts';
import { createRepositories, type Repositories } from '../../../src/data/repositories.ts';
import type { SessionRecord, StoreRecord } from '../../../src/data/types.ts';
import { minor } from '../../../src/domain/money.ts';
import type { SerialExceptionList } from '../../../src/protocol/serials.ts';
import type { PullResponse, PushRequest } from '../../../src/protocol/sync-protocol.ts';
import { CatalogSync } from '../../../src/sync/catalog-sync.ts';
import { OutboxEngine } from '../../../src/sync/outbox-engine.ts';
import { SignInService } from '../../../src/sync/sign-in.ts';
import {
  HttpSyncTransport,
  requestJson,
  type SyncTransport,
  type TransportReply,
} from '../../../src/sync/transport.ts';
import { unitSerialViews } from '../../../src/domain/serial-states.ts';

const ADMIN = 'serial-sync-test-admin';
let folder: string;
let server: RunningServer;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'aisle-serial-sync-'));
  server = await startServer({
    port: 0,
    databaseUrl: `sqlite:${join(folder, 'aisle.sqlite')}`,
    adminToken: ADMIN,
    demo: true,
    logger: false,
  });
});

afterAll(async () => {
  await server.close();
  rmSync(folder, { recursive: true, force: true });
});

interface Device {
  readonly db: AisleDb;
  readonly repos: Repositories;
  readonly session: SessionRecord;
  readonly store: StoreRecord;
  readonly catalog: CatalogSync;
  readonly engine: OutboxEngine;
}

async function device(username: 'associate' | 'manager'): Promise<Device> {
  const db = new AisleDb(`serial-sync-${crypto.randomUUID()}`);
  await db.open();
  const repos = createRepositories(db);
  const signIn = new SignInService({
    sessions: repos.sessions,
    catalog: repos.catalog,
    http: { baseUrl: server.url },
  });
  const session = await signIn.signIn(username, `${username}123`);
  const store = await repos.sessions.store(session.storeId);
  if (store === undefined) throw new Error('store not saved');
  const transport = new HttpSyncTransport({
    baseUrl: server.url,
    token: () => session.accessToken,
  });
  const catalog = new CatalogSync({ catalog: repos.catalog, transport });
  await catalog.pullAll(store.currency);
  const engine = new OutboxEngine({
    outbox: repos.outbox,
    transport,
    deviceId: () => session.deviceId,
  });
  return { db, repos, session, store, catalog, engine };
}

/** One unit of the product with the serial, paid cash, on the device (nothing sent yet). */
async function sell(on: Device, productId: string, serial: string): Promise<string> {
  const product = await on.repos.catalog.get(productId);
  if (product === undefined) throw new Error(`no ${productId} on the device`);
  const now = new Date().toISOString();
  const line = await on.repos.carts.addProduct(on.session.deviceId, product, now);
  const capture = {
    serial,
    method: 'scanner',
    capturedAt: now,
    valid: true,
    configVersion: 1,
  } as const;
  await on.repos.carts.setSerial(line.lineId, capture, now);
  const sale = await on.repos.sales.completeSale({
    deviceId: on.session.deviceId,
    associateId: on.session.associateId,
    associateName: on.session.displayName,
    store: on.store,
    tenders: [{ method: 'cash', tendered: minor(500_000) }],
    now,
  });
  return sale.saleId;
}

const unitStates = async (on: Device, saleId: string) => {
  const found = await on.repos.serials.saleSerials(saleId);
  return found === undefined
    ? undefined
    : unitSerialViews(found.sale, found.orderResult, found.exceptions).map((unit) => unit.state);
};

describe('serials through sync, against the real server', () => {
  it('keeps both sales of one serial, shows the exception, and a manager resolves it from a device', async () => {
    const phone = DEMO_PRODUCTS.find((p) => p.serialized);
    if (phone === undefined) throw new Error('no serialized demo product');
    const serial = 'DUP0SERIAL0001';
    const [first, second, manager] = [
      await device('associate'),
      await device('associate'),
      await device('manager'),
    ];
    const firstSale = await sell(first, phone.product_id, serial);
    const secondSale = await sell(second, phone.product_id, serial);
    expect(await unitStates(second, secondSale)).toEqual(['pending']);

    expect(await first.engine.flush()).toMatchObject({ kind: 'drained', sent: 1 });
    expect(await second.engine.flush()).toMatchObject({ kind: 'drained', sent: 1 });
    expect(await unitStates(first, firstSale)).toEqual(['accepted']);
    expect(await unitStates(second, secondSale)).toEqual(['exception']);
    expect((await second.repos.sales.get(secondSale))?.sync.state).toBe('synced');

    await manager.catalog.pullAll(manager.store.currency);
    const open = await manager.repos.serials.openExceptions();
    const duplicate = open.find((exception) => exception.serial_number === serial);
    expect(duplicate).toMatchObject({
      kind: 'duplicate',
      order: { external_id: secondSale },
      other_order: { external_id: firstSale },
      pendingResolution: null,
    });

    await manager.repos.serials.queueResolution({
      exceptionId: duplicate!.id,
      resolution: 'accepted',
      note: 'both units were in stock',
      now: new Date().toISOString(),
    });
    expect(await manager.engine.flush()).toMatchObject({ kind: 'drained', sent: 1 });
    expect(
      (await manager.repos.serials.openExceptions()).filter((e) => e.serial_number === serial),
    ).toEqual([]);
    const list = await requestJson(
      { baseUrl: server.url, token: () => ADMIN },
      'GET',
      '/v0/serial-exceptions?state=open&store_id=demo-store',
    );
    expect(
      (list.body as SerialExceptionList).serial_exceptions.filter(
        (e) => e.serial_number === serial,
      ),
    ).toEqual([]);

    await second.catalog.pullAll(second.store.currency);
    expect(await unitStates(second, secondSale)).toEqual(['resolved']);
  });

  it('an associate device cannot resolve: the refusal comes back on the exception', async () => {
    const laptop = DEMO_PRODUCTS.filter((p) => p.serialized)[5];
    if (laptop === undefined) throw new Error('not enough serialized demo products');
    const seller = await device('associate');
    await sell(seller, laptop.product_id, 'ONE0SERIAL0002');
    await sell(seller, laptop.product_id, 'ONE0SERIAL0003');
    // The same serial once more, in a later sale: only possible once the first was acknowledged.
    await seller.engine.flush();
    const again = await sell(seller, laptop.product_id, 'ONE0SERIAL0002');
    await seller.engine.flush();
    expect(await unitStates(seller, again)).toEqual(['exception']);
    await seller.catalog.pullAll(seller.store.currency);
    const [exception] = (await seller.repos.serials.openExceptions()).filter(
      (e) => e.order.external_id === again,
    );
    await seller.repos.serials.queueResolution({
      exceptionId: exception!.id,
      resolution: 'voided',
      now: new Date().toISOString(),
    });
    await seller.engine.flush();
    const after = await seller.db.serialExceptions.get(exception!.id);
    expect(after?.state).toBe('open');
    expect(after?.pendingResolution?.error).toEqual(expect.any(String));
  });
});

/** Serves one pull page with the given configuration, as a server that skipped its checks. */
class ConfigOnlyServer implements SyncTransport {
  constructor(private readonly _page: Partial<PullResponse>) {}
  push(_request: PushRequest): Promise<TransportReply> {
    return Promise.reject(new Error('not used'));
  }
  pull(): Promise<TransportReply> {
    const body: PullResponse = {
      next_cursor: 'c',
      has_more: false,
      products: [],
      catalog_remaining: 0,
      config: null,
      fulfillment_requests: [],
      serial_exceptions: [],
      ...this._page,
    };
    return Promise.resolve({ status: 200, body });
  }
}

describe('a pulled configuration the device cannot run', () => {
  it('is set aside with its reason and the last good pattern stays active', async () => {
    const db = new AisleDb(`serial-config-${crypto.randomUUID()}`);
    await db.open();
    const repos = createRepositories(db);
    const envelope = (version: number, pattern: string) => ({
      version,
      updated_at: '2026-11-27T10:00:00.000Z',
      source: 'global' as const,
      config: { capabilities: { serialized_inventory: { serial_number_regex: pattern } } },
    });
    const pull = (version: number, pattern: string) =>
      new CatalogSync({
        catalog: repos.catalog,
        transport: new ConfigOnlyServer({ config: envelope(version, pattern) }),
      }).pullAll('USD');

    await pull(3, DEMO_SERIAL_REGEX);
    await pull(4, '^(?=SN)[A-Z0-9]{14}$');
    const settings = await repos.serials.settings();
    expect(settings).toMatchObject({ pattern: DEMO_SERIAL_REGEX, version: 3, source: 'global' });
    expect(settings.refused?.version).toBe(4);
    expect(settings.refused?.reason).toContain('lookahead');
    await db.delete();
  });
});
