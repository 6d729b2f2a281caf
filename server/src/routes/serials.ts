/**
 * Serial registry routes (DESIGN §5): where a serial stands, a store's serial exceptions, and
 * a manager's resolution of one. Associates may look serials up in their store; listing and
 * resolving exceptions needs a manager of that store (admins see every store).
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  SerialException,
  SerialExceptionList,
  SerialExceptionResolve,
  SerialLookup,
  SerialLookupQuery,
} from '../../../src/protocol/serials.ts';
import { callerOf, requireRole } from '../auth.ts';
import { inTransaction } from '../db/database.ts';
import {
  listSerialExceptions,
  MAX_EXCEPTION_LIST,
  resolveSerialException,
} from '../services/serial-exceptions.ts';
import { lookupSerial } from '../services/serial-lookup.ts';
import { errors, storeForCaller, type RouteDeps } from './shared.ts';

const ExceptionListQuery = Type.Object({
  state: Type.Optional(
    Type.Union([Type.Literal('open'), Type.Literal('resolved'), Type.Literal('all')]),
  ),
  store_id: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_EXCEPTION_LIST })),
});

export function registerSerialRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/v0/serials/:serial_number',
    {
      schema: {
        tags: ['serials'],
        summary:
          'Where a serial stands: product, state, order, store, device, associate, capture, history',
        security: [{ bearer: [] }],
        params: Type.Object({ serial_number: Type.String({ minLength: 1, maxLength: 200 }) }),
        querystring: SerialLookupQuery,
        response: { 200: SerialLookup, ...errors(400, 401, 404, 409) },
      },
    },
    async (request) =>
      lookupSerial(
        deps.store,
        callerOf(request),
        request.params.serial_number,
        request.query.product_id,
      ),
  );

  api.get(
    '/v0/serial-exceptions',
    {
      schema: {
        tags: ['serials'],
        summary: "A store's serial exceptions (manager; admin: every store or the one named)",
        security: [{ bearer: [] }],
        querystring: ExceptionListQuery,
        response: { 200: SerialExceptionList, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      requireRole(caller, 'manager');
      const storeRow = await storeForCaller(deps, caller, request.query.store_id);
      return {
        serial_exceptions: await listSerialExceptions(
          deps.store.db,
          storeRow?.store_id ?? null,
          request.query.state ?? 'open',
          request.query.limit ?? MAX_EXCEPTION_LIST,
          caller.role === 'admin',
        ),
      };
    },
  );

  api.post(
    '/v0/serial-exceptions/:id/resolve',
    {
      schema: {
        tags: ['serials'],
        summary: 'Resolve a serial exception: corrected (with the serial), accepted, or voided',
        security: [{ bearer: [] }],
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) }),
        body: SerialExceptionResolve,
        response: { 200: SerialException, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      return inTransaction(deps.store, (trx) =>
        resolveSerialException(trx, deps.store, caller, request.params.id, request.body),
      );
    },
  );
}
