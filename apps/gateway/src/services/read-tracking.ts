import type { TrackingSnapshot } from '@parcelgate/carrier-kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RegisteredCarrier } from '../carriers/carrier-registry.ts';
import { callCarrier, type Deadline } from '../resilience/call-carrier.ts';
import { readFailureProblem } from './carrier-problems.ts';

/**
 * Reads a parcel's tracking from its carrier within the track budget (and the request's
 * deadline when tracking is one step of an intercept). Failures become problems.
 */
export async function readTracking(
  app: FastifyInstance,
  request: FastifyRequest,
  carrier: RegisteredCarrier,
  trackingNumber: string,
  deadline: Deadline,
): Promise<TrackingSnapshot> {
  const result = await callCarrier({
    carrier,
    operation: 'track',
    request,
    database: app.database,
    subjectId: null,
    timeoutMs: Math.min(app.config.budgetsMs.track, deadline.remainingMs()),
    abortOnClientDisconnect: true,
    run: (ctx) => carrier.definition.track(ctx, { trackingNumber }),
  });
  if (!result.ok) {
    throw readFailureProblem(carrier.definition.id, result.failure);
  }
  return result.value;
}
