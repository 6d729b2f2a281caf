/**
 * The index keys of the serials a sale holds (`serialKey(productId, serial)` per serialized
 * unit). Stored on each sale and multi-entry indexed, so "is this serial in a sale of this
 * device not yet sent?" is one index read, however many sales wait offline.
 */
import type { SaleLine } from '../domain/sale.ts';
import { serialKey } from '../domain/serial-rules.ts';

export function saleSerialKeys(lines: readonly SaleLine[]): string[] {
  const keys: string[] = [];
  for (const line of lines) {
    if (line.serial !== null) keys.push(serialKey(line.productId, line.serial));
  }
  return keys;
}
