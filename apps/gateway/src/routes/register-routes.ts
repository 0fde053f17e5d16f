import type { FastifyInstance } from 'fastify';
import { healthRoutes } from './health.ts';
import { metricsRoutes } from './metrics.ts';
import { carrierCallbackRoutes } from './v1/carrier-callbacks.ts';
import { carrierConnectionRoutes } from './v1/carrier-connections.ts';
import { carrierRoutes } from './v1/carriers.ts';
import { eventRoutes } from './v1/events.ts';
import { interceptBatchRoutes } from './v1/intercept-batches.ts';
import { interceptRoutes } from './v1/intercepts.ts';
import { orderEventRoutes } from './v1/order-events.ts';
import { parcelRoutes } from './v1/parcels.ts';
import { policyRoutes } from './v1/policy.ts';
import { redirectRoutes } from './v1/redirects.ts';
import { ruleRoutes } from './v1/rules.ts';
import { trackingRoutes } from './v1/tracking.ts';
import { webhookEndpointRoutes } from './v1/webhook-endpoints.ts';

/**
 * Registers every route: operations endpoints at the root, the API under /v1 unless `api`
 * is false (the `worker` role serves only liveness, readiness and metrics).
 */
export async function registerRoutes(
  app: FastifyInstance,
  options: { readonly api: boolean } = { api: true },
): Promise<void> {
  await app.register(healthRoutes);
  await app.register(metricsRoutes);
  if (!options.api) {
    return;
  }
  await app.register(
    async (v1) => {
      await v1.register(carrierRoutes);
      await v1.register(trackingRoutes);
      await v1.register(interceptRoutes);
      await v1.register(interceptBatchRoutes);
      await v1.register(redirectRoutes);
      await v1.register(policyRoutes);
      await v1.register(carrierConnectionRoutes);
      await v1.register(parcelRoutes);
      await v1.register(eventRoutes);
      await v1.register(webhookEndpointRoutes);
      await v1.register(ruleRoutes);
      await v1.register(orderEventRoutes);
      await v1.register(carrierCallbackRoutes);
    },
    { prefix: '/v1' },
  );
}
