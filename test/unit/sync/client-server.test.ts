/**
 * The client's sync layer against the REAL store server (in-process, loopback HTTP, a fresh
 * SQLite file): sign-in with device registration, the catalog pull, pushing sales and a lost
 * acknowledgement. The browser is replaced by fake-indexeddb only.
 */
import 'fake-indexeddb/auto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../../../server/src/server.ts';
import { DEMO_PRODUCTS, DEMO_STORE } from '../../../server/src/seed/demo-catalog.ts';
import { AisleDb } from '../../../src/data/db.ts';
import { createRepositories, type Repositories } from '../../../src/data/repositories.ts';
import type { SessionRecord, StoreRecord } from '../../../src/data/types.ts';
import { fromDecimal } from '../../../src/domain/money.ts';
import type { Order } from '../../../src/protocol/schemas.ts';
import { CatalogSync } from '../../../src/sync/catalog-sync.ts';
import { OutboxEngine } from '../../../src/sync/outbox-engine.ts';
import { SignInError, SignInService } from '../../../src/sync/sign-in.ts';
import { describeSyncError, SyncError, SyncErrorReasons } from '../../../src/sync/sync-errors.ts';
import { HttpSyncTransport, requestJson, type SyncTransport } from '../../../src/sync/transport.ts';

const ADMIN = 'client-server-test-admin';
let folder: string;
let server: RunningServer;
let db: AisleDb;
let repos: Repositories;

