import type { CarrierContext, InterceptRequest, InterceptResult } from '@parcelgate/carrier-kit';
import { parseJsonResponse } from '@parcelgate/carrier-kit/wire';
import { classifySandboxFailure } from './classify-sandbox-failure.ts';
import { toSandboxInterceptReason } from './map-sandbox-reason.ts';
import { isSandboxSuccess, SANDBOX_CARRIER_ID, sendSandboxRequest } from './sandbox-request.ts';
import { parseSandboxInterceptCreated } from './sandbox-wire.ts';

/**
 * Asks the sandbox to stop a parcel and return it to the sender:
 * POST /v1/parcels/{trackingNumber}/intercepts (docs/carriers/sandbox-api.md).
 * 201 is a synchronous acceptance whose `interceptId` becomes `carrierReference`;
 * 422 is a refusal, thrown as `CarrierNotEligibleError` with the mapped reason.
 *
 * The sandbox does not deduplicate by `reference`, so this POST is sent once and never
 * marked idempotent: a lost answer is an unknown outcome for the gateway to reconcile.
 */
export async function interceptSandboxParcel(
  ctx: CarrierContext,
  request: InterceptRequest,
): Promise<InterceptResult> {
  const response = await sendSandboxRequest(ctx, {
    method: 'POST',
    path: `/v1/parcels/${encodeURIComponent(request.trackingNumber)}/intercepts`,
    body: {
      reference: request.reference,
      reason: toSandboxInterceptReason(request.reason),
      ...(request.note === undefined ? {} : { note: request.note }),
    },
  });
  if (!isSandboxSuccess(response)) {
    throw await classifySandboxFailure(ctx, response, 'intercept');
  }
  const created = await parseJsonResponse(
    response,
    { carrierId: SANDBOX_CARRIER_ID, mutation: true },
    parseSandboxInterceptCreated,
  );
  return { outcome: 'accepted', carrierReference: created.interceptId };
}
