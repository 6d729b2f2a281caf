/**
 * A tiny hash router: `#/sell`, `#/receipt/<sale id>`, `#/orders` (the device's order history),
 * `#/settings` (test a serial scan, scanner settings), `#/exceptions` (a manager's serial
 * exceptions), `#/pick` (orders to pick) and `#/pick/<request id>`, `#/status` (sync, storage
 * and app details), `#/sign-in`, `#/setup`.
 * Hash routes work behind any static server and offline from the service worker's single
 * cached page.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export type Route =
  | { readonly name: 'sell' }
  | { readonly name: 'receipt'; readonly saleId: string }
  | { readonly name: 'orders' }
  | { readonly name: 'settings' }
  | { readonly name: 'exceptions' }
  | { readonly name: 'pick' }
  | { readonly name: 'status' }
  | { readonly name: 'pick-request'; readonly requestId: string }
  | { readonly name: 'sign-in' }
  | { readonly name: 'setup' };

/** Routes named by their path alone. */
const PLAIN_ROUTES = [
  'orders',
  'settings',
  'exceptions',
  'pick',
  'status',
  'sign-in',
  'setup',
] as const;

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  const receipt = /^\/receipt\/([\w-]{1,64})$/.exec(path);
  if (receipt?.[1] !== undefined) return { name: 'receipt', saleId: receipt[1] };
  const pick = /^\/pick\/([\w-]{1,64})$/.exec(path);
  if (pick?.[1] !== undefined) return { name: 'pick-request', requestId: pick[1] };
  const plain = PLAIN_ROUTES.find((name) => path === `/${name}`);
  return plain === undefined ? { name: 'sell' } : { name: plain };
}

export function routePath(route: Route): string {
  if (route.name === 'receipt') return `#/receipt/${route.saleId}`;
  if (route.name === 'pick-request') return `#/pick/${route.requestId}`;
  return `#/${route.name}`;
}

/** Goes to a route; `replace` keeps the back button from returning to a finished step. */
export function navigate(route: Route, { replace = false } = {}): void {
  const path = routePath(route);
  if (window.location.hash === path) return;
  if (replace) {
    window.history.replaceState(null, '', path);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else {
    window.location.hash = path;
  }
}

/** Keeps its host's `route` in step with the address bar. */
export class RouterController implements ReactiveController {
  route: Route = parseRoute(window.location.hash);
  private readonly _host: ReactiveControllerHost;

  constructor(host: ReactiveControllerHost) {
    this._host = host;
    host.addController(this);
  }

  hostConnected(): void {
    window.addEventListener('hashchange', this._onChange);
  }

  hostDisconnected(): void {
    window.removeEventListener('hashchange', this._onChange);
  }

  private readonly _onChange = (): void => {
    this.route = parseRoute(window.location.hash);
    this._host.requestUpdate();
  };
}
