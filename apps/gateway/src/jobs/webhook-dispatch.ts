import type { FastifyBaseLogger } from 'fastify';
import type { PgBoss } from 'pg-boss';
import type { WebhookConfig } from '../config/webhook-config.ts';
import { openWebhookSecrets } from '../connections/sealed-webhook-secrets.ts';
import type { SecretBox } from '../connections/secret-box.ts';
import { presentEvent, presentWebhookEndpoint } from '../lifecycle/present-event.ts';
import type { Database } from '../store/database.ts';
import { insertEvent, type StoredEvent } from '../store/events.ts';
import {
  type AttemptVerdict,
  type DeliveryQueueKey,
  type DeliveryRecord,
  dueDeliveryQueues,
  headOfQueue,
  recordDeliveryAttempt,
  retryEndpointNow,
} from '../store/webhook-deliveries.ts';
import {
  disableWebhookEndpoint,
  loadWebhookEndpoint,
  type WebhookEndpointRecord,
} from '../store/webhook-endpoints.ts';
import { type DeliveryAttemptResult, deliverWebhook } from '../webhooks/deliver-webhook.ts';
import { nextDeliveryStep } from '../webhooks/retry-schedule.ts';
import { signWebhook } from '../webhooks/sign-webhook.ts';
import type { LookupFn } from '../webhooks/target-guard.ts';

/** The pg-boss queue of webhook jobs: one job sends one queue's due deliveries in order. */
export const WEBHOOK_QUEUE = 'parcelgate-webhooks';

/** Deliveries one job sends at most before it gives the worker back to other queues. */
const DELIVERIES_PER_JOB = 20;
/** Queues looked at per poll; the next poll takes the rest. */
const QUEUES_PER_POLL = 500;

/** Sends webhooks from the outbox (`webhook_deliveries`). */
export interface WebhookDispatcher {
  /**
   * Sends a queue's due deliveries now, oldest first, until one fails (it waits for its
   * retry, and so do the ones behind it) or none is due. Resolves when it stopped.
   */
  sendQueue(key: DeliveryQueueKey): Promise<void>;
  /** Stops polling and waits for the deliveries being sent. */
  stop(): Promise<void>;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Webhook delivery; without jobs it still sends a queue when asked (test events). */
    readonly webhooks: WebhookDispatcher;
  }
}

/** What sending needs; `lookup` is replaced in tests. */
export interface WebhookSenderOptions {
  readonly database: Database;
  readonly box: SecretBox;
  readonly config: WebhookConfig;
  readonly log: FastifyBaseLogger;
  readonly lookup?: LookupFn;
  readonly now?: () => Date;
  /** Told each attempt's outcome (the metrics). */
  readonly onAttempt?: (outcome: DeliveryAttemptResult['outcome']) => void;
}

/**
 * Sends one queue's deliveries: each attempt is signed with the endpoint's secrets (both
 * during a rotation's overlap) at the time it is made, checked and sent by
 * `deliverWebhook`, and kept with what followed it in one transaction. A delivery failing
 * past the give-up window disables its endpoint, and the tenant's event log says so.
 */
export function createWebhookSender(options: WebhookSenderOptions) {
  const { database, config, log } = options;
  const now = options.now ?? (() => new Date());

  const attempt = async (
    endpoint: WebhookEndpointRecord,
    event: StoredEvent,
  ): Promise<DeliveryAttemptResult> => {
    const body = JSON.stringify(presentEvent(event));
    const headers = signWebhook({
      id: event.id,
      timestamp: now(),
      body,
      secrets: openWebhookSecrets(options.box, endpoint, now()),
    });
    return deliverWebhook({
      url: endpoint.url,
      headers,
      body,
      allowPrivate: config.allowPrivateTargets,
      timeoutMs: config.attemptTimeoutMs,
      ...(options.lookup === undefined ? {} : { lookup: options.lookup }),
    });
  };

  const verdictOf = (delivery: DeliveryRecord, result: DeliveryAttemptResult): AttemptVerdict => {
    if (result.outcome === 'delivered') {
      return { kind: 'delivered' };
    }
    if (!delivery.retry) {
      return { kind: 'give-up' };
    }
    const at = now();
    const step = nextDeliveryStep({
      failures: delivery.attempts + 1,
      firstFailedAt: delivery.firstFailedAt ?? at,
      now: at,
      schedule: {
        baseMs: config.retryBaseMs,
        maxDelayMs: config.retryMaxDelayMs,
        giveUpAfterMs: config.giveUpAfterMs,
      },
    });
    return step.kind === 'give-up'
      ? step
      : { kind: 'retry', at: new Date(at.getTime() + step.delayMs) };
  };

  const settle = async (
    endpoint: WebhookEndpointRecord,
    delivery: DeliveryRecord,
    result: DeliveryAttemptResult,
    attemptedAt: Date,
  ): Promise<AttemptVerdict | undefined> => {
    const verdict = verdictOf(delivery, result);
    const kept = await database.transaction(async (tx) => {
      const moved = await recordDeliveryAttempt(
        tx,
        delivery.id,
        {
          attemptedAt,
          outcome: result.outcome,
          statusCode: result.statusCode,
          durationMs: result.durationMs,
          responseSnippet: result.responseSnippet,
          error: result.error,
        },
        verdict,
      );
      if (moved && verdict.kind === 'delivered') {
        // The endpoint answers: whatever waits for a retry after its failures goes now.
        await retryEndpointNow(tx, endpoint.id, attemptedAt);
      }
      if (moved && verdict.kind === 'give-up' && delivery.retry) {
        const reason = `A delivery kept failing for ${spokenDuration(config.giveUpAfterMs)}, the give-up window; its last attempt: ${result.error ?? `HTTP ${result.statusCode}`}`;
        const disabled = await disableWebhookEndpoint(tx, endpoint.id, reason);
        if (disabled !== undefined) {
          await insertEvent(tx, {
            tenantId: disabled.tenantId,
            type: 'webhook_endpoint.disabled',
            objectKind: 'webhook_endpoint',
            objectId: disabled.id,
            data: presentWebhookEndpoint(disabled),
          });
        }
      }
      return moved;
    });
    return kept ? verdict : undefined;
  };

  return {
    /** The queues due now, by this sender's clock (what the worker's poll lists). */
    dueQueues: (limit: number) => dueDeliveryQueues(database, limit, now()),
    async sendQueue(key: DeliveryQueueKey): Promise<void> {
      for (let sent = 0; sent < DELIVERIES_PER_JOB; sent += 1) {
        const head = await headOfQueue(database, key);
        if (head === undefined || head.delivery.nextAttemptAt.getTime() > now().getTime()) {
          return;
        }
        const endpoint = await loadWebhookEndpoint(database, key.endpointId);
        if (endpoint === undefined || !endpoint.enabled) {
          return;
        }
        const attemptedAt = now();
        const result = await attempt(endpoint, head.event);
        options.onAttempt?.(result.outcome);
        const verdict = await settle(endpoint, head.delivery, result, attemptedAt);
        log.info(
          {
            endpointId: endpoint.id,
            eventId: head.event.id,
            deliveryId: head.delivery.id,
            outcome: result.outcome,
            statusCode: result.statusCode,
            durationMs: result.durationMs,
            next: verdict?.kind ?? 'settled-elsewhere',
          },
          'webhook attempt',
        );
        if (verdict?.kind !== 'delivered') {
          return;
        }
      }
    },
  };
}

