import type { TrackingRequest, TrackingSnapshot } from '@parcelgate/carrier-kit';
import type { FastifyInstance } from 'fastify';
import { trackingCacheKey } from '../carriers/carrier-extras.ts';
import type { RegisteredCarrier } from '../carriers/carrier-registry.ts';
import type { Deadline } from '../deadline/deadline.ts';
import { ProblemError } from '../problems.ts';
import type { CallerParts } from '../resilience/call-carrier.ts';
import { rejectionProblem } from '../resilience/rejection-problem.ts';
import { callCarrierResiliently } from '../resilience/resilient-call.ts';
import { readFailureProblem } from './carrier-problems.ts';

/** One parcel's answer of a bulk read: its snapshot, or the problem a single read would give. */
export type ManyAnswer = TrackingSnapshot | ProblemError;

/**
 * Reads many parcels at one carrier that tracks several per call (`trackMany()`, declared
 * by `capabilities.bulkTracking`), through the same protections as a single read: the
 * tracking cache answers what it holds and keeps what comes back, the rest goes in as few
 * calls as `maxPerCall` allows (a number asked twice is asked once), each call through the
 * circuit breaker, the account's limiter, retries for reads and the attempt log (recorded
 * as `trackMany`), all within the carrier's track budget and `deadline`. A failure of a
 * whole call is each of its parcels' problem; a number the carrier could not find is that
 * number's alone. Answers in the order of `queries`.
 */
export async function readTrackingMany(
  app: Pick<FastifyInstance, 'resilience' | 'parcelStatuses'>,
  request: CallerParts,
  carrier: RegisteredCarrier,
  queries: readonly TrackingRequest[],
  deadline: Deadline,
): Promise<ManyAnswer[]> {
  const { definition } = carrier;
  const trackMany = definition.trackMany;
  const maxPerCall = definition.capabilities.bulkTracking?.maxPerCall;
  if (trackMany === undefined || maxPerCall === undefined) {
    throw new Error(`${definition.id} declares no bulk tracking`);
  }
  const resilience = app.resilience.of(carrier);
  const answers: (ManyAnswer | undefined)[] = queries.map((query) => {
    const held = resilience.tracking.peek(trackingCacheKey(query));
    return held?.ok === true ? held.value : undefined;
  });
  // Each question not held once, with every position that asked it.
  const asked = new Map<string, { readonly query: TrackingRequest; readonly at: number[] }>();
  queries.forEach((query, index) => {
    if (answers[index] !== undefined) {
      return;
    }
    const key = trackingCacheKey(query);
    const entry = asked.get(key) ?? { query, at: [] };
    entry.at.push(index);
    asked.set(key, entry);
  });
  const pending = [...asked.entries()];
  const chunks: (typeof pending)[] = [];
  for (let start = 0; start < pending.length; start += maxPerCall) {
    chunks.push(pending.slice(start, start + maxPerCall));
  }
  // The answer reserve is kept back for answering, as for a single read.
  const readDeadline = deadline.child({ capMs: resilience.budgetsMs.track });
  await Promise.all(
    chunks.map(async (chunk) => {
      const result = await callCarrierResiliently({
        carrier,
        operation: 'track',
        recordedAs: 'trackMany',
        request,
        actionId: null,
        resilience,
        deadline: readDeadline,
        abortOnClientDisconnect: true,
        run: (ctx) =>
          trackMany(
            ctx,
            chunk.map(([, entry]) => entry.query),
          ),
      });
      chunk.forEach(([key, entry], position) => {
        let answer: ManyAnswer;
        if (!result.ok) {
          answer =
            result.failure.kind === 'rejected'
              ? rejectionProblem(definition.id, result.failure)
              : readFailureProblem(definition.id, result.failure);
        } else {
          const one = result.value[position];
          if (one === undefined || one.trackingNumber !== entry.query.trackingNumber) {
            answer = new ProblemError(
              'carrier-error',
              `The ${definition.id} adapter answered no result for this number in its bulk call.`,
              { carrier: definition.id },
            );
          } else if ('snapshot' in one) {
            answer = one.snapshot;
            resilience.tracking.remember(key, { ok: true, value: one.snapshot, attempts: 1 });
            app.parcelStatuses.seen({
              carrier: definition.id,
              trackingNumber: entry.query.trackingNumber,
              status: one.snapshot.status,
            });
          } else {
            answer = readFailureProblem(definition.id, { kind: 'carrier-error', error: one.error });
          }
        }
        for (const index of entry.at) {
          answers[index] = answer;
        }
      });
    }),
  );
  return answers.map(
    (answer) =>
      answer ??
      new ProblemError('carrier-error', 'The parcel was not read.', { carrier: definition.id }),
  );
}
