/**
 * Where a sold unit's serial stands, in words for the receipt and the order history: a short
 * label beside the serial ("accepted", "exception: sold twice") and, when something is wrong,
 * what happened and what to do about it. The states themselves are `src/domain/serial-states.ts`.
 */
import { msg } from '@lit/localize';
import type { UnitSerialState, UnitSerialView } from '../domain/serial-states.ts';
import type { SerialExceptionKind } from '../protocol/serials.ts';

const STATE_LABELS: Record<UnitSerialState, () => string> = {
  captured: () => msg('captured'),
  pending: () => msg('pending'),
  accepted: () => msg('accepted'),
  exception: () => msg('exception'),
  resolved: () => msg('resolved'),
  refused: () => msg('sale refused'),
};

const KIND_LABELS: Record<SerialExceptionKind, () => string> = {
  duplicate: () => msg('sold twice'),
  invalid_format: () => msg('does not match the pattern'),
  missing: () => msg('no serial'),
  quarantined_unit: () => msg('sold while quarantined'),
  duplicate_return: () => msg('returned twice'),
};

const KIND_HELP: Record<SerialExceptionKind, () => string> = {
  duplicate: () =>
    msg(
      'This serial was also sold in another sale. The sale stands and the customer keeps the unit; a manager checks which sale holds the serial. Nothing to do at the till.',
    ),
  invalid_format: () =>
    msg(
      "This serial does not match the store's serial format. The sale stands; a manager corrects the serial or accepts it. Nothing to do at the till.",
    ),
  missing: () =>
    msg(
      'This unit left without its serial. The sale stands; a manager records the serial later. Keep the box if the customer left it.',
    ),
  quarantined_unit: () =>
    msg(
      'This unit was set aside as damaged or defective before it was sold. The sale stands; a manager checks the unit. Nothing to do at the till.',
    ),
  duplicate_return: () =>
    msg(
      'This unit was also returned on another till. Both refunds are kept; a manager reviews them. Nothing to do at the till.',
    ),
};

type View = Pick<UnitSerialView, 'state' | 'exceptionKinds'>;

/** `exception: sold twice`, or the plain state label. */
export function unitSerialStateLabel(view: View): string {
  const label = STATE_LABELS[view.state]();
  if (view.state !== 'exception' || view.exceptionKinds.length === 0) return label;
  return `${label}: ${view.exceptionKinds.map((kind) => KIND_LABELS[kind]()).join(', ')}`;
}

/** What happened and what to do, for a unit whose serial needs a manager; null otherwise. */
export function unitSerialStateHelp(view: View): string | null {
  if (view.state === 'refused') {
    return msg(
      'The store server refused this sale. The sale is kept on this device; ask a manager to look at it.',
    );
  }
  if (view.state !== 'exception') return null;
  const kind = view.exceptionKinds[0];
  return kind === undefined
    ? msg(
        'The store server flagged this serial. The sale stands; a manager reviews the serial. Nothing to do at the till.',
      )
    : KIND_HELP[kind]();
}
