import type { CancelRequest, CancelResult, CarrierContext } from '@parcelgate/carrier-kit';
import { upsRequesterContact } from './ups-contact.ts';
import {
  assertInterceptable,
  describeRefusal,
  postUpsInterceptAction,
} from './ups-intercept-call.ts';
import type { UpsInterceptRequest } from './ups-wire-types.ts';

/** What a cancel names: the type of the change being cancelled (DeliveryIntercept.yaml). */
type CancelledType = Extract<UpsInterceptRequest['requestType'], 'RS' | 'AA'>;

/**
 * Withdraws a return to sender UPS has not carried out yet: POST /cancel/{tracking_number}
 * with `requestType: RS`, the type being cancelled (DeliveryIntercept.yaml,
 * cancelInterceptOption). See {@link cancelUpsChange} for the answers.
 */
export function cancelUpsIntercept(
  ctx: CarrierContext,
  request: CancelRequest,
): Promise<CancelResult> {
  return cancelUpsChange(ctx, request, 'RS');
}

/**
 * Withdraws a delivery to another address: POST /cancel/{tracking_number} with
 * `requestType: AA`. See {@link cancelUpsChange} for the answers.
 */
export function cancelUpsRedirect(
  ctx: CarrierContext,
  request: CancelRequest,
): Promise<CancelResult> {
  return cancelUpsChange(ctx, request, 'AA');
}

/**
 * The cancel call. The body carries every field the spec requires of an intercept request
 * (`requesterContactInfo`, and `specialInstructions`, nullable), with the three required
 * headers. UPS names the change only by package and type, so our references are not sent.
 *
 * `success: true` is `cancelled`, UPS's `transactionId` its reference. `success: false`
 * is UPS deciding it cannot (nothing to cancel, the change already under way or done):
 * `rejected`, UPS's code in `carrierReason`; UPS publishes no list of those codes. Only
 * "System Error" (`500`) is thrown, as `retryable`, because UPS did not decide. A garbled
 * answer is `outcome-unknown`: UPS may have cancelled.
 */
async function cancelUpsChange(
  ctx: CarrierContext,
  request: CancelRequest,
  requestType: CancelledType,
): Promise<CancelResult> {
  assertInterceptable(request.trackingNumber);
  const body = {
    requestType,
    requesterContactInfo: upsRequesterContact(ctx),
    specialInstructions: null,
  } satisfies UpsInterceptRequest;
  const answer = await postUpsInterceptAction(ctx, {
    operation: 'cancel',
    trackingNumber: request.trackingNumber,
    body,
  });
  const reference = answer.transactionId === '' ? {} : { carrierReference: answer.transactionId };
  if (answer.success) {
    return {
      outcome: 'cancelled',
      ...reference,
      message:
        requestType === 'RS'
          ? 'UPS cancelled the return to sender; the package goes on to the receiver'
          : 'UPS cancelled the address change; the package goes to its earlier address',
    };
  }
  const refusal = describeRefusal(ctx, 'cancel', answer);
  return {
    outcome: 'rejected',
    ...reference,
    carrierReason: refusal.code,
    message: refusal.message ?? refusal.text,
  };
}
