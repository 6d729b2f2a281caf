/**
 * Retry delays: exponential with full jitter (a random delay between 0 and the exponential
 * cap), from 1 s to 5 min. Full jitter spreads a store's tills out after an outage so they do
 * not all hit the server in the same second.
 */
export const BACKOFF_BASE_MS = 1_000;
export const BACKOFF_MAX_MS = 5 * 60_000;

/** Delay before retry number `attempt` (0 for the first retry). `random` returns [0, 1). */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  const cap = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** Math.max(0, attempt));
  // Never zero: a zero delay would turn a broken server into a busy loop.
  return Math.max(50, Math.floor(random() * cap));
}
