/**
 * Associate-app configuration routes: read the store's effective configuration, replace the
 * global one (admin), replace or remove one store's override (its manager, or admin).
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import {
  AppConfig,
  ConfigEnvelope,
  StoreId,
  type AppConfig as AppConfigType,
} from '../../../src/protocol/schemas.ts';
import { assertStoreAccess, callerOf, requireRole } from '../auth.ts';
import { inTransaction } from '../db/database.ts';
import { ApiError } from '../errors.ts';
import {
  effectiveConfig,
  GLOBAL_CONFIG,
  replaceConfig,
  validateConfig,
} from '../services/config.ts';
import { findStore } from '../services/stores.ts';
import { errors, StoreQuery, storeForCaller, type RouteDeps } from './shared.ts';

function refuseInvalid(config: AppConfigType): void {
  const details = validateConfig(config);
  if (details.length > 0) {
    throw new ApiError(
      422,
      'invalid_config',
      'The configuration is not valid; nothing was changed.',
      details,
    );
  }
}

export function registerConfigRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();
  const StoreParams = Type.Object({ store_id: StoreId });

  api.get(
    '/v0/associate-app/config',
    {
      schema: {
        tags: ['configuration'],
        summary: "The caller's store configuration (store override, else global)",
        security: [{ bearer: [] }],
        querystring: StoreQuery,
        response: { 200: ConfigEnvelope, ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const storeRow = await storeForCaller(deps, callerOf(request), request.query.store_id);
      return effectiveConfig(deps.store.db, storeRow?.store_id ?? null);
    },
  );

  api.put(
    '/v0/associate-app/config',
    {
      schema: {
        tags: ['configuration'],
        summary: 'Replace the global configuration (admin)',
        security: [{ bearer: [] }],
        body: AppConfig,
        response: { 200: ConfigEnvelope, ...errors(400, 401, 403, 422) },
      },
    },
    async (request) => {
      requireRole(callerOf(request), 'admin');
      refuseInvalid(request.body);
      return inTransaction(deps.store, async (trx) => {
        await replaceConfig(trx, GLOBAL_CONFIG, request.body);
        return effectiveConfig(trx, null);
      });
    },
  );

  const storeScoped = async (
    storeId: string,
    caller: ReturnType<typeof callerOf>,
  ): Promise<void> => {
    requireRole(caller, 'manager');
    assertStoreAccess(caller, storeId);
    if ((await findStore(deps.store.db, storeId)) === undefined) {
      throw new ApiError(404, 'not_found', `There is no store ${storeId}.`);
    }
  };

  api.put(
    '/v0/stores/:store_id/associate-app/config',
    {
      schema: {
        tags: ['configuration'],
        summary: "Replace one store's configuration (its manager, or admin)",
        security: [{ bearer: [] }],
        params: StoreParams,
        body: AppConfig,
        response: { 200: ConfigEnvelope, ...errors(400, 401, 403, 404, 422) },
      },
    },
    async (request) => {
      const { store_id: storeId } = request.params;
      await storeScoped(storeId, callerOf(request));
      refuseInvalid(request.body);
      return inTransaction(deps.store, async (trx) => {
        await replaceConfig(trx, { storeId }, request.body);
        return effectiveConfig(trx, storeId);
      });
    },
  );

  api.delete(
    '/v0/stores/:store_id/associate-app/config',
    {
      schema: {
        tags: ['configuration'],
        summary: "Remove one store's override; the store falls back to the global configuration",
        security: [{ bearer: [] }],
        params: StoreParams,
        response: { 200: ConfigEnvelope, ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const { store_id: storeId } = request.params;
      await storeScoped(storeId, callerOf(request));
      return inTransaction(deps.store, async (trx) => {
        const current = await trx
          .selectFrom('app_configs')
          .select('config_json')
          .where('scope', '=', storeId)
          .executeTakeFirst();
        // Nothing to remove: answer the same envelope and burn no version.
        if (current?.config_json != null) await replaceConfig(trx, { storeId }, null);
        return effectiveConfig(trx, storeId);
      });
    },
  );
}
