/**
 * The pure step of `pickFulfillmentRequest` (fulfillment-pick.ts): from a request's items and a
 * pick body, which items get picked with which serial, whether picking completes — or the
 * refusal, with every bad item named. Checking everything here, before the first write, is
 * what lets a refused pick leave nothing behind (a push goes on after a rejected mutation).
 */
import {
  describeSerialRefusal,
  type SerialValidator,
} from '../../../src/domain/serial-validation.ts';
import type { PickRequest } from '../../../src/protocol/fulfillment.ts';
import type { ErrorDetail } from '../../../src/protocol/schemas.ts';
import type { FulfillmentItemsTable } from '../db/tables.ts';
import { ApiError } from '../errors.ts';

export interface PlannedPick {
  item: FulfillmentItemsTable;
  /** The serial as registered (cleaned), null for an item that is not serialized. */
  serial: string | null;
  /** Its place in the body's `items`. */
  index: number;
}

export interface PickPlan {
  planned: PlannedPick[];
  /** True when this pick completes picking (every item is then picked). */
  completing: boolean;
}

export interface PickInput {
  requestId: string;
  /** The request's state: `open` may complete, `picked` is complete already. */
  state: string;
  items: readonly FulfillmentItemsTable[];
  body: PickRequest;
  validator: SerialValidator;
  /** `api` refuses a serial failing the pattern; `sync` keeps it (an exception follows). */
  source: 'api' | 'sync';
}

/** One body item against the request: its refusal (`invalid` / `taken`), or its plan, or nothing to do. */
type Verdict =
  { invalid: ErrorDetail } | { taken: ErrorDetail } | { planned: PlannedPick } | { nothing: true };

function judgeItem(
  input: PickInput,
  byId: ReadonlyMap<string, FulfillmentItemsTable>,
  seen: Map<string, number>,
  index: number,
): Verdict {
  const pick = input.body.items[index];
  const field = `items[${index}]`;
  const item = pick === undefined ? undefined : byId.get(pick.id);
  if (pick === undefined || item === undefined) {
    return {
      invalid: { field: `${field}.id`, message: `is not an item of request ${input.requestId}` },
    };
  }
  const first = seen.get(pick.id);
  if (first !== undefined)
    return { invalid: { field: `${field}.id`, message: `repeats items[${first}]` } };
  seen.set(pick.id, index);
  let serial: string | null = null;
  if (item.serialized === 1) {
    const verdict = input.validator.validate(pick.serial_number ?? '');
    serial = verdict.serial;
    if (serial === '') {
      return {
        invalid: {
          field: `${field}.serial_number`,
          message: `is required: ${item.title} is serialized`,
        },
      };
    }
    const refused = input.source === 'api' && !verdict.ok && verdict.reason !== 'pattern_unusable';
    if (refused && item.picked === 0) {
      return {
        invalid: {
          field: `${field}.serial_number`,
          message: describeSerialRefusal(verdict) ?? 'is not a valid serial number',
        },
      };
    }
  }
  if (item.picked === 1) {
    // The same pick again (a retry, or another device that saw the same unit) changes nothing.
    if (item.serial_number === serial) return { nothing: true };
    return {
      taken: {
        field: `${field}.id`,
        message: `${item.title} (item ${item.id}) was already picked with serial ${item.serial_number ?? '(none)'}`,
      },
    };
  }
  return { planned: { item, serial, index } };
}

/** The plan of a pick; throws the 422 / 409 that refuses it, naming every item at fault. */
export function planPick(input: PickInput): PickPlan {
  if (input.body.items.length === 0 && input.body.complete !== true) {
    throw new ApiError(
      422,
      'invalid_pick',
      'Name at least one item to pick, or complete picking.',
      [{ field: 'items', message: 'is empty and complete is not true' }],
    );
  }
  const byId = new Map(input.items.map((item) => [item.id, item]));
  const seen = new Map<string, number>();
  const invalid: ErrorDetail[] = [];
  const taken: ErrorDetail[] = [];
  const planned: PlannedPick[] = [];
  input.body.items.forEach((_pick, index) => {
    const verdict = judgeItem(input, byId, seen, index);
    if ('invalid' in verdict) invalid.push(verdict.invalid);
    else if ('taken' in verdict) taken.push(verdict.taken);
    else if ('planned' in verdict) planned.push(verdict.planned);
  });
  if (invalid.length > 0)
    throw new ApiError(422, 'invalid_pick', 'The pick is not valid.', invalid);
  if (taken.length > 0) {
    const names = taken.map((detail) => detail.message).join('; ');
    throw new ApiError(409, 'already_picked', `Already picked on another device: ${names}.`, taken);
  }
  const plannedIds = new Set(planned.map((pick) => pick.item.id));
  const unpicked = input.items.filter((item) => item.picked === 0 && !plannedIds.has(item.id));
  const completing = input.body.complete === true && input.state === 'open';
  if (completing && unpicked.length > 0) {
    throw new ApiError(
      422,
      'incomplete_pick',
      `Picking cannot be completed: ${unpicked.length} item(s) still to pick (${unpicked.map((item) => item.title).join(', ')}).`,
      unpicked.map((item) => ({ field: 'complete', message: `item ${item.id} is not picked` })),
    );
  }
  return { planned, completing };
}
