import type { CarrierContext, RedirectRequest, RedirectResult } from '@parcelgate/carrier-kit';
import { quoteUpsIntercept } from './ups-charges.ts';
import { toUpsDeliveryAddress, upsRequesterContact } from './ups-contact.ts';
import {
  acceptedAnswer,
  assertInterceptable,
  sendUpsInterceptAction,
} from './ups-intercept-call.ts';
import { asNotSent } from './ups-request.ts';
import { readUpsPackage, toTrackingSnapshot } from './ups-track.ts';
import type { UpsInterceptRequest } from './ups-wire-types.ts';

/** `specialInstructions` is 1 to 254 characters (DeliveryInterceptRequestV2). */
const MAX_INSTRUCTIONS = 254;

/**
 * Asks UPS to deliver a parcel to another address: POST /redirect/address/{tracking_number}
 * with `requestType: AA` and `newDeliveryAddress` (DeliveryIntercept.yaml,
 * getRedirectInterceptOptions). The address must be one UPS takes (US or Puerto Rico,
 * two-letter state, ZIP code), checked before anything is sent.
 *
 * The parcel is read first (for the fee quote's addresses and to name a refusal's
 * reason); eligibility is not asked because UPS's eligibility answer has no feature for
 * redirects (its enum: SDWC, RTS, WC, FD, RD). The answer is `accepted`: UPS changes the
 * address when the parcel reaches it, and tracking shows the rest.
 */
export async function redirectUpsParcel(
  ctx: CarrierContext,
  request: RedirectRequest,
): Promise<RedirectResult> {
  assertInterceptable(request.trackingNumber);
  const requester = upsRequesterContact(ctx);
  const newDeliveryAddress = toUpsDeliveryAddress(request.newAddress);
  const parcel = await readUpsPackage(ctx, request.trackingNumber).catch((error: unknown) => {
    throw asNotSent(error, 'while checking the parcel before the redirect');
  });
  const status = toTrackingSnapshot(ctx, request.trackingNumber, parcel).status;
  const fee = await quoteUpsIntercept(ctx, {
    trackingNumber: request.trackingNumber,
    option: 'AA',
    parcel,
    requester,
    redirectAddress: newDeliveryAddress,
  });
  const note = request.note?.trim();
  const body = {
    requestType: 'AA',
    requesterContactInfo: requester,
    newDeliveryAddress,
    specialInstructions: note === undefined || note === '' ? null : note.slice(0, MAX_INSTRUCTIONS),
  } satisfies UpsInterceptRequest;
  const answer = await sendUpsInterceptAction(ctx, {
    operation: 'redirect/address',
    trackingNumber: request.trackingNumber,
    body,
    parcelStatus: status,
  });
  return acceptedAnswer(answer, fee, 'UPS accepted the new delivery address');
}
