import { decimal, defineSection, wholeNumber } from './variable-types.ts';

const MAX_RATE = 1_000_000;

/** Limits on API clients, how long the gateway waits for them, and Idempotency-Key lifetime. */
export const clientSection = defineSection({
  id: 'clients',
  title: 'Clients: rate limits, timeouts, idempotency',
  variables: {
    PARCELGATE_RATE_LIMIT_PER_SECOND: decimal({
      default: 50,
      above: 0,
      maximum: MAX_RATE,
      description:
        'per tenant: requests per second (may be fractional, e.g. `0.5`); past it and the burst, `429 rate-limited` with `Retry-After` and the `RateLimit` / `RateLimit-Policy` fields',
    }),
    PARCELGATE_RATE_LIMIT_BURST: wholeNumber({
      default: 100,
      minimum: 1,
      maximum: MAX_RATE,
      description: 'per tenant: the requests allowed back to back after a quiet spell',
    }),
    PARCELGATE_RATE_LIMIT_KEY_PER_SECOND: decimal({
      above: 0,
      maximum: MAX_RATE,
      defaultText: "the tenant's",
      description: "the same per API key, to split a tenant's share between its keys",
    }),
    PARCELGATE_RATE_LIMIT_KEY_BURST: wholeNumber({
      minimum: 1,
      maximum: MAX_RATE,
      defaultText: "the tenant's",
      description: 'the burst per API key',
    }),
    PARCELGATE_RATE_LIMIT_ADDRESS_PER_SECOND: decimal({
      default: 5,
      above: 0,
      maximum: MAX_RATE,
      description:
        'the same per client address, for requests without a valid key (failed keys included)',
    }),
    PARCELGATE_RATE_LIMIT_ADDRESS_BURST: wholeNumber({
      default: 20,
      minimum: 1,
      maximum: MAX_RATE,
      description: 'the burst per client address without a valid key',
    }),
    PARCELGATE_HEADERS_TIMEOUT_MS: wholeNumber({
      default: 9_000,
      minimum: 100,
      maximum: 9_500,
      description:
        'a client must send its request head within this (checked every 500 ms, so a slow-header client is gone within 10 s)',
    }),
    PARCELGATE_REQUEST_TIMEOUT_MS: wholeNumber({
      default: 30_000,
      minimum: 100,
      maximum: 600_000,
      description:
        'a client must send its whole request within this (not less than the headers timeout)',
    }),
    PARCELGATE_BODY_LIMIT_BYTES: wholeNumber({
      default: 64 * 1024,
      minimum: 1024,
      maximum: 10 * 1024 * 1024,
      description: 'the largest request body',
    }),
    PARCELGATE_IDEMPOTENCY_TTL_HOURS: wholeNumber({
      default: 24,
      minimum: 1,
      maximum: 24 * 365,
      description:
        'how long an `Idempotency-Key` is remembered, from its first use; expired records are purged every hour',
    }),
  },
  notes:
    "Health, readiness, metrics, `/docs`, `/openapi.json` and the carriers' callbacks need no\nkey and are not rate limited; every other path needs a key. Counts live in each gateway\nprocess: with N replicas a tenant gets up to N times its limit.",
  check: (values) =>
    values.PARCELGATE_REQUEST_TIMEOUT_MS < values.PARCELGATE_HEADERS_TIMEOUT_MS
      ? [
          `PARCELGATE_REQUEST_TIMEOUT_MS (${values.PARCELGATE_REQUEST_TIMEOUT_MS}) must not be shorter than PARCELGATE_HEADERS_TIMEOUT_MS (${values.PARCELGATE_HEADERS_TIMEOUT_MS})`,
        ]
      : [],
});
