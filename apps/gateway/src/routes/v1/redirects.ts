import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { countMutationOutcome } from '../../observability/mutation-outcomes.ts';
import { resolveBudget } from '../../resilience/budgets.ts';
import { ListQuery } from '../../schemas/intercepts.ts';
import { Redirect, RedirectList, RedirectRequest } from '../../schemas/redirects.ts';
import { listPage } from '../../services/list-page.ts';
import { presentRedirect } from '../../services/present.ts';
import { createRedirect, getRedirect } from '../../services/redirect-service.ts';
import { listRedirects } from '../../store/redirects.ts';
import { problemResponses } from '../problem-responses.ts';
import { answerWithinBudget } from './answer-within-budget.ts';
import { IdempotencyHeaders } from './headers.ts';

/** Redirects: deliver a parcel in transit to a new address. */
export const redirectRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/redirects',
    {
      config: { idempotency: 'required' },
      schema: {
        operationId: 'createRedirect',
        summary: 'Deliver a parcel in transit to a new address',
        description:
          "The platform pays for one redirect per order; the next one is charged to the merchant (warning free_redirect_used) or refused, as the tenant's policy says. 201 when the carrier answered, 202 with a Location when the outcome is pending.",
        tags: ['redirects'],
        headers: IdempotencyHeaders,
        body: RedirectRequest.ref,
        response: {
          201: Redirect.ref,
          202: Redirect.ref,
          ...problemResponses(400, 401, 404, 409, 422, 502, 503, 504),
        },
      },
    },
    async (request, reply) => {
      const budget = resolveBudget(
        'redirect',
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
            app.metrics.redirectOutcomes,
            'redirectId',
            request.body.carrier,
            createRedirect(app, request, request.body, remaining, guard),
            ({ redirect }) => redirect,
          );
          return {
            status: answer.httpStatus,
            headers:
              answer.httpStatus === 202 ? { location: `/v1/redirects/${answer.redirect.id}` } : {},
            body: answer.redirect,
          };
        },
      );
    },
  );

  app.get(
    '/redirects/:id',
    {
      schema: {
        operationId: 'getRedirect',
        summary: 'Read a redirect with its transitions and carrier attempts',
        tags: ['redirects'],
        params: Type.Object({ id: Type.String({ pattern: '^rdr_[0-9A-Z]{26}$' }) }),
        response: { 200: Redirect.ref, ...problemResponses(400, 401, 404, 503) },
      },
    },
    async (request) => getRedirect(app, request.tenant.id, request.params.id),
  );

  app.get(
    '/redirects',
    {
      schema: {
        operationId: 'listRedirects',
        summary: "List the tenant's redirects, newest first",
        tags: ['redirects'],
        querystring: ListQuery,
        response: { 200: RedirectList.ref, ...problemResponses(400, 401, 503) },
      },
    },
    async (request) =>
      listPage(app, request.tenant.id, request.query, listRedirects, presentRedirect),
  );
};
