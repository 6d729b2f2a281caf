// Refund arithmetic: what a unit paid, the default split over the original tenders, and the
// checks the server and the device make. Amounts in minor units; the sums are in comments.
import { describe, expect, it } from 'vitest';
import { minor } from '../../../src/domain/money.ts';
import {
  checkRefunds,
  proposeRefund,
  tendersRemaining,
  unitPaid,
  type TenderAmount,
} from '../../../src/domain/refund.ts';

const cash = (amount: number): TenderAmount => ({
  method: 'cash',
  reference: null,
  amount: minor(amount),
});
const card = (amount: number, reference = 'T-1'): TenderAmount => ({
  method: 'card',
  reference,
  amount: minor(amount),
});

describe('unitPaid', () => {
  it.each([
    // 19.99 + 1.60 tax added (tax-excluded store)
    [{ price: 1999, tax: 160 }, 'tax_excluded', 2159],
    // 19.99 with 3.19 tax inside (tax-included store): the price is what was paid
    [{ price: 1999, tax: 319 }, 'tax_included', 1999],
    // 100.00 less a 10.00 share of an order discount, plus 7.20 tax on 90.00
    [{ price: 10000, tax: 720, orderDiscountShare: 1000 }, 'tax_excluded', 9720],
    // tax-included 100.00 less 10.00 order share
    [{ price: 10000, tax: 1437, orderDiscountShare: 1000 }, 'tax_included', 9000],
    // free unit
    [{ price: 0, tax: 0 }, 'tax_excluded', 0],
  ] as const)('%j in a %s store paid %i', (unit, method, expected) => {
    expect(
      unitPaid(
        {
          ...unit,
          price: minor(unit.price),
          tax: minor(unit.tax),
          orderDiscountShare: minor('orderDiscountShare' in unit ? unit.orderDiscountShare : 0),
        },
        method,
      ),
    ).toBe(expected);
  });
});

describe('proposeRefund', () => {
  it.each<[string, number, TenderAmount[], TenderAmount[], TenderAmount[] | null]>([
    ['all cash', 2159, [cash(6477)], [], [cash(2159)]],
    ['all card', 2159, [card(6477)], [], [card(2159)]],
    // 500.00 paid 200.00 cash + 300.00 card; refund 100.00 → 40.00 cash, 60.00 card
    ['split in proportion', 10000, [cash(20000), card(30000)], [], [cash(4000), card(6000)]],
    // 1.00 over thirds of 3.00: 33 + 33 + 33 = 99, the left cent to the first
    [
      'largest remainder',
      100,
      [cash(100), card(100, 'A'), card(100, 'B')],
      [],
      [cash(34), card(33, 'A'), card(33, 'B')],
    ],
    // cash already refunded 200.00: what is left is on the card
    [
      'after an earlier cash refund',
      10000,
      [cash(20000), card(30000)],
      [cash(20000)],
      [card(10000)],
    ],
    ['more than the tenders hold', 50001, [cash(20000), card(30000)], [], null],
    [
      'more than is left after earlier refunds',
      30001,
      [cash(20000), card(30000)],
      [cash(20000)],
      null,
    ],
    ['nothing', 0, [cash(100)], [], []],
  ])('%s', (_, amount, paid, refunded, expected) => {
    const proposal = proposeRefund(minor(amount), paid, refunded);
    expect(proposal).toEqual(expected);
    if (proposal !== null) expect(proposal.reduce((sum, t) => sum + t.amount, 0)).toBe(amount);
  });

  it('merges two payments of one card into one pot', () => {
    expect(tendersRemaining([card(1000), card(500)], [card(300)])).toEqual([card(1200)]);
  });
});

describe('checkRefunds', () => {
  const paid = [cash(20000), card(30000)];
  it.each<[string, TenderAmount[], number, TenderAmount[], boolean, string[]]>([
    ['the proposed split', [cash(4000), card(6000)], 10000, [], false, []],
    ['all to cash, within what cash paid', [cash(10000)], 10000, [], false, []],
    ['less than paid (restocking fee)', [cash(9000)], 10000, [], false, []],
    ['more than the units paid', [cash(10001)], 10000, [], false, ['exceeds_paid']],
    ['more than the units paid, even approved', [cash(10001)], 10000, [], true, ['exceeds_paid']],
    ['another card', [card(10000, 'OTHER')], 10000, [], false, ['not_original_tender']],
    ['another card, approved', [card(10000, 'OTHER')], 10000, [], true, []],
    [
      'cash over what cash can still refund',
      [cash(10000)],
      10000,
      [cash(15000)],
      false,
      ['exceeds_tender'],
    ],
    [
      'exchange credit',
      [{ method: 'exchange', reference: 'sale-2', amount: minor(10000) }],
      10000,
      [],
      false,
      [],
    ],
  ])('%s', (_, refunds, itemsPaid, refunded, approved, kinds) => {
    expect(
      checkRefunds(refunds, minor(itemsPaid), paid, refunded, approved).map((p) => p.kind),
    ).toEqual(kinds);
  });
});
