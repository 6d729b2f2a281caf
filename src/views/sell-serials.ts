/**
 * The sell screen's serial rules that are not the capture itself: the cart lines as units the
 * serial prompt may be open for, which lines still need a serial before payment, and what to
 * say when a line switches between taken now and shipped.
 */
import { msg, str } from '@lit/localize';
import type { SerialUnit } from '../controllers/serial-capture-controller.ts';
import type { CartLineRecord } from '../data/types.ts';
import { requiresSerialAtCheckout } from '../domain/serial-rules.ts';

export const cartUnits = (lines: readonly CartLineRecord[]): SerialUnit[] =>
  lines.map((line) => ({ id: line.lineId, productId: line.productId, title: line.title }));

/** The titles of the take-now serialized units without a serial (payment must wait). */
export const missingSerialTitles = (lines: readonly CartLineRecord[]): string[] =>
  lines
    .filter((line) => requiresSerialAtCheckout(line) && line.serial === null)
    .map((l) => l.title);

export function shippingChangeMessage(line: CartLineRecord): string {
  if (line.serialized && !requiresSerialAtCheckout(line)) {
    return msg(str`${line.title} will be shipped to the customer: no serial needed now.`);
  }
  return line.shippingType === 'in_store_handover'
    ? msg(str`${line.title}: taken now.`)
    : msg(str`${line.title}: shipped to the customer.`);
}
