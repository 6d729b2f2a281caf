/**
 * The picking refusals, loaded with the pick actions (off the first paint, like
 * `shift-messages.ts`).
 */
import { msg, str } from '@lit/localize';
import { plural } from './plural.ts';

const list = (titles: readonly string[]): string => titles.join(', ');

export const PickMessages = {
  serialAlreadyPicked: (serial: string, title: string, order: string) =>
    msg(str`Serial ${serial} is already picked for ${title} (order ${order}).`),
  serialNeededToPick: (title: string) =>
    msg(str`${title} needs its serial number before it is picked.`),
  itemNotInOrder: () => msg('That item is not part of this order.'),
  itemAlreadyPicked: (title: string) => msg(str`${title} is already picked.`),
  itemsStillToPick: (titles: readonly string[]) =>
    plural(titles.length, {
      one: () => msg(str`1 item still to pick: ${list(titles)}.`),
      other: () => msg(str`${titles.length} items still to pick: ${list(titles)}.`),
    }),
  completePickingFirst: () => msg('Complete picking before shipping.'),
  orderGone: () => msg('That order is no longer on this device.'),
  orderCancelled: () => msg('This order was cancelled.'),
  orderShipped: () => msg('This order was already shipped.'),
};
