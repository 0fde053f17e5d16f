import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Gauge } from 'prom-client';
import type { AttemptSink, AttemptTracer } from './call-carrier.ts';
import { createResilienceRegistry, type ResilienceRegistry } from './carrier-resilience.ts';
import type { CircuitState } from './circuit-breaker.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** Every carrier's limiter, retry budget, circuit breakers and tracking cache. */
    readonly resilience: ResilienceRegistry;
  }
}

/** The gauge's values: Prometheus wants numbers, and "higher is worse" reads well on a graph. */
export const CIRCUIT_STATE_VALUES = {
  closed: 0,
  half_open: 1,
  open: 2,
} as const satisfies Record<CircuitState, number>;

/** Where the resilience plugin reports what it does. */
export interface ResiliencePluginOptions {
  /**
   * Told about every carrier attempt once it is classified. The app wires it to the
   * metrics and the attempts table: resilience itself stores nothing.
   */
  readonly onAttempt: AttemptSink;
  /** Traces every carrier attempt; undefined when tracing is off. */
  readonly tracer?: AttemptTracer | undefined;
}

/**
 * Builds the resilience state of the loaded carriers (after the carrier registry) and
 * publishes `parcelgate_circuit_state{carrier,connection,operation}` in the app's metrics registry,
 * read at scrape time so it is never stale.
 */
export const resiliencePlugin = fp(
  async (app: FastifyInstance, options: ResiliencePluginOptions) => {
    const registry = createResilienceRegistry(app.config, app.carriers.list(), {
      onAttempt: options.onAttempt,
      tracer: options.tracer,
    });
    app.decorate('resilience', registry);
    if (app.hasDecorator('metrics')) {
      new Gauge({
        name: 'parcelgate_circuit_state',
        help: 'Circuit breaker state per carrier account (connection: shared or its id) and operation: 0 closed, 1 half-open, 2 open.',
        labelNames: ['carrier', 'connection', 'operation'] as const,
        registers: [app.metrics.registry],
        collect() {
          for (const { carrier, connection, operation, state } of registry.circuits()) {
            this.set({ carrier, connection, operation }, CIRCUIT_STATE_VALUES[state]);
          }
        },
      });
    }
    app.addHook('onClose', async () => {
      registry.close();
    });
  },
  { name: 'parcelgate-resilience', dependencies: ['parcelgate-metrics'] },
);
