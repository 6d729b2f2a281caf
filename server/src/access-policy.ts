/**
 * Who may call which route, in one table, checked before the body is even parsed: a refused
 * request costs no validation and reaches no handler. Routes still check the store they act
 * on (a token is scoped to its store). A /v0 route missing here is refused to everyone but an
 * admin (fail closed), and test/unit/server/access-routes.test.ts fails until it has a row.
 */
import type { Role } from '../../src/protocol/schemas.ts';

export type Access = 'public' | Role;

/** Keyed by `METHOD /path` with every `:param` written as `:` (names do not matter). */
export const ROUTE_ACCESS: Readonly<Record<string, Access>> = {
  'GET /healthz': 'public',
  'GET /v0/openapi.json': 'public',
  'POST /v0/token': 'public',
  'GET /v0/stores': 'associate',
  'PUT /v0/stores/:': 'admin',
  'POST /v0/users': 'admin',
  'POST /v0/d/import': 'admin',
  'GET /v0/products': 'associate',
  'GET /v0/products/:': 'associate',
  'GET /v0/associate-app/config': 'associate',
  'PUT /v0/associate-app/config': 'admin',
  'PUT /v0/stores/:/associate-app/config': 'manager',
  'DELETE /v0/stores/:/associate-app/config': 'manager',
  'POST /v0/d/fulfill_order': 'associate',
  'GET /v0/orders': 'associate',
  'GET /v0/orders/:': 'associate',
  'GET /v0/order-flags': 'manager',
  'POST /v0/d/orders/:/returns': 'associate',
  'GET /v0/d/orders/:/returns': 'associate',
  // A blind return carries a manager's approval, checked by the service.
  'POST /v0/d/returns': 'associate',
  'POST /v0/serials/:/disposition': 'manager',
  'GET /v0/serials/:': 'associate',
  'GET /v0/serial-exceptions': 'manager',
  'POST /v0/serial-exceptions/:/resolve': 'manager',
  'GET /v0/stores/:/fulfillment_requests': 'associate',
  'POST /v0/fulfillment_requests/:/pick': 'associate',
  'POST /v0/fulfillment_requests/:/shipment': 'associate',
  'POST /v0/fulfillment_requests/:/cancel': 'manager',
  'GET /v0/stores/:/shifts': 'manager',
  'POST /v0/devices': 'associate',
  'POST /v0/sync/push': 'associate',
  'GET /v0/sync/pull': 'associate',
  // The built app (index.html for client routes, hashed assets): public by nature.
  'GET /*': 'public',
};

export const routeKey = (method: string, url: string): string =>
  `${method} ${url.replace(/:[^/]+/g, ':')}`;

/** The access a route needs; a route nobody listed needs admin. */
export const accessOf = (method: string, url: string): Access =>
  ROUTE_ACCESS[routeKey(method, url)] ?? 'admin';
