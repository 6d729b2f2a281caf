import { describe, expect, it } from 'vitest';
import { receiptEmailPending, receiptEmailView } from '../../../src/domain/receipt-email.ts';
import type { Sale } from '../../../src/domain/sale.ts';
import type { ReceiptEmailReport } from '../../../src/domain/store-history.ts';

const customer = { name: 'Ada', email: 'ada@example.com', phone: null };
const pending: Sale['sync'] = { state: 'pending', orderId: null, error: null, syncedAt: null };
const synced: Sale['sync'] = { state: 'synced', orderId: 'o-1', error: null, syncedAt: 'T' };
const report = (state: ReceiptEmailReport['state']): ReceiptEmailReport => ({
  state,
  error: state === 'failed' ? '550 No such user' : null,
  sentAt: state === 'sent' ? '2026-11-27T10:00:05.000Z' : null,
});

describe('receiptEmailView', () => {
  it.each([
    ['no customer', {}, pending, undefined, null, false],
    ['no e-mail', { customer: { ...customer, email: null } }, synced, report('sent'), null, false],
    [
      'not on the server yet',
      { customer },
      pending,
      undefined,
      { state: 'waiting', to: 'ada@example.com', synced: false },
      true,
    ],
    [
      'on the server, no word yet',
      { customer },
      synced,
      undefined,
      { state: 'waiting', to: 'ada@example.com', synced: true },
      true,
    ],
    [
      'queued',
      { customer },
      synced,
      report('queued'),
      { state: 'queued', to: 'ada@example.com', error: null, sentAt: null },
      true,
    ],
    [
      'sent',
      { customer },
      synced,
      report('sent'),
      { state: 'sent', to: 'ada@example.com', error: null, sentAt: '2026-11-27T10:00:05.000Z' },
      false,
    ],
    [
      'failed',
      { customer },
      synced,
      report('failed'),
      { state: 'failed', to: 'ada@example.com', error: '550 No such user', sentAt: null },
      false,
    ],
    [
      'server sends none',
      { customer },
      synced,
      report('none'),
      { state: 'none', to: 'ada@example.com', error: null, sentAt: null },
      false,
    ],
  ])('%s', (_what, over, sync, known, expected, stillPending) => {
    const view = receiptEmailView({ ...over, sync }, known);
    expect(view).toEqual(expected);
    expect(receiptEmailPending(view)).toBe(stillPending);
  });
});
