/**
 * A by-hand measurement (not a test, not the bench suite): starts the real server on a temp
 * SQLite file, then over HTTP (1) pushes sales through /v0/sync/push in batches and reports
 * orders per second, and (2) imports a generated catalog in 10 000-item batches and reports
 * how long it took, then (3) pulls the whole catalog in 5000-product pages. Numbers vary
 * with the machine; DESIGN §8 asks for ≥ 500 orders/s on SQLite.
 *
 * Run: node --import tsx server/scripts/ingest-probe.ts [orders=5000] [batch=50] [products=100000]
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gs1CheckDigit } from '../../src/domain/gtin.ts';
import { DEMO_PRODUCTS } from '../src/seed/demo-catalog.ts';
import { startServer } from '../src/server.ts';
import { PROTOCOL_VERSION } from '../../src/protocol/wire-constants.ts';

const [orders = 5000, batch = 50, products = 100_000] = process.argv.slice(2).map(Number);
const ADMIN = 'probe-admin-token';

const dir = mkdtempSync(join(tmpdir(), 'aisle-probe-'));
// DATABASE_URL may point at an EMPTY PostgreSQL database to measure that dialect instead.
const databaseUrl = process.env.DATABASE_URL ?? `sqlite:${join(dir, 'probe.sqlite')}`;
const server = await startServer({ databaseUrl, adminToken: ADMIN, demo: true });

async function post(path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${ADMIN}` },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (!response.ok)
    throw new Error(`${path} → ${response.status} ${JSON.stringify(json).slice(0, 300)}`);
  return json;
}

function sale(n: number): unknown {
  const items = [0, 15, 20].map((index, i) => {
    const product = DEMO_PRODUCTS[index]!;
    return {
      external_item_id: String(i + 1),
      product_id: product.product_id,
      price: {
        item_price: product.price,
        item_tax_lines: [{ amount: Math.round(product.price * 8) / 100, rate: 0.08 }],
      },
      shipping_type: 'in_store_handover',
      ...(product.serialized ? { serial_number: `SN${String(n).padStart(12, '0')}` } : {}),
    };
  });
  return {
    external_id: `probe-${n}`,
    store_id: 'demo-store',
    currency: 'USD',
    items,
    payments: [{ method: 'card', amount: 1 }],
  };
}

try {
  const device = await post('/v0/devices', { store_id: 'demo-store', name: 'probe' });
  let seq = 0;
  const pushStart = performance.now();
  while (seq < orders) {
    const mutations = [];
    for (let i = 0; i < batch && seq < orders; i += 1) {
      seq += 1;
      mutations.push({ seq, id: randomUUID(), type: 'order.create', payload: sale(seq) });
    }
    const reply = await post('/v0/sync/push', {
      device_id: device.device_id,
      protocol_version: PROTOCOL_VERSION,
      mutations,
    });
    if (reply.last_applied_seq !== seq)
      throw new Error(`push stopped at ${String(reply.last_applied_seq)}`);
  }
  const pushSeconds = (performance.now() - pushStart) / 1000;
  console.log(
    `push: ${orders} orders (3 items each) in batches of ${batch}: ${pushSeconds.toFixed(2)} s = ${Math.round(orders / pushSeconds)} orders/s`,
  );

  const importStart = performance.now();
  for (let start = 0; start < products; start += 10_000) {
    const items = [];
    for (let i = start; i < Math.min(products, start + 10_000); i += 1) {
      const body = `2${String(i).padStart(11, '0')}`;
      items.push({
        product_id: `probe-${i}`,
        title: `Probe product ${i}`,
        brand: 'Probe',
        external_identifiers: [
          { type: 'ean13', value: `${body}${gs1CheckDigit(body)}` },
          { type: 'sku', value: `PRB-${i}` },
        ],
        serialized_inventory: i % 10 === 0,
      });
    }
    await post('/v0/d/import', { entity: 'products', mode: 'partial', head: {}, items });
  }
  const importSeconds = (performance.now() - importStart) / 1000;
  console.log(`import: ${products} products in batches of 10 000: ${importSeconds.toFixed(2)} s`);

  const pullStart = performance.now();
  let cursor = '';
  let pulled = 0;
  for (;;) {
    const response = await fetch(
      `${server.url}/v0/sync/pull?store_id=demo-store&limit=5000&since=${cursor}`,
      {
        headers: { authorization: `Bearer ${ADMIN}` },
      },
    );
    const page = (await response.json()) as {
      products: unknown[];
      next_cursor: string;
      has_more: boolean;
    };
    pulled += page.products.length;
    cursor = page.next_cursor;
    if (!page.has_more) break;
  }
  const pullSeconds = (performance.now() - pullStart) / 1000;
  console.log(`pull: ${pulled} products in pages of 5000: ${pullSeconds.toFixed(2)} s`);
} finally {
  await server.close();
  rmSync(dir, { recursive: true, force: true });
}
