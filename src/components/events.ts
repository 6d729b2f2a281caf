/**
 * The events Aisle's presentational elements emit, typed in one place. All bubble and cross
 * shadow roots so a view can listen on itself.
 */
import type { CaptureMethod } from '../protocol/schemas.ts';
import type { TenderRequest } from '../domain/tender.ts';

export interface PosEventDetails {
  /** A barcode or SKU was entered (typed, or typed by a keyboard-wedge scanner). */
  'pos-code-entered': { readonly code: string; readonly method: CaptureMethod };
  'pos-quantity-change': { readonly lineId: string; readonly quantity: number };
  'pos-remove-line': { readonly lineId: string };
  'pos-tender-complete': TenderRequest;
  'pos-tender-cancel': null;
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
  }
}
