import { admitAccount } from '../../model/accounts.ts';
import { DEFAULT_INTERCEPT_POLICY, type InterceptPolicy } from '../../model/intercept-policy.ts';
import type { InterceptRefusal } from '../../model/intercept-rules.ts';
import { interceptParcel } from '../../model/parcel-actions.ts';
import { formatChinaTime } from '../../time.ts';
import type { CarrierRequest, CarrierWorld } from '../carrier-module.ts';
import { type CarrierResponse, jsonResponse } from '../carrier-response.ts';
import { parseJsonObject } from '../parse-json-body.ts';
import { sandboxParcelFor } from './sandbox-accounts.ts';
import { authenticateSandbox } from './sandbox-auth.ts';
import { sandboxError } from './sandbox-errors.ts';
import { parcelNotFound } from './sandbox-track.ts';

/** Intercept reasons the sandbox accepts. */
export const SANDBOX_INTERCEPT_REASONS: ReadonlySet<string> = new Set([
  'BUYER_CANCELLED',
  'SENDER_ERROR',
  'DELIVERY_EXCEPTION',
  'ADDRESS_ERROR',
  'OTHER',
]);

/** The sandbox applies the domain's rules as they are (docs/domain.md): the default policy. */
export const SANDBOX_INTERCEPT_POLICY: InterceptPolicy = DEFAULT_INTERCEPT_POLICY;

const REFUSALS: Readonly<Record<InterceptRefusal, readonly [code: string, message: string]>> = {
  already_intercepted: [
    'ALREADY_INTERCEPTED',
    'an intercept is already registered for this parcel',
  ],
  not_picked_up: ['NOT_PICKED_UP', 'parcel not picked up yet: cancel the shipment instead'],
  out_for_delivery: ['OUT_FOR_DELIVERY', 'parcel is already with the delivery courier'],
  delivered: ['ALREADY_DELIVERED', 'parcel was delivered: file a return instead'],
  returning_or_returned: ['ALREADY_RETURNING', 'parcel is already returning or returned'],
  cancelled: ['CANCELLED', 'shipment was cancelled'],
  category_excluded: ['CATEGORY_EXCLUDED', 'goods of this category cannot be intercepted'],
  declared_value_over_limit: [
    'VALUE_OVER_LIMIT',
    'declared value is over the intercept limit of 1000 CNY',
  ],
  intercept_failed: ['INTERCEPT_FAILED', 'the station could not catch the parcel'],
};

/**
 * `POST /v1/parcels/{trackingNumber}/intercepts`. Not deduplicated by `reference`: every
 * request is a new attempt, as the spec says.
 */
export function handleSandboxIntercept(
  request: CarrierRequest,
  world: CarrierWorld,
): CarrierResponse {
  const account = authenticateSandbox(request.headers);
  if (typeof account !== 'string') {
    return account;
  }
  const body = parseJsonObject(request.body);
  if (!body.ok) {
    return sandboxError(400, 'INVALID_REQUEST', body.message, 'body');
  }
  const { reference, reason, note } = body.value;
  if (typeof reference !== 'string' || reference.length === 0 || reference.length > 200) {
    return sandboxError(
      400,
      'INVALID_REQUEST',
      'reference must be a string of 1 to 200 characters',
      'reference',
    );
  }
  if (typeof reason !== 'string' || !SANDBOX_INTERCEPT_REASONS.has(reason)) {
    return sandboxError(
      400,
      'INVALID_REQUEST',
      `reason must be one of ${[...SANDBOX_INTERCEPT_REASONS].join(', ')}`,
      'reason',
    );
  }
  if (note !== undefined && note !== null && typeof note !== 'string') {
    return sandboxError(400, 'INVALID_REQUEST', 'note must be a string when present', 'note');
  }
  const trackingNumber = request.route.target;
  const parcel = sandboxParcelFor(world, trackingNumber, account, 'intercept');
  if (parcel === undefined) {
    return parcelNotFound(trackingNumber);
  }
  const outcome = interceptParcel(
    parcel,
    {
      reference,
      reason,
      newId: () =>
        `SIC-${String(world.parcels.nextSequence('sandbox:intercept')).padStart(8, '0')}`,
    },
    { policy: SANDBOX_INTERCEPT_POLICY, seed: world.seed, now: world.now() },
  );
  if (!outcome.accepted) {
    const [code, message] = REFUSALS[outcome.refusal];
    return sandboxError(422, code, message);
  }
  world.parcels.addIntercept('sandbox', outcome.intercept.id, parcel);
  return jsonResponse(201, { interceptId: outcome.intercept.id, state: 'ACCEPTED', reference });
}

/** `GET /v1/intercepts/{interceptId}`: where an accepted intercept of the caller's stands. */
export function handleSandboxInterceptStatus(
  request: CarrierRequest,
  world: CarrierWorld,
): CarrierResponse {
  const account = authenticateSandbox(request.headers);
  if (typeof account !== 'string') {
    return account;
  }
  const parcel = world.parcels.findByIntercept('sandbox', request.route.target);
  const intercept = parcel?.intercept;
  if (
    parcel === undefined ||
    intercept === undefined ||
    intercept === null ||
    // Another account's intercept is as unknown as its parcel (sandbox-accounts.ts).
    !admitAccount(world, parcel, account, request.route.operation)
  ) {
    return sandboxError(404, 'INTERCEPT_NOT_FOUND', 'no intercept with this id');
  }
  return jsonResponse(200, {
    interceptId: intercept.id,
    trackingNumber: parcel.trackingNumber,
    reference: intercept.reference,
    state: intercept.state,
    updatedAt: formatChinaTime(intercept.updatedAt),
  });
}
