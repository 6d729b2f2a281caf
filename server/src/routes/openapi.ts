/** `GET /v0/openapi.json`: the OpenAPI document generated from the route schemas (no auth). */
import type { FastifyInstance } from 'fastify';
import fastifySwagger from '@fastify/swagger';

export async function registerOpenApi(app: FastifyInstance): Promise<void> {
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'Aisle store API',
        description:
          'Store backend of Aisle, in NewStore vocabulary. Errors: {error, message, details:[{field, message, index?}]}.',
        version: '0.1.0',
      },
      components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    },
  });
}

/** Registered after every route, so the document lists them all. */
export function registerOpenApiRoute(app: FastifyInstance): void {
  app.get('/v0/openapi.json', { config: { public: true }, schema: { hide: true } }, () =>
    app.swagger(),
  );
}
