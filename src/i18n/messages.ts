/**
 * The sentences the device's own refusals say to an associate, in one place: repositories
 * throw `DataError`s carrying these, and screens that say the same thing before asking the
 * repository (Pay with a serial missing) use the same function, so the two never drift. Each
 * is a `msg()`, in the language shown when it is said (src/i18n/localization.ts).
 */

import { msg, str } from '@lit/localize';
import { plural } from './plural.ts';

const list = (titles: readonly string[]): string => titles.join(', ');

export const Messages = {
  // Screens
  screenNotLoaded: () =>
    msg('This part of the screen could not be loaded. Check the connection, then reload the app.'),

  // The cart
  codeTooLong: (length: number, max: number) =>
    msg(
      str`That is not a barcode: ${length} characters were entered, a code has at most ${max}. Nothing was added.`,
    ),
  cartEmpty: () => msg('The cart is empty: scan a product first.'),
  noOpenShift: () =>
    msg(
      'No shift is open on this till. Open the till first: Shift → Open shift, then count the opening float.',
    ),
  lineGone: () => msg('That line is no longer in the cart.'),
  productGone: () => msg('That product is no longer in the catalog on this device.'),
  notSellable: (title: string) =>
    msg(str`${title} has no price, so it cannot be sold. Ask a manager to price it.`),
  quantityRange: (max: number) => msg(str`Quantity must be a whole number from 1 to ${max}.`),
  serializedLineQuantity: () =>
    msg('Each serialized unit is its own line: scan the product again to add another.'),
  notSerialized: (title: string) =>
    msg(str`${title} is not serialized: it takes no serial number.`),
  shippedTakesNoSerial: (title: string) =>
    msg(str`${title} is shipped to the customer: its serial is scanned when it is picked.`),

  // Serials
  serialsMissingBeforePayment: (titles: readonly string[]) =>
    plural(titles.length, {
      one: () => msg(str`1 item needs its serial number before payment: ${list(titles)}.`),
      other: () =>
        msg(str`${titles.length} items need their serial numbers before payment: ${list(titles)}.`),
    }),
  serialStillNeeded: (title: string) => msg(str`${title} still needs its serial before payment.`),
  serialInCart: (serial: string, title: string) =>
    msg(
      str`Serial ${serial} of ${title} is already in this cart. Scan the serial of the unit in hand.`,
    ),
  serialSoldUnsent: (serial: string, title: string, receipt: string) =>
    msg(
      str`Serial ${serial} of ${title} was already sold on this device (sale ${receipt}, not yet sent). Scan the serial of the unit in hand.`,
    ),
  serialAlreadySold: (serial: string, when: string, receipt: string) =>
    msg(
      str`Serial ${serial} was already sold on ${when} in sale ${receipt} and not returned. Check the unit; scan it again to sell it anyway (a manager will review it).`,
    ),
  // Payment
  // Picking
  // Serial exceptions
  correctedSerialMissing: () => msg('Enter or scan the right serial number.'),
  exceptionGone: () => msg('That exception is no longer on this device.'),
  exceptionResolved: () => msg('That exception is already resolved.'),
  resolutionWaiting: () => msg('A resolution of this exception is already waiting to be sent.'),

  // Session
  pinFormat: () => msg('A PIN is 4 to 6 digits.'),
  salesUnsentAtSignOut: (count: number) =>
    plural(count, {
      one: () =>
        msg(
          '1 sale has not reached the server yet. Connect to the network and wait for it to sync before signing out.',
        ),
      other: () =>
        msg(
          str`${count} sales have not reached the server yet. Connect to the network and wait for them to sync before signing out.`,
        ),
    }),
} as const;
