import type { TrackingRequest, TrackingSnapshot } from '@parcelgate/carrier-kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { trackingCacheKey } from '../carriers/carrier-extras.ts';
import type { RegisteredCarrier } from '../carriers/carrier-registry.ts';
import type { Deadline } from '../deadline/deadline.ts';
import { ProblemError } from '../problems.ts';
import type { CallerParts } from '../resilience/call-carrier.ts';
import { rejectionProblem } from '../resilience/rejection-problem.ts';
import { callCarrierResiliently, type ResilientCallResult } from '../resilience/resilient-call.ts';
import { readFailureProblem } from './carrier-problems.ts';

/**
 * Reads a parcel's tracking from its carrier within the carrier's track budget and the
 * request's deadline (tracking may be one step of an intercept), with retries, the circuit
 * breaker and the carrier's limiter. Failures become problems.
 *
 * Plain reads (GET) go through the carrier's tracking cache: a burst of identical reads
 * costs the carrier one call, each reader bounded by its own deadline. Reads made for an
 * intercept, a redirect or their dry run (POST) are always fresh, and drop the cached
 * entry, since the parcel they look at is about to change. A bulk read (POST) is a plain
 * read and says so with `cached`.
 */
export async function readTracking(
  app: Pick<FastifyInstance, 'resilience' | 'parcelStatuses'>,
  request: CallerParts & Pick<FastifyRequest, 'method'>,
  carrier: RegisteredCarrier,
  query: TrackingRequest,
  deadline: Deadline,
  /** Whether the cache may answer; by default for GET only (see above). */
  cached: boolean = request.method === 'GET',
): Promise<TrackingSnapshot> {
  const key = trackingCacheKey(query);
  const resilience = app.resilience.of(carrier);
  // The answer reserve is kept back for evaluating, storing and answering after the read.
  const readDeadline = deadline.child({ capMs: resilience.budgetsMs.track });
  const load = async (signal: AbortSignal) => {
    const loaded = await callCarrierResiliently({
      carrier,
      operation: 'track',
      request,
      actionId: null,
      resilience,
      deadline: readDeadline,
      signal,
      // A shared read stops when its readers have all left (the cache's signal), not when
      // the one client that happened to start it hangs up.
      abortOnClientDisconnect: false,
      run: (ctx) => carrier.definition.track(ctx, query),
    });
    if (loaded.ok) {
      // A registered parcel's new status is its tenant's event (written in batches).
      app.parcelStatuses.seen({
        carrier: carrier.definition.id,
        trackingNumber: query.trackingNumber,
        status: loaded.value.status,
      });
    }
    return loaded;
  };
  let result: ResilientCallResult<TrackingSnapshot>;
  if (cached) {
    const answer = await resilience.tracking.read({
      key,
      load,
      waitMs: readDeadline.remainingMs(),
      signal: request.signal,
    });
    if (answer.source === 'timeout') {
      throw new ProblemError(
        'carrier-timeout',
        `${carrier.definition.id} did not answer within the latency budget.`,
        { carrier: carrier.definition.id },
      );
    }
    request.logContext.carrier = carrier.definition.id;
    result = answer.result;
  } else {
    // Whatever was asked with other extras may also be cached: at least the plain read goes.
    resilience.tracking.invalidate(query.trackingNumber);
    resilience.tracking.invalidate(key);
    result = await load(request.signal);
  }
  if (result.ok) {
    return result.value;
  }
  if (result.failure.kind === 'rejected') {
    throw rejectionProblem(carrier.definition.id, result.failure);
  }
  throw readFailureProblem(carrier.definition.id, result.failure);
}