/** A duration as people say it: `25 h`, `10 min`, `300 ms`. */
function spokenDuration(ms: number): string {
  if (ms >= 3_600_000) {
    return `${Math.round(ms / 360_000) / 10} h`;
  }
  if (ms >= 60_000) {
    return `${Math.round(ms / 6_000) / 10} min`;
  }
  return ms >= 1_000 ? `${Math.round(ms / 100) / 10} s` : `${ms} ms`;
}

/** A dispatcher for an app built without jobs: it sends only what it is asked to. */
export function inlineWebhookDispatcher(options: WebhookSenderOptions): WebhookDispatcher {
  const sender = createWebhookSender(options);
  return { sendQueue: (key) => sender.sendQueue(key), stop: async () => {} };
}

/**
 * Starts the webhook worker. Every `pollMs` (and at once at start) it lists the queues
 * whose oldest pending delivery is due and queues one pg-boss job per queue, keyed by
 * endpoint and object under pg-boss's `stately` policy: at most one running per queue
 * across every process, so each object's events reach each endpoint in order. The outbox
 * is the truth: a job lost with its process is queued again by the next poll, and a
 * delivery sent but not recorded before a crash is sent again (at least once).
 */
export async function startWebhookDispatcher(
  boss: PgBoss,
  options: WebhookSenderOptions & { readonly pollMs: number },
): Promise<WebhookDispatcher> {
  const log = options.log;
  const sender = createWebhookSender(options);
  await ensureWebhookQueue(boss, options.config);
  await boss.work<DeliveryQueueKey>(
    WEBHOOK_QUEUE,
    { pollingIntervalSeconds: 0.5, batchSize: 1, localConcurrency: 4 },
    async ([job]) => {
      if (job !== undefined) {
        await sender.sendQueue(job.data);
      }
    },
  );
  let polling: Promise<void> | undefined;
  const poll = () => {
    polling ??= (async () => {
      const due = await sender.dueQueues(QUEUES_PER_POLL);
      if (due.length > 0) {
        await boss.insert(
          WEBHOOK_QUEUE,
          due.map((key) => ({ data: key, singletonKey: `${key.endpointId} ${key.objectId}` })),
        );
      }
    })()
      .catch((error: unknown) => log.error({ err: error }, 'webhook poll failed'))
      .finally(() => {
        polling = undefined;
      });
    return polling;
  };
  await poll();
  const timer = setInterval(() => void poll(), options.pollMs);
  timer.unref();
  return {
    sendQueue: (key) => sender.sendQueue(key),
    async stop() {
      clearInterval(timer);
      await polling;
    },
  };
}

async function ensureWebhookQueue(boss: PgBoss, config: WebhookConfig): Promise<void> {
  const options = {
    // A job sends at most DELIVERIES_PER_JOB attempts, each within the attempt timeout; one
    // active longer died with its process and is handed to another.
    expireInSeconds: Math.ceil((DELIVERIES_PER_JOB * config.attemptTimeoutMs) / 1000) + 30,
    // A job that throws (the database went away) is tried again; the poll would also.
    retryLimit: 3,
    retryDelay: 1,
    retryBackoff: true,
    deleteAfterSeconds: 3_600,
  };
  if ((await boss.getQueue(WEBHOOK_QUEUE)) === null) {
    try {
      await boss.createQueue(WEBHOOK_QUEUE, { ...options, policy: 'stately' });
      return;
    } catch (error) {
      if ((await boss.getQueue(WEBHOOK_QUEUE)) === null) {
        throw error;
      }
    }
  }
  await boss.updateQueue(WEBHOOK_QUEUE, options);
}
