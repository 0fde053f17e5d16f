import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { CarrierAttemptReport } from '../resilience/call-carrier.ts';

/** Latency buckets for answers to our clients, in seconds. */
const HTTP_BUCKETS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];
/** The unseen wait is capped at 250 ms (see `unseen-wait.ts`). */
const UNSEEN_WAIT_BUCKETS = [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25];
/** Carrier calls are slower and bounded by budgets of up to 60 s. */
const CARRIER_BUCKETS = [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30, 60];

/**
 * The gateway's Prometheus instruments, in a registry of their own per app: several apps
 * in one test process, or a benchmark's replicas, never count into each other's numbers.
 */
export interface GatewayMetrics {
  readonly registry: Registry;
  readonly httpRequests: Counter<'method' | 'route' | 'status'>;
  readonly httpRequestDuration: Histogram<'method' | 'route' | 'status'>;
  /** How long requests are estimated to have waited in their socket before being read. */
  readonly httpRequestUnseenWait: Histogram;
  readonly carrierOperations: Counter<'carrier' | 'operation' | 'outcome'>;
  readonly carrierOperationDuration: Histogram<'carrier' | 'operation' | 'outcome'>;
  /** Intercepts answered, by the status they were answered in. */
  readonly interceptOutcomes: Counter<'carrier' | 'status'>;
  /** Redirects answered, by the status they were answered in. */
  readonly redirectOutcomes: Counter<'carrier' | 'status'>;
  /** Tracking reads' attempt rows not written: buffer full, or the database refused the batch. */
  readonly attemptRowsLost: Counter<'why'>;
  /** Webhook delivery attempts, by outcome (delivered, failed, refused). */
  readonly webhookAttempts: Counter<'outcome'>;
  /** Counts one carrier attempt, as `callCarrier` reports it. */
  observeCarrierAttempt(attempt: CarrierAttemptReport): void;
  /** The app's metrics and the process's, in the Prometheus text format. */
  render(): Promise<string>;
}

declare module 'fastify' {
  interface FastifyInstance {
    readonly metrics: GatewayMetrics;
  }
}

/**
 * Process metrics (CPU, memory, event loop lag, GC) describe the process, not an app, and
 * their collectors (an event-loop delay monitor, a GC observer) cannot be stopped: they
 * are set up once per process, in a registry of their own (not prom-client's global one).
 */
let processRegistry: Registry | undefined;

function sharedProcessRegistry(): Registry {
  if (processRegistry === undefined) {
    processRegistry = new Registry();
    collectDefaultMetrics({ register: processRegistry });
  }
  return processRegistry;
}

/** Creates a fresh set of instruments in a new registry. */
export function createGatewayMetrics(): GatewayMetrics {
  const registry = new Registry();
  const registers = [registry];
  const processMetrics = sharedProcessRegistry();
  const carrierOperations = new Counter({
    name: 'parcelgate_carrier_operations_total',
    help: 'Calls to carrier operations, by carrier, operation and outcome (ok, an error kind, timeout).',
    labelNames: ['carrier', 'operation', 'outcome'] as const,
    registers,
  });
  const carrierOperationDuration = new Histogram({
    name: 'parcelgate_carrier_operation_duration_seconds',
    help: 'Time spent in one call to a carrier operation.',
    labelNames: ['carrier', 'operation', 'outcome'] as const,
    buckets: CARRIER_BUCKETS,
    registers,
  });
  return {
    registry,
    httpRequests: new Counter({
      name: 'parcelgate_http_requests_total',
      help: 'Requests answered, by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'] as const,
      registers,
    }),
    httpRequestDuration: new Histogram({
      name: 'parcelgate_http_request_duration_seconds',
      help: 'Time to answer a request, by method, route pattern and status code.',
      labelNames: ['method', 'route', 'status'] as const,
      buckets: HTTP_BUCKETS,
      registers,
    }),
    httpRequestUnseenWait: new Histogram({
      name: 'parcelgate_http_request_unseen_wait_seconds',
      help: 'Estimated time a request waited in its socket before the gateway read it, taken out of its budget: the event loop falling behind.',
      buckets: UNSEEN_WAIT_BUCKETS,
      registers,
    }),
    carrierOperations,
    carrierOperationDuration,
    attemptRowsLost: new Counter({
      name: 'parcelgate_attempt_rows_lost_total',
      help: "Tracking reads' carrier attempts not stored (why: full, the buffer was full; failed, the database refused the batch). Metrics and logs still carry them.",
      labelNames: ['why'] as const,
      registers,
    }),
    webhookAttempts: new Counter({
      name: 'parcelgate_webhook_attempts_total',
      help: 'Webhook delivery attempts, by outcome: delivered (2xx), failed (any other answer, a timeout, a network error), refused (the target resolved to an address not allowed).',
      labelNames: ['outcome'] as const,
      registers,
    }),
    interceptOutcomes: new Counter({
      name: 'parcelgate_intercept_outcomes_total',
      help: 'Intercepts answered, by carrier and the lifecycle status they were answered in.',
      labelNames: ['carrier', 'status'] as const,
      registers,
    }),
    redirectOutcomes: new Counter({
      name: 'parcelgate_redirect_outcomes_total',
      help: 'Redirects answered, by carrier and the lifecycle status they were answered in.',
      labelNames: ['carrier', 'status'] as const,
      registers,
    }),
    observeCarrierAttempt({ carrier, operation, outcome, durationMs }) {
      const labels = { carrier, operation, outcome };
      carrierOperations.inc(labels);
      carrierOperationDuration.observe(labels, durationMs / 1000);
    },
    async render() {
      // Both registries use the text format; their metric names never overlap.
      return (await registry.metrics()) + (await processMetrics.metrics());
    },
  };
}

