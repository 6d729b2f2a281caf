/**
 * The one table of the shell's screens: for each route its path (with `:param` parts), the
 * module it loads on first use (kept off the first paint), how it renders, who may open it and
 * its link in the header. The router parses and builds addresses from it; the shell loads,
 * guards, renders and lists screens from it. Adding a screen is one entry here.
 *
 * Hash routes work behind any static server and offline from the service worker's single
 * cached page.
 */
import { msg } from '@lit/localize';
import { html, type TemplateResult } from 'lit';
import type { Role } from '../protocol/wire-constants.ts';

export type Route =
  | { readonly name: 'sell' }
  | { readonly name: 'receipt'; readonly saleId: string }
  | { readonly name: 'orders' }
  | { readonly name: 'settings' }
  | { readonly name: 'exceptions' }
  | { readonly name: 'pick' }
  | { readonly name: 'pick-request'; readonly requestId: string }
  | { readonly name: 'status' }
  | { readonly name: 'return' }
  | { readonly name: 'return-sale'; readonly saleId: string }
  | { readonly name: 'return-receipt'; readonly returnId: string }
  | { readonly name: 'serials' }
  | { readonly name: 'shift' }
  | { readonly name: 'shifts' }
  | { readonly name: 'sign-in' }
  | { readonly name: 'setup' };

export type RouteName = Route['name'];
export type RouteOf<N extends RouteName> = Extract<Route, { readonly name: N }>;

export interface RouteEntry<N extends RouteName> {
  /** `/receipt/:saleId`: each `:name` part is a route field of up to 64 word characters. */
  readonly path: string;
  /** The screen's module, loaded once before it renders; absent for the first-paint screen. */
  readonly load?: () => Promise<unknown>;
  /** Modules to load along with this screen (a receipt must open after an offline sale). */
  readonly preload?: readonly RouteName[];
  readonly render: (route: RouteOf<N>) => TemplateResult;
  /** The least role that may open it; others land on the sell screen. */
  readonly role?: Role;
  /** The header link, and which link is current while this screen shows. */
  readonly nav?: { readonly label: () => string } | { readonly under: RouteName };
}

const pickScreen = () => import('../views/pos-view-pick.ts');
const returnScreen = () => import('../views/pos-view-return.ts');

export const ROUTES: { readonly [N in RouteName]: RouteEntry<N> } = {
  sell: {
    path: '/sell',
    preload: ['receipt'],
    render: () => html`<pos-view-sell></pos-view-sell>`,
    nav: { label: () => msg('Sell') },
  },
  receipt: {
    path: '/receipt/:saleId',
    load: () => import('../views/pos-view-receipt.ts'),
    render: (route) => html`<pos-view-receipt sale-id=${route.saleId}></pos-view-receipt>`,
    nav: { under: 'sell' },
  },
  return: {
    path: '/return',
    load: returnScreen,
    preload: ['return-receipt'],
    render: () => html`<pos-view-return></pos-view-return>`,
    nav: { label: () => msg('Return') },
  },
  'return-sale': {
    path: '/return/:saleId',
    load: returnScreen,
    preload: ['return-receipt'],
    render: (route) => html`<pos-view-return sale-id=${route.saleId}></pos-view-return>`,
    nav: { under: 'return' },
  },
  'return-receipt': {
    path: '/return-receipt/:returnId',
    load: () => import('../views/pos-view-return-receipt.ts'),
    render: (route) =>
      html`<pos-view-return-receipt return-id=${route.returnId}></pos-view-return-receipt>`,
    nav: { under: 'return' },
  },
  pick: {
    path: '/pick',
    load: pickScreen,
    render: () => html`<pos-view-pick request-id=""></pos-view-pick>`,
    nav: { label: () => msg('Pick') },
  },
  'pick-request': {
    path: '/pick/:requestId',
    load: pickScreen,
    render: (route) => html`<pos-view-pick request-id=${route.requestId}></pos-view-pick>`,
    nav: { under: 'pick' },
  },
  orders: {
    path: '/orders',
    load: () => import('../views/pos-view-orders.ts'),
    render: () => html`<pos-view-orders></pos-view-orders>`,
    nav: { label: () => msg('Orders') },
  },
  serials: {
    path: '/serials',
    load: () => import('../views/pos-view-serial-lookup.ts'),
    render: () => html`<pos-view-serial-lookup></pos-view-serial-lookup>`,
    nav: { label: () => msg('Serials') },
  },
  shift: {
    path: '/shift',
    load: () => import('../views/pos-view-shift.ts'),
    render: () => html`<pos-view-shift></pos-view-shift>`,
    nav: { label: () => msg('Shift') },
  },
  shifts: {
    path: '/shifts',
    load: () => import('../views/pos-view-shifts.ts'),
    render: () => html`<pos-view-shifts></pos-view-shifts>`,
    role: 'manager',
    // Reached from the Shift screen: the header keeps one row on a manager's tablet.
    nav: { under: 'shift' },
  },
  settings: {
    path: '/settings',
    load: () => import('../views/pos-view-settings.ts'),
    render: () => html`<pos-view-settings></pos-view-settings>`,
    nav: { label: () => msg('Settings') },
  },
  exceptions: {
    path: '/exceptions',
    load: () => import('../views/pos-view-exceptions.ts'),
    render: () => html`<pos-view-exceptions></pos-view-exceptions>`,
    role: 'manager',
    nav: { label: () => msg('Exceptions') },
  },
  status: {
    path: '/status',
    load: () => import('../views/pos-view-status.ts'),
    render: () => html`<pos-view-status></pos-view-status>`,
  },
  // Shown by the shell in place of any screen while the first catalog download runs.
  setup: {
    path: '/setup',
    load: () => import('../views/pos-view-setup.ts'),
    render: () => html`<pos-view-setup></pos-view-setup>`,
  },
  // Rendered by the shell outside the signed-in layout (see pos-app.ts).
  'sign-in': {
    path: '/sign-in',
    load: () => import('../views/pos-view-sign-in.ts'),
    render: () => html`<pos-view-sign-in></pos-view-sign-in>`,
  },
};

export const ROUTE_NAMES = Object.keys(ROUTES) as RouteName[];

/** The entry of a route, typed by its name (the table keeps name and entry paired). */
export function routeEntry<N extends RouteName>(name: N): RouteEntry<N> {
  return ROUTES[name];
}

const ROLE_RANK: Readonly<Record<Role, number>> = { associate: 0, manager: 1, admin: 2 };

/** True when `role` may open the route. */
export function mayOpen(name: RouteName, role: Role): boolean {
  const least = ROUTES[name].role;
  return least === undefined || ROLE_RANK[role] >= ROLE_RANK[least];
}

/** The header link that is current while `name` shows. */
export function navOwner(name: RouteName): RouteName {
  const nav = ROUTES[name].nav;
  return nav !== undefined && 'under' in nav ? nav.under : name;
}

/** The header's links, in table order, for a role. */
export function navLinks(role: Role): { readonly name: RouteName; readonly label: string }[] {
  return ROUTE_NAMES.flatMap((name) => {
    const nav = ROUTES[name].nav;
    return nav !== undefined && 'label' in nav && mayOpen(name, role)
      ? [{ name, label: nav.label() }]
      : [];
  });
}
