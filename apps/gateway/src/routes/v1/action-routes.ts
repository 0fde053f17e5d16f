import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Counter } from 'prom-client';
import { type TSchema, Type } from 'typebox';
import { answerByDeadline } from '../../deadline/answer-by-deadline.ts';
import { countActionOutcome } from '../../observability/action-outcomes.ts';
import { problemResponses } from '../../openapi/problem-responses.ts';
import type { listQueryOf } from '../../schemas/intercepts.ts';
import type { SharedSchema } from '../../schemas/shared-schema.ts';
import type {
  ActionHistory,
  ActionInput,
  ActionKind,
  ActionRecord,
  PresentedAction,
} from '../../services/actions/action-kind.ts';
import { cancelAction, carrierOfAction } from '../../services/actions/cancel-action.ts';
import {
  answerFor,
  checkActionEligibility,
  checkActionRequest,
  runAction,
} from '../../services/actions/run-action.ts';
import { listPage } from '../../services/list-page.ts';
import { IdempotencyHeaders, OptionalIdempotencyHeaders } from './headers.ts';

/** One route's words in the OpenAPI document. */
interface RouteDocs {
  readonly operationId: string;
  readonly summary: string;
  readonly description?: string;
}

/** What the routes of one kind of action are made of. */
export interface ActionRoutesSpec<
  Input extends ActionInput & { readonly reason: string },
  Stored extends ActionRecord,
  Presented extends PresentedAction,
  Extra,
> {
  readonly kind: ActionKind<Input, Stored, Presented, Extra>;
  /** The OpenAPI tag, also the collection's path segment (`intercepts`). */
  readonly collection: string;
  /** The pattern of the action's ids. */
  readonly idPattern: string;
  /** The schema of the request body: `Input`, as validated. */
  readonly request: SharedSchema<TSchema>;
  readonly entity: SharedSchema<TSchema>;
  readonly list: SharedSchema<TSchema>;
  /** The list's filters (`listQueryOf` the kind's statuses). */
  readonly listQuery: ReturnType<typeof listQueryOf>;
  /** The dry run, for kinds that offer one. */
  readonly eligibility?: RouteDocs & { readonly schema: SharedSchema<TSchema> };
  readonly create: RouteDocs;
  readonly cancel: RouteDocs;
  readonly read: RouteDocs;
  readonly listing: RouteDocs;
  /** The counter of the kind's answered outcomes. */
  readonly outcomes: (app: FastifyInstance) => Counter<'carrier' | 'status'>;
}

/**
 * The routes of one kind of action, all alike: its dry run (when it has one), creating one
 * under the request's deadline with an Idempotency-Key, reading one, listing them.
 */
export function actionRoutes<
  Input extends ActionInput & { readonly reason: string },
  Stored extends ActionRecord,
  Presented extends PresentedAction,
  Extra,
>(spec: ActionRoutesSpec<Input, Stored, Presented, Extra>): FastifyPluginAsyncTypebox {
  const { kind, collection } = spec;
  const tags = [collection];
  return async (app) => {
    const { eligibility } = spec;
    if (eligibility !== undefined) {
      app.post(
        `/${collection}/eligibility`,
        {
          // The dry run reads tracking: the carrier's track budget, tightened by Prefer.
          config: { idempotency: 'optional', budget: { operation: 'track' } },
          schema: {
            ...docs(eligibility),
            tags,
            headers: OptionalIdempotencyHeaders,
            body: spec.request.ref,
            response: {
              200: eligibility.schema.ref,
              ...problemResponses(400, 401, 404, 422, 502, 503, 504),
            },
          },
        },
        async (request) =>
          checkActionEligibility(kind, { app, request }, validatedBody<Input>(request)),
      );
    }

    app.post(
      `/${collection}`,
      {
        config: {
          idempotency: 'required',
          idempotencyPrecheck: (request) =>
            checkActionRequest(kind, app, validatedBody<Input>(request)),
          budget: { operation: kind.operation },
        },
        schema: {
          ...docs(spec.create),
          tags,
          headers: IdempotencyHeaders,
          body: spec.request.ref,
          response: {
            201: spec.entity.ref,
            202: spec.entity.ref,
            ...problemResponses(400, 401, 404, 409, 422, 502, 503, 504),
          },
        },
      },
      async (request, reply) => {
        const input = validatedBody<Input>(request);
        return answerByDeadline(request, reply, input.carrier, async (guard) => {
          const answer = await countActionOutcome(
            spec.outcomes(app),
            kind.idField,
            input.carrier,
            runAction(kind, { app, request }, input, guard),
            ({ action }) => action,
          );
          return {
            status: answer.httpStatus,
            // Where to read its current state: with 201 (RFC 9110 §15.3.2) and with 202,
            // and so with every replay of this answer.
            headers: { location: `${kind.path}/${answer.action.id}` },
            body: answer.action,
          };
        });
      },
    );

    app.post(
      `/${collection}/:id/cancel`,
      {
        config: {
          idempotency: 'required',
          budget: {
            operation: kind.operation,
            carrierOf: (request) =>
              carrierOfAction(kind, app, request.tenant.id, (request.params as { id: string }).id),
          },
        },
        schema: {
          ...docs(spec.cancel),
          tags,
          headers: IdempotencyHeaders,
          params: Type.Object({ id: Type.String({ pattern: spec.idPattern }) }),
          response: {
            200: spec.entity.ref,
            202: spec.entity.ref,
            ...problemResponses(400, 401, 404, 409, 502, 503, 504),
          },
        },
      },
      async (request, reply) => {
        const answer = await cancelAction(kind, { app, request }, request.params.id);
        return reply
          .code(answer.httpStatus)
          .header('location', `${kind.path}/${answer.action.id}`)
          .send(answer.action);
      },
    );

    app.get(
      `/${collection}/:id`,
      {
        schema: {
          ...docs(spec.read),
          tags,
          params: Type.Object({ id: Type.String({ pattern: spec.idPattern }) }),
          response: { 200: spec.entity.ref, ...problemResponses(400, 401, 404, 503) },
        },
      },
      async (request) => (await answerFor(kind, app, request.tenant.id, request.params.id)).action,
    );

    app.get(
      `/${collection}`,
      {
        schema: {
          ...docs(spec.listing),
          tags,
          querystring: spec.listQuery,
          response: { 200: spec.list.ref, ...problemResponses(400, 401, 503) },
        },
      },
      async (request) =>
        listPage(app, request.tenant.id, request.query, kind.list, (row, history) =>
          kind.present(row, history satisfies ActionHistory),
        ),
    );
  };
}

/**
 * The request's body as the kind's input. The route's schema (`spec.request`) validated it
 * before the handler ran; Fastify cannot carry a generic schema's type into the handler.
 */
function validatedBody<Input>(request: { readonly body: unknown }): Input {
  return request.body as Input;
}

/** A route's words, without the keys it leaves out. */
function docs({ operationId, summary, description }: RouteDocs) {
  return { operationId, summary, ...(description === undefined ? {} : { description }) };
}
