import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { countMutationOutcome } from '../../observability/mutation-outcomes.ts';
import { resolveBudget } from '../../resilience/budgets.ts';
import {
  Eligibility,
  Intercept,
  InterceptList,
  InterceptRequest,
  ListQuery,
} from '../../schemas/intercepts.ts';
import {
  checkInterceptEligibility,
  createIntercept,
  getIntercept,
} from '../../services/intercept-service.ts';
import { listPage } from '../../services/list-page.ts';
import { presentIntercept } from '../../services/present.ts';
import { listIntercepts } from '../../store/intercepts.ts';
import { problemResponses } from '../problem-responses.ts';
import { answerWithinBudget } from './answer-within-budget.ts';
import { IdempotencyHeaders, OptionalIdempotencyHeaders } from './headers.ts';

/** Intercepts: the dry run, creating one, reading one, listing them. */
export const interceptRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/intercepts/eligibility',
    {
      config: { idempotency: 'optional' },
      schema: {
        operationId: 'checkInterceptEligibility',
        summary: 'Check whether a parcel can be intercepted now (dry run)',
        description:
          "Reads the parcel's tracking and evaluates the tenant's policy at the carrier. Reports every reason, the likelihood, who would pay and what to do next. Never calls the carrier's intercept.",
        tags: ['intercepts'],
        headers: OptionalIdempotencyHeaders,
        body: InterceptRequest.ref,
        response: {
          200: Eligibility.ref,
          ...problemResponses(400, 401, 404, 422, 502, 503, 504),
        },
      },
    },
    async (request) => checkInterceptEligibility(app, request, request.body),
  );

  app.post(
    '/intercepts',
    {
      config: { idempotency: 'required' },
      schema: {
        operationId: 'createIntercept',
        summary: 'Stop a parcel in transit and send it back to the sender',
        description:
          'Runs policy first: a refusal never reaches the carrier and is answered 422 with every reason. Otherwise calls the carrier within the budget (`Prefer: wait=N` tightens it). 201 when the carrier answered; 202 with a Location when the outcome is pending (the carrier decides later, or its answer was lost).',
        tags: ['intercepts'],
        headers: IdempotencyHeaders,
        body: InterceptRequest.ref,
        response: {
          201: Intercept.ref,
          202: Intercept.ref,
          ...problemResponses(400, 401, 404, 409, 422, 502, 503, 504),
        },
      },
    },
    async (request, reply) => {
      const budget = resolveBudget(
        'intercept',
        app.resilience.budgetsMs(request.body.carrier),
        request.headers.prefer,
      );
      return answerWithinBudget(
        request,
        reply,
        budget,
        request.body.carrier,
        async (remaining, guard) => {
          const answer = await countMutationOutcome(
            app.metrics.interceptOutcomes,
            'interceptId',
            request.body.carrier,
            createIntercept(app, request, request.body, remaining, guard),
            ({ intercept }) => intercept,
          );
          return {
            status: answer.httpStatus,
            headers:
              answer.httpStatus === 202
                ? { location: `/v1/intercepts/${answer.intercept.id}` }
                : {},
            body: answer.intercept,
          };
        },
      );
    },
  );

  app.get(
    '/intercepts/:id',
    {
      schema: {
        operationId: 'getIntercept',
        summary: 'Read an intercept with its transitions and carrier attempts',
        tags: ['intercepts'],
        params: Type.Object({ id: Type.String({ pattern: '^icp_[0-9A-Z]{26}$' }) }),
        response: { 200: Intercept.ref, ...problemResponses(400, 401, 404, 503) },
      },
    },
    async (request) => getIntercept(app, request.tenant.id, request.params.id),
  );

  app.get(
    '/intercepts',
    {
      schema: {
        operationId: 'listIntercepts',
        summary: "List the tenant's intercepts, newest first",
        description:
          'Filters by status, carrier, reason, order reference, tracking number and creation time; cursor pagination.',
        tags: ['intercepts'],
        querystring: ListQuery,
        response: { 200: InterceptList.ref, ...problemResponses(400, 401, 503) },
      },
    },
    async (request) =>
      listPage(app, request.tenant.id, request.query, listIntercepts, presentIntercept),
  );
};
