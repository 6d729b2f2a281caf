/**
 * Returns (DESIGN §10.1–§10.2): `createReturn` is the one way a return enters the database —
 * from `POST /v0/d/orders/{order_id}/returns`, `POST /v0/d/returns` (blind) and the
 * `order.return` sync mutation. Idempotent on (store, x_external_id) by a hash of the body.
 *
 * On the API every rule refuses with a 4xx naming the item, and nothing is written. From a
 * device the money already left the till: a unit returned twice (two offline tills), a refund
 * above what was paid, a split without approval or an approval by someone who is not a
 * manager of the store KEEP the return and flag it — `duplicate_return` opens a serial
 * exception for the manager's Exceptions screen. A serial other than the one sold is refused
 * on both paths (the device checks it before paying out), as is a return of an unknown order.
 *
 * Each returned serialized unit moves on in the registry in the same transaction: resellable
 * → `returned` (leaves the active registry: it sells again with no exception), damaged or
 * defective → `quarantined` (stays active: a sale of it opens `quarantined_unit`).
 */
import { addMinor, fromDecimal, minor, toDecimal, type Minor } from '../../../src/domain/money.ts';
import { checkRefunds, unitPaid, type TenderAmount } from '../../../src/domain/refund.ts';
import { cleanScannedText } from '../../../src/domain/serial-cleaning.ts';
import type {
  Approval,
  BlindReturnRequest,
  Refund,
  ReturnRecord,
  ReturnRequest,
} from '../../../src/protocol/returns.ts';
import type { ErrorDetail, Payment } from '../../../src/protocol/schemas.ts';
import type { ReturnCondition } from '../../../src/protocol/wire-constants.ts';
import { newId } from '../auth.ts';
import type { StoreDb, Trx } from '../db/database.ts';
import type { OrderItemsTable, ReturnItemsTable, ReturnsTable } from '../db/tables.ts';
import { ApiError, notFound } from '../errors.ts';
import { contentHash } from './canonical.ts';
import { Counters, nextValue } from './counters.ts';
import { currentSerialState, recordSerialEvent } from './serial-events.ts';
import { openException } from './serial-registry.ts';
import { placeInShift } from './shifts.ts';

export interface ReturnContext {
  /** `sync` keeps what a device already paid out and flags it; `api` refuses. */
  source: 'api' | 'sync';
  storeId: string;
  deviceId: string | null;
  associateId: string | null;
  /**
   * PostgreSQL locks the order row (FOR NO KEY UPDATE), so concurrent returns of one order see
   * each other; not FOR UPDATE, which would block a concurrent sale's exception that merely
   * references the order (FOR KEY SHARE) while holding a counter the return needs: deadlock.
   */
  dialect: StoreDb['dialect'];
}

export type ReturnInput =
  | { kind: 'order'; orderKey: string; body: ReturnRequest }
  | { kind: 'blind'; body: BlindReturnRequest };

export interface ReturnOutcome {
  created: boolean;
  record: ReturnRecord;
}

interface Flag {
  kind: string;
  message: string;
  item_id: string | null;
}

const invalid = (code: string, message: string, details: ErrorDetail[]): ApiError =>
  new ApiError(422, code, message, details);

const tenderOf = (payment: Payment | Refund, currency: string): TenderAmount => ({
  method: payment.method,
  reference: payment.method === 'cash' ? null : (payment.reference ?? null),
  amount: fromDecimal(payment.amount, currency),
});

const sameSerial = (a: string, b: string): boolean =>
  cleanScannedText(a).text === cleanScannedText(b).text;

/** The serial state a returned unit takes. */
const stateAfterReturn = (condition: ReturnCondition): 'returned' | 'quarantined' =>
  condition === 'resellable' ? 'returned' : 'quarantined';

async function findOrderRow(trx: Trx, storeId: string, key: string, dialect: StoreDb['dialect']) {
  const find = (column: 'id' | 'external_id') => {
    const query = trx
      .selectFrom('orders')
      .selectAll()
      .where('store_id', '=', storeId)
      .where(column, '=', key);
    return (dialect === 'postgres' ? query.forNoKeyUpdate() : query).executeTakeFirst();
  };
  return (await find('id')) ?? (await find('external_id'));
}

/** Whether the approving user is a manager (or admin) of the store. */
async function validApprover(trx: Trx, storeId: string, approval: Approval): Promise<boolean> {
  const user = await trx
    .selectFrom('users')
    .select(['role', 'store_id'])
    .where('user_id', '=', approval.manager_id)
    .executeTakeFirst();
  if (user === undefined) return false;
  if (user.role === 'admin') return true;
  return user.role === 'manager' && user.store_id === storeId;
}

