/** Order routes: inject an order (idempotent on external_id) and read one back. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Order, OrderCreated, OrderFlagList, OrderRequest } from '../../../src/protocol/schemas.ts';
import { assertStoreAccess, callerOf, foundInStore, requireRole } from '../auth.ts';
import { inTransaction } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { createOrder, findOrder, listOrderFlags, MAX_FLAG_LIST } from '../services/orders.ts';
import { errors, storeForCaller, type RouteDeps } from './shared.ts';

const FlagListQuery = Type.Object({
  store_id: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_FLAG_LIST })),
});

export function registerOrderRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/v0/d/fulfill_order',
    {
      schema: {
        tags: ['orders'],
        summary: 'Inject an order: 201 when new, 200 when the same order is sent again',
        security: [{ bearer: [] }],
        body: OrderRequest,
        response: { 200: OrderCreated, 201: OrderCreated, ...errors(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      const caller = callerOf(request);
      assertStoreAccess(caller, request.body.store_id);
      const outcome = await inTransaction(deps.store, (trx) =>
        createOrder(trx, request.body, {
          source: 'api',
          // An admin (an integration) is believed; anyone else is recorded as its token says.
          sender: {
            deviceId: caller.deviceId,
            associateId: caller.userId,
            trusted: caller.role === 'admin',
            role: caller.role,
          },
          receiptEmail: deps.receiptEmail,
        }),
      );
      return reply.code(outcome.created ? 201 : 200).send(outcome.order);
    },
  );

  api.get(
    '/v0/orders/:id',
    {
      schema: {
        tags: ['orders'],
        summary: 'One order with its items, serials, totals and payments',
        security: [{ bearer: [] }],
        params: Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) }),
        response: { 200: Order, ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const order = await findOrder(deps.store, { id: request.params.id }, null);
      return foundInStore(caller, order, `Order ${request.params.id}`);
    },
  );

  api.get(
    '/v0/orders',
    {
      schema: {
        tags: ['orders'],
        summary: 'Find an order of the caller store by its external_id',
        security: [{ bearer: [] }],
        querystring: Type.Object({
          external_id: Type.String({ minLength: 1, maxLength: 128 }),
          store_id: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
        }),
        response: { 200: Order, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      // external_id is unique per store only: look in the caller's store (an admin may name one).
      const storeId = caller.role === 'admin' ? (request.query.store_id ?? null) : caller.storeId;
      if (caller.role !== 'admin' && request.query.store_id !== undefined) {
        assertStoreAccess(caller, request.query.store_id);
      }
      const order = await findOrder(deps.store, { externalId: request.query.external_id }, storeId);
      if (order === null) throw notFound(`Order ${request.query.external_id}`);
      return order;
    },
  );

  api.get(
    '/v0/order-flags',
    {
      schema: {
        tags: ['orders'],
        summary:
          "A store's flagged sales, newest first: money that does not add up, a price below the catalog, another device or associate named (manager; admin: every store or the one named)",
        security: [{ bearer: [] }],
        querystring: FlagListQuery,
        response: { 200: OrderFlagList, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      requireRole(caller, 'manager');
      const storeRow = await storeForCaller(deps, caller, request.query.store_id);
      return {
        order_flags: await listOrderFlags(
          deps.store.db,
          storeRow?.store_id ?? null,
          request.query.limit ?? MAX_FLAG_LIST,
        ),
      };
    },
  );
}
