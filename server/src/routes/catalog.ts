/** Catalog routes: `POST /v0/d/import` (admin, all or nothing) and product reads. */
import type { FastifyInstance } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ImportRequest, ImportResponse, Product } from '../../../src/protocol/schemas.ts';
import { callerOf, requireRole } from '../auth.ts';
import { inTransaction } from '../db/database.ts';
import { notFound } from '../errors.ts';
import { findProductById, findProductByIdentifier } from '../services/catalog.ts';
import { runImport } from '../services/catalog-import.ts';
import { errors, StoreQuery, storeForCaller, type RouteDeps } from './shared.ts';

/** 100 000 products travel in one full import; the default 1 MB limit is for everything else. */
const IMPORT_BODY_LIMIT = 64 * 1024 * 1024;

export function registerCatalogRoutes(app: FastifyInstance, deps: RouteDeps): void {
  const api = app.withTypeProvider<TypeBoxTypeProvider>();

  api.post(
    '/v0/d/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['catalog'],
        summary:
          'Import products, prices or availabilities (admin); any bad item refuses the batch',
        security: [{ bearer: [] }],
        body: ImportRequest,
        response: { 200: ImportResponse, ...errors(400, 401, 403, 413, 422) },
      },
    },
    async (request) => {
      requireRole(callerOf(request), 'admin');
      return inTransaction(deps.store, (trx) => runImport(trx, request.body));
    },
  );

  api.get(
    '/v0/products/:product_id',
    {
      schema: {
        tags: ['catalog'],
        summary: 'One product with its default price in the store currency',
        security: [{ bearer: [] }],
        params: Type.Object({ product_id: Type.String({ minLength: 1, maxLength: 128 }) }),
        querystring: StoreQuery,
        response: { 200: Product, ...errors(401, 403, 404) },
      },
    },
    async (request) => {
      const storeRow = await storeForCaller(deps, callerOf(request), request.query.store_id);
      const product = await findProductById(
        deps.store,
        request.params.product_id,
        storeRow?.currency ?? null,
      );
      if (product === null) throw notFound(`Product ${request.params.product_id}`);
      return product;
    },
  );

  api.get(
    '/v0/products',
    {
      schema: {
        tags: ['catalog'],
        summary: 'Find a product by any external identifier (EAN/UPC in any of its forms, SKU, …)',
        security: [{ bearer: [] }],
        querystring: Type.Object({
          identifier: Type.String({ minLength: 1, maxLength: 200 }),
          store_id: Type.Optional(Type.String({ minLength: 1, maxLength: 128 })),
        }),
        response: { 200: Product, ...errors(400, 401, 403, 404) },
      },
    },
    async (request) => {
      const storeRow = await storeForCaller(deps, callerOf(request), request.query.store_id);
      const product = await findProductByIdentifier(
        deps.store,
        request.query.identifier,
        storeRow?.currency ?? null,
      );
      if (product === null) throw notFound(`A product with identifier ${request.query.identifier}`);
      return product;
    },
  );
}
