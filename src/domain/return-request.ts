/**
 * Turns a return made on the device into the `order.return` mutation's payload (DESIGN §10.2):
 * the body of `POST /v0/d/orders/{order_id}/returns` plus the order it concerns, or, without
 * an order, the body of a blind return. Decimals at the currency's precision; each unit named
 * by its order item number (`external_item_id`), which every device knows, synced or not.
 */
import type {
  Approval,
  BlindReturnRequest,
  OrderReturnPayload,
  Refund,
} from '../protocol/returns.ts';
import type { ReturnCondition } from '../protocol/wire-constants.ts';
import { toDecimal, type Minor } from './money.ts';
import type { TenderAmount } from './refund.ts';

export interface ReturnUnitInput {
  /** The order item number; absent for a blind return. */
  readonly externalItemId: string | null;
  readonly productId: string;
  readonly serial: string | null;
  readonly condition: ReturnCondition;
  readonly reason: string;
  /** What the unit refunds (tax included). */
  readonly refund: Minor;
}

export interface ReturnDraft {
  readonly returnId: string;
  /** The order's external id (its sale id); null for a blind return. */
  readonly orderExternalId: string | null;
  readonly storeId: string;
  readonly currency: string;
  readonly returnedAt: string;
  readonly associateId: string;
  readonly deviceId: string;
  readonly units: readonly ReturnUnitInput[];
  readonly refunds: readonly TenderAmount[];
  readonly approval: Approval | null;
  readonly shiftId?: string | null;
}

function wireRefund(refund: TenderAmount, currency: string): Refund {
  return {
    method: refund.method,
    amount: toDecimal(refund.amount, currency),
    ...(refund.reference === null ? {} : { reference: refund.reference }),
  };
}

export function buildReturnPayload(draft: ReturnDraft): OrderReturnPayload {
  const { currency } = draft;
  const head = {
    x_external_id: draft.returnId,
    returned_from: draft.storeId,
    returned_at: draft.returnedAt,
    associate_id: draft.associateId,
    device_id: draft.deviceId,
    refunds: draft.refunds.map((refund) => wireRefund(refund, currency)),
    ...(draft.shiftId == null ? {} : { shift_id: draft.shiftId }),
  };
  if (draft.orderExternalId === null) {
    if (draft.approval === null) throw new RangeError('a blind return needs an approval');
    const blind: BlindReturnRequest = {
      ...head,
      approval: draft.approval,
      currency,
      items: draft.units.map((unit) => ({
        product_id: unit.productId,
        ...(unit.serial === null ? {} : { serial_number: unit.serial }),
        reason: unit.reason,
        condition: unit.condition,
        price: toDecimal(unit.refund, currency),
      })),
    };
    return blind;
  }
  return {
    ...head,
    order_id: draft.orderExternalId,
    ...(draft.approval === null ? {} : { approval: draft.approval }),
    items: draft.units.map((unit) => ({
      item_id: unit.externalItemId ?? '',
      reason: unit.reason,
      condition: unit.condition,
      ...(unit.serial === null ? {} : { serial_number: unit.serial }),
    })),
  };
}
