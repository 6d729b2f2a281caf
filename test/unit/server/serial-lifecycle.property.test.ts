// A property of the serial lifecycle (issue 12): over random sequences of sales, returns (in
// any condition) and releases of one serial from two devices, the registry keeps every sale
// and every return, holds the serial by at most one unit — exactly the one a reference state
// machine says — its event history is exactly what happened, in order, and it has one
// current state: the holding unit's, else its last event.
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { OrderCreated } from '../../../src/protocol/schemas.ts';
import type { SerialLookup } from '../../../src/protocol/serials.ts';
import { demoProduct, startTestApp, type TestApp } from './support.ts';
import { freshSerial, mutation, newDevice, push, serialSale } from './serial-support.ts';

const SEED = Number(process.env.AISLE_TEST_SEED ?? Date.now() % 2_147_483_647);

type Op =
  | { kind: 'sell'; device: 0 | 1 }
  | {
      kind: 'return';
      device: 0 | 1;
      condition: 'resellable' | 'damaged' | 'defective';
      which: number;
    }
  | { kind: 'release' };

const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({
    kind: fc.constant('sell' as const),
    device: fc.constantFrom(0 as const, 1 as const),
  }),
  fc.record({
    kind: fc.constant('return' as const),
    device: fc.constantFrom(0 as const, 1 as const),
    condition: fc.constantFrom('resellable' as const, 'damaged' as const, 'defective' as const),
    which: fc.nat(),
  }),
  fc.record({ kind: fc.constant('release' as const) }),
);

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(async () => {
  await t.close();
});

describe('serial lifecycle', () => {
  it('one current holder and a history that explains it, whatever happens', async () => {
    console.log(`serial-lifecycle property: seed ${SEED} (replay with AISLE_TEST_SEED=${SEED})`);
    const product = demoProduct(0);
    await fc.assert(
      fc.asyncProperty(fc.array(op, { minLength: 1, maxLength: 8 }), async (ops) => {
        const serial = freshSerial();
        const devices = [await newDevice(t), await newDevice(t)];
        const seqs = [0, 0];
        const send = async (device: 0 | 1, type: string, payload: unknown) => {
          seqs[device] = (seqs[device] ?? 0) + 1;
          const reply = await push(t, devices[device]!, [mutation(seqs[device], type, payload)]);
          return reply.body.results[0]!;
        };
        // The reference: which sale's unit holds the serial, and in which state.
        const sales: { externalId: string; itemId: string; returned: boolean }[] = [];
        const model: { holder: { sale: number; state: 'sold' | 'quarantined' } | null } = {
          holder: null,
        };
        const expectedEvents: string[] = [];
        let returnsMade = 0;
        for (const step of ops) {
          if (step.kind === 'sell') {
            const sale = serialSale([{ product: 0, serial }]);
            const result = await send(step.device, 'order.create', sale);
            expect(result.status).toBe('applied');
            const created = result.result as OrderCreated;
            sales.push({
              externalId: sale.external_id,
              itemId: created.items[0]!.id,
              returned: false,
            });
            if (model.holder === null) model.holder = { sale: sales.length - 1, state: 'sold' };
            expectedEvents.push('sold');
          } else if (step.kind === 'return') {
            const open = sales.map((_, i) => i).filter((i) => !sales[i]!.returned);
            if (open.length === 0) continue;
            const index = open[step.which % open.length]!;
            const sale = sales[index]!;
            const result = await send(step.device, 'order.return', {
              order_id: sale.externalId,
              x_external_id: `RET-${randomUUID()}`,
              returned_from: 'demo-store',
              items: [
                {
                  item_id: '1',
                  reason: 'property',
                  condition: step.condition,
                  serial_number: serial,
                },
              ],
              refunds: [],
            });
            expect(result.status).toBe('applied');
            sale.returned = true;
            returnsMade += 1;
            const state = step.condition === 'resellable' ? 'returned' : 'quarantined';
            expectedEvents.push(state);
            if (model.holder?.sale === index)
              model.holder = state === 'returned' ? null : { sale: index, state: 'quarantined' };
          } else {
            const reply = await t.call('POST', `/v0/serials/${serial}/disposition`, {
              token: t.tokens.manager,
              body: { product_id: product.product_id, action: 'release' },
            });
            const current = model.holder?.state ?? expectedEvents.at(-1);
            if (current === 'quarantined') {
              expect(reply.status).toBe(200);
              expectedEvents.push('released');
              if (model.holder?.state === 'quarantined') model.holder = null;
            } else {
              expect([404, 409]).toContain(reply.status);
            }
          }
        }

        const db = t.app.storeDb.db;
        const units = await db
          .selectFrom('serial_units')
          .selectAll()
          .where('serial_number', '=', serial)
          .execute();
        const active = units.filter((unit) => unit.active === 1);
        const heldBy = model.holder;
        if (heldBy === null) {
          expect(active).toEqual([]);
        } else {
          expect(active.map((unit) => [unit.order_item_id, unit.state])).toEqual([
            [sales[heldBy.sale]!.itemId, heldBy.state],
          ]);
        }
        // Every sale and every return kept.
        expect(units).toHaveLength(sales.length);
        const returns = await db
          .selectFrom('return_items')
          .select('id')
          .where('serial_number', '=', serial)
          .execute();
        expect(returns).toHaveLength(returnsMade);
        // The history is what happened, and its last event is the state the lookup reports.
        if (sales.length > 0) {
          const lookup = await t.call<SerialLookup>('GET', `/v0/serials/${serial}`);
          expect(lookup.body.events.map((event) => event.kind)).toEqual(expectedEvents);
          // One current state: the holding unit's, else the last thing that happened.
          expect(lookup.body.lifecycle_state).toBe(heldBy?.state ?? expectedEvents.at(-1));
        }
      }),
      { numRuns: 12, seed: SEED },
    );
  }, 120_000);
});
