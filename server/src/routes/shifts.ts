/**
 * Shift routes (DESIGN §10.4): a store's shifts, open and closed, each with its totals, counts,
 * expected cash and variance recomputed from what the server holds. Shifts are opened, moved
 * and closed only by their till, through the `shift.*` sync mutations.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ShiftList } from '../../../src/protocol/shifts.ts';
import { callerOf } from '../auth.ts';
import { listShifts, MAX_SHIFT_LIST } from '../services/shifts.ts';
import { errors, storeForCaller, type RouteDeps } from './shared.ts';

export function registerShiftRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/v0/stores/:store_id/shifts',
    {
      schema: {
        tags: ['shifts'],
        summary: "A store's shifts, newest first, with the server's totals and variances (manager)",
        security: [{ bearer: [] }],
        params: Type.Object({ store_id: Type.String({ minLength: 1, maxLength: 128 }) }),
        querystring: Type.Object({
          limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_SHIFT_LIST })),
        }),
        response: { 200: ShiftList, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const store = await storeForCaller(deps, callerOf(request), request.params.store_id);
      const storeId = store?.store_id ?? request.params.store_id;
      return { shifts: await listShifts(deps.store.db, storeId, request.query.limit ?? 100) };
    },
  );
}
