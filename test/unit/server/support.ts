/**
 * Server test support: the real app (`buildApp`) on a fresh SQLite file in a temp folder (or
 * a fresh PostgreSQL database, see AISLE_TEST_POSTGRES_URL),
 * seeded with the demo store, plus signed-in tokens and a small JSON request helper over
 * Fastify's `inject()`. No mocks: every test talks to the real routes and database.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { fromDecimal, taxOn, toDecimal } from '../../../src/domain/money.ts';
import type { OrderRequest } from '../../../src/protocol/schemas.ts';
import { buildApp, type AppOptions } from '../../../server/src/app.ts';
import { DEMO_PRODUCTS, DEMO_STORE, DEMO_USERS } from '../../../server/src/seed/demo-catalog.ts';
import { createStore, createUser } from '../../../server/src/services/stores.ts';

export const ADMIN_TOKEN = 'test-admin-token';

export interface Reply<T = unknown> {
  status: number;
  body: T;
  headers: Record<string, unknown>;
}

export interface TestApp {
  app: FastifyInstance;
  /** The database the app runs on, so a test can start a second server on the same one. */
  databaseUrl: string;
  tokens: { associate: string; manager: string; admin: string; otherAssociate: string };
  call<T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    options?: { token?: string | null; body?: unknown },
  ): Promise<Reply<T>>;
  close(): Promise<void>;
}

export const OTHER_STORE = 'other-store';

/**
 * With AISLE_TEST_POSTGRES_URL (a server URL such as postgres://aisle@127.0.0.1:5432/postgres)
 * each app gets a fresh PostgreSQL database instead of a SQLite file, dropped at close.
 */
const POSTGRES_URL = process.env.AISLE_TEST_POSTGRES_URL;

async function freshDatabase(dir: string): Promise<{ url: string; drop: () => Promise<void> }> {
  if (POSTGRES_URL === undefined || POSTGRES_URL === '') {
    return { url: `sqlite:${join(dir, 'aisle.sqlite')}`, drop: () => Promise.resolve() };
  }
  const name = `aisle_test_${randomUUID().replaceAll('-', '')}`;
  const admin = async (statement: string): Promise<void> => {
    const client = new pg.Client({ connectionString: POSTGRES_URL });
    await client.connect();
    try {
      await client.query(statement);
    } finally {
      await client.end();
    }
  };
  await admin(`CREATE DATABASE ${name}`);
  const url = new URL(POSTGRES_URL);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`DROP DATABASE IF EXISTS ${name}`) };
}

