import type { TrackingRequest, TrackingSnapshot } from '@parcelgate/carrier-kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { type CarrierExtras, trackingRequestFor } from '../carriers/carrier-extras.ts';
import type { RegisteredCarrier } from '../carriers/carrier-registry.ts';
import { checkCarrierOptions, QUERY_CARRIER_OPTIONS } from '../carriers/check-carrier-options.ts';
import { checkTrackingNumber, PATH_TRACKING_NUMBER } from '../carriers/check-tracking-number.ts';
import { resolveCarrierAccount } from '../connections/carrier-accounts.ts';
import type { Deadline } from '../deadline/deadline.ts';
import { evaluateIntercept } from '../policy/evaluate-intercept.ts';
import { isProblemError } from '../problems.ts';
import { candidateGroups, type DetectedCandidate } from './detect-carrier.ts';
import { readTracking } from './read-tracking.ts';
import { effectivePolicyFor } from './tenant-policy.ts';

/** One carrier a tracking read may ask, with the request it asks, and why it was chosen. */
export interface TrackingCandidate {
  /** The carrier through the account the tenant reads with. */
  readonly carrier: RegisteredCarrier;
  readonly query: TrackingRequest;
  /** Present when `carrier=auto` chose it. */
  readonly detection?: Omit<DetectedCandidate, 'carrier'>;
}

/**
 * `GET /v1/tracking/:carrier/:trackingNumber`: the named carrier, or with `auto` the
 * carriers whose tracking numbers look like this one (best confidence first, each with the
 * options its detection carries), each through the tenant's own connection when it has one
 * (else the shared account), within `request.deadline`.
 */
export async function trackParcel(
  app: FastifyInstance,
  request: FastifyRequest,
  carrierId: string,
  trackingNumber: string,
  extras: CarrierExtras,
) {
  const groups =
    carrierId === 'auto'
      ? await detectedCandidates(app, request, trackingNumber, extras)
      : [[await namedCandidate(app, request, carrierId, trackingNumber, extras)]];
  return readTrackingWithInterception(app, request, groups, request.deadline);
}

/** The named carrier's candidate, after checking the number could be its. */
export async function namedCandidate(
  app: FastifyInstance,
  request: Pick<FastifyRequest, 'tenant'>,
  carrierId: string,
  trackingNumber: string,
  extras: CarrierExtras,
  at: string = PATH_TRACKING_NUMBER,
): Promise<TrackingCandidate> {
  checkTrackingNumber(app.carriers.resolve(carrierId).definition, trackingNumber, at);
  return {
    carrier: await resolveCarrierAccount(app, request.tenant, carrierId, {
      purpose: 'read',
      trackingNumber,
    }),
    query: trackingRequestFor(trackingNumber, extras),
  };
}

/**
 * The candidates of `carrier=auto`, grouped by confidence, best first (see
 * `candidateGroups`). A detection's options come first; the client's own `carrierOptions`
 * override them (a caller who knows the company says so).
 */
export async function detectedCandidates(
  app: FastifyInstance,
  request: Pick<FastifyRequest, 'tenant'>,
  trackingNumber: string,
  extras: CarrierExtras,
): Promise<TrackingCandidate[][]> {
  return Promise.all(
    candidateGroups(app.carriers.list(), trackingNumber).map((group) =>
      Promise.all(
        group.map(async ({ carrier, ...detection }) => ({
          carrier: await resolveCarrierAccount(app, request.tenant, carrier.definition.id, {
            purpose: 'read',
            trackingNumber,
          }),
          query: trackingRequestFor(trackingNumber, {
            ...extras,
            carrierOptions: { ...detection.carrierOptions, ...extras.carrierOptions },
          }),
          detection,
        })),
      ),
    ),
  );
}

/**
 * Whether a candidate's failure lets `carrier=auto` ask the next, less sure group: only
 * "not found" does (another carrier may know the number); any other failure is the
 * answer. The one rule single reads and bulk reads both follow.
 */
export function passesToNextGroup(failure: unknown): boolean {
  return isProblemError(failure) && failure.problemType === 'parcel-not-found';
}

