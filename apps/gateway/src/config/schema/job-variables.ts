import { defineSection, flag, text, wholeNumber } from './variable-types.ts';

const HOUR_MS = 60 * 60 * 1000;
const DAY_MS = 24 * HOUR_MS;

/** How the background job follows actions whose outcome is not final. */
export const reconcileSection = defineSection({
  id: 'reconciliation',
  title: 'Reconciliation',
  variables: {
    PARCELGATE_RECONCILE_INTERVAL_MS: wholeNumber({
      default: 30_000,
      minimum: 100,
      maximum: DAY_MS,
      description:
        'the first check of an action whose outcome is not final; later checks back off from it ([lifecycle.md](lifecycle.md#reconciliation))',
    }),
    PARCELGATE_RECONCILE_DEADLINE_MS: wholeNumber({
      default: 2 * DAY_MS,
      minimum: 1_000,
      maximum: 90 * DAY_MS,
      description:
        'how long an action may go without a change before it is flagged for a person (not shorter than the interval)',
    }),
    PARCELGATE_RECONCILE_UNKNOWN_OUTCOME_MS: wholeNumber({
      default: 2 * 60_000,
      minimum: 1_000,
      maximum: DAY_MS,
      description:
        'how long after its request a `pending` action the carrier never acknowledged may stay so: then one never sent is `failed` (`not_sent`) and one sent is flagged for a person ([lifecycle.md](lifecycle.md#reconciliation))',
    }),
  },
  check: (values) =>
    values.PARCELGATE_RECONCILE_DEADLINE_MS < values.PARCELGATE_RECONCILE_INTERVAL_MS
      ? [
          `PARCELGATE_RECONCILE_DEADLINE_MS (${values.PARCELGATE_RECONCILE_DEADLINE_MS}) must not be shorter than PARCELGATE_RECONCILE_INTERVAL_MS (${values.PARCELGATE_RECONCILE_INTERVAL_MS})`,
        ]
      : [],
});

/** How bulk intercepts are taken in and run. */
export const batchSection = defineSection({
  id: 'batches',
  title: 'Bulk intercepts',
  intro: 'How `POST /v1/intercepts/batch` is taken in and run ([batches.md](batches.md)).',
  variables: {
    PARCELGATE_BATCH_TENANT_CONCURRENCY: wholeNumber({
      default: 4,
      minimum: 1,
      maximum: 100,
      description:
        "items of one tenant's batches running at once, across every replica: the tenant's fair share of the carriers' queues",
    }),
    PARCELGATE_BATCH_BODY_LIMIT_BYTES: wholeNumber({
      default: 2 * 1024 * 1024,
      minimum: 64 * 1024,
      maximum: 20 * 1024 * 1024,
      description:
        'the largest batch body accepted (`413` past it); other routes keep `PARCELGATE_BODY_LIMIT_BYTES`',
    }),
  },
});

/** Delivery of events to the tenants' webhook endpoints. */
export const webhookSection = defineSection({
  id: 'webhooks',
  title: 'Webhooks',
  intro: "Delivery of events to the tenants' webhook endpoints ([webhooks.md](webhooks.md)).",
  variables: {
    WEBHOOK_ALLOW_PRIVATE_TARGETS: flag({
      description:
        '`true` lets endpoints use http and resolve to loopback, private or link-local addresses. For tests and a local demo only: it lets a tenant make the gateway call into its own network',
    }),
    PARCELGATE_WEBHOOK_TIMEOUT_MS: wholeNumber({
      default: 10_000,
      minimum: 100,
      maximum: 60_000,
      description: 'one delivery attempt, from the address check to the end of the answer',
    }),
    PARCELGATE_WEBHOOK_RETRY_BASE_MS: wholeNumber({
      default: 5_000,
      minimum: 10,
      maximum: HOUR_MS,
      description:
        'the pause after a first failed attempt; each later one is three times longer (with jitter: between half and all of it)',
    }),
    PARCELGATE_WEBHOOK_RETRY_MAX_DELAY_MS: wholeNumber({
      default: 4 * HOUR_MS,
      minimum: 10,
      maximum: DAY_MS,
      description: 'the longest pause between two attempts (not shorter than the base)',
    }),
    PARCELGATE_WEBHOOK_GIVE_UP_AFTER_MS: wholeNumber({
      default: 25 * HOUR_MS,
      minimum: 100,
      maximum: 30 * DAY_MS,
      description:
        'how long a delivery is retried after its first failure; then it is given up and its endpoint disabled',
    }),
    PARCELGATE_WEBHOOK_SECRET_OVERLAP_MS: wholeNumber({
      default: DAY_MS,
      minimum: 0,
      maximum: 30 * DAY_MS,
      description:
        'how long a rotated secret keeps signing beside the new one, unless the rotation says otherwise',
    }),
    PARCELGATE_WEBHOOK_POLL_MS: wholeNumber({
      default: 1_000,
      minimum: 50,
      maximum: HOUR_MS,
      description: 'how often each worker looks for deliveries due (also once at start)',
    }),
  },
  check: (values) =>
    values.PARCELGATE_WEBHOOK_RETRY_MAX_DELAY_MS < values.PARCELGATE_WEBHOOK_RETRY_BASE_MS
      ? [
          `PARCELGATE_WEBHOOK_RETRY_MAX_DELAY_MS (${values.PARCELGATE_WEBHOOK_RETRY_MAX_DELAY_MS}) must not be shorter than PARCELGATE_WEBHOOK_RETRY_BASE_MS (${values.PARCELGATE_WEBHOOK_RETRY_BASE_MS})`,
        ]
      : [],
});

/** What one process does about migrations, how it stops, and how long attempts are kept. */
export const processSection = defineSection({
  id: 'process',
  title: 'Process roles, migrations, shutdown and retention',
  intro:
    'A process runs `parcelgate-gateway [serve | worker | migrate]`, or everything without a role ([roles](../apps/gateway/README.md#process-roles-serve-worker-migrate)).',
  variables: {
    PARCELGATE_MIGRATE: text({
      pattern: '^(auto|off)$',
      expectation: '`auto` or `off`',
      defaultText:
        'unset: `auto` without a role and on the embedded database; `off` for `serve` and `worker` on PostgreSQL',
      description:
        "`auto`: a start applies pending migrations (the gateway's and the job queue's); `off`: a start on a database with any pending exits with status 1 and a message naming `parcelgate-gateway migrate`. Replicas on PostgreSQL leave the schema to one `parcelgate-gateway migrate` run before them, so a new version never changes it under older replicas by surprise; the embedded database belongs to one process, which migrates it. `migrate` always migrates",
    }),
    PARCELGATE_SHUTDOWN_GRACE_MS: wholeNumber({
      default: 10_000,
      minimum: 0,
      maximum: 600_000,
      description:
        'on SIGTERM or Ctrl-C: how long requests under way may take to finish (new connections are refused; a request on a kept-alive connection gets `503` with `Connection: close`); then the connections left are closed. Jobs under way get as long, then are handed back to the queue for another worker; the batched writers (carrier attempts, parcel statuses, first reconciliation checks) flush before the process exits 0',
    }),
    PARCELGATE_ATTEMPT_RETENTION_DAYS: wholeNumber({
      default: 30,
      minimum: 1,
      maximum: 3_650,
      description:
        'how long carrier attempts (every call to a carrier, `carrier_attempts`) are kept; older ones are purged by the worker every hour, a thousand rows per statement. An action keeps its transitions; its answer lists only the attempts still kept. Events are kept 30 days, and expired `Idempotency-Key` records are purged every hour by the same jobs',
    }),
  },
});
