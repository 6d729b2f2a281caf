/**
 * The sentences of the till's shift — opening, cash movements, the close — kept apart from
 * `messages.ts` so most load with the shift screens, off the first paint. Each is a `msg()`, in
 * the language shown when it is said (src/i18n/localization.ts).
 */
import { msg } from '@lit/localize';

export const ShiftMessages = {
  amountInvalid: () => msg('Enter an amount of zero or more, like 200 or 200.00.'),
  reasonMissing: () =>
    msg('Say why the cash moved (for example: to the safe, change from the bank).'),
  alreadyOpen: () => msg('This till already has an open shift. Close it before opening another.'),
  noShift: () => msg('That shift is not on this device.'),
  closed: () =>
    msg('This shift is closed and takes no more sales or cash movements. Open a new shift.'),
  countDoesNotAddUp: () => msg('The notes and coins counted do not add up to the cash counted.'),
  refusedByServer: () => msg('The store server refused this shift change.'),
};
