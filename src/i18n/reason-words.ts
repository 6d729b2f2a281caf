/**
 * The fixed reasons of returns and discounts, and a returned unit's condition, in words. A
 * reason is stored and sent as its English value (the server's reports group by it) and shown
 * in the language of the screen; a reason that is not one of ours (a store's own discount
 * reasons from its configuration, an older till's) is shown as it is.
 */
import { msg } from '@lit/localize';
import type { ReturnCondition } from '../protocol/wire-constants.ts';

/** The reasons offered, as stored. */
export const RETURN_REASONS = [
  'Changed mind',
  'Defective',
  'Damaged on arrival',
  'Wrong item',
  'Not as described',
  'Other',
] as const;

const REASON_LABELS: Record<(typeof RETURN_REASONS)[number], () => string> = {
  'Changed mind': () => msg('Changed mind'),
  Defective: () => msg('Defective', { id: 'return.reason.defective' }),
  'Damaged on arrival': () => msg('Damaged on arrival'),
  'Wrong item': () => msg('Wrong item'),
  'Not as described': () => msg('Not as described'),
  Other: () => msg('Other'),
};

export function returnReasonLabel(reason: string): string {
  return (REASON_LABELS as Record<string, (() => string) | undefined>)[reason]?.() ?? reason;
}

export const RETURN_CONDITIONS: readonly ReturnCondition[] = ['resellable', 'damaged', 'defective'];

export function conditionLabel(condition: ReturnCondition): string {
  switch (condition) {
    case 'resellable':
      return msg('Resellable');
    case 'damaged':
      return msg('Damaged');
    case 'defective':
      return msg('Defective', { id: 'return.condition.defective' });
  }
}

const DISCOUNT_REASON_LABELS: Readonly<Record<string, () => string>> = {
  'Open box': () => msg('Open box'),
  'Damaged packaging': () => msg('Damaged packaging'),
  'Price match': () => msg('Price match'),
  Loyalty: () => msg('Loyalty'),
  'Manager discretion': () => msg('Manager discretion'),
};

/** The default discount reasons (src/domain/discounts.ts) in words; a store's own as they are. */
export function discountReasonLabel(reason: string): string {
  return DISCOUNT_REASON_LABELS[reason]?.() ?? reason;
}
