import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problemResponses } from '../../openapi/problem-responses.ts';
import { CarrierId } from '../../schemas/common.ts';
import {
  CarrierConnection,
  CarrierConnectionChanges,
  CarrierConnectionList,
  CarrierConnectionTest,
  ConnectionId,
  NewCarrierConnection,
} from '../../schemas/connections.ts';
import {
  carrierOfConnection,
  changeConnection,
  createConnection,
  getConnection,
  listTenantConnections,
  removeConnection,
  testConnection,
} from '../../services/connection-service.ts';

const Params = Type.Object({ id: ConnectionId });

/**
 * A tenant's own carrier accounts: its credentials per carrier, sealed at rest and never
 * shown again, used for its tracking reads, intercepts and redirects at that carrier.
 */
export const carrierConnectionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/carrier-connections',
    {
      schema: {
        operationId: 'createCarrierConnection',
        summary: 'Connect one of your own carrier accounts',
        description:
          "Credentials are checked against the carrier's declared fields (`credentialFields` in GET /v1/carriers), sealed with AES-256-GCM and never returned or logged: answers show non-secret settings and a masked hint of each secret. The tenant's first connection of a carrier becomes its default. Live connections need PARCELGATE_SECRET_KEY on the deployment (409 `secret-key-required`). Creating twice creates two connections: it is not idempotent.",
        tags: ['carrier-connections'],
        body: NewCarrierConnection.ref,
        response: { 201: CarrierConnection.ref, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request, reply) => {
      const connection = await createConnection(app, request.tenant.id, request.body);
      return reply
        .code(201)
        .header('location', `/v1/carrier-connections/${connection.id}`)
        .send(connection);
    },
  );

  app.get(
    '/carrier-connections',
    {
      schema: {
        operationId: 'listCarrierConnections',
        summary: 'List your carrier connections',
        tags: ['carrier-connections'],
        querystring: Type.Object(
          { carrier: Type.Optional(CarrierId) },
          { additionalProperties: false },
        ),
        response: { 200: CarrierConnectionList.ref, ...problemResponses(400, 401) },
      },
    },
    async (request) => listTenantConnections(app, request.tenant.id, request.query.carrier),
  );

  app.get(
    '/carrier-connections/:id',
    {
      schema: {
        operationId: 'getCarrierConnection',
        summary: 'Read one carrier connection (secrets masked)',
        tags: ['carrier-connections'],
        params: Params,
        response: { 200: CarrierConnection.ref, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => getConnection(app, request.tenant.id, request.params.id),
  );

  app.patch(
    '/carrier-connections/:id',
    {
      schema: {
        operationId: 'updateCarrierConnection',
        summary: 'Rename, switch mode, make default, or change credentials field by field',
        description:
          'Calls already running finish on the old credentials; every later call uses the new ones.',
        tags: ['carrier-connections'],
        params: Params,
        body: CarrierConnectionChanges.ref,
        response: { 200: CarrierConnection.ref, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request) => changeConnection(app, request.tenant.id, request.params.id, request.body),
  );

  app.delete(
    '/carrier-connections/:id',
    {
      schema: {
        operationId: 'deleteCarrierConnection',
        summary: 'Delete a carrier connection and its credentials',
        description:
          'Refused (409 `connection-in-use`) while an open intercept or redirect still goes through it: its outcome is followed with these credentials.',
        tags: ['carrier-connections'],
        params: Params,
        response: {
          204: Type.Null({ description: 'Deleted.' }),
          ...problemResponses(400, 401, 404, 409),
        },
      },
    },
    async (request, reply) => {
      await removeConnection(app, request.tenant.id, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/carrier-connections/:id/test',
    {
      config: {
        budget: {
          operation: 'track',
          carrierOf: (request) =>
            carrierOfConnection(app, request.tenant.id, (request.params as { id: string }).id),
        },
      },
      schema: {
        operationId: 'testCarrierConnection',
        summary: 'Check that the carrier accepts this connection’s credentials',
        description:
          "Makes the carrier's cheapest authenticated call with the stored credentials (never an intercept or a redirect) and says whether they were accepted. Changes nothing; safe to repeat.",
        tags: ['carrier-connections'],
        params: Params,
        response: { 200: CarrierConnectionTest.ref, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => testConnection(app, request, request.params.id),
  );
};
