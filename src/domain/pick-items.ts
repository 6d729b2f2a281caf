/**
 * A fulfilment request's items as the Pick screens show them: the server's picks merged with
 * this device's pending ones. Apart from `fulfillment-records.ts` because only the Pick
 * screens and the pick actions (all lazy) need it, while the records' reconciliation runs in
 * every pull, on the first paint.
 */
import type { FulfillmentRecord } from './fulfillment-records.ts';

export interface PickItemView {
  readonly id: string;
  readonly productId: string;
  readonly title: string;
  readonly serialized: boolean;
  readonly picked: boolean;
  readonly serial: string | null;
  /** Picked here, not yet confirmed by the server. */
  readonly pending: boolean;
  /** The server's serial verdict: an open exception is shown on the item. */
  readonly serialState: 'accepted' | 'exception' | 'resolved' | null;
}

/** The items as the associate sees them: the server's picks and this device's pending ones. */
export function pickItems(record: FulfillmentRecord): PickItemView[] {
  return record.server.items.map((item) => {
    const local = record.localPicks[item.id];
    return {
      id: item.id,
      productId: item.product_id,
      title: item.title,
      serialized: item.serialized,
      picked: item.picked || local !== undefined,
      serial: item.picked ? item.serial_number : (local?.serial ?? null),
      pending: !item.picked && local !== undefined,
      serialState: item.picked ? item.serial_state : null,
    };
  });
}

export interface PickProgress {
  readonly picked: number;
  readonly total: number;
}

export function pickProgress(record: FulfillmentRecord): PickProgress {
  const items = pickItems(record);
  return { picked: items.filter((item) => item.picked).length, total: items.length };
}
