/**
 * `GET /v0/serials/{serial_number}`: where one serial stands. Finds every unit that carries
 * the serial now or carried it when captured (a correction moves it), inside the caller's
 * store unless the caller is an admin. Several products sharing the serial need `product_id`
 * (409 `ambiguous_serial` lists them); the answer is the unit holding it now (else the latest
 * one), its capture details, the open exceptions about it, and the whole history.
 */
import { cleanScannedText } from '../../../src/domain/serial-cleaning.ts';
import { warrantyEnd } from '../../../src/domain/store-history.ts';
import type { CaptureMethod } from '../../../src/protocol/schemas.ts';
import type { SerialLookup, SerialUnit } from '../../../src/protocol/serials.ts';
import type { Caller } from '../auth.ts';
import type { StoreDb } from '../db/database.ts';
import { ApiError, notFound } from '../errors.ts';
import {
  exceptionQuery,
  ORDER_SUMMARY_COLUMNS,
  orderSummary,
  toWireException,
} from './serial-exceptions.ts';
import { currentSerialState, serialEvents } from './serial-events.ts';
import { warrantyMonths } from './sync-pull.ts';

function unitQuery(store: StoreDb) {
  return store.db
    .selectFrom('serial_units as u')
    .innerJoin('orders as o', 'o.id', 'u.order_id')
    .select([
      'u.id',
      'u.product_id',
      'u.serial_number',
      'u.captured_serial_number',
      'u.state',
      'u.active',
      'u.store_id',
      'u.order_item_id',
      'u.capture_method',
      'u.capture_associate_id',
      'u.capture_device_id',
      'u.captured_at',
      'u.config_version',
      'u.created_at',
      ...ORDER_SUMMARY_COLUMNS,
    ]);
}

type UnitRow = Awaited<ReturnType<ReturnType<typeof unitQuery>['executeTakeFirstOrThrow']>>;

function toWireUnit(row: UnitRow, openUnitIds: ReadonlySet<string>): SerialUnit {
  return {
    unit_id: row.id,
    product_id: row.product_id,
    serial_number: row.serial_number,
    captured_serial_number: row.captured_serial_number,
    state: row.state === 'sold' && openUnitIds.has(row.id) ? 'exception' : row.state,
    active: Number(row.active) === 1,
    store_id: row.store_id,
    order: orderSummary(row),
    order_item_id: row.order_item_id,
    capture: {
      method: row.capture_method as CaptureMethod | null,
      associate_id: row.capture_associate_id,
      device_id: row.capture_device_id,
      captured_at: row.captured_at,
      config_version: row.config_version === null ? null : Number(row.config_version),
    },
    created_at: row.created_at,
  };
}

export async function lookupSerial(
  store: StoreDb,
  caller: Caller,
  rawSerial: string,
  productId: string | undefined,
): Promise<SerialLookup> {
  const serial = cleanScannedText(rawSerial).text;
  const storeId = caller.role === 'admin' ? null : caller.storeId;
  let query = unitQuery(store).where((eb) =>
    eb.or([eb('u.serial_number', '=', serial), eb('u.captured_serial_number', '=', serial)]),
  );
  if (storeId !== null) query = query.where('u.store_id', '=', storeId);
  if (productId !== undefined) query = query.where('u.product_id', '=', productId);
  const units = await query.orderBy('u.created_at').orderBy('u.id').execute();
  if (units.length === 0 || serial === '') throw notFound(`Serial ${serial}`);

  const products = [...new Set(units.map((unit) => unit.product_id))].sort();
  if (products.length > 1) {
    throw new ApiError(
      409,
      'ambiguous_serial',
      `Serial ${serial} is recorded for ${products.length} products; name one with product_id.`,
      [{ field: 'product_id', message: `is required: one of ${products.join(', ')}` }],
      { product_ids: products },
    );
  }
  const product = products[0] ?? '';

  let exceptions = exceptionQuery(store.db)
    .where('e.state', '=', 'open')
    .where('e.product_id', '=', product)
    .where((eb) =>
      eb.or([
        eb('e.serial_number', '=', serial),
        eb(
          'e.unit_id',
          'in',
          units.map((unit) => unit.id),
        ),
      ]),
    );
  if (storeId !== null) exceptions = exceptions.where('e.store_id', '=', storeId);
  const open = (await exceptions.orderBy('e.change_no').execute()).map((row) =>
    toWireException(row, storeId === null),
  );
  const openUnitIds = new Set(
    (
      await store.db
        .selectFrom('serial_exceptions')
        .select('unit_id')
        .where('state', '=', 'open')
        .where(
          'unit_id',
          'in',
          units.map((unit) => unit.id),
        )
        .execute()
    ).map((row) => row.unit_id ?? ''),
  );

  const history = units.map((unit) => toWireUnit(unit, openUnitIds));
  // The unit holding the serial now; else the latest that carries it; else the latest of all.
  const current =
    history.find((unit) => unit.active && unit.serial_number === serial) ??
    history.findLast((unit) => unit.serial_number === serial) ??
    history.at(-1);
  if (current === undefined) throw notFound(`Serial ${serial}`);
  const productRow = await store.db
    .selectFrom('products')
    .select(['title', 'attributes_json'])
    .where('product_id', '=', product)
    .executeTakeFirst();
  const events = (await serialEvents(store.db, serial, product)).map((event) => {
    const mine = storeId === null || event.store_id === storeId;
    return {
      kind: event.kind,
      at: event.at,
      this_store: mine,
      store_id: mine ? event.store_id : null,
      device_id: mine ? event.device_id : null,
      associate_id: mine ? event.associate_id : null,
      order_id: mine ? event.order_id : null,
      return_id: mine ? event.return_id : null,
      details: mine ? (JSON.parse(event.details_json) as Record<string, unknown>) : {},
    };
  });
  const months = productRow === undefined ? null : warrantyMonths(productRow.attributes_json);
  const lastSale = events.findLast((event) => event.kind === 'sold' || event.kind === 'picked');
  return {
    ...current,
    product_title: productRow?.title ?? null,
    open_exceptions: open,
    history,
    lifecycle_state: (await currentSerialState(store.db, product, serial))?.state ?? null,
    events,
    warranty_months: months,
    warranty_ends_on: lastSale === undefined ? null : warrantyEnd(lastSale.at, months),
  };
}
