/**
 * The shapes of a cart line and a completed sale, shared by the data layer (which stores them)
 * and the pure functions that total them and turn them into a platform order.
 *
 * A serialized product is sold one unit per line, each line carrying its own serial, how it
 * was captured and whether the configured pattern accepted it; other products carry a quantity.
 */
import type { CaptureMethod, ShippingType } from '../protocol/schemas.ts';
import type { CartTotals, PriceMethod } from './cart-totals.ts';
import type { Discount, PriceOverride } from './discounts.ts';
import type { Customer } from './customer.ts';
import type { Minor } from './money.ts';
import type { TenderLine } from './tender.ts';

export interface SerialCaptureInfo {
  readonly method: CaptureMethod;
  readonly capturedAt: string;
  /** True/false when a pattern was configured and checked; null when none is configured. */
  readonly valid: boolean | null;
  readonly configVersion: number | null;
}

/** A serial as captured: cleaned, checked against the active pattern, with how and when. */
export type CapturedSerial = { readonly serial: string } & SerialCaptureInfo;

export interface SaleLine {
  readonly lineId: string;
  readonly productId: string;
  readonly title: string;
  readonly unitPrice: Minor;
  readonly quantity: number;
  readonly serialized: boolean;
  readonly shippingType: ShippingType;
  readonly serial: string | null;
  readonly serialCapture: SerialCaptureInfo | null;
  /** The product's warranty when it was sold, for the receipt's end date. */
  readonly warrantyMonths?: number;
  /** A discount on this line (spread over its units). */
  readonly discount?: Discount | null;
  /** A price set by a manager instead of the catalog's. */
  readonly priceOverride?: PriceOverride | null;
}

export const SaleSyncStates = {
  pending: 'pending',
  synced: 'synced',
  rejected: 'rejected',
  mismatch: 'mismatch',
} as const;
export type SaleSyncState = (typeof SaleSyncStates)[keyof typeof SaleSyncStates];

export interface SaleSync {
  readonly state: SaleSyncState;
  /** The platform's order id once the server accepted the sale. */
  readonly orderId: string | null;
  /** A sentence for a person when the server refused the sale. */
  readonly error: string | null;
  readonly syncedAt: string | null;
}

/** A completed sale: immutable once written, except for its `sync` state. */
export interface Sale {
  readonly saleId: string;
  /** The outbox sequence number of its `order.create` mutation. */
  readonly seq: number;
  readonly storeId: string;
  readonly storeLabel: string;
  readonly deviceId: string;
  readonly associateId: string;
  readonly associateName: string;
  readonly currency: string;
  readonly locale: string;
  readonly taxRate: number;
  readonly priceMethod: PriceMethod;
  readonly lines: readonly SaleLine[];
  /** A discount on the whole sale, spread over its units. */
  readonly orderDiscount?: Discount | null;
  readonly totals: CartTotals;
  /** How it was paid: one or more tenders, adding up to the total (split tender). */
  readonly tenders: readonly TenderLine[];
  /** The customer attached at the till, checked by `checkCustomer`; absent when none. */
  readonly customer?: Customer;
  /** An exchange: the return whose credit paid part of this sale (its `exchange` tender). */
  readonly exchangeForReturnId?: string;
  readonly createdAt: string;
  readonly sync: SaleSync;
  /** The till's shift it was made in (DESIGN §10.4); absent for sales before shifts. */
  readonly shiftId?: string;
}
