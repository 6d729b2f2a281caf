/**
 * The transport between the sync engine and the server, behind an interface so the engine can
 * be tested against a fake server. A reply is the HTTP status and the parsed body; only a
 * failed connection throws (as an OFFLINE SyncError). The engine decides what a status means.
 */
import type { PushRequest } from '../protocol/sync-protocol.ts';
import { SyncError, SyncErrorReasons } from './sync-errors.ts';

export interface TransportReply {
  readonly status: number;
  /** The JSON body, or undefined when there was none or it was not JSON. */
  readonly body: unknown;
}

export interface SyncTransport {
  push(request: PushRequest): Promise<TransportReply>;
  pull(since: string | null, limit: number): Promise<TransportReply>;
}

export interface HttpOptions {
  readonly baseUrl?: string;
  /** The current bearer token, read on every request (it changes on sign-in). */
  readonly token: () => string | null;
  readonly fetch?: typeof fetch;
  readonly timeoutMs?: number;
  /**
   * Called when the server answers 401 to a request that carried a token: returns a renewed
   * token (the request is sent once more with it) or null (the 401 stands).
   */
  readonly refresh?: (refusedToken: string) => Promise<string | null>;
}

/**
 * A JSON request to the store server; throws SyncError(OFFLINE) when no answer came back. An
 * expired access token is renewed once through `options.refresh` and the request repeated.
 */
export async function requestJson(
  options: HttpOptions,
  method: 'GET' | 'POST',
  path: string,
  body?: unknown,
): Promise<TransportReply> {
  const token = options.token();
  const reply = await sendJson(options, token, method, path, body);
  if (reply.status !== 401 || token === null || options.refresh === undefined) return reply;
  const renewed = await options.refresh(token);
  return renewed === null ? reply : sendJson(options, renewed, method, path, body);
}

async function sendJson(
  options: HttpOptions,
  token: string | null,
  method: 'GET' | 'POST',
  path: string,
  body: unknown,
): Promise<TransportReply> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (token !== null) headers.authorization = `Bearer ${token}`;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const doFetch = options.fetch ?? globalThis.fetch.bind(globalThis);
  let response: Response;
  try {
    response = await doFetch(`${options.baseUrl ?? ''}${path}`, {
      method,
      headers,
      body: body === undefined ? null : JSON.stringify(body),
      cache: 'no-store',
      signal: AbortSignal.timeout(options.timeoutMs ?? 30_000),
    });
  } catch (error) {
    throw new SyncError(SyncErrorReasons.offline, 'no answer from the server', { cause: error });
  }
  const text = await response.text().catch(() => '');
  let parsed: unknown;
  try {
    parsed = text === '' ? undefined : JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: response.status, body: parsed };
}

export class HttpSyncTransport implements SyncTransport {
  private readonly _options: HttpOptions;

  constructor(options: HttpOptions) {
    this._options = options;
  }

  push(request: PushRequest): Promise<TransportReply> {
    return requestJson(this._options, 'POST', '/v0/sync/push', request);
  }

  pull(since: string | null, limit: number): Promise<TransportReply> {
    const query = new URLSearchParams({ limit: String(limit) });
    if (since !== null) query.set('since', since);
    return requestJson(this._options, 'GET', `/v0/sync/pull?${query.toString()}`);
  }
}
