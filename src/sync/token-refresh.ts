/**
 * Renewing the short-lived access token with the session's refresh token (issue 7). The
 * transport calls `refresh` when the server answers 401 and retries once with the new token.
 * One refresh at a time, across tabs too (Web Lock): the server spends a refresh token on use
 * and treats a second use as theft, so two tabs must never send the same one. A tab that finds
 * the session already renewed by another simply takes the new token.
 */
import type { SessionRepository } from '../data/session-repository.ts';
import { SyncError, SyncErrorReasons } from './sync-errors.ts';
import { requestJson, type HttpOptions } from './transport.ts';

interface RefreshedTokens {
  access_token: string;
  expires_in: number;
  refresh_token?: string;
}

const isRefreshed = (value: unknown): value is RefreshedTokens =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as RefreshedTokens).access_token === 'string' &&
  typeof (value as RefreshedTokens).expires_in === 'number';

export interface TokenRefresherOptions {
  readonly sessions: SessionRepository;
  readonly http?: Omit<HttpOptions, 'token' | 'refresh'>;
  readonly now?: () => Date;
}

export class TokenRefresher {
  private readonly _options: TokenRefresherOptions;
  private _inFlight: Promise<string | null> | null = null;

  constructor(options: TokenRefresherOptions) {
    this._options = options;
  }

  /**
   * A fresh access token to replace `refusedToken`, or null when the session cannot be renewed
   * (no refresh token, or the server refused it: the associate must sign in with the password).
   * Throws a retryable SyncError when the server could not be asked.
   */
  refresh(refusedToken: string): Promise<string | null> {
    this._inFlight ??= this._locked(() => this._renew(refusedToken)).finally(() => {
      this._inFlight = null;
    });
    return this._inFlight;
  }

  private async _locked(work: () => Promise<string | null>): Promise<string | null> {
    const locks = typeof navigator === 'undefined' ? undefined : navigator.locks;
    if (locks === undefined) return work();
    // The lock is held until `work` settles; its result comes back through `result`.
    let result: string | null = null;
    await locks.request('aisle-token-refresh', async () => {
      result = await work();
    });
    return result;
  }

  private async _renew(refusedToken: string): Promise<string | null> {
    const { sessions } = this._options;
    const session = await sessions.current();
    if (session === undefined || session.expired) return null;
    if (session.accessToken !== refusedToken) return session.accessToken;
    if (session.refreshToken === undefined) return null;
    const reply = await requestJson(
      { ...this._options.http, token: () => null },
      'POST',
      '/v0/token',
      {
        grant_type: 'refresh_token',
        refresh_token: session.refreshToken,
        device_id: session.deviceId,
      },
    );
    if (reply.status >= 500 || reply.status === 429) {
      throw new SyncError(SyncErrorReasons.serverError, `token refresh: HTTP ${reply.status}`);
    }
    if (reply.status !== 200 || !isRefreshed(reply.body)) return null;
    const now = this._options.now?.() ?? new Date();
    await sessions.saveTokens({
      accessToken: reply.body.access_token,
      expiresAt: new Date(now.getTime() + reply.body.expires_in * 1000).toISOString(),
      refreshToken: reply.body.refresh_token,
    });
    return reply.body.access_token;
  }
}
