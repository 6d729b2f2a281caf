/**
 * The store's shifts as the server reckons them (`GET /v0/stores/{id}/shifts`, managers), for
 * the manager's Shifts screen. Online only: the server's figures are what it received.
 */
import type { Shift } from '../protocol/shifts.ts';
import { SyncError } from './sync-errors.ts';
import { requestJson, type HttpOptions } from './transport.ts';

export type StoreShifts =
  | { readonly kind: 'found'; readonly shifts: readonly Shift[] }
  | { readonly kind: 'offline' }
  | { readonly kind: 'refused'; readonly status: number };

export class ShiftClient {
  constructor(private readonly _http: HttpOptions) {}

  async storeShifts(storeId: string): Promise<StoreShifts> {
    try {
      const reply = await requestJson(
        this._http,
        'GET',
        `/v0/stores/${encodeURIComponent(storeId)}/shifts`,
      );
      const body = reply.body as { shifts?: unknown } | null;
      if (reply.status === 200 && body !== null && Array.isArray(body.shifts)) {
        return { kind: 'found', shifts: body.shifts as Shift[] };
      }
      return { kind: 'refused', status: reply.status };
    } catch (error) {
      if (error instanceof SyncError) return { kind: 'offline' };
      throw error;
    }
  }
}