/** The order items an earlier return took back, with that return's id. */
async function returnedBefore(trx: Trx, orderId: string): Promise<Map<string, string>> {
  const rows = await trx
    .selectFrom('return_items as ri')
    .innerJoin('returns as r', 'r.id', 'ri.return_id')
    .select(['ri.order_item_id', 'r.id'])
    .where('r.order_id', '=', orderId)
    .orderBy('r.history_change')
    .execute();
  const taken = new Map<string, string>();
  for (const row of rows) {
    if (row.order_item_id !== null && !taken.has(row.order_item_id))
      taken.set(row.order_item_id, row.id);
  }
  return taken;
}

async function refundsBefore(trx: Trx, orderId: string, currency: string): Promise<TenderAmount[]> {
  const rows = await trx
    .selectFrom('returns')
    .select('refunds_json')
    .where('order_id', '=', orderId)
    .execute();
  return rows.flatMap((row) =>
    (JSON.parse(row.refunds_json) as Refund[]).map((r) => tenderOf(r, currency)),
  );
}

interface PlannedItem {
  orderItem: OrderItemsTable | null;
  productId: string;
  serial: string | null;
  condition: ReturnCondition;
  reason: string;
  refund: Minor;
  /** The return that already took this unit back (a device's duplicate). */
  duplicateOf: string | null;
}

/** Moves a returned unit on in the registry and writes its event. */
async function moveUnit(
  trx: Trx,
  item: PlannedItem,
  returnId: string,
  context: ReturnContext,
  now: string,
): Promise<string | null> {
  if (item.serial === null) return null;
  const state = stateAfterReturn(item.condition);
  const unit =
    item.orderItem === null
      ? await trx
          .selectFrom('serial_units')
          .select(['id', 'active', 'state'])
          .where('product_id', '=', item.productId)
          .where('serial_number', '=', item.serial)
          .where('active', '=', 1)
          .executeTakeFirst()
      : await trx
          .selectFrom('serial_units')
          .select(['id', 'active', 'state'])
          .where('order_item_id', '=', item.orderItem.id)
          .executeTakeFirst();
  // The unit of this sale leaves the active registry (resellable) or stays holding the serial
  // in quarantine; a unit that did not hold it (a duplicate sale) only gets its event.
  if (unit !== undefined && unit.active === 1) {
    await trx
      .updateTable('serial_units')
      .set({ state, active: state === 'returned' ? 0 : 1, updated_at: now })
      .where('id', '=', unit.id)
      .execute();
  }
  await recordSerialEvent(trx, {
    productId: item.productId,
    serialNumber: item.serial,
    kind: state,
    storeId: context.storeId,
    deviceId: context.deviceId,
    associateId: context.associateId,
    orderId: item.orderItem?.order_id ?? null,
    returnId,
    unitId: unit?.id ?? null,
    details: { condition: item.condition, reason: item.reason },
    at: now,
  });
  return state;
}

async function storedRecord(trx: Trx | StoreDb['db'], row: ReturnsTable): Promise<ReturnRecord> {
  const items = await trx
    .selectFrom('return_items as ri')
    .leftJoin('order_items as oi', 'oi.id', 'ri.order_item_id')
    .select([
      'ri.order_item_id',
      'oi.external_item_id',
      'ri.product_id',
      'ri.serial_number',
      'ri.condition',
      'ri.reason',
      'ri.refund_minor',
      'ri.serial_state',
    ])
    .where('ri.return_id', '=', row.id)
    .orderBy('ri.position')
    .execute();
  const order =
    row.order_id === null
      ? undefined
      : await trx
          .selectFrom('orders')
          .select('external_id')
          .where('id', '=', row.order_id)
          .executeTakeFirst();
  const decimal = (value: number): number => toDecimal(minor(Number(value)), row.currency);
  return {
    id: row.id,
    order_id: row.order_id,
    order_external_id: order?.external_id ?? null,
    x_external_id: row.x_external_id,
    store_id: row.store_id,
    returned_at: row.returned_at,
    associate_id: row.associate_id,
    device_id: row.device_id,
    currency: row.currency,
    items: items.map((item) => ({
      item_id: item.order_item_id,
      external_item_id: item.external_item_id ?? null,
      product_id: item.product_id,
      serial_number: item.serial_number,
      condition: item.condition as ReturnCondition,
      reason: item.reason,
      refund_amount: decimal(item.refund_minor),
      serial_state: item.serial_state,
    })),
    refund_amount: decimal(row.refund_minor),
    refunds: JSON.parse(row.refunds_json) as Refund[],
    approval: row.approval_json === null ? null : (JSON.parse(row.approval_json) as Approval),
    shift_id: row.shift_id,
    flags: JSON.parse(row.flags_json) as Flag[],
  };
}

