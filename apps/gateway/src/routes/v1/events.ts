import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import { problemResponses } from '../../openapi/problem-responses.ts';
import { Event, EventId, EventList, EventListQuery } from '../../schemas/events.ts';
import { getEvent, listTenantEvents } from '../../services/event-service.ts';

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
};
