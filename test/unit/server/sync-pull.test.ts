// GET /v0/sync/pull: resumable catalog pages, progress counts, configuration changes.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PullResponse } from '../../../src/protocol/sync-protocol.ts';
import { DEMO_PRODUCTS, DEMO_SERIAL_REGEX } from '../../../server/src/seed/demo-catalog.ts';
import { demoProduct, startTestApp, type TestApp } from './support.ts';

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

const pull = (query: string, token = t.tokens.associate) =>
  t.call<PullResponse & { error?: string }>('GET', `/v0/sync/pull?${query}`, { token });

describe('GET /v0/sync/pull', () => {
  it('pages the whole catalog with prices, counts what remains, and resumes from any cursor', async () => {
    const total = DEMO_PRODUCTS.length;
    const page1 = await pull('limit=20');
    expect(page1.status).toBe(200);
    expect(page1.body.products).toHaveLength(20);
    expect(page1.body.catalog_remaining).toBe(total - 20);
    expect(page1.body.has_more).toBe(true);

    const page2 = await pull(`limit=20&since=${page1.body.next_cursor}`);
    expect(page2.body.catalog_remaining).toBe(total - 40);
    const page3 = await pull(`limit=20&since=${page2.body.next_cursor}`);
    expect(page3.body.products).toHaveLength(total - 40);
    expect(page3.body.catalog_remaining).toBe(0);
    expect(page3.body.has_more).toBe(false);

    // A device that lost page 3 asks again from the same cursor and gets the same page.
    const retry = await pull(`limit=20&since=${page2.body.next_cursor}`);
    expect(retry.body.products).toEqual(page3.body.products);

    const all = [...page1.body.products, ...page2.body.products, ...page3.body.products];
    expect(new Set(all.map((p) => p.product_id)).size).toBe(total);
    const phone = all.find((p) => p.product_id === demoProduct(0).product_id);
    expect(phone).toMatchObject({
      price: demoProduct(0).price,
      serialized_inventory: true,
      deleted: false,
      external_identifiers: [
        { type: 'ean13', value: demoProduct(0).barcode },
        { type: 'sku', value: demoProduct(0).sku },
      ],
    });

    const idle = await pull(`since=${page3.body.next_cursor}`);
    expect(idle.body).toMatchObject({
      products: [],
      catalog_remaining: 0,
      has_more: false,
      config: null,
    });
  });

  it('sends the configuration on first pull and again only after it changed', async () => {
    const first = await pull('limit=5000');
    expect(first.body.config).toMatchObject({
      source: 'global',
      config: {
        capabilities: { serialized_inventory: { serial_number_regex: DEMO_SERIAL_REGEX } },
      },
    });
    const quiet = await pull(`since=${first.body.next_cursor}`);
    expect(quiet.body.config).toBeNull();

    const put = await t.call('PUT', '/v0/stores/demo-store/associate-app/config', {
      token: t.tokens.manager,
      body: { capabilities: { serialized_inventory: { serial_number_regex: '^[0-9]{10}$' } } },
    });
    expect(put.status).toBe(200);
    const changed = await pull(`since=${quiet.body.next_cursor}`);
    expect(changed.body.config).toMatchObject({
      source: 'store',
      config: { capabilities: { serialized_inventory: { serial_number_regex: '^[0-9]{10}$' } } },
    });
    expect(changed.body.config!.version).toBeGreaterThan(first.body.config!.version);

    // Removing the override falls back to the global document under a newer version.
    await t.call('DELETE', '/v0/stores/demo-store/associate-app/config', {
      token: t.tokens.manager,
    });
    const fallback = await pull(`since=${changed.body.next_cursor}`);
    expect(fallback.body.config).toMatchObject({
      source: 'global',
      config: {
        capabilities: { serialized_inventory: { serial_number_regex: DEMO_SERIAL_REGEX } },
      },
    });
    expect(fallback.body.config!.version).toBeGreaterThan(changed.body.config!.version);
  });

  it('reports the device last applied seq and keeps devices to their store', async () => {
    const device = await t.call<{ device_id: string }>('POST', '/v0/devices', {
      token: t.tokens.associate,
      body: { store_id: 'demo-store' },
    });
    const reply = await pull(`device_id=${device.body.device_id}&limit=1`);
    expect(reply.body.last_applied_seq).toBe(0);
    expect(reply.body.fulfillment_requests).toEqual([]);
    expect(reply.body.serial_exceptions).toEqual([]);
    expect((await pull(`device_id=${device.body.device_id}`, t.tokens.otherAssociate)).status).toBe(
      403,
    );
    expect((await pull(`device_id=${randomUUID()}`)).status).toBe(404);
  });

  it.each([
    ['not base64', 'since=%2A%2A%2A'],
    ['not JSON', `since=${Buffer.from('hello').toString('base64url')}`],
    [
      'wrong fields',
      `since=${Buffer.from(JSON.stringify({ c: -1, p: '', v: 0 })).toString('base64url')}`,
    ],
  ])('refuses a malformed cursor (%s) with 400 invalid_cursor', async (_name, query) => {
    const reply = await pull(query);
    expect(reply.status).toBe(400);
    expect(reply.body.error).toBe('invalid_cursor');
  });

  it('refuses a limit beyond 5000', async () => {
    const reply = await pull('limit=5001');
    expect(reply.status).toBe(400);
  });
});
