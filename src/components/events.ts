/**
 * Every event Aisle's elements and screens emit, typed in one place (Home Assistant's
 * `fireEvent` with one global map). All go through `emit()`: they bubble and cross shadow
 * roots so a view can listen on itself, and `HTMLElementEventMap` learns each one from the
 * map, so `addEventListener('pos-…')` and a handler typed `PosEvent<'pos-…'>` agree.
 */
import type { Customer } from '../domain/customer.ts';
import type { SplitTenderRequest } from '../domain/tender.ts';
import type { Language } from '../i18n/language-choice.ts';
import type { CaptureMethod, ShippingType } from '../protocol/wire-constants.ts';
import type { CameraProblem } from '../scan/camera-errors.ts';
import type { ScanSettings } from '../scan/scan-settings.ts';
import type { Decoded } from '../scan/scan-types.ts';

export interface PosEventDetails {
  /** A barcode or SKU was entered (typed, or typed by a keyboard-wedge scanner). */
  'pos-code-entered': { readonly code: string; readonly method: CaptureMethod };
  /**
   * The barcode field's text as the associate types it, for search by name (trimmed; empty
   * when the field was emptied). Never sent while a scanner's burst may still be arriving.
   */
  'pos-code-input': { readonly text: string };
  /** A product was chosen from the search suggestions (Enter on the active one, or a tap). */
  'pos-product-choose': { readonly productId: string };
  'pos-quantity-change': { readonly lineId: string; readonly quantity: number };
  'pos-remove-line': { readonly lineId: string };
  /** The tenders entered, in order, covering the total (split tender). */
  'pos-tender-complete': { readonly tenders: readonly SplitTenderRequest[] };
  'pos-tender-cancel': null;
  /** A serialized line asks for its serial (the associate tapped "Add serial"). */
  'pos-serial-request': { readonly lineId: string };
  /** A line switched between taken now and shipped to the customer. */
  'pos-shipping-change': { readonly lineId: string; readonly shippingType: ShippingType };
  /** The associate wants to give (or change) a discount on this line. */
  'pos-line-discount': { readonly lineId: string };
  /** One more unit of a serialized line's product: a new line with its own serial. */
  'pos-add-unit': { readonly lineId: string };
  /** A serial was typed (or typed by a scanner) into the serial prompt. */
  'pos-serial-entered': { readonly serial: string; readonly method: CaptureMethod };
  /** The serial prompt closed without a serial ("Later", Escape). */
  'pos-serial-cancel': null;
  /** The serial prompt asks for the camera. */
  'pos-serial-camera': null;
  /** The camera accepted a read. */
  'pos-scan': { readonly code: string; readonly read: Decoded; readonly method: 'camera' };
  /** The camera scanner closed: by the associate, or after a single scan. */
  'pos-scanner-close': { readonly reason: 'user' | 'scanned' };
  /** The camera cannot run (denied, missing, busy, insecure page). */
  'pos-scanner-problem': { readonly problem: CameraProblem; readonly message: string };
  /** The associate changed a scanner setting; the detail is the whole new settings. */
  'pos-scanner-settings-change': ScanSettings;
  /** The associate picks this unit by hand (no barcode scanned). */
  'pos-pick-item-select': { readonly itemId: string };
  /** "Update now" on the update prompt. */
  'pos-update-apply': null;
  /** "OK" on the offline-ready notice. */
  'pos-update-dismiss': null;
  /** The right PIN (or a new one) was entered: the lock may go. */
  'pos-unlocked': null;
  /** A discount (percentage or amount off) or a new unit price was entered. */
  'pos-discount-apply': {
    readonly kind: 'percentage' | 'fixed' | 'override';
    /** Percent, or an amount in minor units; NaN when what was typed is not a number. */
    readonly value: number;
    readonly reason: string;
  };
  'pos-discount-remove': null;
  'pos-discount-cancel': null;
  /** Bring this parked sale back to the till. */
  'pos-parked-recall': { readonly cartId: string };
  /** Signing out with an open sale: park it, or clear it. */
  'pos-sign-out-choice': { readonly choice: 'park' | 'clear' | 'cancel' };
  /** A manager, their PIN and a reason were entered in the approval dialog. */
  'pos-approval-submit': { readonly userId: string; readonly pin: string; readonly reason: string };
  'pos-approval-cancel': null;
  /** The customer dialog's checked customer, to attach to the open sale. */
  'pos-customer-save': { readonly customer: Customer };
  /** Take the customer off the open sale. */
  'pos-customer-remove': null;
  'pos-customer-cancel': null;
  /** This device's language was chosen; null: follow the store's. */
  'pos-language-change': { readonly language: Language | null };
}

export type PosEventName = keyof PosEventDetails;

/** The event a listener of `K` receives. */
export type PosEvent<K extends PosEventName> = CustomEvent<PosEventDetails[K]>;

export function emit<K extends PosEventName>(
  target: EventTarget,
  type: K,
  detail: PosEventDetails[K],
): boolean {
  return target.dispatchEvent(
    new CustomEvent(type, { detail, bubbles: true, composed: true, cancelable: true }),
  );
}

type PosEventMap = { [K in PosEventName]: PosEvent<K> };

declare global {
  // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merges the map in
  interface HTMLElementEventMap extends PosEventMap {}
}
