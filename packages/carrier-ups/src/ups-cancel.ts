import type {
  CancelInterceptRequest,
  CarrierContext,
  InterceptResult,
} from '@parcelgate/carrier-kit';
import { upsRequesterContact } from './ups-contact.ts';
import { assertInterceptable, sendUpsInterceptAction } from './ups-intercept-call.ts';
import type { UpsInterceptRequest } from './ups-wire-types.ts';

/**
 * Withdraws a return to sender UPS has not carried out yet: POST /cancel/{tracking_number}
 * with the `requestType` being cancelled, `RS` (DeliveryIntercept.yaml,
 * cancelInterceptOption). The contract has no "cancelled" outcome, so a withdrawal UPS
 * confirmed is answered `failed` with `carrierReason: 'CANCELLED'`: the parcel will not
 * be stopped. A 200 with `success: false` (nothing to cancel, too late) throws like any
 * other refusal.
 */
export async function cancelUpsIntercept(
  ctx: CarrierContext,
  request: CancelInterceptRequest,
): Promise<InterceptResult> {
  assertInterceptable(request.trackingNumber);
  const body = {
    requestType: 'RS',
    requesterContactInfo: upsRequesterContact(ctx),
    specialInstructions: null,
  } satisfies UpsInterceptRequest;
  const answer = await sendUpsInterceptAction(ctx, {
    operation: 'cancel',
    trackingNumber: request.trackingNumber,
    body,
  });
  return {
    outcome: 'failed',
    carrierReason: 'CANCELLED',
    ...(answer.transactionId === '' ? {} : { carrierReference: answer.transactionId }),
    message: 'UPS withdrew the return to sender',
  };
}
