import { problemTypesExtension } from './problem-types-extension.ts';
import { webhooksSection } from './webhooks-section.ts';

/** The security scheme every operation that is not public requires. */
export const API_KEY_SCHEME = 'apiKey';

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
      "Every call but the operations endpoints and the carriers' callbacks takes an API key as `Authorization: Bearer <key>` and is scoped to the key's tenant; a path that matches no operation needs one too. Errors are RFC 9457 problems (`application/problem+json`) whose `type` is a stable URI: match on it, never on `title` or `detail`.",
      'Mutating calls take an `Idempotency-Key`: repeating it replays the first answer without calling the carrier again, for 24 hours by default. `Prefer: wait=N` (RFC 7240) tightens the latency budget of a call.',
      'Requests are rate limited per tenant and per API key (and per client address while no valid key is sent): each answer says where the client stands in `RateLimit-Policy` and `RateLimit` (draft-ietf-httpapi-ratelimit-headers, e.g. `RateLimit-Policy: "tenant";q=100;w=2` and `RateLimit: "tenant";r=42;t=1`), and a request over a limit is a `429 rate-limited` problem with `Retry-After`.',
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
      name: 'order-events',
      description:
        'The after-sales assistant: refunds, cancellations, address changes, returns and damage reports from the marketplace, acted on by your rules at once, with their deadlines watched.',
    },
    {
      name: 'rules',
      description:
        'What the after-sales assistant does for an order event: when (event type, carrier, status window, value, category, order tags), do what (intercept, redirect, notify).',
    },
    {
      name: 'events',
      description:
        'What happened to your intercepts, redirects and parcels, each with the whole object as it was then; kept 30 days.',
    },
    {
      name: 'webhooks',
      description:
        'URLs that receive your events, signed per Standard Webhooks, and every delivery made to them. The payloads each event type sends are under `webhooks`.',
    },
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
  // One POST per event type: what a webhook endpoint receives (OpenAPI 3.1).
  webhooks: webhooksSection(),
  components: {
    securitySchemes: {
      [API_KEY_SCHEME]: {
        type: 'http',
        scheme: 'bearer',
        description: 'A tenant API key, sent as `Authorization: Bearer <key>`.',
      },
    },
  },
  'x-problem-types': problemTypesExtension(),
} as const;
