/** `GET /healthz`: liveness plus which database answers, for load balancers and e2e start-up. */
import type { FastifyInstance } from 'fastify';
import { Type } from '@sinclair/typebox';
import { sql } from 'kysely';
import type { RouteDeps } from './shared.ts';

export function registerHealthRoutes(app: FastifyInstance, deps: RouteDeps): void {
  app.get(
    '/healthz',
    {
      schema: {
        tags: ['health'],
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            db: Type.Union([Type.Literal('sqlite'), Type.Literal('postgres')]),
          }),
        },
      },
    },
    async () => {
      await sql`select 1`.execute(deps.store.db);
      return { status: 'ok' as const, db: deps.store.dialect };
    },
  );
}
