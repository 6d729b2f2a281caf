/** Device sync routes (DESIGN §4): register a device, push its outbox, pull changes. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  DeviceRegistered,
  DeviceRegistration,
  PullQuery,
  PullResponse,
  PushRequest,
  PushResponse,
  SeqGap,
  UnsupportedProtocol,
} from '../../../src/protocol/sync-protocol.ts';
import { ErrorBody, Uuid } from '../../../src/protocol/schemas.ts';
import { callerOf } from '../auth.ts';
import { registerDevice } from '../services/devices.ts';
import { pullChanges } from '../services/sync-pull.ts';
import { pushMutations } from '../services/sync-push.ts';
import { exemptFromNulScan } from '../validation.ts';
import { errors, type RouteDeps } from './shared.ts';

/** Pull's query: the protocol's paging plus who asks (device, or a store for an admin). */
const PullRequestQuery = Type.Composite([
  PullQuery,
  Type.Object({
    device_id: Type.Optional(Uuid),
    store_id: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
  }),
]);

// A NUL inside one mutation rejects that mutation (in pushMutations), not the whole push.
exemptFromNulScan(PushRequest);

export function registerSyncRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/v0/devices',
    {
      schema: {
        tags: ['sync'],
        summary: "Register a device for a store, or learn a known device's last applied seq",
        security: [{ bearer: [] }],
        body: DeviceRegistration,
        response: {
          200: DeviceRegistered,
          201: DeviceRegistered,
          ...errors(400, 401, 403, 409, 422),
        },
      },
    },
    async (request, reply) => {
      const outcome = await registerDevice(deps.store, callerOf(request), request.body);
      return reply.code(outcome.created ? 201 : 200).send(outcome.device);
    },
  );

  api.post(
    '/v0/sync/push',
    {
      // Each payload's depth is bounded per mutation (rejected, seq advances), not here.
      config: { mutationEnvelope: true },
      schema: {
        tags: ['sync'],
        summary: 'Apply outbox mutations in seq order, exactly once',
        security: [{ bearer: [] }],
        body: PushRequest,
        response: {
          200: PushResponse,
          409: Type.Union([SeqGap, ErrorBody]),
          426: UnsupportedProtocol,
          ...errors(400, 401, 403, 404),
        },
      },
    },
    async (request) =>
      pushMutations(deps.store, callerOf(request), request.body, {
        receiptEmail: deps.receiptEmail,
      }),
  );

  api.get(
    '/v0/sync/pull',
    {
      schema: {
        tags: ['sync'],
        summary:
          'Catalog changes (with tombstones), configuration and more since a cursor, in pages',
        security: [{ bearer: [] }],
        querystring: PullRequestQuery,
        response: { 200: PullResponse, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => pullChanges(deps.store, callerOf(request), request.query),
  );
}
