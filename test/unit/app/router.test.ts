// The route table: every address parses to its route and back, unknown ones open the sell
// screen, and the header's links and guards follow the roles.
import { describe, expect, it } from 'vitest';
import { parseRoute, routePath } from '../../../src/app/router.ts';
import { mayOpen, navLinks, navOwner, type Route } from '../../../src/app/routes.ts';

const SALE = '0c7b9f54-3d7e-4c1a-9b1e-5d2f8e6a7b90';

describe('parseRoute and routePath', () => {
  it.each<[string, Route]>([
    ['#/sell', { name: 'sell' }],
    [`#/receipt/${SALE}`, { name: 'receipt', saleId: SALE }],
    ['#/orders', { name: 'orders' }],
    ['#/settings', { name: 'settings' }],
    ['#/exceptions', { name: 'exceptions' }],
    ['#/pick', { name: 'pick' }],
    ['#/pick/fr-123', { name: 'pick-request', requestId: 'fr-123' }],
    ['#/status', { name: 'status' }],
    ['#/return', { name: 'return' }],
    [`#/return/${SALE}`, { name: 'return-sale', saleId: SALE }],
    [`#/return-receipt/${SALE}`, { name: 'return-receipt', returnId: SALE }],
    ['#/serials', { name: 'serials' }],
    ['#/sign-in', { name: 'sign-in' }],
    ['#/setup', { name: 'setup' }],
  ])('%s is %j and back', (hash, route) => {
    expect(parseRoute(hash)).toEqual(route);
    expect(routePath(route)).toBe(hash);
  });

  it.each([
    '',
    '#',
    '#/',
    '#/nowhere',
    '#/receipt/',
    '#/receipt/a/b',
    `#/receipt/${'x'.repeat(65)}`,
    '#/pick/<script>',
    '#/sell/extra',
  ])('%j opens the sell screen', (hash) => {
    expect(parseRoute(hash)).toEqual({ name: 'sell' });
  });
});

describe('roles and the header', () => {
  it('shows Exceptions to managers and admins only, in a fixed order', () => {
    const labels = (role: 'associate' | 'manager' | 'admin') =>
      navLinks(role).map((link) => link.label);
    expect(labels('associate')).toEqual([
      'Sell',
      'Return',
      'Pick',
      'Orders',
      'Serials',
      'Shift',
      'Settings',
    ]);
    expect(labels('manager')).toEqual([
      'Sell',
      'Return',
      'Pick',
      'Orders',
      'Serials',
      'Shift',
      'Settings',
      'Exceptions',
    ]);
    expect(labels('admin')).toEqual(labels('manager'));
  });

  it.each([
    ['exceptions', 'associate', false],
    ['exceptions', 'manager', true],
    ['exceptions', 'admin', true],
    ['pick', 'associate', true],
    ['shifts', 'associate', false],
    ['shifts', 'manager', true],
    ['status', 'associate', true],
  ] as const)('%s may be opened by %s: %s', (name, role, allowed) => {
    expect(mayOpen(name, role)).toBe(allowed);
  });

  it('keeps the owning link current on a screen under it', () => {
    expect(navOwner('pick-request')).toBe('pick');
    expect(navOwner('receipt')).toBe('sell');
    expect(navOwner('orders')).toBe('orders');
  });
});
