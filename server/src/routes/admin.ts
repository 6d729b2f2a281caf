/**
 * Administration (admin only): create or change a store, and add the people who sign in to
 * it. Without these a server started with AISLE_DEMO=0 would have nobody to sell.
 */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { CurrencyCode, RoleSchema, Store, StoreId } from '../../../src/protocol/schemas.ts';
import { callerOf, requireRole } from '../auth.ts';
import { inTransaction } from '../db/database.ts';
import { ApiError } from '../errors.ts';
import { createUser, findStore, saveStore, toStore } from '../services/stores.ts';
import { errors, type RouteDeps } from './shared.ts';

const StoreSettings = Type.Object({
  label: Type.String({ minLength: 1, maxLength: 200 }),
  currency: CurrencyCode,
  tax_rate: Type.Number({ minimum: 0, maximum: 1 }),
  price_method: Type.Optional(
    Type.Union([Type.Literal('tax_excluded'), Type.Literal('tax_included')]),
  ),
  locale: Type.String({ minLength: 2, maxLength: 35 }),
  timezone: Type.String({ minLength: 1, maxLength: 64 }),
  address: Type.Optional(Type.String({ maxLength: 500 })),
});

const NewUserBody = Type.Object({
  username: Type.String({ minLength: 1, maxLength: 200 }),
  password: Type.String({ minLength: 8, maxLength: 200 }),
  display_name: Type.String({ minLength: 1, maxLength: 200 }),
  role: RoleSchema,
  /** Required for associates and managers; admins see every store. */
  store_id: Type.Optional(StoreId),
});

const UserCreated = Type.Object({
  user_id: Type.String(),
  username: Type.String(),
  display_name: Type.String(),
  role: RoleSchema,
  store_id: Type.Union([Type.String(), Type.Null()]),
});

function validTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

export function registerAdminRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.put(
    '/v0/stores/:store_id',
    {
      schema: {
        tags: ['stores'],
        summary: 'Create a store or replace its settings (admin)',
        security: [{ bearer: [] }],
        params: Type.Object({ store_id: StoreId }),
        body: StoreSettings,
        response: { 200: Store, 201: Store, ...errors(400, 401, 403, 422) },
      },
    },
    async (request, reply) => {
      requireRole(callerOf(request), 'admin');
      if (!validTimezone(request.body.timezone)) {
        throw new ApiError(422, 'invalid_store', 'The store settings are not valid.', [
          { field: 'timezone', message: 'is not an IANA time zone, e.g. America/New_York' },
        ]);
      }
      const input = { ...request.body, store_id: request.params.store_id };
      const created = await inTransaction(deps.store, (trx) => saveStore(trx, input));
      const row = await findStore(deps.store.db, input.store_id);
      if (row === undefined) throw new Error('store vanished after saving');
      return reply.code(created ? 201 : 200).send(toStore(row));
    },
  );

  api.post(
    '/v0/users',
    {
      schema: {
        tags: ['stores'],
        summary: 'Add a person who signs in (admin)',
        security: [{ bearer: [] }],
        body: NewUserBody,
        response: { 201: UserCreated, ...errors(400, 401, 403, 409, 422) },
      },
    },
    async (request, reply) => {
      requireRole(callerOf(request), 'admin');
      const body = request.body;
      const storeId = body.store_id ?? null;
      if (body.role !== 'admin' && storeId === null) {
        throw new ApiError(422, 'invalid_user', 'Associates and managers belong to a store.', [
          { field: 'store_id', message: `is required for the ${body.role} role` },
        ]);
      }
      if (storeId !== null && (await findStore(deps.store.db, storeId)) === undefined) {
        throw new ApiError(422, 'unknown_store', `There is no store ${storeId}.`, [
          { field: 'store_id', message: `no store ${storeId} exists` },
        ]);
      }
      const taken = await deps.store.db
        .selectFrom('users')
        .select('user_id')
        .where('username', '=', body.username)
        .executeTakeFirst();
      if (taken !== undefined) {
        throw new ApiError(409, 'username_taken', `The username ${body.username} is taken.`, [
          { field: 'username', message: 'is already used' },
        ]);
      }
      const user = { ...body, store_id: storeId };
      const userId = await createUser(deps.store.db, user);
      return reply.code(201).send({
        user_id: userId,
        username: user.username,
        display_name: user.display_name,
        role: user.role,
        store_id: storeId,
      });
    },
  );
}