export async function startTestApp(
  options: Pick<AppOptions, 'access' | 'corsOrigins' | 'logger' | 'email'> & {
    staticDir?: string;
  } = {},
): Promise<TestApp> {
  const dir = mkdtempSync(join(tmpdir(), 'aisle-server-'));
  const database = await freshDatabase(dir);
  const app = await buildApp({
    databaseUrl: database.url,
    adminToken: ADMIN_TOKEN,
    demo: true,
    staticDir: options.staticDir ?? null,
    ...(options.access === undefined ? {} : { access: options.access }),
    ...(options.corsOrigins === undefined ? {} : { corsOrigins: options.corsOrigins }),
    ...(options.logger === undefined ? {} : { logger: options.logger }),
    ...(options.email === undefined ? {} : { email: options.email }),
  });
  // A second store with its own associate, to prove tokens stay inside their store.
  await createStore(app.storeDb.db, {
    store_id: OTHER_STORE,
    label: 'Other Store',
    currency: 'USD',
    tax_rate: 0.07,
    locale: 'en-US',
    timezone: 'America/Chicago',
  });
  await createUser(app.storeDb.db, {
    username: 'other',
    password: 'other12345',
    display_name: 'Olive Other',
    role: 'associate',
    store_id: OTHER_STORE,
  });

  const call: TestApp['call'] = async (method, url, opts = {}) => {
    const token = opts.token === undefined ? ADMIN_TOKEN : opts.token;
    const response = await app.inject({
      method,
      url,
      headers: token === null ? {} : { authorization: `Bearer ${token}` },
      ...(opts.body === undefined ? {} : { payload: opts.body as Record<string, unknown> }),
    });
    const text = response.body;
    const isJson = String(response.headers['content-type'] ?? '').includes('json');
    return {
      status: response.statusCode,
      body: (isJson && text !== '' ? JSON.parse(text) : text) as never,
      headers: response.headers,
    };
  };

  const signIn = async (username: string, password: string): Promise<string> => {
    const reply = await call<{ access_token: string }>('POST', '/v0/token', {
      token: null,
      body: { grant_type: 'password', username, password },
    });
    if (reply.status !== 200) throw new Error(`sign-in failed for ${username}: ${reply.status}`);
    return reply.body.access_token;
  };

  const tokens = {
    associate: await signIn(DEMO_USERS.associate.username, DEMO_USERS.associate.password),
    manager: await signIn(DEMO_USERS.manager.username, DEMO_USERS.manager.password),
    admin: ADMIN_TOKEN,
    otherAssociate: await signIn('other', 'other12345'),
  };

  return {
    app,
    databaseUrl: database.url,
    tokens,
    call,
    close: async () => {
      await app.close();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A manager of the other store, created once per app, signed in: answers the token. */
export async function signInOtherManager(t: TestApp): Promise<string> {
  const known = await t.app.storeDb.db
    .selectFrom('users')
    .select('user_id')
    .where('username', '=', 'other-manager')
    .executeTakeFirst();
  if (known === undefined) {
    await createUser(t.app.storeDb.db, {
      username: 'other-manager',
      password: 'other-manager-1',
      display_name: 'Other Manager',
      role: 'manager',
      store_id: OTHER_STORE,
    });
  }
  const signedIn = await t.call<{ access_token: string }>('POST', '/v0/token', {
    token: null,
    body: { grant_type: 'password', username: 'other-manager', password: 'other-manager-1' },
  });
  if (signedIn.status !== 200) throw new Error(`other-manager sign-in: ${signedIn.status}`);
  return signedIn.body.access_token;
}

/** The user id behind a username (what the server records as a sale's associate). */
export async function userIdOf(t: TestApp, username: string): Promise<string> {
  const row = await t.app.storeDb.db
    .selectFrom('users')
    .select('user_id')
    .where('username', '=', username)
    .executeTakeFirstOrThrow();
  return row.user_id;
}

export const demoProduct = (index: number) => {
  const product = DEMO_PRODUCTS[index];
  if (product === undefined) throw new Error(`no demo product ${index}`);
  return product;
};

function totalOf(items: OrderRequest['items']): number {
  let cents = 0;
  for (const item of items) {
    cents += Math.round(item.price.item_price * 100);
    for (const line of item.price.item_tax_lines ?? []) cents += Math.round(line.amount * 100);
  }
  return cents / 100;
}

/**
 * A valid order for the demo store: one unit of each given demo product at its catalog price,
 * with the store's tax (8 %; the other store's is 7 %) and a cash payment of the total.
 */
export function demoOrder(
  overrides: Partial<OrderRequest> = {},
  productIndexes = [0, 15],
  taxRate = 0.08,
): OrderRequest {
  const items = productIndexes.map((index, i) => {
    const product = demoProduct(index);
    const tax = toDecimal(taxOn(fromDecimal(product.price, 'USD'), taxRate), 'USD');
    return {
      external_item_id: String(i + 1),
      product_id: product.product_id,
      price: {
        item_price: product.price,
        item_list_price: product.price,
        item_tax_lines: [{ amount: tax, rate: taxRate }],
      },
      shipping_type: 'in_store_handover' as const,
      ...(product.serialized ? { serial_number: `SN${String(i).padStart(12, '0')}` } : {}),
    };
  });
  return {
    external_id: `sale-${randomUUID()}`,
    store_id: DEMO_STORE.store_id,
    channel_type: 'store',
    currency: 'USD',
    price_method: 'tax_excluded',
    placed_at: '2026-11-27T10:00:00Z',
    items,
    payments: [{ method: 'cash', amount: totalOf(items) }],
    ...overrides,
  };
}
