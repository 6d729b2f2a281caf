// @vitest-environment happy-dom
import 'fake-indexeddb/auto';
import { LitElement, html } from 'lit';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LiveQueryController } from '../../../src/controllers/live-query-controller.ts';
import type { OpenCart } from '../../../src/data/cart-repository.ts';
import { AisleDb } from '../../../src/data/db.ts';
import { createRepositories, type Repositories } from '../../../src/data/repositories.ts';
import type { ProductRecord } from '../../../src/data/types.ts';
import { minor } from '../../../src/domain/money.ts';

const NOW = '2026-11-27T10:00:00.000Z';
const product = (id: string): ProductRecord => ({
  productId: id,
  title: id,
  brand: null,
  serialized: false,
  price: minor(100),
  identifiers: [],
  lookupKeys: [],
});

/** A host that shows the device's cart as "product×quantity" text. */
class LiveCartHost extends LitElement {
  repos?: Repositories;
  deviceId = 'device-a';
  readonly cart = new LiveQueryController(this, {
    args: () => (this.repos === undefined ? undefined : ([this.repos, this.deviceId] as const)),
    query: (repos, deviceId) => repos.carts.current(deviceId),
  });

  override render() {
    return html`${this.cart.render({
      pending: () => 'pending',
      complete: (open: OpenCart) =>
        open.lines.map((line) => `${line.productId}×${line.quantity}`).join(',') || 'empty',
    })}`;
  }
}
customElements.define('live-cart-host', LiveCartHost);

let db: AisleDb;
let repos: Repositories;
let host: LiveCartHost;

const shown = () => host.shadowRoot?.textContent?.trim();

beforeEach(async () => {
  db = new AisleDb(`live-${crypto.randomUUID()}`);
  await db.open();
  repos = createRepositories(db);
  host = document.createElement('live-cart-host') as LiveCartHost;
});

afterEach(async () => {
  host.remove();
  await db.delete();
});

describe('LiveQueryController', () => {
  it('waits for its arguments, then follows every write to the tables it read', async () => {
    document.body.append(host);
    await host.updateComplete;
    expect(shown()).toBe('pending');

    host.repos = repos;
    host.requestUpdate();
    await vi.waitFor(() => expect(shown()).toBe('empty'));

    await repos.carts.addProduct('device-a', product('cola'), NOW);
    await vi.waitFor(() => expect(shown()).toBe('cola×1'));
    await repos.carts.addProduct('device-a', product('cola'), NOW);
    await repos.carts.addProduct('device-a', product('gum'), NOW);
    await vi.waitFor(() => expect(shown()).toBe('cola×2,gum×1'));
  });

  it('re-subscribes when an argument changes', async () => {
    await repos.carts.addProduct('device-b', product('tea'), NOW);
    host.repos = repos;
    document.body.append(host);
    await vi.waitFor(() => expect(shown()).toBe('empty'));
    host.deviceId = 'device-b';
    host.requestUpdate();
    await vi.waitFor(() => expect(shown()).toBe('tea×1'));
  });

  it('shows a preview at once and lets the next stored value replace it', async () => {
    host.repos = repos;
    document.body.append(host);
    await vi.waitFor(() => expect(shown()).toBe('empty'));
    const line = await repos.carts.addProduct('device-a', product('cola'), NOW);
    await vi.waitFor(() => expect(shown()).toBe('cola×1'));
    host.cart.preview((current) => ({
      cart: current?.cart ?? null,
      lines: [{ ...line, productId: 'preview', quantity: 5 }],
    }));
    await host.updateComplete;
    expect(shown()).toBe('preview×5');
    await repos.carts.addProduct('device-a', product('gum'), NOW);
    await vi.waitFor(() => expect(shown()).toBe('cola×1,gum×1'));
  });

  it('stops listening when the host leaves the page', async () => {
    host.repos = repos;
    document.body.append(host);
    await vi.waitFor(() => expect(shown()).toBe('empty'));
    // A second host still on the page: the positive signal that the write was observed.
    const witness = document.createElement('live-cart-host') as LiveCartHost;
    witness.repos = repos;
    document.body.append(witness);
    const witnessed = () => witness.shadowRoot?.textContent?.trim();
    await vi.waitFor(() => expect(witnessed()).toBe('empty'));
    host.remove();
    await repos.carts.addProduct('device-a', product('cola'), NOW);
    await vi.waitFor(() => expect(witnessed()).toBe('cola×1'));
    await witness.updateComplete;
    expect(host.cart.value?.lines).toEqual([]);
    witness.remove();
  });
});
