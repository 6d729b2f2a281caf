/** `POST /v0/token` (password and refresh_token grants) and `GET /v0/stores`. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  RefreshTokenRequest,
  Store,
  TokenGrantRequest,
  TokenRequest,
  TokenResponse,
} from '../../../src/protocol/schemas.ts';
import { callerOf } from '../auth.ts';
import { passwordGrant, refreshGrant, type AccessSettings } from '../auth-grants.ts';
import { LockedOut } from '../auth-limits.ts';
import { RequestValidationError } from '../errors.ts';
import { listStores } from '../services/stores.ts';
import { compileChecker, findNulCharacter } from '../validation.ts';
import { errors, type RouteDeps } from './shared.ts';

const checkPassword = compileChecker(TokenRequest);
const checkRefresh = compileChecker(RefreshTokenRequest);

/**
 * The body is one of two grants; checking it against the grant it names (instead of the
 * union) names the field that is wrong rather than "matches no branch".
 */
function validateGrant(input: unknown): { value: unknown } | { error: Error } {
  const refresh =
    typeof input === 'object' &&
    input !== null &&
    'grant_type' in input &&
    input.grant_type === 'refresh_token';
  const details = (refresh ? checkRefresh : checkPassword)(input);
  const nul = details.length === 0 ? findNulCharacter(input) : null;
  if (nul !== null) details.push({ field: nul, message: 'must not contain NUL characters' });
  return details.length === 0
    ? { value: input }
    : { error: new RequestValidationError('body', details) };
}

export function registerAuthRoutes(
  app: FastifyInstance,
  deps: RouteDeps & { access: AccessSettings },
): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/v0/token',
    {
      config: { public: true },
      validatorCompiler: () => validateGrant,
      schema: {
        tags: ['auth'],
        summary:
          'Exchange a username and password, or a refresh token, for a short-lived bearer token',
        description:
          'Access tokens last 15 minutes by default; the refresh token is spent on use. ' +
          'Five wrong passwords for a username lock it for 15 minutes (429 too_many_attempts).',
        body: TokenGrantRequest,
        response: { 200: TokenResponse, ...errors(400, 401, 403, 429) },
      },
    },
    async (request, reply) => {
      const body = request.body;
      try {
        return body.grant_type === 'password'
          ? await passwordGrant(deps.store, deps.access, body, request.ip)
          : await refreshGrant(deps.store, deps.access, body);
      } catch (error) {
        if (error instanceof LockedOut) reply.header('retry-after', error.retryAfterSeconds);
        throw error;
      }
    },
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
