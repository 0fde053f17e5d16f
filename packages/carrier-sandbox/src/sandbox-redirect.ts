import type {
  Address,
  CarrierContext,
  RedirectRequest,
  RedirectResult,
} from '@parcelgate/carrier-kit';
import { parseJsonResponse } from '@parcelgate/carrier-kit/wire';
import { classifySandboxFailure } from './classify-sandbox-failure.ts';
import { isSandboxSuccess, SANDBOX_CARRIER_ID, sendSandboxRequest } from './sandbox-request.ts';
import { parseSandboxRedirectCreated } from './sandbox-wire.ts';

/**
 * Asks the sandbox to deliver a parcel to a new address:
 * POST /v1/parcels/{trackingNumber}/redirects (docs/carriers/sandbox-api.md).
 * 201 is a synchronous acceptance whose `redirectId` becomes `carrierReference`;
 * 422 is a refusal, thrown as `CarrierNotEligibleError` with the mapped reason.
 *
 * Like intercepts, redirects are not deduplicated by the sandbox: sent once, never
 * marked idempotent. The address is personal data: it goes in the body and nowhere else.
 */
export async function redirectSandboxParcel(
  ctx: CarrierContext,
  request: RedirectRequest,
): Promise<RedirectResult> {
  const response = await sendSandboxRequest(ctx, {
    method: 'POST',
    path: `/v1/parcels/${encodeURIComponent(request.trackingNumber)}/redirects`,
    body: { reference: request.reference, address: toSandboxAddress(request.newAddress) },
  });
  if (!isSandboxSuccess(response)) {
    throw await classifySandboxFailure(ctx, response, 'redirect');
  }
  const created = await parseJsonResponse(
    response,
    { carrierId: SANDBOX_CARRIER_ID, mutation: true },
    parseSandboxRedirectCreated,
  );
  return { outcome: 'accepted', carrierReference: created.redirectId };
}

/** An address in the sandbox's words (redirects, fee quotes). */
export function toSandboxAddress(address: Address): Readonly<Record<string, string | null>> {
  // The spec's example sends absent optional lines as null, not as missing keys.
  return {
    name: address.name,
    phone: address.phone,
    line1: address.line1,
    line2: address.line2 ?? null,
    city: address.city,
    region: address.region ?? null,
    postalCode: address.postalCode ?? null,
    country: address.country,
  };
}
