import { Problem } from '../schemas/common.ts';
import { problemExamples } from './problem-examples.ts';

const DESCRIPTIONS: Record<number, string> = {
  400: 'The request is not valid (problem+json with the JSON pointer of each bad field).',
  401: 'No valid API key.',
  404: 'No such resource, carrier or parcel.',
  409: 'A conflict: the first request with this Idempotency-Key is still running, or the resource is held elsewhere (see the problem type).',
  413: 'The body is too large.',
  415: 'The body is not JSON.',
  422: 'Not possible: policy reasons, an unsupported operation, or a reused Idempotency-Key.',
  429: 'Over a rate limit of the tenant, the API key or (without a valid key) the client address; retry after Retry-After.',
  502: 'The carrier answered with an error or refused our credentials.',
  503: 'The carrier or the database is unavailable, or the carrier rate-limited us (see Retry-After).',
  504: 'The carrier did not answer within the latency budget.',
};

/** Response schemas for the listed problem statuses, as `application/problem+json`. */
export function problemResponses(...statuses: readonly (keyof typeof DESCRIPTIONS)[]) {
  return Object.fromEntries(
    statuses.map((status) => [
      status,
      {
        description: DESCRIPTIONS[status] ?? 'A problem.',
        content: {
          'application/problem+json': { schema: Problem.ref, examples: problemExamples(status) },
        },
      },
    ]),
  );
}
