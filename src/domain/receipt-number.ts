/**
 * The number a receipt prints for a sale and an associate reads out or types back: the first
 * block of the sale's UUID (its order's `external_id`), upper-cased.
 */
export const RECEIPT_NUMBER_LENGTH = 8;

export function receiptNumber(saleId: string): string {
  return saleId.slice(0, RECEIPT_NUMBER_LENGTH).toUpperCase();
}
