/** How webhooks are delivered (docs/webhooks.md). */
export interface WebhookConfig {
  /**
   * `WEBHOOK_ALLOW_PRIVATE_TARGETS=true`: endpoints may use http and resolve to private,
   * loopback or link-local addresses. For tests and a local demo only: it lets a tenant
   * make the gateway call into its own network.
   */
  readonly allowPrivateTargets: boolean;
  /** Time allowed to one delivery attempt, answer included. */
  readonly attemptTimeoutMs: number;
  /** The first retry's delay; each later one is three times longer, up to `maxDelayMs`. */
  readonly retryBaseMs: number;
  /** The longest pause between two attempts of one delivery. */
  readonly retryMaxDelayMs: number;
  /**
   * How long a delivery is retried after its first failed attempt; past it the delivery
   * is given up and its endpoint disabled.
   */
  readonly giveUpAfterMs: number;
  /** How long a rotated secret still signs beside the new one, by default. */
  readonly secretOverlapMs: number;
  /** How often each worker looks for deliveries due (and at start). */
  readonly pollMs: number;
}

/** Reads one whole number from the environment, recording a problem when it is invalid. */
type ReadInteger = (name: string, fallback: number, min: number, max: number) => number;

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/**
 * Reads `WEBHOOK_ALLOW_PRIVATE_TARGETS` (false), `PARCELGATE_WEBHOOK_TIMEOUT_MS` (10 s),
 * `PARCELGATE_WEBHOOK_RETRY_BASE_MS` (5 s), `PARCELGATE_WEBHOOK_RETRY_MAX_DELAY_MS` (4 h),
 * `PARCELGATE_WEBHOOK_GIVE_UP_AFTER_MS` (25 h: retries span more than a day) and
 * `PARCELGATE_WEBHOOK_SECRET_OVERLAP_MS` (24 h) and `PARCELGATE_WEBHOOK_POLL_MS` (1 s).
 */
export function readWebhookConfig(
  env: Readonly<Record<string, string | undefined>>,
  integer: ReadInteger,
  problems: string[],
): WebhookConfig {
  const allow = env.WEBHOOK_ALLOW_PRIVATE_TARGETS?.trim() ?? '';
  if (!['', 'true', 'false'].includes(allow)) {
    problems.push(`WEBHOOK_ALLOW_PRIVATE_TARGETS must be true or false (got "${allow}")`);
  }
  const retryBaseMs = integer('PARCELGATE_WEBHOOK_RETRY_BASE_MS', 5_000, 10, HOUR_MS);
  const retryMaxDelayMs = integer('PARCELGATE_WEBHOOK_RETRY_MAX_DELAY_MS', 4 * HOUR_MS, 10, DAY_MS);
  if (retryMaxDelayMs < retryBaseMs) {
    problems.push(
      `PARCELGATE_WEBHOOK_RETRY_MAX_DELAY_MS (${retryMaxDelayMs}) must not be shorter than PARCELGATE_WEBHOOK_RETRY_BASE_MS (${retryBaseMs})`,
    );
  }
  return {
    allowPrivateTargets: allow === 'true',
    attemptTimeoutMs: integer('PARCELGATE_WEBHOOK_TIMEOUT_MS', 10_000, 100, 60_000),
    retryBaseMs,
    retryMaxDelayMs,
    giveUpAfterMs: integer('PARCELGATE_WEBHOOK_GIVE_UP_AFTER_MS', 25 * HOUR_MS, 100, 30 * DAY_MS),
    secretOverlapMs: integer('PARCELGATE_WEBHOOK_SECRET_OVERLAP_MS', DAY_MS, 0, 30 * DAY_MS),
    pollMs: integer('PARCELGATE_WEBHOOK_POLL_MS', 1_000, 50, HOUR_MS),
  };
}
