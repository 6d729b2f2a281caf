/**
 * Picking, shipping and cancelling a fulfilment request. The same functions serve the HTTP
 * routes and the `fulfillment.pick` / `fulfillment.ship` sync mutations, inside the caller's
 * transaction, and check everything before their first write (a push keeps going after a
 * rejected mutation, so a refusal must leave nothing behind).
 *
 * A picked serial is registered in the serial registry like a checkout serial (`registerUnit`
 * with state `picked`): a serial already held — picked for another request, or sold — opens a
 * `duplicate` exception. Over the API a serial that fails the store's pattern is refused (422);
 * through sync it is kept with an `invalid_format` exception, as sales are (the device judged
 * it by the pattern it had). Shipping takes the request's serials out of the active registry.
 */
import { describeSerialRefusal } from '../../../src/domain/serial-validation.ts';
import type {
  CancelRequest,
  FulfillmentRequest,
  PickRequest,
  ShipmentRequest,
} from '../../../src/protocol/fulfillment.ts';
import type { ErrorDetail } from '../../../src/protocol/schemas.ts';
import { foundInStore, requireRole, type Caller } from '../auth.ts';
import type { StoreDb, Trx } from '../db/database.ts';
import type { FulfillmentItemsTable, FulfillmentRequestsTable } from '../db/tables.ts';
import { ApiError } from '../errors.ts';
import { Counters, nextValue } from './counters.ts';
import { readFulfillmentRequest } from './fulfillment.ts';
import { currentPattern, registerUnit } from './serial-registry.ts';
import { recordSerialEvent } from './serial-events.ts';

export interface FulfillmentContext {
  /** `sync` keeps a serial failing the pattern (with an exception) instead of refusing it. */
  source: 'api' | 'sync';
  deviceId: string | null;
}

const conflict = (code: string, message: string, details: ErrorDetail[] = []): ApiError =>
  new ApiError(409, code, message, details);

/** The request, locked on PostgreSQL so two devices' picks of one request run one at a time. */
async function lockRequest(
  trx: Trx,
  store: StoreDb,
  caller: Caller,
  id: string,
): Promise<FulfillmentRequestsTable> {
  let query = trx.selectFrom('fulfillment_requests').selectAll().where('id', '=', id);
  if (store.dialect === 'postgres') query = query.forUpdate();
  return foundInStore(caller, await query.executeTakeFirst(), `Fulfillment request ${id}`);
}

/** Cancelled and shipped requests take no more picks or shipments. */
function assertStillOpen(request: FulfillmentRequestsTable): void {
  if (request.state === 'cancelled') {
    throw conflict('request_cancelled', `Fulfillment request ${request.id} was cancelled.`);
  }
  if (request.state === 'shipped') {
    throw conflict('already_shipped', `Fulfillment request ${request.id} was already shipped.`);
  }
}

const itemsOf = (trx: Trx, requestId: string): Promise<FulfillmentItemsTable[]> =>
  trx
    .selectFrom('fulfillment_items')
    .selectAll()
    .where('request_id', '=', requestId)
    .orderBy('position')
    .execute();

interface PlannedPick {
  item: FulfillmentItemsTable;
  serial: string | null;
  index: number;
}

/** Records picked items (and/or completes picking); answers the request as it now stands. */
export async function pickFulfillmentRequest(
  trx: Trx,
  store: StoreDb,
  caller: Caller,
  id: string,
  body: PickRequest,
  context: FulfillmentContext,
): Promise<FulfillmentRequest> {
  const request = await lockRequest(trx, store, caller, id);
  assertStillOpen(request);
  if (body.items.length === 0 && body.complete !== true) {
    throw new ApiError(
      422,
      'invalid_pick',
      'Name at least one item to pick, or complete picking.',
      [{ field: 'items', message: 'is empty and complete is not true' }],
    );
  }
  const items = await itemsOf(trx, id);
  const byId = new Map(items.map((item) => [item.id, item]));
  const pattern = await currentPattern(trx, request.store_id);

  const invalid: ErrorDetail[] = [];
  const taken: ErrorDetail[] = [];
  const planned: PlannedPick[] = [];
  const seen = new Map<string, number>();
  body.items.forEach((pick, index) => {
    const field = `items[${index}]`;
    const item = byId.get(pick.id);
    if (item === undefined) {
      invalid.push({ field: `${field}.id`, message: `is not an item of request ${id}` });
      return;
    }
    const first = seen.get(pick.id);
    if (first !== undefined) {
      invalid.push({ field: `${field}.id`, message: `repeats items[${first}]` });
      return;
    }
    seen.set(pick.id, index);
    let serial: string | null = null;
    if (item.serialized === 1) {
      const verdict = pattern.validator.validate(pick.serial_number ?? '');
      serial = verdict.serial;
      if (serial === '') {
        invalid.push({
          field: `${field}.serial_number`,
          message: `is required: ${item.title} is serialized`,
        });
        return;
      }
      if (
        context.source === 'api' &&
        !verdict.ok &&
        verdict.reason !== 'pattern_unusable' &&
        item.picked === 0
      ) {
        invalid.push({
          field: `${field}.serial_number`,
          message: describeSerialRefusal(verdict) ?? 'is not a valid serial number',
        });
        return;
      }
    }
    if (item.picked === 1) {
      // The same pick again (a retry, or another device that saw the same unit) changes nothing.
      if (item.serial_number !== serial) {
        taken.push({
          field: `${field}.id`,
          message: `${item.title} (item ${item.id}) was already picked with serial ${item.serial_number ?? '(none)'}`,
        });
      }
      return;
    }
    planned.push({ item, serial, index });
  });
  if (invalid.length > 0) {
    throw new ApiError(422, 'invalid_pick', 'The pick is not valid.', invalid);
  }
  if (taken.length > 0) {
    const names = taken.map((detail) => detail.message).join('; ');
    throw conflict('already_picked', `Already picked on another device: ${names}.`, taken);
  }
  const unpicked = items.filter(
    (item) => item.picked === 0 && !planned.some((pick) => pick.item.id === item.id),
  );
  const completing = body.complete === true && request.state === 'open';
  if (completing && unpicked.length > 0) {
    throw new ApiError(
      422,
      'incomplete_pick',
      `Picking cannot be completed: ${unpicked.length} item(s) still to pick (${unpicked.map((item) => item.title).join(', ')}).`,
      unpicked.map((item) => ({ field: 'complete', message: `item ${item.id} is not picked` })),
    );
  }
  if (planned.length === 0 && !completing) return readFulfillmentRequest(trx, id);

  const now = new Date().toISOString();
  for (const { item, serial, index } of planned) {
    const capture = body.items[index]?.serial_capture;
    let unitId: string | null = null;
    if (serial !== null) {
      await registerUnit(
        trx,
        {
          id: request.order_id,
          store_id: request.store_id,
          associate_id: caller.userId,
          device_id: context.deviceId,
        },
        {
          id: item.order_item_id,
          product_id: item.product_id,
          shipping_type: request.shipping_type,
          serial_number: serial,
          serial_capture: capture,
        },
        serial,
        pattern,
        'picked',
      );
      const unit = await trx
        .selectFrom('serial_units')
        .select('id')
        .where('order_item_id', '=', item.order_item_id)
        .executeTakeFirst();
      unitId = unit?.id ?? null;
    }
    await trx
      .updateTable('fulfillment_items')
      .set({
        picked: 1,
        serial_number: serial,
        unit_id: unitId,
        picked_at: capture?.captured_at ?? now,
        picked_by: caller.userId,
        picked_device_id: context.deviceId,
      })
      .where('id', '=', item.id)
      .execute();
  }
  await trx
    .updateTable('fulfillment_requests')
    .set({
      updated_at: now,
      change_no: await nextValue(trx, Counters.fulfillmentChange),
      ...(completing ? { state: 'picked', picked_at: now } : {}),
    })
    .where('id', '=', id)
    .execute();
  return readFulfillmentRequest(trx, id);
}

