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
import { planPick } from './pick-plan.ts';
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

/**
 * Records picked items (and/or completes picking); answers the request as it now stands. The
 * picker and their device are the caller's, whatever a serial's capture says (an admin, an
 * integration, is believed).
 */
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
  const items = await itemsOf(trx, id);
  const pattern = await currentPattern(trx, request.store_id);
  const { planned, completing } = planPick({
    requestId: id,
    state: request.state,
    items,
    body,
    validator: pattern.validator,
    source: context.source,
  });
  if (planned.length === 0 && !completing) return readFulfillmentRequest(trx, id);

  const now = new Date().toISOString();
  const picker = { associate_id: caller.userId, device_id: context.deviceId };
  for (const { item, serial, index } of planned) {
    const sent = body.items[index]?.serial_capture;
    const capture =
      sent === undefined || caller.role === 'admin'
        ? sent
        : {
            ...sent,
            ...(picker.associate_id === null ? {} : { associate_id: picker.associate_id }),
            ...(picker.device_id === null ? {} : { device_id: picker.device_id }),
          };
    const unitId =
      serial === null
        ? null
        : (
            await registerUnit(
              trx,
              { id: request.order_id, store_id: request.store_id, ...picker },
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
            )
          ).unitId;
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
