/**
 * The sentences of the till's shift — opening, cash movements, the close — kept apart from
 * `messages.ts` so most load with the shift screens, off the first paint.
 */
export const ShiftMessages = {
  amountInvalid: () => 'Enter an amount of zero or more, like 200 or 200.00.',
  reasonMissing: () => 'Say why the cash moved (for example: to the safe, change from the bank).',
  alreadyOpen: () => 'This till already has an open shift. Close it before opening another.',
  noShift: () => 'That shift is not on this device.',
  closed: () => 'This shift is closed and takes no more sales or cash movements. Open a new shift.',
  countDoesNotAddUp: () => 'The notes and coins counted do not add up to the cash counted.',
  refusedByServer: () => 'The store server refused this shift change.',
};
