/**
 * Online questions about one serial (issue 12): where the store server says it stands
 * (`GET /v0/serials/{serial}`, its whole history across the chain) and a manager's release or
 * scrap of a quarantined unit. The Serial lookup screen asks these when the network is there;
 * offline it answers from the device's own copy of the store's history.
 */
import { msg, str } from '@lit/localize';
import type { SerialLookup } from '../protocol/serials.ts';
import { SyncError } from './sync-errors.ts';
import { requestJson, type HttpOptions } from './transport.ts';

export type OnlineLookup =
  | { readonly kind: 'found'; readonly lookup: SerialLookup }
  | { readonly kind: 'unknown' }
  /** Several products carry this serial: ask again with one of them. */
  | { readonly kind: 'ambiguous'; readonly productIds: readonly string[] }
  | { readonly kind: 'offline' };

export type DispositionAnswer =
  { readonly ok: true; readonly state: string } | { readonly ok: false; readonly message: string };

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null;

export class SerialLookupClient {
  private readonly _http: HttpOptions;

  constructor(http: HttpOptions) {
    this._http = http;
  }

  async lookup(serial: string, productId?: string): Promise<OnlineLookup> {
    const query = productId === undefined ? '' : `?product_id=${encodeURIComponent(productId)}`;
    try {
      const reply = await requestJson(
        this._http,
        'GET',
        `/v0/serials/${encodeURIComponent(serial)}${query}`,
      );
      if (reply.status === 200 && isObject(reply.body) && Array.isArray(reply.body.events)) {
        return { kind: 'found', lookup: reply.body as SerialLookup };
      }
      if (reply.status === 404) return { kind: 'unknown' };
      if (reply.status === 409 && isObject(reply.body) && Array.isArray(reply.body.product_ids)) {
        return { kind: 'ambiguous', productIds: reply.body.product_ids.map(String) };
      }
      return { kind: 'offline' };
    } catch (error) {
      if (error instanceof SyncError) return { kind: 'offline' };
      throw error;
    }
  }

  async dispose(
    serial: string,
    productId: string,
    action: 'release' | 'scrap',
  ): Promise<DispositionAnswer> {
    try {
      const reply = await requestJson(
        this._http,
        'POST',
        `/v0/serials/${encodeURIComponent(serial)}/disposition`,
        {
          product_id: productId,
          action,
        },
      );
      if (reply.status === 200 && isObject(reply.body) && typeof reply.body.state === 'string') {
        return { ok: true, state: reply.body.state };
      }
      const message =
        isObject(reply.body) && typeof reply.body.message === 'string'
          ? reply.body.message
          : msg(str`The store server refused (${reply.status}).`);
      return { ok: false, message };
    } catch (error) {
      if (error instanceof SyncError) {
        return {
          ok: false,
          message: msg('No connection to the store server: try again when online.'),
        };
      }
      throw error;
    }
  }
}
