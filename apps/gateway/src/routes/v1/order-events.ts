import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import { problemResponses } from '../../openapi/problem-responses.ts';
import {
  OrderEvent,
  OrderEventList,
  OrderEventListQuery,
  OrderEventRequest,
} from '../../schemas/order-events.ts';
import {
  listPagedOrderEvents,
  readOrderEvent,
} from '../../services/order-events/read-order-events.ts';
import {
  type OrderEventBody,
  receiveOrderEvent,
} from '../../services/order-events/receive-order-event.ts';
import { OptionalIdempotencyHeaders } from './headers.ts';

const tags = ['order-events'];
/** The schema's arrays are mutable; the presenter's are read-only. */
type Shown = Static<typeof OrderEvent.ref>;
type ShownList = Static<typeof OrderEventList.ref>;
const Params = Type.Object({ id: Type.String({ pattern: '^oev_[0-9A-Z]{26}$' }) });

/** Order events in: received, decided by the tenant's rules, answered with every decision. */
export const orderEventRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/order-events',
    {
      config: {
        idempotency: 'optional',
        // The parcels' carriers share the request's one deadline: the first one's budgets.
        budget: {
          operation: 'intercept',
          carrierOf: async (request) =>
            (request.body as { parcels?: { carrier?: string }[] } | undefined)?.parcels?.[0]
              ?.carrier,
        },
      },
      schema: {
        operationId: 'createOrderEvent',
        summary: 'Report a refund, cancellation, address change, return or damage for an order',
        description:
          "Idempotent by the event's own `id` (a repeat answers 200 with the stored event and does nothing more) or by Idempotency-Key; send one of them. Each parcel is decided at once by the tenant's rules (`/v1/rules`, or the default set): the actions started are named in `decisions` with their ids. When Parcelgate cannot act in time (the carrier is down, the parcel is out of the window, the deadline has passed), `deadline.status` says `at_risk` or `missed` with every reason, in this answer.",
        tags,
        headers: OptionalIdempotencyHeaders,
        body: OrderEventRequest.ref,
        response: {
          200: OrderEvent.ref,
          201: OrderEvent.ref,
          ...problemResponses(400, 401, 409, 422, 503),
        },
      },
    },
    async (request, reply) => {
      const answer = await receiveOrderEvent({ app, request }, request.body as OrderEventBody);
      return reply
        .code(answer.httpStatus)
        .header('location', `/v1/order-events/${answer.event.id}`)
        .send(answer.event as Shown);
    },
  );

  app.get(
    '/order-events/:id',
    {
      schema: {
        operationId: 'getOrderEvent',
        summary: 'Read an order event, its decisions and how it stands against its deadline',
        tags,
        params: Params,
        response: { 200: OrderEvent.ref, ...problemResponses(400, 401, 404, 503) },
      },
    },
    async (request) =>
      (await readOrderEvent(app.database, request.tenant.id, request.params.id)) as Shown,
  );

  app.get(
    '/order-events',
    {
      schema: {
        operationId: 'listOrderEvents',
        summary: "List the tenant's order events, newest first",
        description: 'Filters by order reference and deadline status; cursor pagination.',
        tags,
        querystring: OrderEventListQuery,
        response: { 200: OrderEventList.ref, ...problemResponses(400, 401, 503) },
      },
    },
    async (request) =>
      (await listPagedOrderEvents(app.database, request.tenant.id, request.query)) as ShownList,
  );
};
