import type { CarrierContext, InterceptRequest, InterceptResult } from '@parcelgate/carrier-kit';
import { resolveKuaidi100Company } from './kuaidi100-autonumber.ts';
import {
  KUAIDI100_REASON_TEXT,
  type Kuaidi100InterceptType,
  sendKuaidi100InterceptOrder,
} from './kuaidi100-intercept-order.ts';
import { readKuaidi100InterceptSettings } from './kuaidi100-intercept-settings.ts';
import { subscribeAfterMutation } from './kuaidi100-subscribe.ts';

/**
 * Asks Kuaidi100 to send a parcel back to the sender: `interceptOrder` with
 * `interceptType: RETURN_SEND_ADDR` (back to the sender's address), or
 * `RETURN_SEND_STATION` (held at the sending station) when the connection says so
 * (CARRIER_KUAIDI100_INTERCEPT_TYPE); a request cannot choose where the parcel goes.
 * Kuaidi100 decides later and calls back, so the answer is `pending`, with Kuaidi100's
 * task id as `carrierReference` when it sends one.
 */
export async function interceptKuaidi100Parcel(
  ctx: CarrierContext,
  request: InterceptRequest,
): Promise<InterceptResult> {
  const interceptType: Kuaidi100InterceptType = readKuaidi100InterceptSettings(ctx).returnType;
  const com = await resolveKuaidi100Company(ctx, request.trackingNumber, request.carrierOptions);
  const reasonText = KUAIDI100_REASON_TEXT[request.reason];
  const accepted = await sendKuaidi100InterceptOrder(ctx, {
    operation: 'intercept',
    com,
    trackingNumber: request.trackingNumber,
    orderId: request.reference,
    interceptType,
    reason: request.note === undefined ? reasonText : `${reasonText}：${request.note}`,
  });
  await subscribeAfterMutation(ctx, { com, trackingNumber: request.trackingNumber });
  return {
    outcome: 'pending',
    ...(accepted.taskId === undefined ? {} : { carrierReference: accepted.taskId }),
    ...(accepted.message === undefined ? {} : { message: accepted.message }),
  };
}
