import type { ConfigValues } from './config-schema.ts';

/** One token bucket: `perSecond` sustained, up to `burst` at once. */
export interface RateLimit {
  /** Tokens added per second; may be fractional (0.5: one request every 2 s). */
  readonly perSecond: number;
  /** Bucket size: requests allowed back to back after a quiet spell. */
  readonly burst: number;
}

/** Limits on API clients, and how long the gateway waits for them (`src/http`). */
export interface ClientConfig {
  readonly rateLimits: {
    /** Every request of a tenant, whichever of its keys it carries. */
    readonly tenant: RateLimit;
    /** Every request with one API key (a tenant's share can be split between its keys). */
    readonly key: RateLimit;
    /** Requests without a valid key (none, unknown or revoked), per client address. */
    readonly address: RateLimit;
  };
  /** A client must have sent its whole request head within this (slow-header clients). */
  readonly headersTimeoutMs: number;
  /** A client must have sent its whole request, body included, within this. */
  readonly requestTimeoutMs: number;
  /** An Idempotency-Key is remembered this long; after it, the key counts as new and is purged. */
  readonly idempotencyTtlHours: number;
}

/**
 * The check of headers and request timeouts runs this often (Node's default is 30 s), so a
 * slow client is dropped at most this long after its timeout.
 */
export const TIMEOUT_CHECK_INTERVAL_MS = 500;

/**
 * The client settings from the checked variables (schema/client-variables.ts); per-key
 * limits follow the tenant's unless set.
 */
export function readClientConfig(values: ConfigValues): ClientConfig {
  const tenant = {
    perSecond: values.PARCELGATE_RATE_LIMIT_PER_SECOND,
    burst: values.PARCELGATE_RATE_LIMIT_BURST,
  };
  return {
    rateLimits: {
      tenant,
      key: {
        perSecond: values.PARCELGATE_RATE_LIMIT_KEY_PER_SECOND ?? tenant.perSecond,
        burst: values.PARCELGATE_RATE_LIMIT_KEY_BURST ?? tenant.burst,
      },
      address: {
        perSecond: values.PARCELGATE_RATE_LIMIT_ADDRESS_PER_SECOND,
        burst: values.PARCELGATE_RATE_LIMIT_ADDRESS_BURST,
      },
    },
    headersTimeoutMs: values.PARCELGATE_HEADERS_TIMEOUT_MS,
    requestTimeoutMs: values.PARCELGATE_REQUEST_TIMEOUT_MS,
    idempotencyTtlHours: values.PARCELGATE_IDEMPOTENCY_TTL_HOURS,
  };
}
