import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import { problemResponses } from '../../openapi/problem-responses.ts';
import { EventId } from '../../schemas/event-fields.ts';
import { Event, EventList, EventListQuery } from '../../schemas/events.ts';
import { Redelivery, RedeliveryQueued } from '../../schemas/webhooks.ts';
import { getEvent, listTenantEvents } from '../../services/event-service.ts';
import { redeliver } from '../../services/webhook-endpoint-service.ts';

/** The reply schemas type `data` loosely (an object presented when the event was written). */
type EventAnswer = Static<typeof Event.ref>;

/**
 * The tenant's event log: what happened to its intercepts, redirects and parcels, each
 * event with the whole object as it was then, kept 30 days (docs/events.md).
 */
export const eventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/events',
    {
      schema: {
        operationId: 'listEvents',
        summary: "List the tenant's events, newest first",
        description:
          'In the order they were written, newest first. Filters by type (repeat `type` for several) and by the object they are about (`objectId`); cursor pagination. Events are kept 30 days.',
        tags: ['events'],
        querystring: EventListQuery,
        response: { 200: EventList.ref, ...problemResponses(400, 401) },
      },
    },
    async (request) => {
      const page = await listTenantEvents(app, request.tenant.id, request.query);
      return { ...page, data: page.data as EventAnswer[] };
    },
  );

  app.get(
    '/events/:id',
    {
      schema: {
        operationId: 'getEvent',
        summary: 'Read one event',
        tags: ['events'],
        params: Type.Object({ id: EventId }),
        response: { 200: Event.ref, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => (await getEvent(app, request.tenant.id, request.params.id)) as EventAnswer,
  );

  app.post(
    '/events/:id/redeliver',
    {
      schema: {
        operationId: 'redeliverEvent',
        summary: 'Send an event to your webhook endpoints again',
        description:
          'Queues the event for every enabled endpoint that wants its type, or for the one named by `endpointId` (even one not subscribed to the type). Each delivery keeps the event’s id as `webhook-id`, so a receiver that handled it can tell; it is sent after any earlier pending event about the same object.',
        tags: ['events', 'webhooks'],
        params: Type.Object({ id: EventId }),
        body: Redelivery.ref,
        response: { 202: RedeliveryQueued.ref, ...problemResponses(400, 401, 404) },
      },
    },
    async (request, reply) =>
      reply
        .code(202)
        .send(await redeliver(app, request.tenant.id, request.params.id, request.body.endpointId)),
  );
};
