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

/** Reads one whole number from the environment, recording a problem when it is invalid. */
type ReadInteger = (name: string, fallback: number, min: number, max: number) => number;

/**
 * The check of headers and request timeouts runs this often (Node's default is 30 s), so a
 * slow client is dropped at most this long after its timeout.
 */
export const TIMEOUT_CHECK_INTERVAL_MS = 500;

/**
 * Reads the client settings: `PARCELGATE_RATE_LIMIT_*` (per tenant 50/s with bursts of
 * 100; per key the tenant's values; per client address without a valid key 5/s, bursts of
 * 20), `PARCELGATE_HEADERS_TIMEOUT_MS` (9 s, at most 9.5 s so that with the check interval
 * a slow-header client is gone within 10 s), `PARCELGATE_REQUEST_TIMEOUT_MS` (30 s) and
 * `PARCELGATE_IDEMPOTENCY_TTL_HOURS` (24).
 */
export function readClientConfig(
  env: Readonly<Record<string, string | undefined>>,
  integer: ReadInteger,
  problems: string[],
): ClientConfig {
  const rate = (name: string, fallback: number): number => {
    const raw = env[name]?.trim();
    if (raw === undefined || raw === '') {
      return fallback;
    }
    const value = Number(raw);
    if (!/^\d+(?:\.\d+)?$/.test(raw) || !(value > 0) || value > 1_000_000) {
      problems.push(`${name} must be a number above 0 and at most 1000000 (got "${raw}")`);
      return fallback;
    }
    return value;
  };
  const tenant = {
    perSecond: rate('PARCELGATE_RATE_LIMIT_PER_SECOND', 50),
    burst: integer('PARCELGATE_RATE_LIMIT_BURST', 100, 1, 1_000_000),
  };
  const key = {
    perSecond: rate('PARCELGATE_RATE_LIMIT_KEY_PER_SECOND', tenant.perSecond),
    burst: integer('PARCELGATE_RATE_LIMIT_KEY_BURST', tenant.burst, 1, 1_000_000),
  };
  const address = {
    perSecond: rate('PARCELGATE_RATE_LIMIT_ADDRESS_PER_SECOND', 5),
    burst: integer('PARCELGATE_RATE_LIMIT_ADDRESS_BURST', 20, 1, 1_000_000),
  };
  const headersTimeoutMs = integer('PARCELGATE_HEADERS_TIMEOUT_MS', 9_000, 100, 9_500);
  const requestTimeoutMs = integer('PARCELGATE_REQUEST_TIMEOUT_MS', 30_000, 100, 600_000);
  if (requestTimeoutMs < headersTimeoutMs) {
    problems.push(
      `PARCELGATE_REQUEST_TIMEOUT_MS (${requestTimeoutMs}) must not be shorter than PARCELGATE_HEADERS_TIMEOUT_MS (${headersTimeoutMs})`,
    );
  }
  return {
    rateLimits: { tenant, key, address },
    headersTimeoutMs,
    requestTimeoutMs,
    idempotencyTtlHours: integer('PARCELGATE_IDEMPOTENCY_TTL_HOURS', 24, 1, 24 * 365),
  };
}
