import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type TSchema, Type } from 'typebox';
import {
  ProblemError,
  type ProblemExtensions,
  type ProblemType,
  toProblemDocument,
} from '../../problems.ts';
import { Problem } from '../../schemas/common.ts';
import { handleCarrierCallback } from '../../services/carrier-callback-service.ts';

/** A header value as adapters read it: one string (repeated headers joined, as HTTP allows). */
function headerText(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value.join(', ') : value;
}

/** A documented problem answer of this route, with one example per problem type. */
function problem(
  description: string,
  samples: readonly [ProblemType, string, ProblemExtensions?][],
) {
  const examples = Object.fromEntries(
    samples.map(([type, detail, extensions = { carrier: 'kuaidi100' }]) => {
      const sample = new ProblemError(type, detail, extensions);
      return [
        type,
        {
          summary: sample.title,
          value: toProblemDocument(sample, {
            requestId: '3f0c9a52-6d1e-4b8f-9c1a-7e2d4b6a8f10',
            instance: '/v1/carrier-callbacks/kuaidi100',
          }),
        },
      ];
    }),
  );
  return {
    description,
    content: { 'application/problem+json': { schema: Problem.ref, examples } },
  };
}

/** What pushes look like, per content type (Kuaidi100 posts a form, UPS JSON). */
const PUSH_EXAMPLES = {
  form: 'param=%7B%22status%22%3A%22polling%22%2C%22lastResult%22%3A%7B%22nu%22%3A%2273100000000001%22%2C%22state%22%3A%223%22%7D%7D&sign=0A1B2C3D4E5F60718293A4B5C6D7E8F9',
  json: '{"trackingNumber":"1ZCIETST0111111114","activityStatus":{"type":"D","code":"FS","description":"DELIVERED"}}',
};

/** The schema of a push route: one per account kind, documented alike. */
function callbackSchema<Params extends TSchema>(route: {
  readonly operationId: string;
  readonly summary: string;
  readonly params: Params;
}) {
  return {
    operationId: route.operationId,
    summary: route.summary,
    description:
      "Configure this URL at the carrier (or let the adapter send it, from `PARCELGATE_PUBLIC_URL`): `/v1/carrier-callbacks/{carrier}` for the deployment's shared account, `/v1/carrier-callbacks/{carrier}/{connection}` for a tenant's own connection. The carrier's adapter verifies the signature or shared secret with that account's credentials (401 and nothing stored when it does not verify), stores each pushed event once, moves the open intercepts and redirects of the parcels named that went through the same account forward (cause `callback`), and answers with the acknowledgement that carrier expects (its own status, content type and body).",
    tags: ['carrier-callbacks'],
    params: route.params,
    body: {
      content: {
        'application/json': {
          schema: Type.String({
            description: 'The push exactly as the carrier sends it.',
            examples: [PUSH_EXAMPLES.json],
          }),
        },
        'application/x-www-form-urlencoded': {
          schema: Type.String({
            description: 'The push exactly as the carrier sends it.',
            examples: [PUSH_EXAMPLES.form],
          }),
        },
      },
    },
    response: {
      200: {
        description: "The carrier's own acknowledgement (content type and body per carrier).",
        content: {
          'application/json': {
            schema: Type.Unknown({
              examples: [{ result: true, returnCode: '200', message: '成功' }],
            }),
          },
        },
      },
      400: problem('The push could not be read.', [
        ['callback-unreadable', 'The push is not the JSON Kuaidi100 sends.'],
      ]),
      401: problem('The signature or shared secret does not verify; nothing was stored.', [
        ['callback-unauthenticated', 'The sign does not match the push.'],
      ]),
      404: problem('No such carrier or connection, or the carrier sends no callbacks.', [
        ['unknown-carrier', 'No carrier "acme" is loaded.'],
        ['callbacks-not-supported', 'Sandbox sends no callbacks to Parcelgate.'],
        ['not-found', 'No kuaidi100 connection con_01JD3K9V7Q8M2N4P6R8T0V2X4Z.'],
      ]),
      503: problem('The database cannot be reached; the carrier pushes again later.', [
        [
          'database-unavailable',
          'The database cannot be reached; retry after 5 s.',
          { retryAfterSeconds: 5 },
        ],
      ]),
    },
  };
}

/**
 * `POST /v1/carrier-callbacks/{carrier}` and `/{carrier}/{connection}`: where carriers push route updates and intercept
 * outcomes. No API key: the carrier's adapter verifies the push's own signature or secret
 * over the exact bytes received, so the body is kept as raw text whatever its type (JSON,
 * form posts), never parsed and re-serialized first.
 */
export const carrierCallbackRoutes: FastifyPluginAsyncTypebox = async (app) => {
  // Encapsulated: only this route reads every content type, as text.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => {
    done(null, body);
  });

  const carrierParam = Type.String({ pattern: '^[a-z][a-z0-9-]*$', examples: ['kuaidi100'] });
  app.post(
    '/carrier-callbacks/:carrier',
    {
      // The carrier's adapter verifies the push's signature instead of an API key.
      // A verified push is stored with unstorable text replaced, never refused: a refused
      // push is pushed again and again (see handleCarrierCallback).
      config: { public: true, uncheckedText: true },
      schema: callbackSchema({
        operationId: 'receiveCarrierCallback',
        summary: "Receive a carrier's push to the deployment's shared account",
        params: Type.Object({ carrier: carrierParam }),
      }),
    },
    async (request, reply) => receive(request, reply, request.params.carrier, null),
  );
  app.post(
    '/carrier-callbacks/:carrier/:connection',
    {
      // A verified push is stored with unstorable text replaced, never refused: a refused
      // push is pushed again and again (see handleCarrierCallback).
      config: { public: true, uncheckedText: true },
      schema: callbackSchema({
        operationId: 'receiveConnectionCallback',
        summary: "Receive a carrier's push to a tenant's own carrier connection",
        params: Type.Object({
          carrier: carrierParam,
          connection: Type.String({
            pattern: '^con_[0-9A-Z]{26}$',
            examples: ['con_01JD3K9V7Q8M2N4P6R8T0V2X4Z'],
          }),
        }),
      }),
    },
    async (request, reply) =>
      receive(request, reply, request.params.carrier, request.params.connection),
  );

  async function receive(
    request: FastifyRequest,
    reply: FastifyReply,
    carrierId: string,
    connectionId: string | null,
  ) {
    const headers: Record<string, string | undefined> = {};
    for (const [name, value] of Object.entries(request.headers)) {
      headers[name.toLowerCase()] = headerText(value);
    }
    const query: Record<string, string | undefined> = {};
    for (const [name, value] of new URLSearchParams(request.url.split('?')[1] ?? '')) {
      query[name] = value;
    }
    const handled = await handleCarrierCallback(
      app,
      { carrierId, connectionId },
      { headers, query, rawBody: typeof request.body === 'string' ? request.body : '' },
      request.log,
    );
    request.logContext.carrier = carrierId;
    request.log.info(
      {
        carrier: carrierId,
        connection: connectionId,
        events: handled.events,
        moves: handled.moves,
      },
      'carrier callback',
    );
    const { acknowledgement } = handled;
    // The status is the carrier's choice (almost always 200), hence the cast. A Buffer is
    // sent as it is: the acknowledgement's bytes are the carrier's, not JSON for the
    // response serializer.
    return reply
      .code(acknowledgement.status as 200)
      .type(acknowledgement.contentType)
      .send(Buffer.from(acknowledgement.body, 'utf8'));
  }
};