/**
 * Decorates the app with its metrics, counts every answered request (route pattern, never
 * the raw URL, so ids and tracking numbers do not explode the label space). Carrier
 * attempts reach `metrics.observeCarrierAttempt` through the resilience plugin's sink.
 */
export const metricsPlugin = fp(
  async (app: FastifyInstance) => {
    const metrics = createGatewayMetrics();
    app.decorate('metrics', metrics);
    app.addHook('onResponse', async (request, reply) => {
      const labels = {
        method: request.method,
        route: request.routeOptions.url ?? 'unmatched',
        status: String(reply.statusCode),
      };
      metrics.httpRequests.inc(labels);
      metrics.httpRequestDuration.observe(labels, reply.elapsedTime / 1000);
      metrics.httpRequestUnseenWait.observe(request.unseenWaitMs / 1000);
    });
  },
  { name: 'parcelgate-metrics' },
);

/** How many intercepts and redirects wait for a person, by table. */
export type NeedsAttentionCount = () => Promise<
  Readonly<Record<'intercepts' | 'redirects', number>>
>;

/**
 * Publishes `parcelgate_actions_needing_attention{kind}`: the intercepts and redirects
 * flagged for a person (no final outcome within their window), counted in the database at
 * scrape time, so every replica reports the same number and none is ever stale.
 */
export function publishNeedsAttention(registry: Registry, count: NeedsAttentionCount): void {
  new Gauge({
    name: 'parcelgate_actions_needing_attention',
    help: 'Intercepts and redirects flagged for a person: no final outcome within their window (see attentionReason).',
    labelNames: ['kind'] as const,
    registers: [registry],
    async collect() {
      // A database that cannot answer leaves the last counts: /metrics must still answer.
      const counts = await count().catch(() => undefined);
      if (counts !== undefined) {
        this.set({ kind: 'intercept' }, counts.intercepts);
        this.set({ kind: 'redirect' }, counts.redirects);
      }
    },
  });
}

/** The webhook deliveries not yet made, and how long the oldest has waited (seconds). */
export type WebhookBacklog = () => Promise<{
  readonly pending: number;
  readonly oldestSeconds: number;
}>;

/**
 * Publishes `parcelgate_webhook_deliveries_pending` and
 * `parcelgate_webhook_oldest_pending_seconds`, counted in the database at scrape time (every
 * replica reports the same): a receiver that is down, or a worker that stopped, shows here
 * before merchants notice.
 */