beforeAll(async () => {
  folder = mkdtempSync(join(tmpdir(), 'aisle-client-'));
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

beforeEach(async () => {
  db = new AisleDb(`client-server-${crypto.randomUUID()}`);
  await db.open();
  repos = createRepositories(db);
});

const signInService = () =>
  new SignInService({
    sessions: repos.sessions,
    catalog: repos.catalog,
    http: { baseUrl: server.url },
  });

async function signedIn(): Promise<{ session: SessionRecord; store: StoreRecord }> {
  const session = await signInService().signIn('associate', 'associate123');
  const store = await repos.sessions.store(session.storeId);
  if (store === undefined) throw new Error('store not saved');
  return { session, store };
}

const transportFor = (session: SessionRecord) =>
  new HttpSyncTransport({ baseUrl: server.url, token: () => session.accessToken });

async function fetchOrder(externalId: string): Promise<{ status: number; body: unknown }> {
  return requestJson(
    { baseUrl: server.url, token: () => ADMIN },
    'GET',
    `/v0/orders?external_id=${externalId}`,
  );
}

describe('sign-in against the real server', () => {
  it('saves the session, the store and a new device id', async () => {
    const { session, store } = await signedIn();
    expect(session).toMatchObject({
      storeId: DEMO_STORE.store_id,
      role: 'associate',
      expired: false,
    });
    expect(session.deviceId).toMatch(/^[0-9a-f-]{36}$/);
    expect(store).toMatchObject({
      currency: 'USD',
      tax_rate: DEMO_STORE.tax_rate,
      locale: 'en-US',
    });
    expect(await repos.sessions.current()).toEqual(session);
    // Signing in again on the same device keeps its identity.
    const again = await signInService().signIn('associate', 'associate123');
    expect(again.deviceId).toBe(session.deviceId);
  });

  it('refuses a wrong password with a sentence and saves nothing', async () => {
    await expect(signInService().signIn('associate', 'not-the-password')).rejects.toEqual(
      new SignInError('Wrong username or password.'),
    );
    expect(await repos.sessions.current()).toBeUndefined();
    expect(await repos.sessions.deviceId()).toBeNull();
  });

  it('says when the server cannot be reached', async () => {
    const offline = new SignInService({
      sessions: repos.sessions,
      catalog: repos.catalog,
      http: { baseUrl: 'http://127.0.0.1:9' },
    });
    await expect(offline.signIn('associate', 'associate123')).rejects.toThrow(
      /Cannot reach the store server/,
    );
  });
});

describe('catalog and sales against the real server', () => {
  it('pulls the demo catalog and finds a UPC-A from its 13-digit reading', async () => {
    const { session, store } = await signedIn();
    await new CatalogSync({
      catalog: repos.catalog,
      transport: transportFor(session),
      pageSize: 20,
    }).pullAll(store.currency);
    expect(await repos.catalog.count()).toBe(DEMO_PRODUCTS.length);
    const upc = DEMO_PRODUCTS.find((p) => p.barcode.length === 12)!;
    const found = await repos.catalog.findByCode(`0${upc.barcode}`);
    expect(found?.productId).toBe(upc.product_id);
    expect(found?.price).toBe(fromDecimal(upc.price, 'USD'));
    expect((await repos.catalog.state()).complete).toBe(true);
  });

  it('pushes sales, and a resend after a lost acknowledgement creates no second order', async () => {
    const { session, store } = await signedIn();
    await new CatalogSync({ catalog: repos.catalog, transport: transportFor(session) }).pullAll(
      'USD',
    );
    const plain = DEMO_PRODUCTS.filter((p) => !p.serialized);
    const saleIds: string[] = [];
    for (const item of plain.slice(0, 2)) {
      const product = (await repos.catalog.findByCode(item.sku))!;
      await repos.carts.addProduct(session.deviceId, product, new Date().toISOString());
      await repos.carts.addProduct(session.deviceId, product, new Date().toISOString());
      const sale = await repos.sales.completeSale({
        deviceId: session.deviceId,
        associateId: session.associateId,
        associateName: session.displayName,
        store,
        tenders: [{ method: 'card', reference: `REF-${item.sku}` }],
        now: new Date().toISOString(),
      });
      saleIds.push(sale.saleId);
    }

    // The server commits the push, but its answer never arrives.
    const real = transportFor(session);
    const losingAnswers: SyncTransport = {
      push: async (request) => {
        await real.push(request);
        throw new SyncError('OFFLINE', 'answer lost');
      },
      pull: (since, limit) => real.pull(since, limit),
    };
    const lost = await new OutboxEngine({
      outbox: repos.outbox,
      transport: losingAnswers,
      deviceId: () => session.deviceId,
    }).flush();
    expect(lost.kind).toBe('retry');
    expect((await repos.outbox.counts()).pending).toBe(2);

    const engine = new OutboxEngine({
      outbox: repos.outbox,
      transport: real,
      deviceId: () => session.deviceId,
    });
    expect(await engine.flush()).toEqual({ kind: 'drained', sent: 2 });

    for (const saleId of saleIds) {
      const sale = (await repos.sales.get(saleId))!;
      expect(sale.sync.state).toBe('synced');
      const reply = await fetchOrder(saleId);
      expect(reply.status).toBe(200);
      const order = reply.body as Order;
      expect(order.id).toBe(sale.sync.orderId);
      expect(order.items).toHaveLength(2);
      expect(fromDecimal(order.totals.total, 'USD')).toBe(sale.totals.total);
      expect(fromDecimal(order.totals.tax, 'USD')).toBe(sale.totals.tax);
    }

    // The device's identity carries its progress: registering again reports both sales.
    const registered = await requestJson(
      { baseUrl: server.url, token: () => session.accessToken },
      'POST',
      '/v0/devices',
      { store_id: store.store_id, device_id: session.deviceId },
    );
    expect(registered.body).toMatchObject({ last_applied_seq: 2 });
  });

  it('an app whose protocol the server no longer speaks stops, says so, and keeps its sales', async () => {
    const { session, store } = await signedIn();
    await new CatalogSync({ catalog: repos.catalog, transport: transportFor(session) }).pullAll(
      'USD',
    );
    const item = DEMO_PRODUCTS.find((p) => !p.serialized)!;
    const product = (await repos.catalog.findByCode(item.sku))!;
    await repos.carts.addProduct(session.deviceId, product, new Date().toISOString());
    const sale = await repos.sales.completeSale({
      deviceId: session.deviceId,
      associateId: session.associateId,
      associateName: session.displayName,
      store,
      tenders: [{ method: 'card', reference: 'REF-OLD-APP' }],
      now: new Date().toISOString(),
    });

    // An app from before the server's oldest protocol: the real server answers 426.
    const real = transportFor(session);
    const oldApp: SyncTransport = {
      push: (request) => real.push({ ...request, protocol_version: 0 }),
      pull: (since, limit) => real.pull(since, limit),
    };
    const outdated = await new OutboxEngine({
      outbox: repos.outbox,
      transport: oldApp,
      deviceId: () => session.deviceId,
    }).flush();
    expect(outdated).toEqual({ kind: 'blocked', reason: SyncErrorReasons.appOutdated });
    expect(describeSyncError(SyncErrorReasons.appOutdated)).toContain('must be updated');
    expect((await repos.outbox.counts()).pending).toBe(1);
    expect((await repos.sales.get(sale.saleId))?.sync.state).toBe('pending');
    expect((await fetchOrder(sale.saleId)).status).toBe(404);

    // The updated app sends the very same outbox.
    const updated = new OutboxEngine({
      outbox: repos.outbox,
      transport: real,
      deviceId: () => session.deviceId,
    });
    expect(await updated.flush()).toEqual({ kind: 'drained', sent: 1 });
    expect((await fetchOrder(sale.saleId)).status).toBe(200);
  });
});
