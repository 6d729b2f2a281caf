/**
 * Canonical JSON (object keys sorted, undefined dropped) and its sha256: the fingerprint that
 * decides whether a replayed order or mutation carries the same content as the first one,
 * regardless of the key order a client serialised it in.
 *
 * Written with an explicit stack instead of recursion (or JSON.stringify, which recurses): a
 * push hashes each mutation before it can reject one nested thousands of levels deep, and that
 * must not overflow the call stack. The text is exactly `JSON.stringify` of the key-sorted
 * value, so fingerprints stored by earlier versions still match.
 */
import { createHash } from 'node:crypto';

/** A value still to write, or text to emit as is. */
type Work = { value: unknown } | string;

const dropped = (value: unknown): boolean =>
  value === undefined || typeof value === 'function' || typeof value === 'symbol';

/**
 * Keys sorted, in the order JSON.stringify wrote the sorted copy: integer-like keys ("1")
 * always come first in a JavaScript object, ascending, then the rest as sorted.
 */
function sortedKeys(record: Record<string, unknown>): string[] {
  const ordered = Object.create(null) as Record<string, true>;
  for (const key of Object.keys(record).sort()) ordered[key] = true;
  return Object.keys(ordered);
}

export function canonicalJson(root: unknown): string {
  if (dropped(root)) return 'null';
  const out: string[] = [];
  const work: Work[] = [{ value: root }];
  while (work.length > 0) {
    const item = work.pop() as Work;
    if (typeof item === 'string') {
      out.push(item);
      continue;
    }
    const value = item.value;
    if (value === null || typeof value !== 'object') {
      out.push(JSON.stringify(value));
      continue;
    }
    // Pushed in reverse, so the closing bracket comes off the stack last.
    const parts: Work[] = [];
    if (Array.isArray(value)) {
      parts.push('[');
      value.forEach((element: unknown, index) => {
        if (index > 0) parts.push(',');
        parts.push({ value: dropped(element) ? null : element });
      });
      parts.push(']');
    } else {
      parts.push('{');
      const record = value as Record<string, unknown>;
      let first = true;
      for (const key of sortedKeys(record)) {
        const element = record[key];
        if (dropped(element)) continue;
        parts.push(`${first ? '' : ','}${JSON.stringify(key)}:`, { value: element });
        first = false;
      }
      parts.push('}');
    }
    for (let i = parts.length - 1; i >= 0; i -= 1) work.push(parts[i] as Work);
  }
  return out.join('');
}

export const contentHash = (value: unknown): string =>
  createHash('sha256').update(canonicalJson(value)).digest('hex');
