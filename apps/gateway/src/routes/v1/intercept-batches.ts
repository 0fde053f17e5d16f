import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { problemResponses } from '../../openapi/problem-responses.ts';
import {
  InterceptBatch,
  InterceptBatchQuery,
  InterceptBatchRequest,
} from '../../schemas/intercept-batches.ts';
import type { InterceptInput } from '../../services/actions/intercept-kind.ts';
import {
  createInterceptBatch,
  readInterceptBatch,
} from '../../services/batches/intercept-batches.ts';
import { IdempotencyHeaders } from './headers.ts';

const BatchId = Type.String({ pattern: '^icb_[0-9A-Z]{26}$' });

/** Bulk intercepts: a batch of up to 1,000 intercept requests, and its progress. */
export const interceptBatchRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/intercepts/batch',
    {
      // A thousand items outgrow the body limit of single requests.
      bodyLimit: app.config.batches.bodyLimitBytes,
      config: { idempotency: 'required' },
      schema: {
        operationId: 'createInterceptBatch',
        summary: 'Intercept many parcels at once (up to 1,000)',
        description:
          "Each item is the body of `POST /v1/intercepts`. The batch is checked and stored, then answered at once (202, with a Location to follow it); its items run in the background, each exactly as a single intercept with an Idempotency-Key of its own (policy, the parcel's one live intercept, attempts, events, reconciliation), under each carrier's limits and the tenant's share of them. An item that fails validation is a 400 naming `/items/<index>/<field>`, and so is a parcel named twice; items naming a carrier that offers no intercept by API are a 422 `operation-not-supported` naming `/items/<index>/carrier`. One Idempotency-Key covers the batch; a batch survives a restart of the gateway and never intercepts an item twice.",
        tags: ['intercepts'],
        headers: IdempotencyHeaders,
        body: InterceptBatchRequest.ref,
        response: {
          202: InterceptBatch.ref,
          ...problemResponses(400, 401, 409, 413, 422, 503),
        },
      },
    },
    async (request, reply) => {
      const batch = await createInterceptBatch(
        app,
        request,
        request.body.items as readonly InterceptInput[],
      );
      return reply.code(202).header('location', `/v1/intercepts/batch/${batch.id}`).send(batch);
    },
  );

  app.get(
    '/intercepts/batch/:id',
    {
      schema: {
        operationId: 'getInterceptBatch',
        summary: "Read a batch's progress and its items' results",
        description:
          'Counts by run status (queued, running, done) and by outcome (succeeded, pending, refused, failed, cancelled; following each intercept as it settles), and one page of items in order with their intercept, status and reasons.',
        tags: ['intercepts'],
        params: Type.Object({ id: BatchId }),
        querystring: InterceptBatchQuery,
        response: { 200: InterceptBatch.ref, ...problemResponses(400, 401, 404, 503) },
      },
    },
    async (request) => readInterceptBatch(app, request.tenant.id, request.params.id, request.query),
  );
};
