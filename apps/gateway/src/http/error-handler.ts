import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { type InvalidField, isProblemError, ProblemError, toProblemDocument } from '../problems.ts';
import { isDatabaseUnavailable } from '../store/database-unavailable.ts';

/** How long a client is asked to wait before retrying when the database is unavailable. */
const DATABASE_RETRY_AFTER_SECONDS = 5;

/** Answers a problem as `application/problem+json` with its headers. */
export function sendProblem(
  request: FastifyRequest,
  reply: FastifyReply,
  problem: ProblemError,
): FastifyReply {
  reply.code(problem.status).type('application/problem+json').headers(problem.headers);
  // Serialized here, not by the route's response schema: problems have their own shape.
  return reply
    .serializer((payload) => JSON.stringify(payload))
    .send(
      toProblemDocument(problem, {
        requestId: request.id,
        instance: request.url.split('?')[0] ?? request.url,
      }),
    );
}

/**
 * Turns every error into an RFC 9457 problem: ours as they are, an unreachable database
 * into a 503 with Retry-After, Fastify's (validation, body size, media type, JSON syntax)
 * into the matching stable types, and anything else into a 500 that says nothing internal.
 */
export function installErrorHandling(app: FastifyInstance): void {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    const problem = toProblem(error);
    if (problem.status >= 500) {
      request.log.error({ err: error }, 'request failed');
    }
    return sendProblem(request, reply, problem);
  });
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      request,
      reply,
      new ProblemError('not-found', `No route ${request.method} ${request.url.split('?')[0]}.`),
    ),
  );
}

function toProblem(error: FastifyError): ProblemError {
  if (isProblemError(error)) {
    return error;
  }
  if (isDatabaseUnavailable(error)) {
    return new ProblemError(
      'database-unavailable',
      `The database cannot be reached; retry after ${DATABASE_RETRY_AFTER_SECONDS} s.`,
      { retryAfterSeconds: DATABASE_RETRY_AFTER_SECONDS },
      { 'retry-after': String(DATABASE_RETRY_AFTER_SECONDS) },
    );
  }
  if (error.validation !== undefined) {
    const errors = error.validation.map(
      (issue): InvalidField => toInvalidField(error.validationContext, issue),
    );
    if (
      errors.some(
        (field) => field.pointer === '/headers/idempotency-key' && field.detail === 'is required',
      )
    ) {
      return new ProblemError(
        'idempotency-key-missing',
        'Send an Idempotency-Key header (a unique string per operation).',
        {
          errors,
        },
      );
    }
    return new ProblemError(
      'validation-failed',
      errors.map((field) => `${field.pointer}: ${field.detail}`).join('; '),
      {
        errors,
      },
    );
  }
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return new ProblemError('payload-too-large', error.message);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new ProblemError('unsupported-media-type', error.message);
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return new ProblemError('validation-failed', 'The body is not valid JSON.', {
        errors: [{ pointer: '', detail: 'not valid JSON' }],
      });
  }
  if (error instanceof SyntaxError) {
    return new ProblemError('validation-failed', 'The body is not valid JSON.', {
      errors: [{ pointer: '', detail: 'not valid JSON' }],
    });
  }
  if (typeof error.statusCode === 'number' && error.statusCode >= 400 && error.statusCode < 500) {
    return new ProblemError('validation-failed', error.message, {
      errors: [{ pointer: '', detail: error.message }],
    });
  }
  return new ProblemError('internal', 'An unexpected error happened; it has been logged.');
}

interface AjvIssue {
  readonly instancePath: string;
  readonly keyword: string;
  readonly message?: string | undefined;
  readonly params: Record<string, unknown>;
}

/**
 * Locates an Ajv issue as a JSON pointer into the request part it concerns: an unknown
 * or missing property points at that property, not at its parent object.
 */
function toInvalidField(context: string | undefined, issue: AjvIssue): InvalidField {
  // Fastify names the query part `querystring`; pointers say `query`, as cursor errors do.
  const part =
    context === undefined || context === 'body'
      ? ''
      : `/${context === 'querystring' ? 'query' : context}`;
  const property = issue.params.additionalProperty ?? issue.params.missingProperty;
  const suffix = typeof property === 'string' ? `/${escapePointer(property)}` : '';
  const allowed = issue.params.allowedValues;
  const detail =
    issue.keyword === 'additionalProperties'
      ? 'is not a known field'
      : issue.keyword === 'required'
        ? 'is required'
        : issue.keyword === 'enum' && Array.isArray(allowed)
          ? `must be one of: ${allowed.join(', ')}`
          : (issue.message ?? 'is not valid');
  return { pointer: `${part}${issue.instancePath}${suffix}`, detail };
}

function escapePointer(segment: string): string {
  return segment.replaceAll('~', '~0').replaceAll('/', '~1');
}
