/**
 * Data errors with a reason a view can turn into a sentence for the associate. IndexedDB and
 * Dexie report the same problem under several names (a full disk is sometimes an AbortError
 * wrapping a QuotaExceededError), so the mapping lives here, once.
 */
import { msg } from '@lit/localize';

export const DataErrorReasons = {
  quotaExceeded: 'QUOTA_EXCEEDED',
  constraint: 'CONSTRAINT',
  notFound: 'NOT_FOUND',
  emptyCart: 'EMPTY_CART',
  notSellable: 'NOT_SELLABLE',
  tenderShort: 'TENDER_SHORT',
  unsyncedSales: 'UNSYNCED_SALES',
  /** A take-now serialized unit has no serial yet. */
  serialMissing: 'SERIAL_MISSING',
  /** The same serial of the same product is already in the cart or in an unsent sale. */
  serialDuplicate: 'SERIAL_DUPLICATE',
  /** A unit that comes back with another serial than the one it was sold with. */
  serialMismatch: 'SERIAL_MISMATCH',
  /** A unit this device knows was already returned. */
  alreadyReturned: 'ALREADY_RETURNED',
  /** A refund the sale's tenders or the units' price do not cover, or that needs an approval. */
  refundRefused: 'REFUND_REFUSED',
  /** An approval the device cannot give (unknown manager, wrong PIN). */
  approvalRefused: 'APPROVAL_REFUSED',
  upgradeBlocked: 'UPGRADE_BLOCKED',
  /** A sale or refund without an open shift on this till, or on a closed one. */
  shiftNotOpen: 'SHIFT_NOT_OPEN',
  invalid: 'INVALID',
  unknown: 'UNKNOWN',
} as const;
export type DataErrorReason = (typeof DataErrorReasons)[keyof typeof DataErrorReasons];

export class DataError extends Error {
  // Not 'DataError': that is an IndexedDB error name, and Dexie would wrap it as its own.
  override name = 'AisleDataError';
  readonly reason: DataErrorReason;

  constructor(reason: DataErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }
}

function errorName(error: unknown): string | null {
  if (typeof error === 'object' && error !== null && 'name' in error) {
    return typeof error.name === 'string' ? error.name : null;
  }
  return null;
}

function innerError(error: unknown): unknown {
  if (typeof error === 'object' && error !== null && 'inner' in error) {
    return error.inner;
  }
  return null;
}

/** The reason behind any error thrown by a repository. */
export function dataErrorReason(error: unknown): DataErrorReason {
  if (error instanceof DataError) return error.reason;
  const names = [errorName(error), errorName(innerError(error))];
  if (names.includes('QuotaExceededError')) return DataErrorReasons.quotaExceeded;
  if (names.includes('ConstraintError')) return DataErrorReasons.constraint;
  if (names.includes('NotFoundError')) return DataErrorReasons.notFound;
  if (names.includes('UpgradeError') || names.includes('VersionError')) {
    return DataErrorReasons.upgradeBlocked;
  }
  return DataErrorReasons.unknown;
}

/** A sentence for the associate in the language shown; never the raw error text. */
export function describeDataError(error: unknown): string {
  if (error instanceof DataError && error.reason !== DataErrorReasons.unknown) return error.message;
  switch (dataErrorReason(error)) {
    case DataErrorReasons.quotaExceeded:
      return msg(
        'This device is out of storage. New sales are blocked until space is freed — ask a manager.',
      );
    case DataErrorReasons.upgradeBlocked:
      return msg('Aisle was updated in another tab. Close the other Aisle tabs and reload.');
    case DataErrorReasons.constraint:
      return msg('That record already exists on this device.');
    default:
      return msg(
        'Something went wrong while saving on this device. Try again; if it keeps happening, reload the app.',
      );
  }
}
