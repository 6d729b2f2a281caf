/**
 * A tiny hash router over the route table (`routes.ts`): `#/sell`, `#/receipt/<sale id>`,
 * `#/pick/<request id>` … An address that matches no route opens the sell screen.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { ROUTE_NAMES, ROUTES, type Route, type RouteName } from './routes.ts';

export type { Route } from './routes.ts';

const PARAM = /^:(\w+)$/;

interface CompiledPath {
  readonly name: RouteName;
  readonly pattern: RegExp;
  readonly params: readonly string[];
}

/** Each `:name` part matches up to 64 word characters or dashes (ids are UUIDs). */
const COMPILED: readonly CompiledPath[] = ROUTE_NAMES.map((name) => {
  const params: string[] = [];
  const source = ROUTES[name].path
    .split('/')
    .map((part) => {
      const param = PARAM.exec(part)?.[1];
      if (param === undefined) return part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      params.push(param);
      return '([\\w-]{1,64})';
    })
    .join('/');
  return { name, pattern: new RegExp(`^${source}$`), params };
});

export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#/, '');
  for (const { name, pattern, params } of COMPILED) {
    const match = pattern.exec(path);
    if (match === null) continue;
    const fields = Object.fromEntries(params.map((param, i) => [param, match[i + 1] ?? '']));
    // The table's path names exactly the fields of its route.
    return { name, ...fields } as Route;
  }
  return { name: 'sell' };
}

export function routePath(route: Route): string {
  const fields = route as unknown as Readonly<Record<string, string>>;
  const path = ROUTES[route.name].path
    .split('/')
    .map((part) => {
      const param = PARAM.exec(part)?.[1];
      return param === undefined ? part : encodeURIComponent(fields[param] ?? '');
    })
    .join('/');
  return `#${path}`;
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
