import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { type Static, Type } from 'typebox';
import { problemResponses } from '../../openapi/problem-responses.ts';
import {
  CreatedWebhookEndpoint,
  DeliveryListQuery,
  NewWebhookEndpoint,
  RotatedSecret,
  SecretRotation,
  WebhookDelivery,
  WebhookDeliveryList,
  WebhookEndpoint,
  WebhookEndpointChanges,
  WebhookEndpointId,
  WebhookEndpointList,
} from '../../schemas/webhooks.ts';
import {
  changeEndpoint,
  createEndpoint,
  getEndpoint,
  listEndpointDeliveries,
  listEndpoints,
  removeEndpoint,
  rotateSecret,
  testEndpoint,
} from '../../services/webhook-endpoint-service.ts';

const Params = Type.Object({ id: WebhookEndpointId });

/** Event types are checked by the schema; the store keeps them as text. */
type Endpoint = Static<typeof WebhookEndpoint.ref>;
type Delivery = Static<typeof WebhookDelivery.ref>;

/**
 * A tenant's webhook endpoints: where its events are pushed, signed per Standard Webhooks
 * (docs/webhooks.md), and every delivery and attempt made to them.
 */
export const webhookEndpointRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/webhook-endpoints',
    {
      schema: {
        operationId: 'createWebhookEndpoint',
        summary: 'Send events to a URL',
        description:
          'The URL must be https and resolve to public addresses only (422 `webhook-target-refused` otherwise). The answer holds the signing secret (`whsec_…`), shown only this once. At most 20 endpoints per tenant. Not idempotent: creating twice makes two endpoints.',
        tags: ['webhooks'],
        body: NewWebhookEndpoint.ref,
        response: { 201: CreatedWebhookEndpoint.ref, ...problemResponses(400, 401, 409, 422) },
      },
    },
    async (request, reply) => {
      const endpoint = await createEndpoint(app, request.tenant.id, request.body);
      return reply
        .code(201)
        .header('location', `/v1/webhook-endpoints/${endpoint.id}`)
        .send(endpoint as Static<typeof CreatedWebhookEndpoint.ref>);
    },
  );

  app.get(
    '/webhook-endpoints',
    {
      schema: {
        operationId: 'listWebhookEndpoints',
        summary: 'List your webhook endpoints',
        tags: ['webhooks'],
        response: { 200: WebhookEndpointList.ref, ...problemResponses(401) },
      },
    },
    async (request) => {
      const list = await listEndpoints(app, request.tenant.id);
      return { data: list.data as Endpoint[] };
    },
  );

  app.get(
    '/webhook-endpoints/:id',
    {
      schema: {
        operationId: 'getWebhookEndpoint',
        summary: 'Read one webhook endpoint',
        tags: ['webhooks'],
        params: Params,
        response: { 200: WebhookEndpoint.ref, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => (await getEndpoint(app, request.tenant.id, request.params.id)) as Endpoint,
  );

  app.patch(
    '/webhook-endpoints/:id',
    {
      schema: {
        operationId: 'updateWebhookEndpoint',
        summary: 'Change the URL, description or event types; enable or disable',
        description:
          'A new URL is checked like a new endpoint’s. Enabling a disabled endpoint sends what waited for it, oldest first per object.',
        tags: ['webhooks'],
        params: Params,
        body: WebhookEndpointChanges.ref,
        response: { 200: WebhookEndpoint.ref, ...problemResponses(400, 401, 404, 422) },
      },
    },
    async (request) =>
      (await changeEndpoint(app, request.tenant.id, request.params.id, request.body)) as Endpoint,
  );

  app.delete(
    '/webhook-endpoints/:id',
    {
      schema: {
        operationId: 'deleteWebhookEndpoint',
        summary: 'Delete a webhook endpoint and its deliveries',
        tags: ['webhooks'],
        params: Params,
        response: {
          204: Type.Null({ description: 'Deleted.' }),
          ...problemResponses(400, 401, 404),
        },
      },
    },
    async (request, reply) => {
      await removeEndpoint(app, request.tenant.id, request.params.id);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/webhook-endpoints/:id/rotate-secret',
    {
      schema: {
        operationId: 'rotateWebhookSecret',
        summary: 'Give the endpoint a new signing secret',
        description:
          'The new secret is shown only in this answer. Until `previousSecretExpiresAt` (24 h by default) deliveries carry a signature by each secret, so receivers holding either verify.',
        tags: ['webhooks'],
        params: Params,
        body: SecretRotation.ref,
        response: { 200: RotatedSecret.ref, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) =>
      rotateSecret(app, request.tenant.id, request.params.id, request.body.overlapSeconds),
  );

  app.post(
    '/webhook-endpoints/:id/test',
    {
      schema: {
        operationId: 'testWebhookEndpoint',
        summary: 'Send a test event now and see how the endpoint answered',
        description:
          'Writes a `webhook_endpoint.test` event, sends it to this endpoint only (enabled or not), signed like every delivery, and answers with the delivery and its one attempt. A test is never retried and never disables the endpoint.',
        tags: ['webhooks'],
        params: Params,
        response: { 200: WebhookDelivery.ref, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => (await testEndpoint(app, request.tenant.id, request.params.id)) as Delivery,
  );

  app.get(
    '/webhook-endpoints/:id/deliveries',
    {
      schema: {
        operationId: 'listWebhookDeliveries',
        summary: "List an endpoint's deliveries and every attempt, newest first",
        tags: ['webhooks'],
        params: Params,
        querystring: DeliveryListQuery,
        response: { 200: WebhookDeliveryList.ref, ...problemResponses(400, 401, 404) },
      },
    },
    async (request) => {
      const page = await listEndpointDeliveries(
        app,
        request.tenant.id,
        request.params.id,
        request.query,
      );
      return { ...page, data: page.data as Delivery[] };
    },
  );
};
