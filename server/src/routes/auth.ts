/** `POST /v0/token` (password grant) and `GET /v0/stores`. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { Store, TokenRequest, TokenResponse } from '../../../src/protocol/schemas.ts';
import { callerOf } from '../auth.ts';
import { listStores, signIn } from '../services/stores.ts';
import { errors, type RouteDeps } from './shared.ts';

export function registerAuthRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/v0/token',
    {
      config: { public: true },
      schema: {
        tags: ['auth'],
        summary: 'Exchange a username and password for a 12-hour bearer token',
        body: TokenRequest,
        response: { 200: TokenResponse, ...errors(400, 401) },
      },
    },
    async (request) => signIn(deps.store, request.body.username, request.body.password),
  );

  api.get(
    '/v0/stores',
    {
      schema: {
        tags: ['stores'],
        summary: 'The stores this token may see',
        security: [{ bearer: [] }],
        response: { 200: Type.Array(Store), ...errors(401) },
      },
    },
    async (request) => listStores(deps.store, callerOf(request)),
  );
}
