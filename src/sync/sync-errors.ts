/**
 * Why talking to the server failed, split into what a retry can fix (network down, server
 * error, garbled answer) and what it cannot (the token was refused: the associate must sign in
 * again). Each reason has a sentence for the status bar.
 */
import { msg } from '@lit/localize';

export const SyncErrorReasons = {
  offline: 'OFFLINE',
  serverError: 'SERVER_ERROR',
  malformed: 'MALFORMED',
  unauthorized: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  refused: 'REFUSED',
  historyLost: 'HISTORY_LOST',
  /** The server no longer speaks this app's sync protocol: the app must be updated. */
  appOutdated: 'APP_OUTDATED',
  /** The server does not speak this app's protocol yet: the store server must be updated. */
  serverOutdated: 'SERVER_OUTDATED',
} as const;
export type SyncErrorReason = (typeof SyncErrorReasons)[keyof typeof SyncErrorReasons];

const RETRYABLE: ReadonlySet<SyncErrorReason> = new Set([
  SyncErrorReasons.offline,
  SyncErrorReasons.serverError,
  SyncErrorReasons.malformed,
  SyncErrorReasons.refused,
]);

export class SyncError extends Error {
  override name = 'SyncError';
  readonly reason: SyncErrorReason;

  constructor(reason: SyncErrorReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.reason = reason;
  }

  get retryable(): boolean {
    return RETRYABLE.has(this.reason);
  }
}

/** A sentence for the associate in the language shown, never the raw error. */
export function describeSyncError(reason: SyncErrorReason): string {
  switch (reason) {
    case SyncErrorReasons.offline:
      return msg(
        'No connection to the store server. Sales are kept on this device and sent later.',
      );
    case SyncErrorReasons.serverError:
      return msg('The store server had a problem. Retrying automatically.');
    case SyncErrorReasons.malformed:
      return msg('The store server sent an answer Aisle could not read. Retrying automatically.');
    case SyncErrorReasons.unauthorized:
      return msg('Your session has ended. Sign in again to send waiting sales.');
    case SyncErrorReasons.forbidden:
      return msg('This account may not sync this device. Ask a manager.');
    case SyncErrorReasons.refused:
      return msg(
        'The store server refused the batch of sales. Retrying; tell a manager if this stays.',
      );
    case SyncErrorReasons.historyLost:
      return msg('The store server lost sales this device no longer holds. Tell a manager.');
    case SyncErrorReasons.appOutdated:
      return msg(
        'This app must be updated before it can send sales. They are kept on this device: reload Aisle to update it.',
      );
    case SyncErrorReasons.serverOutdated:
      return msg(
        'The store server is older than this app and cannot take its sales yet. They are kept on this device; tell a manager.',
      );
  }
}

/** The SyncError for an HTTP status that is not a success. */
export function errorForStatus(status: number): SyncError {
  if (status === 401) return new SyncError(SyncErrorReasons.unauthorized, `HTTP ${status}`);
  if (status === 403) return new SyncError(SyncErrorReasons.forbidden, `HTTP ${status}`);
  if (status >= 500 || status === 408 || status === 429) {
    return new SyncError(SyncErrorReasons.serverError, `HTTP ${status}`);
  }
  return new SyncError(SyncErrorReasons.refused, `HTTP ${status}`);
}
