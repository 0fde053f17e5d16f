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
import { detectCarriers } from './detect-carrier.ts';
import { readTracking } from './read-tracking.ts';
import { effectivePolicyFor } from './tenant-policy.ts';

/**
 * `GET /v1/tracking/:carrier/:trackingNumber`: the named carrier, or with `auto` every
 * loaded carrier whose tracking numbers look like this one, each through the tenant's own
 * connection when it has one (else the shared account), within `request.deadline`.
 */
export async function trackParcel(
  app: FastifyInstance,
  request: FastifyRequest,
  carrierId: string,
  trackingNumber: string,
  extras: CarrierExtras,
) {
  const carriers =
    carrierId === 'auto'
      ? detectCarriers(app.carriers.list(), trackingNumber)
      : [app.carriers.resolve(carrierId)];
  if (carrierId !== 'auto') {
    for (const carrier of carriers) {
      checkTrackingNumber(carrier.definition, trackingNumber, PATH_TRACKING_NUMBER);
    }
  }
  const candidates = await Promise.all(
    carriers.map((carrier) =>
      resolveCarrierAccount(app, request.tenant, carrier.definition.id, {
        purpose: 'read',
        trackingNumber,
      }),
    ),
  );
  return readTrackingWithInterception(
    app,
    request,
    candidates,
    trackingRequestFor(trackingNumber, extras),
    request.deadline,
  );
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
  candidates: readonly RegisteredCarrier[],
  query: TrackingRequest,
  deadline: Deadline,
) {
  const { trackingNumber } = query;
  // Every candidate first: with `auto`, no carrier is asked when any of them refuses.
  for (const candidate of candidates) {
    checkCarrierOptions(candidate.definition, 'track', query.carrierOptions, QUERY_CARRIER_OPTIONS);
  }
  // Our own half of the answer is asked beside the carrier's, not after it: one carrier
  // (the usual case) is known before the read.
  const [only] = candidates;
  const activeBeside =
    candidates.length === 1 && only !== undefined
      ? app.activeIntercepts.has(request.tenant.id, only.definition.id, trackingNumber)
      : undefined;
  // It is awaited below unless the read fails first; a database error then is not lost.
  activeBeside?.catch(() => {});
  let snapshot: TrackingSnapshot | undefined;
  let carrier: RegisteredCarrier | undefined;
  for (const [index, candidate] of candidates.entries()) {
    try {
      snapshot = await readTracking(app, request, candidate, query, deadline);
      carrier = candidate;
      break;
    } catch (error) {
      const another = index < candidates.length - 1;
      if (!(another && isProblemError(error) && error.problemType === 'parcel-not-found')) {
        throw error;
      }
    }
  }
  if (snapshot === undefined || carrier === undefined) {
    throw new Error('no candidate carrier was tried');
  }
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
  const { carrierId, ...rest } = snapshot;
  return {
    ...rest,
    carrier: carrierId,
    events: [...snapshot.events],
    interception: {
      possible: evaluation.eligible,
      likelihood: evaluation.likelihood,
      reasons: evaluation.reasons,
      warnings: evaluation.warnings,
    },
  };
}
