/**
 * The sentences the device's own refusals say to an associate, in one place: repositories
 * throw `DataError`s carrying these, and screens that say the same thing before asking the
 * repository (Pay with a serial missing) use the same function, so the two never drift.
 */

const list = (titles: readonly string[]): string => titles.join(', ');

export const Messages = {
  // The cart
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

  // Discounts
  discountInvalid: () =>
    'A discount is at least nothing and at most the price: check the percentage or amount.',
  discountAboveLimit: (limit: number) =>
    `That is more than the ${limit} % even a manager may give here.`,
  discountReasonUnknown: () => 'Choose a reason from the list.',

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

  // Returns
  returnNothingChosen: () => 'Choose at least one unit to return.',
  saleNotOnDevice: () =>
    'That sale is not on this device. Scan the receipt code, type the receipt number, or scan a serial of the unit.',
  unitNotInSale: () => 'That unit is not part of this sale.',
  unitAlreadyReturned: (title: string, when: string) =>
    `${title} was already returned (${when}). It cannot be returned again.`,
  serialMismatch: (title: string, sold: string) =>
    `This ${title} was sold with serial ${sold}. Scan the serial of the unit being returned; nothing was returned.`,
  serialNeededToReturn: (title: string) =>
    `Scan or type the serial of the ${title} being returned.`,
  refundExceedsPaid: (paid: string) =>
    `The refund is more than was paid for these units (${paid}).`,
  refundNeedsApproval: () =>
    'Refunding other than to the sale’s own tenders needs a manager’s approval.',
  blindReturnNeedsApproval: () => 'A return without a receipt needs a manager’s approval.',
  reasonMissing: () => 'Choose a reason for every unit.',

  // Approvals
  approverUnknown: () => 'That manager has not set a PIN on this device.',
  approverNotManager: (name: string) => `${name} is not a manager of this store.`,
  approverPinWrong: (left: number) =>
    left === 1 ? 'Wrong PIN: 1 try left.' : `Wrong PIN: ${left} tries left.`,
  approverLockedOut: (name: string) =>
    `${name} entered a wrong PIN too often: they must sign in with their password on this device.`,
  approvalReasonMissing: () => 'Say why this is approved.',

  // Session
  pinFormat: () => 'A PIN is 4 to 6 digits.',
  salesUnsentAtSignOut: (count: number) =>
    count === 1
      ? '1 sale has not reached the server yet. Connect to the network and wait for it to sync before signing out.'
      : `${count} sales have not reached the server yet. Connect to the network and wait for them to sync before signing out.`,
} as const;
