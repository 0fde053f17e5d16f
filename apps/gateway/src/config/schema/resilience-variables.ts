import { defineSection, wholeNumber } from './variable-types.ts';

const BUDGET = { minimum: 50, maximum: 60_000 } as const;

/** Latency budgets, attempt timeouts, retries and the tracking cache. */
export const budgetSection = defineSection({
  id: 'budgets',
  title: 'Budgets and retries',
  variables: {
    PARCELGATE_BUDGET_TRACK_MS: wholeNumber({
      ...BUDGET,
      default: 2_000,
      description:
        "how long a tracking request may take, from its arrival at the socket; a client's `Prefer: wait=N` tightens it",
    }),
    PARCELGATE_BUDGET_INTERCEPT_MS: wholeNumber({
      ...BUDGET,
      default: 5_000,
      description: 'how long an intercept request may take',
    }),
    PARCELGATE_BUDGET_REDIRECT_MS: wholeNumber({
      ...BUDGET,
      default: 5_000,
      description: 'how long a redirect request may take',
    }),
    PARCELGATE_ANSWER_RESERVE_MS: wholeNumber({
      default: 100,
      minimum: 0,
      maximum: 5_000,
      description:
        'kept back from each budget for storing and answering (or twice the measured average, at most 1 s)',
    }),
    PARCELGATE_ATTEMPT_TIMEOUT_TRACK_MS: wholeNumber({
      ...BUDGET,
      default: 1_000,
      description: 'the longest single tracking attempt: a read may try twice in its budget',
    }),
    PARCELGATE_ATTEMPT_TIMEOUT_INTERCEPT_MS: wholeNumber({
      ...BUDGET,
      default: 60_000,
      description: 'the longest single intercept attempt: in practice, the whole budget',
    }),
    PARCELGATE_ATTEMPT_TIMEOUT_REDIRECT_MS: wholeNumber({
      ...BUDGET,
      default: 60_000,
      description: 'the longest single redirect attempt: in practice, the whole budget',
    }),
    PARCELGATE_RETRY_MAX_ATTEMPTS: wholeNumber({
      default: 3,
      minimum: 1,
      maximum: 10,
      description: 'attempts per call, the first included',
    }),
    PARCELGATE_RETRY_BASE_DELAY_MS: wholeNumber({
      default: 100,
      minimum: 0,
      maximum: 10_000,
      description:
        "full-jitter backoff between attempts starts here; a carrier's `Retry-After` is honoured when it fits",
    }),
    PARCELGATE_RETRY_MAX_DELAY_MS: wholeNumber({
      default: 1_000,
      minimum: 0,
      maximum: 60_000,
      description: 'the longest pause between two attempts',
    }),
    PARCELGATE_RETRY_MIN_ATTEMPT_MS: wholeNumber({
      default: 100,
      minimum: 1,
      maximum: 10_000,
      description: 'no attempt starts with less than this left',
    }),
    PARCELGATE_RETRY_BUDGET_PERCENT: wholeNumber({
      default: 10,
      minimum: 0,
      maximum: 100,
      description:
        'per carrier, retries are at most max(min retries, this percent of calls) per window, so an outage cannot multiply traffic',
    }),
    PARCELGATE_RETRY_BUDGET_MIN_RETRIES: wholeNumber({
      default: 10,
      minimum: 0,
      maximum: 100_000,
      description: 'retries always allowed per window, so a quiet carrier can still be retried',
    }),
    PARCELGATE_RETRY_BUDGET_WINDOW_MS: wholeNumber({
      default: 10_000,
      minimum: 1_000,
      maximum: 600_000,
      description: 'the window of the retry budget',
    }),
    TRACKING_CACHE_TTL_MS: wholeNumber({
      default: 5_000,
      minimum: 0,
      maximum: 3_600_000,
      description:
        'how long a successful tracking read is kept per carrier account and tracking number (`0`: no cache)',
    }),
  },
  notes:
    'Only reads are retried freely; an intercept or redirect is retried only when the error\nproves it was never sent, or the adapter declares the carrier dedupes by our reference.\nEach carrier may have its own budgets (`CARRIER_<ID>_BUDGET_*_MS`, below).',
});

/** Circuit breakers and the queues in front of each carrier account. */
export const breakerSection = defineSection({
  id: 'breakers',
  title: 'Circuit breakers and carrier queues',
  variables: {
    PARCELGATE_BREAKER_FAILURE_PERCENT: wholeNumber({
      default: 50,
      minimum: 1,
      maximum: 100,
      description:
        "per carrier account and operation, the circuit opens when this share of at least `PARCELGATE_BREAKER_MIN_CALLS` attempts in the window failed for the carrier's health (5xx, network, timeouts, lost answers)",
    }),
    PARCELGATE_BREAKER_MIN_CALLS: wholeNumber({
      default: 20,
      minimum: 1,
      maximum: 1_000_000,
      description: 'attempts in the window before the circuit may open',
    }),
    PARCELGATE_BREAKER_WINDOW_MS: wholeNumber({
      default: 10_000,
      minimum: 1_000,
      maximum: 600_000,
      description: "the window the breaker's counts cover",
    }),
    PARCELGATE_BREAKER_OPEN_MS: wholeNumber({
      default: 5_000,
      minimum: 100,
      maximum: 600_000,
      description: 'how long an open circuit refuses calls (`503 circuit-open` with `Retry-After`)',
    }),
    PARCELGATE_BREAKER_HALF_OPEN_PROBES: wholeNumber({
      default: 1,
      minimum: 1,
      maximum: 100,
      description: 'calls let through to probe a half-open circuit',
    }),
    PARCELGATE_CARRIER_QUEUE_LIMIT: wholeNumber({
      default: 100,
      minimum: 0,
      maximum: 100_000,
      description: "calls that may wait for a carrier account's slot; past it `503 carrier-busy`",
    }),
    PARCELGATE_CARRIER_QUEUE_TENANT_PERCENT: wholeNumber({
      default: 50,
      minimum: 1,
      maximum: 100,
      description: "the share of an account's queue one tenant may fill; tenants take turns in it",
    }),
    PARCELGATE_REPLICA_HEARTBEAT_MS: wholeNumber({
      default: 1_000,
      minimum: 0,
      maximum: 60_000,
      description:
        "on PostgreSQL, how often each replica beats in `gateway_replicas`; the live replicas split every carrier account's limits (`CARRIER_<ID>_REQUESTS_PER_SECOND` and the adapter's), one silent for 4 beats is counted gone and its share taken by the others ([ADR 0009](decisions/0009-carrier-limits-split-among-replicas.md)). `0` turns the split off: each replica applies the whole limits, as on the embedded database",
    }),
  },
});
