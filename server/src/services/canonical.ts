/**
 * Canonical JSON (object keys sorted, undefined dropped) and its sha256: the fingerprint that
 * decides whether a replayed order or mutation carries the same content as the first one,
 * regardless of the key order a client serialised it in.
 */
import { createHash } from 'node:crypto';

function canonicalise(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonicalise);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = {};
    for (const key of Object.keys(value).sort()) {
      const item = (value as Record<string, unknown>)[key];
      if (item !== undefined) sorted[key] = canonicalise(item);
    }
    return sorted;
  }
  return value;
}

export const canonicalJson = (value: unknown): string =>
  JSON.stringify(canonicalise(value)) ?? 'null';

export const contentHash = (value: unknown): string =>
  createHash('sha256').update(canonicalJson(value)).digest('hex');
