import type { ConfigValues } from './config-schema.ts';

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

/** The webhook settings from the checked variables (schema/job-variables.ts). */
export function readWebhookConfig(values: ConfigValues): WebhookConfig {
  return {
    allowPrivateTargets: values.WEBHOOK_ALLOW_PRIVATE_TARGETS,
    attemptTimeoutMs: values.PARCELGATE_WEBHOOK_TIMEOUT_MS,
    retryBaseMs: values.PARCELGATE_WEBHOOK_RETRY_BASE_MS,
    retryMaxDelayMs: values.PARCELGATE_WEBHOOK_RETRY_MAX_DELAY_MS,
    giveUpAfterMs: values.PARCELGATE_WEBHOOK_GIVE_UP_AFTER_MS,
    secretOverlapMs: values.PARCELGATE_WEBHOOK_SECRET_OVERLAP_MS,
    pollMs: values.PARCELGATE_WEBHOOK_POLL_MS,
  };
}