/**
 * Asks the candidates a group at a time, best group first, every candidate of a group at
 * once (detection bounds a group), all within `deadline`; answers from the first that
 * finds the parcel. A group in which every carrier said "not found" passes to the next;
 * any other failure, when no candidate of its group found the parcel, is the answer.
 */
export async function readFirstFound(
  app: FastifyInstance,
  request: FastifyRequest,
  groups: readonly (readonly TrackingCandidate[])[],
  deadline: Deadline,
  cached?: boolean,
): Promise<{ readonly snapshot: TrackingSnapshot; readonly candidate: TrackingCandidate }> {
  let notFound: unknown;
  for (const group of groups) {
    const reads = group.map(async (candidate) => ({
      snapshot: await readTracking(
        app,
        request,
        candidate.carrier,
        candidate.query,
        deadline,
        cached,
      ),
      candidate,
    }));
    try {
      // The first to find it answers; the others end by their own deadline.
      return await Promise.any(reads);
    } catch (error) {
      const failures = error instanceof AggregateError ? error.errors : [error];
      const other = failures.find((failure) => !passesToNextGroup(failure));
      if (other !== undefined) {
        throw other;
      }
      notFound = failures[0];
    }
  }
  throw notFound ?? new Error('no candidate carrier was tried');
}

/**
 * Tracks a parcel at the first candidate carrier that knows it (one candidate unless the
 * carrier was detected), after checking `carrierOptions` against every candidate's declared
 * request options, and says whether an intercept is possible now by status, carrier
 * and the tenant's policy. Parcel details (value, category) are unknown here, so those
 * rules wait for the eligibility check.
 */
export async function readTrackingWithInterception(
  app: FastifyInstance,
  request: FastifyRequest,
  groups: readonly (readonly TrackingCandidate[])[],
  deadline: Deadline,
) {
  const candidates = groups.flat();
  // Every candidate first: with `auto`, no carrier is asked when any of them refuses.
  for (const candidate of candidates) {
    checkCarrierOptions(
      candidate.carrier.definition,
      'track',
      candidate.query.carrierOptions,
      QUERY_CARRIER_OPTIONS,
    );
  }
  const [only] = candidates;
  if (only === undefined) {
    throw new Error('no candidate carrier to ask');
  }
  const { trackingNumber } = only.query;
  // Our own half of the answer is asked beside the carrier's, not after it: one carrier
  // (the usual case) is known before the read.
  const activeBeside =
    candidates.length === 1
      ? app.activeIntercepts.has(request.tenant.id, only.carrier.definition.id, trackingNumber)
      : undefined;
  // It is awaited below unless the read fails first; a database error then is not lost.
  activeBeside?.catch(() => {});
  const found = await readFirstFound(app, request, groups, deadline);
  const { snapshot } = found;
  const { carrier, detection } = found.candidate;
  const { capabilities } = carrier.definition;
  const evaluation = evaluateIntercept({
    status: snapshot.status,
    ...(snapshot.subStatus === undefined ? {} : { subStatus: snapshot.subStatus }),
    pickupMode: 'platform_pickup',
    reason: 'other',
    policy: effectivePolicyFor(request.tenant, capabilities).intercept,
    ...(capabilities.intercept === undefined ? {} : { feePolicy: capabilities.intercept.fees }),
    activeIntercept: await (activeBeside ??
      app.activeIntercepts.has(request.tenant.id, carrier.definition.id, trackingNumber)),
  });
  return {
    ...presentSnapshot(snapshot, detection),
    interception: {
      possible: evaluation.eligible,
      likelihood: evaluation.likelihood,
      reasons: evaluation.reasons,
      warnings: evaluation.warnings,
    },
  };
}

/**
 * A snapshot as the API shows it, in single and bulk answers alike: the carrier under
 * `carrier`, how `auto` chose it when it did, and the lists copied (the schema's are mutable).
 */
export function presentSnapshot(
  snapshot: TrackingSnapshot,
  detection: TrackingCandidate['detection'],
) {
  const { carrierId, events, deliveryOptions, ...rest } = snapshot;
  return {
    ...rest,
    carrier: carrierId,
    ...(detection === undefined ? {} : { detection: { ...detection } }),
    events: [...events],
    ...(deliveryOptions === undefined
      ? {}
      : { deliveryOptions: deliveryOptions.map((option) => ({ ...option })) }),
  };
}