/** Ships (or hands over for pick-up) a fully picked request; its serials leave the registry. */
export async function shipFulfillmentRequest(
  trx: Trx,
  store: StoreDb,
  caller: Caller,
  id: string,
  body: ShipmentRequest,
): Promise<FulfillmentRequest> {
  const request = await lockRequest(trx, store, caller, id);
  assertStillOpen(request);
  const items = await itemsOf(trx, id);
  const unpicked = items.filter((item) => item.picked === 0);
  if (unpicked.length > 0) {
    throw conflict(
      'not_picked',
      `Pick every item before shipping: ${unpicked.length} of ${items.length} still to pick (${unpicked.map((item) => item.title).join(', ')}).`,
      unpicked.map((item) => ({ field: 'items', message: `item ${item.id} is not picked` })),
    );
  }
  const now = new Date().toISOString();
  await trx
    .updateTable('fulfillment_requests')
    .set({
      state: 'shipped',
      shipped_at: now,
      picked_at: request.picked_at ?? now,
      tracking_code: body.tracking_code ?? null,
      carrier: body.carrier ?? null,
      closed_by: caller.userId ?? caller.displayName,
      updated_at: now,
      change_no: await nextValue(trx, Counters.fulfillmentChange),
    })
    .where('id', '=', id)
    .execute();
  await releaseUnits(trx, items, 'shipped', now);
  return readFulfillmentRequest(trx, id);
}

/** A manager cancels a request that was not shipped; its picked serials are freed (voided). */
export async function cancelFulfillmentRequest(
  trx: Trx,
  store: StoreDb,
  caller: Caller,
  id: string,
  body: CancelRequest,
): Promise<FulfillmentRequest> {
  requireRole(caller, 'manager');
  const request = await lockRequest(trx, store, caller, id);
  if (request.state === 'shipped') {
    throw conflict('already_shipped', `Fulfillment request ${id} was already shipped.`);
  }
  if (request.state === 'cancelled') return readFulfillmentRequest(trx, id);
  const now = new Date().toISOString();
  await trx
    .updateTable('fulfillment_requests')
    .set({
      state: 'cancelled',
      closed_by: caller.userId ?? caller.displayName,
      cancel_reason: body.reason ?? null,
      updated_at: now,
      change_no: await nextValue(trx, Counters.fulfillmentChange),
    })
    .where('id', '=', id)
    .execute();
  await releaseUnits(trx, await itemsOf(trx, id), 'voided', now);
  return readFulfillmentRequest(trx, id);
}

/** The picked units of these items leave the active registry; their rows stay as history. */
async function releaseUnits(
  trx: Trx,
  items: readonly FulfillmentItemsTable[],
  state: 'shipped' | 'voided',
  now: string,
): Promise<void> {
  const orderItemIds = items.filter((item) => item.picked === 1).map((item) => item.order_item_id);
  if (orderItemIds.length === 0) return;
  const units = await trx
    .updateTable('serial_units')
    .set({ state, active: 0, updated_at: now })
    .where('order_item_id', 'in', orderItemIds)
    .where('state', '=', 'picked')
    .returning(['id', 'product_id', 'serial_number', 'store_id', 'order_id'])
    .execute();
  for (const unit of units) {
    await recordSerialEvent(trx, {
      productId: unit.product_id,
      serialNumber: unit.serial_number,
      kind: state,
      storeId: unit.store_id,
      orderId: unit.order_id,
      unitId: unit.id,
      at: now,
    });
  }
}
