import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';

const Health = Type.Object(
  {
    status: Type.Union([Type.Literal('ok'), Type.Literal('unavailable')]),
    checks: Type.Optional(
      Type.Object({ database: Type.Boolean(), carriers: Type.Array(Type.String()) }),
    ),
  },
  {
    description: 'Whether the gateway can serve requests, and why not.',
    examples: [{ status: 'ok', checks: { database: true, carriers: ['sandbox'] } }],
  },
);

/** Liveness (the process answers) and readiness (database reachable, carriers loaded). */
export const healthRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/healthz',
    {
      config: { public: true },
      schema: {
        operationId: 'getHealth',
        summary: 'Liveness: the process is up',
        tags: ['operations'],
        response: { 200: Health },
      },
    },
    async () => ({ status: 'ok' as const }),
  );

  app.get(
    '/readyz',
    {
      config: { public: true },
      schema: {
        operationId: 'getReadiness',
        summary: 'Readiness: the database answers and carriers are loaded',
        tags: ['operations'],
        response: { 200: Health, 503: Health },
      },
    },
    async (_request, reply) => {
      const database = await app.database
        .query('SELECT 1')
        .then(() => true)
        .catch(() => false);
      const carriers = app.carriers.list().map((carrier) => carrier.definition.id);
      const ready = database && carriers.length > 0;
      return reply
        .code(ready ? 200 : 503)
        .send({ status: ready ? 'ok' : 'unavailable', checks: { database, carriers } });
    },
  );
};