export function publishWebhookBacklog(registry: Registry, backlog: WebhookBacklog): void {
  let last: { pending: number; oldestSeconds: number } | undefined;
  // One query per scrape for both gauges: the first to collect reads, the second reuses it.
  let reading: Promise<void> | undefined;
  const read = () => {
    reading ??= backlog()
      .then(
        (value) => {
          last = value;
        },
        // A database that cannot answer leaves the last numbers: /metrics must still answer.
        () => {},
      )
      .finally(() => {
        reading = undefined;
      });
    return reading;
  };
  new Gauge({
    name: 'parcelgate_webhook_deliveries_pending',
    help: 'Webhook deliveries not yet delivered nor given up (at enabled and disabled endpoints).',
    registers: [registry],
    async collect() {
      await read();
      if (last !== undefined) {
        this.set(last.pending);
      }
    },
  });
  new Gauge({
    name: 'parcelgate_webhook_oldest_pending_seconds',
    help: 'How long the oldest pending webhook delivery has waited since its event (0 when none).',
    registers: [registry],
    async collect() {
      await read();
      if (last !== undefined) {
        this.set(last.oldestSeconds);
      }
    },
  });
}

/** This replica's share of one carrier account's limits (see resilience/limit-shares.ts). */
export interface CarrierLimitShareReading {
  readonly carrier: string;
  /** `shared` or the connection's id. */
  readonly connection: string;
  /** Undefined when the account declares no rate. */
  readonly requestsPerSecond: number | undefined;
  /** Infinity when the account declares no concurrency limit. */
  readonly maxConcurrency: number;
}

/**
 * Publishes `parcelgate_cluster_replicas` (the live replicas this one saw at its last
 * heartbeat, itself included; 1 on the embedded database) and
 * `parcelgate_carrier_limit_share{carrier,connection,limit}`: the part of each account's
 * declared limits this replica applies now (ADR 0009). Both are read at scrape time.
 */
export function publishCarrierLimitShares(
  registry: Registry,
  read: {
    readonly replicas: () => number;
    readonly shares: () => readonly CarrierLimitShareReading[];
  },
): void {
  new Gauge({
    name: 'parcelgate_cluster_replicas',
    help: 'Live gateway replicas sharing the carrier limits, as this replica last saw them (itself included).',
    registers: [registry],
    collect() {
      this.set(read.replicas());
    },
  });
  new Gauge({
    name: 'parcelgate_carrier_limit_share',
    help: "This replica's share of a carrier account's declared limits (limit: requests_per_second or max_concurrency); 0 while it holds no share.",
    labelNames: ['carrier', 'connection', 'limit'] as const,
    registers: [registry],
    collect() {
      this.reset();
      for (const share of read.shares()) {
        const labels = { carrier: share.carrier, connection: share.connection };
        if (share.requestsPerSecond !== undefined) {
          this.set({ ...labels, limit: 'requests_per_second' }, share.requestsPerSecond);
        }
        if (Number.isFinite(share.maxConcurrency)) {
          this.set({ ...labels, limit: 'max_concurrency' }, share.maxConcurrency);
        }
      }
    },
  });
}

/** How long a scrape waits for the database's answer before it reports it down. */
const DATABASE_PING_TIMEOUT_MS = 2_000;

/**
 * Publishes `parcelgate_database_up`: 1 when the database answered `SELECT 1` at scrape
 * time within 2 s, else 0. Readiness (`/readyz`) asks the same, but only a load balancer
 * sees it; this lets Prometheus alert on it, and a database that hangs rather than refuses
 * still answers the scrape, in time, with 0.
 */
export function publishDatabaseUp(
  registry: Registry,
  ping: () => Promise<unknown>,
  timeoutMs = DATABASE_PING_TIMEOUT_MS,
): void {
  new Gauge({
    name: 'parcelgate_database_up',
    help: 'Whether the database answered SELECT 1 within 2 s at scrape time (1) or not (0).',
    registers: [registry],
    async collect() {
      let timer: NodeJS.Timeout | undefined;
      const timedOut = new Promise<boolean>((resolve) => {
        timer = setTimeout(() => resolve(false), timeoutMs);
        timer.unref();
      });
      const answered = ping().then(
        () => true,
        () => false,
      );
      const up = await Promise.race([answered, timedOut]);
      clearTimeout(timer);
      this.set(up ? 1 : 0);
    },
  });
}
