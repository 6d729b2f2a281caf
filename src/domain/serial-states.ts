/**
 * Where each serialized unit of a sale stands, as a receipt and the order history show it
 * (DESIGN §6): `captured` on the device (cart only), `pending` while its sale waits in the
 * outbox, then the server's verdict — `accepted`, `exception` (duplicate, invalid for the
 * store's pattern, missing) or `resolved` by a manager — and `refused` when the server refused
 * the whole sale. A pure function of the sale, the server's answer to its `order.create`, and
 * the exceptions pulled since: the newest of those wins.
 */
import { buildOrderRequest } from './order-request.ts';
import { SaleSyncStates, type Sale, type SaleLine } from './sale.ts';
import { requiresSerialAtCheckout } from './serial-rules.ts';
import type { SerialException, SerialExceptionKind } from '../protocol/serials.ts';

export const UnitSerialStates = {
  captured: 'captured',
  pending: 'pending',
  accepted: 'accepted',
  exception: 'exception',
  resolved: 'resolved',
  refused: 'refused',
} as const;
export type UnitSerialState = (typeof UnitSerialStates)[keyof typeof UnitSerialStates];

export interface UnitSerialView {
  readonly lineId: string;
  readonly externalItemId: string;
  readonly productId: string;
  readonly title: string;
  /** Null for a take-now unit that left without one (the server opens a `missing` exception). */
  readonly serial: string | null;
  readonly state: UnitSerialState;
  /** The kinds of the open exceptions about this unit (empty unless `exception`). */
  readonly exceptionKinds: readonly SerialExceptionKind[];
}

type ItemVerdict = 'accepted' | 'exception' | 'resolved' | null;

/** The `serial_state` of each item in the server's `order.create` answer, by external item id. */
function verdictsOf(orderResult: unknown): Map<string, ItemVerdict> {
  const verdicts = new Map<string, ItemVerdict>();
  if (typeof orderResult !== 'object' || orderResult === null) return verdicts;
  const items = (orderResult as { items?: unknown }).items;
  if (!Array.isArray(items)) return verdicts;
  for (const item of items as unknown[]) {
    if (typeof item !== 'object' || item === null) continue;
    const { external_item_id: id, serial_state: state } = item as Record<string, unknown>;
    if (typeof id !== 'string') continue;
    verdicts.set(
      id,
      state === 'accepted' || state === 'exception' || state === 'resolved' ? state : null,
    );
  }
  return verdicts;
}

/** A serialized line whose unit is handed over now, or that carries a serial anyway. */
const tracksSerial = (line: SaleLine): boolean =>
  line.serialized && (requiresSerialAtCheckout(line) || line.serial !== null);

function stateOf(
  sale: Sale,
  verdict: ItemVerdict | undefined,
  exceptions: readonly SerialException[],
): { state: UnitSerialState; kinds: SerialExceptionKind[] } {
  if (sale.sync.state === SaleSyncStates.pending) return { state: 'pending', kinds: [] };
  if (sale.sync.state !== SaleSyncStates.synced) return { state: 'refused', kinds: [] };
  const open = exceptions.filter((exception) => exception.state === 'open');
  if (open.length > 0) return { state: 'exception', kinds: open.map((e) => e.kind) };
  if (exceptions.length > 0) return { state: 'resolved', kinds: [] };
  if (verdict === 'exception' || verdict === 'resolved') return { state: verdict, kinds: [] };
  return { state: 'accepted', kinds: [] };
}

/**
 * The serial state of every serialized unit of a completed sale, in receipt order.
 * `orderResult` is the server's answer to the sale's `order.create` (null while unsent);
 * `exceptions` are the pulled exceptions whose order is this sale.
 */
export function unitSerialViews(
  sale: Sale,
  orderResult: unknown,
  exceptions: readonly SerialException[],
): UnitSerialView[] {
  const items = buildOrderRequest(sale).items;
  const verdicts = verdictsOf(orderResult);
  const views: UnitSerialView[] = [];
  let index = 0;
  for (const line of sale.lines) {
    const first = items[index];
    index += line.quantity;
    if (!tracksSerial(line) || first === undefined) continue;
    const externalItemId = first.external_item_id;
    const mine = exceptions.filter(
      (exception) =>
        exception.order.external_id === sale.saleId &&
        exception.external_item_id === externalItemId,
    );
    const { state, kinds } = stateOf(sale, verdicts.get(externalItemId), mine);
    views.push({
      lineId: line.lineId,
      externalItemId,
      productId: line.productId,
      title: line.title,
      serial: line.serial,
      state,
      exceptionKinds: kinds,
    });
  }
  return views;
}
