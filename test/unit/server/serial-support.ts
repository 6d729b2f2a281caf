/**
 * Helpers for the serial registry tests: sales with chosen serials and shipping types,
 * registered devices, pushes, and direct reads of the registry tables underneath.
 */
import { randomUUID } from 'node:crypto';
import { expect } from 'vitest';
import type { OrderCreated, OrderRequest, ShippingType } from '../../../src/protocol/schemas.ts';
import type { SerialException } from '../../../src/protocol/serials.ts';
import type { Mutation, PushResponse } from '../../../src/protocol/sync-protocol.ts';
import { demoOrder, demoProduct, type TestApp } from './support.ts';
import { PROTOCOL_VERSION } from '../../../src/protocol/wire-constants.ts';

/** A fresh serial the demo pattern `^[A-Z0-9]{14}$` accepts. */
export const freshSerial = (): string =>
  `SN${randomUUID().replaceAll('-', '').slice(0, 12).toUpperCase()}`;

export interface UnitSpec {
  /** Index into DEMO_PRODUCTS (0–11 serialized, 15 not). */
  product?: number;
  serial?: string;
  shipping?: ShippingType;
  method?: 'camera' | 'scanner' | 'typed';
}

/** A demo-store sale with one item per unit spec. */
export function serialSale(units: UnitSpec[], overrides: Partial<OrderRequest> = {}): OrderRequest {
  const base = demoOrder(
    overrides,
    units.map((unit) => unit.product ?? 0),
  );
  base.items = base.items.map((item, i) => {
    const unit = units[i] ?? {};
    const { serial_number: _dropped, ...rest } = item;
    return {
      ...rest,
      shipping_type: unit.shipping ?? 'in_store_handover',
      ...(unit.serial === undefined ? {} : { serial_number: unit.serial }),
      ...(unit.serial === undefined || unit.method === undefined
        ? {}
        : {
            // Who captured it is recorded from the token, not from the capture.
            serial_capture: {
              method: unit.method,
              captured_at: '2026-11-27T10:00:00.000Z',
              config_version: 3,
            },
          }),
    };
  });
  return base;
}

export async function inject(t: TestApp, order: OrderRequest, token = t.tokens.associate) {
  return t.call<OrderCreated>('POST', '/v0/d/fulfill_order', { token, body: order });
}

export async function newDevice(t: TestApp, token = t.tokens.associate): Promise<string> {
  const reply = await t.call<{ device_id: string }>('POST', '/v0/devices', {
    token,
    body: { store_id: 'demo-store', name: 'Till' },
  });
  expect(reply.status).toBe(201);
  return reply.body.device_id;
}

export const mutation = (seq: number, type: string, payload: unknown): Mutation => ({
  seq,
  id: randomUUID(),
  type,
  payload,
});

export async function push(t: TestApp, deviceId: string, mutations: Mutation[], token?: string) {
  return t.call<PushResponse>('POST', '/v0/sync/push', {
    token: token ?? t.tokens.associate,
    body: { device_id: deviceId, protocol_version: PROTOCOL_VERSION, mutations },
  });
}

/** The exceptions of one order (as the later sale), straight from the table. */
export async function exceptionsOf(t: TestApp, orderId: string) {
  return t.app.storeDb.db
    .selectFrom('serial_exceptions')
    .selectAll()
    .where('order_id', '=', orderId)
    .orderBy('change_no')
    .execute();
}

export async function unitsWithSerial(t: TestApp, serial: string) {
  return t.app.storeDb.db
    .selectFrom('serial_units')
    .selectAll()
    .where('serial_number', '=', serial)
    .orderBy('created_at')
    .execute();
}

export async function openExceptions(t: TestApp): Promise<SerialException[]> {
  const reply = await t.call<{ serial_exceptions: SerialException[] }>(
    'GET',
    '/v0/serial-exceptions?state=open',
    { token: t.tokens.manager },
  );
  expect(reply.status).toBe(200);
  return reply.body.serial_exceptions;
}

export const productId = (index: number): string => demoProduct(index).product_id;
