/**
 * The sentences the device's own refusals say to an associate, in one place: repositories
 * throw `DataError`s carrying these, and screens that say the same thing before asking the
 * repository (Pay with a serial missing) use the same function, so the two never drift.
 */

const list = (titles: readonly string[]): string => titles.join(', ');

export const Messages = {
  // Screens
  screenNotLoaded: () =>
    'This part of the screen could not be loaded. Check the connection, then reload the app.',

  // The cart
  codeTooLong: (length: number, max: number) =>
    `That is not a barcode: ${length} characters were entered, a code has at most ${max}. Nothing was added.`,
  cartEmpty: () => 'The cart is empty: scan a product first.',
  lineGone: () => 'That line is no longer in the cart.',
  notSellable: (title: string) =>
    `${title} has no price, so it cannot be sold. Ask a manager to price it.`,
  quantityRange: (max: number) => `Quantity must be a whole number from 1 to ${max}.`,
  serializedLineQuantity: () =>
    'Each serialized unit is its own line: scan the product again to add another.',
  notSerialized: (title: string) => `${title} is not serialized: it takes no serial number.`,
  shippedTakesNoSerial: (title: string) =>
    `${title} is shipped to the customer: its serial is scanned when it is picked.`,

  // Serials
  serialsMissingBeforePayment: (titles: readonly string[]) =>
    titles.length === 1
      ? `1 item needs its serial number before payment: ${list(titles)}.`
      : `${titles.length} items need their serial numbers before payment: ${list(titles)}.`,
  serialStillNeeded: (title: string) => `${title} still needs its serial before payment.`,
  serialInCart: (serial: string, title: string) =>
    `Serial ${serial} of ${title} is already in this cart. Scan the serial of the unit in hand.`,
  serialSoldUnsent: (serial: string, title: string, receipt: string) =>
    `Serial ${serial} of ${title} was already sold on this device (sale ${receipt}, not yet sent). Scan the serial of the unit in hand.`,
  serialAlreadyPicked: (serial: string, title: string, order: string) =>
    `Serial ${serial} is already picked for ${title} (order ${order}).`,
  serialAlreadySold: (serial: string, when: string, receipt: string) =>
    `Serial ${serial} was already sold on ${when} in sale ${receipt} and not returned. Check the unit; scan it again to sell it anyway (a manager will review it).`,
  serialNeededToPick: (title: string) => `${title} needs its serial number before it is picked.`,

  // Payment
  cashShort: () => 'The cash given is less than the total.',
  cardReferenceMissing: () => 'Type the reference from the card terminal.',
  cardOverBalance: () => 'A card cannot pay more than the balance: only cash gives change.',
  tenderAfterPaid: () => 'The sale is already paid: remove the extra tender.',

  // Picking
  itemNotInOrder: () => 'That item is not part of this order.',
  itemAlreadyPicked: (title: string) => `${title} is already picked.`,
  itemsStillToPick: (titles: readonly string[]) =>
    `${titles.length} item(s) still to pick: ${list(titles)}.`,
  completePickingFirst: () => 'Complete picking before shipping.',
  orderGone: () => 'That order is no longer on this device.',
  orderCancelled: () => 'This order was cancelled.',
  orderShipped: () => 'This order was already shipped.',

  // Serial exceptions
  correctedSerialMissing: () => 'Enter or scan the right serial number.',
  exceptionGone: () => 'That exception is no longer on this device.',
  exceptionResolved: () => 'That exception is already resolved.',
  resolutionWaiting: () => 'A resolution of this exception is already waiting to be sent.',

  // Session
  pinFormat: () => 'A PIN is 4 to 6 digits.',
  salesUnsentAtSignOut: (count: number) =>
    count === 1
      ? '1 sale has not reached the server yet. Connect to the network and wait for it to sync before signing out.'
      : `${count} sales have not reached the server yet. Connect to the network and wait for them to sync before signing out.`,
} as const;
