/**
 * Fulfilment routes (DESIGN §5, issue 6): a store's requests to pick, picking with serials,
 * shipping (or handing over for pick-up), and a manager's cancellation. Associates and
 * managers act in their own store; an admin in any.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  CancelRequest,
  FulfillmentListQuery,
  FulfillmentRequest,
  FulfillmentRequestList,
  PickRequest,
  ShipmentRequest,
} from '../../../src/protocol/fulfillment.ts';
import { callerOf } from '../auth.ts';
import { inTransaction } from '../db/database.ts';
import { listFulfillmentRequests } from '../services/fulfillment.ts';
import {
  cancelFulfillmentRequest,
  pickFulfillmentRequest,
  shipFulfillmentRequest,
} from '../services/fulfillment-pick.ts';
import { errors, storeForCaller, type RouteDeps } from './shared.ts';

const RequestParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 128 }) });

export function registerFulfillmentRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.get(
    '/v0/stores/:store_id/fulfillment_requests',
    {
      schema: {
        tags: ['fulfillment'],
        summary: "A store's fulfilment requests: pick-up before carrier, then oldest first",
        security: [{ bearer: [] }],
        params: Type.Object({ store_id: Type.String({ minLength: 1, maxLength: 128 }) }),
        querystring: FulfillmentListQuery,
        response: { 200: FulfillmentRequestList, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      const storeRow = await storeForCaller(deps, caller, request.params.store_id);
      return {
        fulfillment_requests: await listFulfillmentRequests(
          deps.store.db,
          storeRow?.store_id ?? request.params.store_id,
          request.query.state ?? 'open',
          request.query.limit ?? 1000,
        ),
      };
    },
  );

  api.post(
    '/v0/fulfillment_requests/:id/pick',
    {
      schema: {
        tags: ['fulfillment'],
        summary: 'Record picked items with their serials, and/or complete picking (idempotent)',
        security: [{ bearer: [] }],
        params: RequestParams,
        body: PickRequest,
        response: { 200: FulfillmentRequest, ...errors(400, 401, 403, 404, 409, 422) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      return inTransaction(deps.store, (trx) =>
        pickFulfillmentRequest(trx, deps.store, caller, request.params.id, request.body, {
          source: 'api',
          deviceId: caller.deviceId ?? null,
        }),
      );
    },
  );

  api.post(
    '/v0/fulfillment_requests/:id/shipment',
    {
      schema: {
        tags: ['fulfillment'],
        summary: 'Ship a picked request (tracking code optional), or hand it over for pick-up',
        security: [{ bearer: [] }],
        params: RequestParams,
        body: ShipmentRequest,
        response: { 200: FulfillmentRequest, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      return inTransaction(deps.store, (trx) =>
        shipFulfillmentRequest(trx, deps.store, caller, request.params.id, request.body),
      );
    },
  );

  api.post(
    '/v0/fulfillment_requests/:id/cancel',
    {
      schema: {
        tags: ['fulfillment'],
        summary: 'Cancel a request that was not shipped (manager); picked serials are freed',
        security: [{ bearer: [] }],
        params: RequestParams,
        body: Type.Optional(CancelRequest),
        response: { 200: FulfillmentRequest, ...errors(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const caller = callerOf(request);
      return inTransaction(deps.store, (trx) =>
        cancelFulfillmentRequest(trx, deps.store, caller, request.params.id, request.body ?? {}),
      );
    },
  );
}
