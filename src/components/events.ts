/**
 * The events Aisle's presentational elements emit, typed in one place. All bubble and cross
 * shadow roots so a view can listen on itself.
 */
import type { CaptureMethod, ShippingType } from '../protocol/schemas.ts';
import type { TenderRequest } from '../domain/tender.ts';

export interface PosEventDetails {
  /** A barcode or SKU was entered (typed, or typed by a keyboard-wedge scanner). */
  'pos-code-entered': { readonly code: string; readonly method: CaptureMethod };
  'pos-quantity-change': { readonly lineId: string; readonly quantity: number };
  'pos-remove-line': { readonly lineId: string };
  'pos-tender-complete': TenderRequest;
  'pos-tender-cancel': null;
  /** A serialized line asks for its serial (the associate tapped "Add serial"). */
  'pos-serial-request': { readonly lineId: string };
  /** A line switched between taken now and shipped to the customer. */
  'pos-shipping-change': { readonly lineId: string; readonly shippingType: ShippingType };
  /** One more unit of a serialized line's product: a new line with its own serial. */
  'pos-add-unit': { readonly lineId: string };
  /** A serial was typed (or typed by a scanner) into the serial prompt. */
  'pos-serial-entered': { readonly serial: string; readonly method: CaptureMethod };
  /** The serial prompt closed without a serial ("Later", Escape). */
  'pos-serial-cancel': null;
  /** The serial prompt asks for the camera. */
  'pos-serial-camera': null;
}

export type PosEventName = keyof PosEventDetails;

export function emit<K extends PosEventName>(
  target: EventTarget,
  type: K,
  detail: PosEventDetails[K],
): boolean {
  return target.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: true }),
  );
}

declare global {
  interface HTMLElementEventMap {
    'pos-code-entered': CustomEvent<PosEventDetails['pos-code-entered']>;
    'pos-quantity-change': CustomEvent<PosEventDetails['pos-quantity-change']>;
    'pos-remove-line': CustomEvent<PosEventDetails['pos-remove-line']>;
    'pos-tender-complete': CustomEvent<PosEventDetails['pos-tender-complete']>;
    'pos-tender-cancel': CustomEvent<PosEventDetails['pos-tender-cancel']>;
    'pos-serial-request': CustomEvent<PosEventDetails['pos-serial-request']>;
    'pos-shipping-change': CustomEvent<PosEventDetails['pos-shipping-change']>;
    'pos-add-unit': CustomEvent<PosEventDetails['pos-add-unit']>;
    'pos-serial-entered': CustomEvent<PosEventDetails['pos-serial-entered']>;
    'pos-serial-cancel': CustomEvent<PosEventDetails['pos-serial-cancel']>;
    'pos-serial-camera': CustomEvent<PosEventDetails['pos-serial-camera']>;
  }
}
