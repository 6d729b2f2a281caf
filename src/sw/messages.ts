/**
 * Messages between the page and Aisle's service worker. Both sides import this file, so the
 * names cannot drift. Background Sync is only a trigger: the worker asks open pages to flush
 * their own outbox (the queue lives in IndexedDB and is sent by the page's sync engine).
 */
export const SW_SYNC_TAG = 'aisle-outbox';

export const SwMessageTypes = {
  /** Page → worker: the associate agreed to the update; take over now. */
  skipWaiting: 'SKIP_WAITING',
  /** Worker → pages: a Background Sync event fired; flush the outbox now. */
  flushOutbox: 'AISLE_FLUSH_OUTBOX',
} as const;

export interface SwMessage {
  readonly type: (typeof SwMessageTypes)[keyof typeof SwMessageTypes];
}

export function isSwMessage(data: unknown, type: SwMessage['type']): boolean {
  return typeof data === 'object' && data !== null && (data as { type?: unknown }).type === type;
}
