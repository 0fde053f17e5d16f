import { PUBLIC_V1_PREFIXES } from '../http/authenticate.ts';

/** The security scheme every /v1 operation requires. */
export const API_KEY_SCHEME = 'apiKey';

/** Paths outside /v1 that take no API key (operations endpoints and the document itself). */
const API_PREFIX = '/v1/';

/**
 * The parts of the OpenAPI document that do not come from route schemas. Nothing here
 * depends on where the gateway runs: the committed document must be the same on every
 * machine, so the server is the relative `/` (the origin that served the document).
 */
export const DOCUMENT_BASE = {
  openapi: '3.1.0',
  info: {
    title: 'Parcelgate API',
    version: '1.0.0',
    description: [
      'One REST API to track, intercept and redirect parcels across carriers.',
      "Every `/v1` call takes an API key as `Authorization: Bearer <key>` and is scoped to the key's tenant. Errors are RFC 9457 problems (`application/problem+json`) whose `type` is a stable URI: match on it, never on `title` or `detail`.",
      'Mutating calls take an `Idempotency-Key`: repeating it replays the first answer without calling the carrier again. `Prefer: wait=N` (RFC 7240) tightens the latency budget of a call.',
    ].join('\n\n'),
    license: { name: 'MIT', identifier: 'MIT' },
  },
  servers: [{ url: '/', description: 'The gateway that serves this document.' }],
  tags: [
    { name: 'carriers', description: 'The loaded carrier adapters and what each can do.' },
    { name: 'tracking', description: 'Normalized tracking, the same for every carrier.' },
    {
      name: 'intercepts',
      description: 'Stop a parcel in transit and send it back to the sender.',
    },
    { name: 'redirects', description: 'Deliver a parcel in transit to a new address.' },
    { name: 'policy', description: "The tenant's intercept and redirect rules." },
    {
      name: 'carrier-callbacks',
      description:
        "Where carriers push route updates and intercept outcomes; no API key (each carrier's signature is verified). Not for API clients.",
    },
    {
      name: 'operations',
      description:
        'Health, readiness and metrics for operators; no API key (keep /metrics behind a firewall).',
    },
  ],
  components: {
    securitySchemes: {
      [API_KEY_SCHEME]: {
        type: 'http',
        scheme: 'bearer',
        description: 'A tenant API key, sent as `Authorization: Bearer <key>`.',
      },
    },
  },
} as const;

/**
 * The security requirement of a route: the API key under /v1, none elsewhere nor on the
 * carriers' callbacks (the adapter verifies the carrier's signature instead).
 */
export function securityFor(url: string): readonly Record<string, readonly string[]>[] {
  const isPublic = PUBLIC_V1_PREFIXES.some((prefix) => url.startsWith(prefix));
  return url.startsWith(API_PREFIX) && !isPublic ? [{ [API_KEY_SCHEME]: [] }] : [];
}