/** Plans an order return: resolves every item, checks serials and what was returned before. */
async function planOrderReturn(
  trx: Trx,
  order: { id: string; currency: string; price_method: string },
  body: ReturnRequest,
  context: ReturnContext,
  flags: Flag[],
): Promise<{ items: PlannedItem[]; paid: Minor }> {
  const orderItems = await trx
    .selectFrom('order_items')
    .selectAll()
    .where('order_id', '=', order.id)
    .execute();
  const byId = new Map(orderItems.map((item) => [item.id, item]));
  const byExternal = new Map(orderItems.map((item) => [item.external_item_id, item]));
  const taken = await returnedBefore(trx, order.id);
  const priceMethod = order.price_method === 'tax_included' ? 'tax_included' : 'tax_excluded';
  const unknown: ErrorDetail[] = [];
  const mismatched: ErrorDetail[] = [];
  const already: ErrorDetail[] = [];
  const items: PlannedItem[] = [];
  const seen = new Set<string>();
  body.items.forEach((requested, i) => {
    const item = byId.get(requested.item_id) ?? byExternal.get(requested.item_id);
    if (item === undefined || seen.has(item.id)) {
      unknown.push({
        field: `items[${i}].item_id`,
        message: item === undefined ? 'is not an item of this order' : 'is named twice',
      });
      return;
    }
    seen.add(item.id);
    const sold = item.serial_number;
    if (sold !== null && item.shipping_type === 'in_store_handover') {
      if (requested.serial_number === undefined || !sameSerial(requested.serial_number, sold)) {
        mismatched.push({
          field: `items[${i}].serial_number`,
          message:
            requested.serial_number === undefined
              ? `is required: the unit was sold with serial ${sold}`
              : `is not the serial this unit was sold with (${sold})`,
        });
        return;
      }
    }
    const duplicateOf = taken.get(item.id) ?? null;
    if (duplicateOf !== null) {
      already.push({
        field: `items[${i}].item_id`,
        message: `was already returned (return ${duplicateOf})`,
      });
    }
    items.push({
      orderItem: item,
      productId: item.product_id,
      serial: sold === null ? null : cleanScannedText(sold).text,
      condition: requested.condition,
      reason: requested.reason,
      refund: unitPaid(
        { price: minor(item.item_price_minor), tax: minor(item.tax_minor) },
        priceMethod,
      ),
      duplicateOf,
    });
  });
  if (unknown.length > 0)
    throw invalid('unknown_item', 'The return names items the order does not hold.', unknown);
  if (mismatched.length > 0) {
    throw invalid(
      'serial_mismatch',
      'A unit is returned with another serial than it was sold with.',
      mismatched,
    );
  }
  if (already.length > 0) {
    if (context.source === 'api') {
      throw new ApiError(
        409,
        'item_already_returned',
        'A unit of this return was already returned.',
        already,
      );
    }
    for (const item of items.filter((entry) => entry.duplicateOf !== null)) {
      flags.push({
        kind: 'duplicate_return',
        message: `This unit was already returned (return ${item.duplicateOf ?? ''}); both refunds were paid.`,
        item_id: item.orderItem?.id ?? null,
      });
    }
  }
  return { items, paid: addMinor(...items.map((item) => item.refund)) };
}

