import type { FastifySchema } from 'fastify';
import { API_KEY_SCHEME } from './document-base.ts';
import { problemResponses } from './problem-responses.ts';

/** What a 429 answer says besides its problem (draft-ietf-httpapi-ratelimit-headers). */
const RATE_LIMIT_HEADERS = {
  'retry-after': {
    type: 'integer',
    description: 'Seconds to wait before the next request.',
    examples: [1],
  },
  'ratelimit-policy': {
    type: 'string',
    description:
      'The limits the request was counted against: bucket size `q` over the seconds `w` it takes to refill. Sent on every answer of an operation that needs a key.',
    examples: ['"key";q=100;w=2, "tenant";q=100;w=2'],
  },
  ratelimit: {
    type: 'string',
    description:
      'Where the client stands: requests left `r`, seconds `t` until one more is allowed. Sent on every answer of an operation that needs a key.',
    examples: ['"key";r=0;t=1, "tenant";r=0;t=1'],
  },
};

/**
 * Documents who may call a route: public routes take no key; every other one requires the
 * API key and can answer 401 and 429 (with Retry-After and the RateLimit fields), which are
 * added here once rather than in every route's schema.
 */
export function documentAccess(schema: FastifySchema, isPublic: boolean): FastifySchema {
  if (isPublic) {
    return { ...schema, security: [] };
  }
  const response = (schema.response ?? {}) as Record<string, unknown>;
  const rateLimited = problemResponses(429)[429] as Record<string, unknown>;
  return {
    ...schema,
    security: [{ [API_KEY_SCHEME]: [] }],
    response: {
      ...response,
      ...(response[401] === undefined ? problemResponses(401) : {}),
      429: { ...rateLimited, headers: RATE_LIMIT_HEADERS },
    },
  };
}
