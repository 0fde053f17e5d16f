import {
  type CarrierContext,
  CarrierNotEligibleError,
  type InterceptRequest,
  type InterceptResult,
} from '@parcelgate/carrier-kit';
import { quoteUpsIntercept } from './ups-charges.ts';
import { upsRequesterContact } from './ups-contact.ts';
import { readUpsEligibility } from './ups-eligibility.ts';
import { UPS_CARRIER_ID } from './ups-ids.ts';
import {
  acceptedAnswer,
  assertInterceptable,
  refusalReason,
  sendUpsInterceptAction,
} from './ups-intercept-call.ts';
import { toUpsReturnReason } from './ups-intercept-reason.ts';
import { asNotSent } from './ups-request.ts';
import { readUpsPackage, toTrackingSnapshot } from './ups-track.ts';
import type { UpsInterceptRequest } from './ups-wire-types.ts';

/**
 * Asks UPS to return a parcel to the sender: POST /return/{tracking_number} with
 * `requestType: RS` (DeliveryIntercept.yaml, returnInterceptOption).
 *
 * Before sending, it reads the parcel (Track API) and UPS's eligibility for `RTS` at
 * once; `NOT_ELIGIBLE` is a refusal without asking, its reason named from the parcel's
 * status. Then it quotes the fee (/charges, best effort) and sends the return. Failures of
 * these reads carry `requestSent: false`: the intercept itself was not sent yet.
 *
 * UPS only takes the instruction here; it acts on the delivery day ("Submitting an
 * intercept request does not guarantee that the intercept will occur"), so the answer is
 * `accepted` and the outcome comes later from tracking (`RS` returned to shipper) and
 * Track Alert pushes. UPS does not deduplicate by our reference: sent once, never retried.
 */
export async function interceptUpsParcel(
  ctx: CarrierContext,
  request: InterceptRequest,
): Promise<InterceptResult> {
  assertInterceptable(request.trackingNumber);
  const requester = upsRequesterContact(ctx);
  const [parcel, eligibility] = await Promise.all([
    readUpsPackage(ctx, request.trackingNumber),
    readUpsEligibility(ctx, request.trackingNumber, 'RTS'),
  ]).catch((error: unknown) => {
    throw asNotSent(error, 'while checking the parcel before the intercept');
  });
  const status = toTrackingSnapshot(ctx, request.trackingNumber, parcel).status;
  if (eligibility === 'NOT_ELIGIBLE') {
    throw new CarrierNotEligibleError({
      carrierId: UPS_CARRIER_ID,
      requestSent: false,
      carrierCode: 'NOT_ELIGIBLE',
      reason: refusalReason(status),
      message:
        'ups: this parcel is not eligible for return to sender (eligibility RTS: NOT_ELIGIBLE)',
    });
  }
  const fee = await quoteUpsIntercept(ctx, {
    trackingNumber: request.trackingNumber,
    option: 'RS',
    parcel,
    requester,
  });
  const body = {
    requestType: 'RS',
    reasonForReturn: toUpsReturnReason(request.reason),
    requesterContactInfo: requester,
    // Required but nullable; the spec offers it to AA requests only.
    specialInstructions: null,
  } satisfies UpsInterceptRequest;
  const answer = await sendUpsInterceptAction(ctx, {
    operation: 'return',
    trackingNumber: request.trackingNumber,
    body,
    parcelStatus: status,
  });
  return acceptedAnswer(
    answer,
    fee,
    'UPS accepted the return to sender; it is carried out on the delivery day',
  );
}
