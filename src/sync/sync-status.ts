/**
 * What the status bar shows about sync: connection, sales waiting, sales the server refused,
 * the last successful exchange and a readable problem, if any.
 */
export const SyncPhases = {
  idle: 'idle',
  syncing: 'syncing',
  retrying: 'retrying',
  blocked: 'blocked',
} as const;
export type SyncPhase = (typeof SyncPhases)[keyof typeof SyncPhases];

export interface SyncStatus {
  readonly online: boolean;
  readonly phase: SyncPhase;
  /**
   * Sales (mutations) waiting for the server, as counted in the outbox itself; null until the
   * outbox has been read (never "all synced" before it was looked at, e.g. right after a
   * restart).
   */
  readonly pending: number | null;
  /** When the oldest waiting sale was made, or null when none waits. */
  readonly oldestPendingAt: string | null;
  /** Sales the server refused or that conflict: they need a person. */
  readonly problems: number;
  readonly lastSyncAt: string | null;
  /** A sentence for the associate when something is wrong, else null. */
  readonly message: string | null;
  /** When the next automatic attempt is due, while retrying. */
  readonly nextAttemptAt: string | null;
  /** True when the server refused the session: sign in again. */
  readonly signInNeeded: boolean;
}

export const INITIAL_SYNC_STATUS: SyncStatus = {
  online: true,
  phase: SyncPhases.idle,
  pending: null,
  oldestPendingAt: null,
  problems: 0,
  lastSyncAt: null,
  message: null,
  nextAttemptAt: null,
  signInNeeded: false,
};
