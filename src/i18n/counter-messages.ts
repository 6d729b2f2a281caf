/**
 * The sentences of the counter's tools — returns, approvals, discounts, customers, parked sales —
 * kept apart from `messages.ts` so they load with those tools, off the first paint.
 */
import { msg, str } from '@lit/localize';
import { customerProblem } from './customer-words.ts';
import { plural } from './plural.ts';

export const CounterMessages = {
  // Returns
  returnNothingChosen: () => msg('Choose at least one unit to return.'),
  exchangeGone: () =>
    msg('This sale no longer holds an exchange. Start the exchange again from the Return screen.'),
  saleNotOnDevice: () =>
    msg(
      'That sale is not on this device. Scan the receipt code, type the receipt number, or scan a serial of the unit.',
    ),
  unitNotInSale: () => msg('That unit is not part of this sale.'),
  unitAlreadyReturned: (title: string, when: string) =>
    msg(str`${title} was already returned (${when}). It cannot be returned again.`),
  serialMismatch: (title: string, sold: string) =>
    msg(
      str`This ${title} was sold with serial ${sold}. Scan the serial of the unit being returned; nothing was returned.`,
    ),
  serialNeededToReturn: (title: string) =>
    msg(str`Scan or type the serial of the ${title} being returned.`),
  refundExceedsPaid: (paid: string) =>
    msg(str`The refund is more than was paid for these units (${paid}).`),
  refundNeedsApproval: () =>
    msg('Refunding other than to the sale’s own tenders needs a manager’s approval.'),
  blindReturnNeedsApproval: () => msg('A return without a receipt needs a manager’s approval.'),
  reasonMissing: () => msg('Choose a reason for every unit.'),

  // Approvals
  approverUnknown: () => msg('That manager has not set a PIN on this device.'),
  approverNotManager: (name: string) => msg(str`${name} is not a manager of this store.`),
  approverPinWrong: (left: number) =>
    plural(left, {
      one: () => msg('Wrong PIN: 1 try left.'),
      other: () => msg(str`Wrong PIN: ${left} tries left.`),
    }),
  approverLockedOut: (name: string) =>
    msg(
      str`${name} entered a wrong PIN too often: they must sign in with their password on this device.`,
    ),
  approvalReasonMissing: () => msg('Say why this is approved.'),

  // Discounts
  discountInvalid: () =>
    msg('A discount is at least nothing and at most the price: check the percentage or amount.'),
  discountAboveLimit: (limit: number) =>
    msg(str`That is more than the ${limit} % even a manager may give here.`),
  discountReasonUnknown: () => msg('Choose a reason from the list.'),

  // The customer
  customerInvalid: (problems: readonly { field: 'name' | 'email' | 'phone'; message: string }[]) =>
    problems.map((problem) => customerProblem(problem.field, problem.message)).join(' '),

  // Parked sales
  parkedGone: () => msg('That parked sale is no longer on this device.'),
  parkedByOther: (name: string) =>
    msg(str`This sale was parked by ${name}: only they can recall it.`),
  parkOpenSaleFirst: () => msg('Park or finish the open sale first, then recall the other one.'),
} as const;
