/**
 * The pure step of picking (issue 10): which items a pick body picks, with which serial, and
 * every refusal named — before anything is written. The route and sync tests
 * (fulfillment*.test.ts) prove it is wired.
 */
import { describe, expect, it } from 'vitest';
import { ApiError } from '../../../server/src/errors.ts';
import { planPick, type PickInput } from '../../../server/src/services/pick-plan.ts';
import type { FulfillmentItemsTable } from '../../../server/src/db/tables.ts';
import { createSerialValidator } from '../../../src/domain/serial-validation.ts';

const validator = createSerialValidator('^[A-Z0-9]{14}$');
const GOOD = 'SN4K7Q2M9X1B3C';

const item = (id: string, over: Partial<FulfillmentItemsTable> = {}): FulfillmentItemsTable => ({
  id,
  request_id: 'r1',
  order_item_id: `oi-${id}`,
  position: 0,
  product_id: `p-${id}`,
  title: `Item ${id}`,
  serialized: 0,
  picked: 0,
  serial_number: null,
  unit_id: null,
  picked_at: null,
  picked_by: null,
  picked_device_id: null,
  ...over,
});

const phone = item('phone', { serialized: 1 });
const cable = item('cable');

const input = (body: PickInput['body'], over: Partial<PickInput> = {}): PickInput => ({
  requestId: 'r1',
  state: 'open',
  items: [phone, cable],
  body,
  validator,
  source: 'api',
  ...over,
});

describe('planPick: what it picks', () => {
  it.each([
    {
      name: 'a cable and a phone with its serial (scanner additions removed)',
      in: input({ items: [{ id: 'cable' }, { id: 'phone', serial_number: `]C1${GOOD}\r\n` }] }),
      planned: [
        ['cable', null, 0],
        ['phone', GOOD, 1],
      ],
      completing: false,
    },
    {
      name: 'everything, completing',
      in: input({ items: [{ id: 'phone', serial_number: GOOD }, { id: 'cable' }], complete: true }),
      planned: [
        ['phone', GOOD, 0],
        ['cable', null, 1],
      ],
      completing: true,
    },
    {
      name: 'the same pick again: nothing to do',
      in: input(
        { items: [{ id: 'phone', serial_number: GOOD }] },
        { items: [item('phone', { serialized: 1, picked: 1, serial_number: GOOD }), cable] },
      ),
      planned: [],
      completing: false,
    },
    {
      name: 'completing what is already all picked',
      in: input({ items: [], complete: true }, { items: [item('cable', { picked: 1 })] }),
      planned: [],
      completing: true,
    },
    {
      name: 'a serial failing the pattern from a device: kept (an exception follows)',
      in: input({ items: [{ id: 'phone', serial_number: 'short' }] }, { source: 'sync' }),
      planned: [['phone', 'short', 0]],
      completing: false,
    },
  ])('$name', ({ in: given, planned, completing }) => {
    const plan = planPick(given);
    expect(plan.planned.map((p) => [p.item.id, p.serial, p.index])).toEqual(planned);
    expect(plan.completing).toBe(completing);
  });
});

describe('planPick: what it refuses', () => {
  it.each([
    {
      name: 'an empty pick that does not complete',
      in: input({ items: [] }),
      refusal: [422, 'invalid_pick', ['items']],
    },
    {
      name: 'an item of another request, and a repeated one, together',
      in: input({ items: [{ id: 'cable' }, { id: 'nope' }, { id: 'cable' }] }),
      refusal: [422, 'invalid_pick', ['items[1].id', 'items[2].id']],
    },
    {
      name: 'a serialized item without its serial',
      in: input({ items: [{ id: 'phone' }] }),
      refusal: [422, 'invalid_pick', ['items[0].serial_number']],
    },
    {
      name: 'a serial failing the pattern on the API',
      in: input({ items: [{ id: 'phone', serial_number: 'short' }] }),
      refusal: [422, 'invalid_pick', ['items[0].serial_number']],
    },
    {
      name: 'an item another device picked with another serial',
      in: input(
        { items: [{ id: 'phone', serial_number: GOOD }] },
        { items: [item('phone', { serialized: 1, picked: 1, serial_number: 'SN00000000000X' })] },
      ),
      refusal: [409, 'already_picked', ['items[0].id']],
    },
    {
      name: 'completing with an item left',
      in: input({ items: [{ id: 'cable' }], complete: true }),
      refusal: [422, 'incomplete_pick', ['complete']],
    },
  ] as const)('$name', ({ in: given, refusal }) => {
    let caught: unknown;
    try {
      planPick(given);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(ApiError);
    const error = caught as ApiError;
    expect([error.statusCode, error.code, error.details.map((d) => d.field)]).toEqual(refusal);
  });
});