export async function createReturn(
  trx: Trx,
  input: ReturnInput,
  context: ReturnContext,
): Promise<ReturnOutcome> {
  const { body } = input;
  if (body.returned_from !== context.storeId) {
    throw new ApiError(
      403,
      'forbidden',
      `This return is for ${body.returned_from}, not ${context.storeId}.`,
      [{ field: 'returned_from', message: 'is not the store of this caller' }],
    );
  }
  const hash = contentHash(input.kind === 'order' ? { order: input.orderKey, body } : { body });
  const existing = await trx
    .selectFrom('returns')
    .selectAll()
    .where('store_id', '=', context.storeId)
    .where('x_external_id', '=', body.x_external_id)
    .executeTakeFirst();
  if (existing !== undefined) {
    if (existing.content_hash !== hash) {
      throw new ApiError(
        409,
        'same_return_with_different_data',
        `Return ${body.x_external_id} was already recorded with different data.`,
        [{ field: 'x_external_id', message: 'already used by a return with other content' }],
      );
    }
    return { created: false, record: await storedRecord(trx, existing) };
  }

  const flags: Flag[] = [];
  let orderId: string | null = null;
  let currency: string;
  let items: PlannedItem[];
  let paid: Minor;
  let paidTenders: TenderAmount[] = [];
  let refundedBefore: TenderAmount[] = [];
  if (input.kind === 'order') {
    const order = await findOrderRow(trx, context.storeId, input.orderKey, context.dialect);
    if (order === undefined) throw notFound(`Order ${input.orderKey}`);
    orderId = order.id;
    currency = order.currency;
    ({ items, paid } = await planOrderReturn(trx, order, input.body, context, flags));
    paidTenders = (JSON.parse(order.payments_json) as Payment[]).map((p) => tenderOf(p, currency));
    refundedBefore = await refundsBefore(trx, order.id, currency);
  } else {
    currency = input.body.currency;
    const store = await trx
      .selectFrom('stores')
      .select('currency')
      .where('store_id', '=', context.storeId)
      .executeTakeFirst();
    if (store !== undefined && store.currency !== currency) {
      throw invalid('invalid_return', 'The return is not valid.', [
        { field: 'currency', message: `must be the store currency ${store.currency}` },
      ]);
    }
    items = input.body.items.map((item) => ({
      orderItem: null,
      productId: item.product_id,
      serial: item.serial_number === undefined ? null : cleanScannedText(item.serial_number).text,
      condition: item.condition,
      reason: item.reason,
      refund: fromDecimal(item.price, currency),
      duplicateOf: null,
    }));
    paid = addMinor(...items.map((item) => item.refund));
    // A blind return has no tenders to go back to: its approval covers the split.
  }

  const refunds = body.refunds.map((refund) => tenderOf(refund, currency));
  const approval = body.approval ?? null;
  const approvalValid = approval !== null && (await validApprover(trx, context.storeId, approval));
  if (approval !== null && !approvalValid) {
    if (context.source === 'api') {
      throw invalid('invalid_approval', 'The approving user is not a manager of this store.', [
        { field: 'approval.manager_id', message: 'is not a manager of this store' },
      ]);
    }
    flags.push({
      kind: 'approval_invalid',
      message: `${approval.manager_id} is not a manager of this store.`,
      item_id: null,
    });
  }
  const problems =
    input.kind === 'order'
      ? checkRefunds(refunds, paid, paidTenders, refundedBefore, approvalValid)
      : checkRefunds(refunds, paid, [], [], true);
  for (const problem of problems) {
    const detail: ErrorDetail =
      problem.kind === 'exceeds_paid'
        ? {
            field: 'refunds',
            message: `total ${toDecimal(problem.refund, currency)} is more than the ${toDecimal(problem.paid, currency)} paid for these units`,
          }
        : {
            field: `refunds[${problem.index}]`,
            message:
              problem.kind === 'not_original_tender'
                ? 'is not a tender of the order; another split needs an approval'
                : `is more than the ${toDecimal(problem.remaining, currency)} this tender can still refund`,
          };
    if (context.source === 'api') {
      throw invalid(
        problem.kind === 'exceeds_paid' ? 'refund_exceeds_paid' : 'refund_needs_approval',
        'The refunds are not allowed.',
        [detail],
      );
    }
    flags.push({
      kind: problem.kind === 'exceeds_paid' ? 'refund_exceeds_paid' : 'refund_needs_approval',
      message: `${detail.field} ${detail.message}`,
      item_id: null,
    });
  }

  // Counted in the shift it names only when that is an open shift of this till (DESIGN §10.4).
  const shift = await placeInShift(trx, body.shift_id, context.storeId, context.deviceId);
  if (shift.finding !== null) {
    if (context.source === 'api') {
      throw invalid(
        shift.finding.kind,
        `The return cannot be counted in its shift. ${shift.finding.message}`,
        [{ field: 'shift_id', message: shift.finding.message }],
      );
    }
    flags.push({ kind: shift.finding.kind, message: shift.finding.message, item_id: null });
  }

  // Checked: now write.
  const now = new Date().toISOString();
  const returnId = newId();
  await trx
    .insertInto('returns')
    .values({
      id: returnId,
      store_id: context.storeId,
      order_id: orderId,
      x_external_id: body.x_external_id,
      content_hash: hash,
      returned_at: body.returned_at ?? now,
      created_at: now,
      associate_id: body.associate_id ?? context.associateId,
      device_id: body.device_id ?? context.deviceId,
      currency,
      refund_minor: addMinor(...refunds.map((refund) => refund.amount)),
      refunds_json: JSON.stringify(body.refunds),
      approval_json: approval === null ? null : JSON.stringify(approval),
      shift_id: shift.shiftId,
      flags_json: JSON.stringify(flags),
      history_change: await nextValue(trx, Counters.historyChange),
    })
    .execute();
  const rows: ReturnItemsTable[] = [];
  for (const [position, item] of items.entries()) {
    const serialState =
      item.duplicateOf === null ? await moveUnit(trx, item, returnId, context, now) : null;
    rows.push({
      id: newId(),
      return_id: returnId,
      position,
      order_item_id: item.orderItem?.id ?? null,
      product_id: item.productId,
      serial_number: item.serial,
      condition: item.condition,
      reason: item.reason,
      refund_minor: item.refund,
      serial_state: serialState,
    });
    if (item.duplicateOf !== null && item.orderItem !== null && orderId !== null) {
      await openException(trx, {
        kind: 'duplicate_return',
        storeId: context.storeId,
        productId: item.productId,
        serialNumber: item.serial,
        orderId,
        orderItemId: item.orderItem.id,
        unitId: null,
        details: { return_id: returnId, other_return_id: item.duplicateOf },
      });
    }
  }
  if (rows.length > 0) await trx.insertInto('return_items').values(rows).execute();
  const stored = await trx
    .selectFrom('returns')
    .selectAll()
    .where('id', '=', returnId)
    .executeTakeFirstOrThrow();
  return { created: true, record: await storedRecord(trx, stored) };
}

