/**
 * Return routes (DESIGN §10.2, NewStore vocabulary): return units of an order, list an order's
 * returns, a blind return, and a manager's release or scrap of a quarantined unit.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  BlindReturnRequest,
  ReturnList,
  ReturnRecord,
  ReturnRequest,
} from '../../../src/protocol/returns.ts';
import { Id } from '../../../src/protocol/schemas.ts';
import { assertStoreAccess, callerOf, type Caller } from '../auth.ts';
import { inTransaction } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { createReturn, disposeQuarantined, listReturns } from '../services/returns.ts';
import { errors, type RouteDeps } from './shared.ts';

const OrderParams = Type.Object({ order_id: Type.String({ minLength: 1, maxLength: 128 }) });

/** The store a return is taken in: the caller's own; an admin's names it in `returned_from`. */
function returnContext(deps: RouteDeps, caller: Caller, returnedFrom: string) {
  assertStoreAccess(caller, returnedFrom);
  return {
    source: 'api' as const,
    dialect: deps.store.dialect,
    storeId: returnedFrom,
    deviceId: caller.deviceId,
    associateId: caller.userId,
  };
}

export const DispositionRequest = Type.Object({
  product_id: Id,
  action: Type.Union([Type.Literal('release'), Type.Literal('scrap')]),
  note: Type.Optional(Type.String({ maxLength: 500 })),
});

export function registerReturnRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/v0/d/orders/:order_id/returns',
    {
      schema: {
        tags: ['returns'],
        summary: 'Return units of an order: 201 when new, 200 when the same return is sent again',
        security: [{ bearer: [] }],
        params: OrderParams,
        body: ReturnRequest,
        response: { 200: ReturnRecord, 201: ReturnRecord, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request, reply) => {
      const context = returnContext(deps, callerOf(request), request.body.returned_from);
      const outcome = await inTransaction(deps.store, (trx) =>
        createReturn(
          trx,
          { kind: 'order', orderKey: request.params.order_id, body: request.body },
          context,
        ),
      );
      return reply.code(outcome.created ? 201 : 200).send(outcome.record);
    },
  );

  api.get(
    '/v0/d/orders/:order_id/returns',
    {
      schema: {
        tags: ['returns'],
        summary: "An order's returns, oldest first",
        security: [{ bearer: [] }],
        params: OrderParams,
        response: { 200: ReturnList, ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const storeId = caller.role === 'admin' ? null : caller.storeId;
      const returns = await listReturns(deps.store, request.params.order_id, storeId);
      if (returns === null) throw notFound(`Order ${request.params.order_id}`);
      return { returns };
    },
  );

  api.post(
    '/v0/d/returns',
    {
      schema: {
        tags: ['returns'],
        summary: 'A return without its order (blind), always approved by a manager',
        security: [{ bearer: [] }],
        body: BlindReturnRequest,
        response: { 200: ReturnRecord, 201: ReturnRecord, ...errors(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const context = returnContext(deps, callerOf(request), request.body.returned_from);
      const outcome = await inTransaction(deps.store, (trx) =>
        createReturn(trx, { kind: 'blind', body: request.body }, context),
      );
      return reply.code(outcome.created ? 201 : 200).send(outcome.record);
    },
  );

  api.post(
    '/v0/serials/:serial_number/disposition',
    {
      schema: {
        tags: ['serials'],
        summary: 'Release a quarantined unit back to stock, or scrap it (manager)',
        security: [{ bearer: [] }],
        params: Type.Object({ serial_number: Type.String({ minLength: 1, maxLength: 200 }) }),
        body: DispositionRequest,
        response: {
          200: Type.Object({ state: Type.String() }),
          ...errors(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const storeId = caller.storeId;
      if (storeId === null) throw notFound(`Serial ${request.params.serial_number}`);
      return inTransaction(deps.store, (trx) =>
        disposeQuarantined(trx, {
          storeId,
          productId: request.body.product_id,
          serial: request.params.serial_number,
          action: request.body.action,
          ...(request.body.note === undefined ? {} : { note: request.body.note }),
          by: caller.userId,
        }),
      );
    },
  );
}
