/**
 * Signing an associate in on this device: password → token, the device registered with the
 * store (its UUID made here on first sign-in and kept for good), the store's currency, tax
 * rate and locale fetched, and the whole session saved on the device so a reload stays
 * signed in.
 */
import { msg, str } from '@lit/localize';
import type { CatalogRepository } from '../data/catalog-repository.ts';
import type { SessionRepository } from '../data/session-repository.ts';
import type { SessionRecord } from '../data/types.ts';
import type { Store, TokenResponse } from '../protocol/schemas.ts';
import type { DeviceRegistered } from '../protocol/sync-protocol.ts';
import { plural } from '../i18n/plural.ts';
import { SyncError, SyncErrorReasons } from './sync-errors.ts';
import { requestJson, type HttpOptions, type TransportReply } from './transport.ts';

/** A sign-in failure with a sentence the sign-in screen can show as it is. */
export class SignInError extends Error {
  override name = 'SignInError';
}

export interface SignInOptions {
  readonly sessions: SessionRepository;
  readonly catalog: CatalogRepository;
  readonly http?: Omit<HttpOptions, 'token'>;
  readonly deviceName?: string;
  readonly now?: () => Date;
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

function isTokenResponse(value: unknown): value is TokenResponse {
  return (
    isObject(value) &&
    typeof value.access_token === 'string' &&
    typeof value.expires_in === 'number' &&
    typeof value.associate_id === 'string' &&
    typeof value.role === 'string' &&
    (value.store_id === null || typeof value.store_id === 'string')
  );
}

function isStore(value: unknown): value is Store {
  return (
    isObject(value) &&
    typeof value.store_id === 'string' &&
    typeof value.label === 'string' &&
    typeof value.currency === 'string' &&
    typeof value.tax_rate === 'number' &&
    typeof value.locale === 'string'
  );
}

export class SignInService {
  private readonly _options: SignInOptions;

  constructor(options: SignInOptions) {
    this._options = options;
  }

  async signIn(username: string, password: string): Promise<SessionRecord> {
    if (username.trim() === '' || password === '') {
      throw new SignInError(msg('Type your username and password.'));
    }
    const anonymous: HttpOptions = { ...this._options.http, token: () => null };
    const { sessions, catalog } = this._options;
    // Known before the token is asked for, so the token is issued for this device only.
    const deviceId = (await sessions.deviceId()) ?? crypto.randomUUID();
    const tokenReply = await this._call(() =>
      requestJson(anonymous, 'POST', '/v0/token', {
        grant_type: 'password',
        username: username.trim(),
        password,
        device_id: deviceId,
      }),
    );
    if (tokenReply.status === 429) {
      throw new SignInError(
        msg('Too many wrong passwords for this account. Wait 15 minutes, then try again.'),
      );
    }
    if (tokenReply.status === 400 || tokenReply.status === 401 || tokenReply.status === 403) {
      throw new SignInError(msg('Wrong username or password.'));
    }
    if (tokenReply.status !== 200 || !isTokenResponse(tokenReply.body)) {
      throw new SignInError(msg('The store server could not sign you in. Try again in a moment.'));
    }
    const token = tokenReply.body;
    if (token.store_id === null) {
      throw new SignInError(
        msg('This account is not assigned to a store, so it cannot sell here.'),
      );
    }
    const storeId = token.store_id;
    // Another associate on a shared till (the lock's "someone else"): waiting sales are sent
    // with the signed-in store's token, so an account of another store must wait for them.
    const previous = await sessions.current();
    if (previous !== undefined && previous.storeId !== storeId) {
      const waiting = await sessions.pendingCount();
      if (waiting > 0) {
        throw new SignInError(
          plural(waiting, {
            one: () =>
              msg(
                '1 sale of another store still waits on this device. Sign in with an account of that store until it is sent.',
              ),
            other: () =>
              msg(
                str`${waiting} sales of another store still wait on this device. Sign in with an account of that store until they are sent.`,
              ),
          }),
        );
      }
    }
    const authed: HttpOptions = { ...this._options.http, token: () => token.access_token };

    const deviceReply = await this._call(() =>
      requestJson(authed, 'POST', '/v0/devices', {
        store_id: storeId,
        device_id: deviceId,
        name: this._options.deviceName ?? 'Aisle till',
      }),
    );
    const device = deviceReply.body as DeviceRegistered | undefined;
    if (
      deviceReply.status < 200 ||
      deviceReply.status >= 300 ||
      typeof device?.last_applied_seq !== 'number'
    ) {
      throw new SignInError(msg('This device could not be registered with the store. Try again.'));
    }

    const storesReply = await this._call(() => requestJson(authed, 'GET', '/v0/stores'));
    const stores: unknown[] = Array.isArray(storesReply.body) ? storesReply.body : [];
    const store = stores.find((item) => isStore(item) && item.store_id === storeId);
    if (storesReply.status !== 200 || store === undefined || !isStore(store)) {
      throw new SignInError(msg('The store’s settings could not be loaded. Try again.'));
    }

    const now = this._options.now?.() ?? new Date();
    const session: SessionRecord = {
      key: 'current',
      accessToken: token.access_token,
      expiresAt: new Date(now.getTime() + token.expires_in * 1000).toISOString(),
      associateId: token.associate_id,
      displayName: token.display_name || username.trim(),
      username: username.trim(),
      role: token.role,
      storeId,
      deviceId,
      signedInAt: now.toISOString(),
      expired: false,
      ...(token.refresh_token === undefined ? {} : { refreshToken: token.refresh_token }),
    };
    await catalog.resetForStore(storeId);
    await sessions.saveSignIn({
      session,
      store: {
        ...store,
        price_method: store.price_method ?? 'tax_excluded',
        timezone: store.timezone ?? 'UTC',
      },
      lastAppliedSeq: device.last_applied_seq,
    });
    return session;
  }

  private async _call(request: () => Promise<TransportReply>): Promise<TransportReply> {
    try {
      return await request();
    } catch (error) {
      if (error instanceof SyncError && error.reason === SyncErrorReasons.offline) {
        throw new SignInError(
          msg(
            'Cannot reach the store server. Check the network; signing in needs a connection the first time.',
          ),
        );
      }
      throw error;
    }
  }
}