/** The returns of an order of the caller's store (`storeId` null: any store), oldest first. */
export async function listReturns(
  store: StoreDb,
  orderKey: string,
  storeId: string | null,
): Promise<ReturnRecord[] | null> {
  let query = store.db.selectFrom('orders').select('id');
  query = query.where((eb) => eb.or([eb('id', '=', orderKey), eb('external_id', '=', orderKey)]));
  if (storeId !== null) query = query.where('store_id', '=', storeId);
  const order = await query.executeTakeFirst();
  if (order === undefined) return null;
  const rows = await store.db
    .selectFrom('returns')
    .selectAll()
    .where('order_id', '=', order.id)
    .orderBy('history_change')
    .execute();
  return Promise.all(rows.map((row) => storedRecord(store.db, row)));
}

/** Returns recorded after a history change number, of the last days, for the pull. */
export async function changedReturns(
  db: StoreDb['db'],
  storeId: string,
  after: number,
  since: string,
  limit: number,
): Promise<{ returns: ReturnRecord[]; last: number | null; more: boolean }> {
  const rows = await db
    .selectFrom('returns')
    .selectAll()
    .where('store_id', '=', storeId)
    .where('history_change', '>', after)
    .where('created_at', '>=', since)
    .orderBy('history_change')
    .limit(limit + 1)
    .execute();
  const page = rows.slice(0, limit);
  return {
    returns: await Promise.all(page.map((row) => storedRecord(db, row))),
    last: page.length === 0 ? null : Number(page.at(-1)?.history_change),
    more: rows.length > limit,
  };
}

export type Disposition = 'release' | 'scrap';

/**
 * A manager's decision on a quarantined unit: `release` puts it back in stock (it sells again
 * with no exception), `scrap` keeps it out for good. Refused (409) unless the serial is
 * quarantined now.
 */
export async function disposeQuarantined(
  trx: Trx,
  input: {
    storeId: string;
    productId: string;
    serial: string;
    action: Disposition;
    note?: string;
    by: string | null;
  },
): Promise<{ state: 'released' | 'scrapped' }> {
  const serial = cleanScannedText(input.serial).text;
  const current = await currentSerialState(trx, input.productId, serial);
  // Another store's serial is not known here: 404, exactly like an unknown one.
  if (current === null || current.storeId !== input.storeId) {
    throw notFound(`Serial ${serial} of ${input.productId}`);
  }
  if (current.state !== 'quarantined') {
    throw new ApiError(
      409,
      'not_quarantined',
      `Serial ${serial} is ${current.state}, not quarantined.`,
      [{ field: 'serial_number', message: `is ${current.state}` }],
    );
  }
  const state = input.action === 'release' ? 'released' : 'scrapped';
  const now = new Date().toISOString();
  const unit = await trx
    .updateTable('serial_units')
    .set({ state, active: state === 'released' ? 0 : 1, updated_at: now })
    .where('product_id', '=', input.productId)
    .where('serial_number', '=', serial)
    .where('active', '=', 1)
    .where('state', '=', 'quarantined')
    .returning('id')
    .executeTakeFirst();
  await recordSerialEvent(trx, {
    productId: input.productId,
    serialNumber: serial,
    kind: state,
    storeId: input.storeId,
    associateId: input.by,
    unitId: unit?.id ?? null,
    details: input.note === undefined ? {} : { note: input.note },
    at: now,
  });
  return { state };
}
