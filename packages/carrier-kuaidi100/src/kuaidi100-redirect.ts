import type {
  Address,
  CarrierContext,
  RedirectRequest,
  RedirectResult,
} from '@parcelgate/carrier-kit';
import { resolveKuaidi100Company } from './kuaidi100-autonumber.ts';
import {
  type Kuaidi100Recipient,
  sendKuaidi100InterceptOrder,
} from './kuaidi100-intercept-order.ts';
import { subscribeAfterMutation } from './kuaidi100-subscribe.ts';

/**
 * Asks Kuaidi100 to deliver a parcel to a new address: `interceptOrder` with
 * `interceptType: MODIFY_ADDR` and the new recipient in `recManInfo` (required for that
 * type). Decided later like an intercept, so the answer is `pending`.
 */
export async function redirectKuaidi100Parcel(
  ctx: CarrierContext,
  request: RedirectRequest,
): Promise<RedirectResult> {
  const com = await resolveKuaidi100Company(ctx, request.trackingNumber, request.carrierOptions);
  const accepted = await sendKuaidi100InterceptOrder(ctx, {
    operation: 'redirect',
    com,
    trackingNumber: request.trackingNumber,
    orderId: request.reference,
    interceptType: 'MODIFY_ADDR',
    reason: request.note === undefined ? '修改收件地址' : `修改收件地址：${request.note}`,
    recipient: toRecipient(request.newAddress),
  });
  await subscribeAfterMutation(ctx, { com, trackingNumber: request.trackingNumber });
  return {
    outcome: 'pending',
    ...(accepted.taskId === undefined ? {} : { carrierReference: accepted.taskId }),
    ...(accepted.message === undefined ? {} : { message: accepted.message }),
  };
}

/**
 * The address as Kuaidi100 takes it: one full printed line (`printAddr`, "如广东深圳市深圳市
 * 南山区科技南十二路2号金蝶软件园B10"), region and city first, Chinese style, no separators.
 */
export function toRecipient(address: Address): Kuaidi100Recipient {
  const parts = [address.region, address.city, address.line1, address.line2].filter(
    (part): part is string => part !== undefined && part.trim() !== '',
  );
  // Municipalities repeat: 上海市 (region) + 上海市 (city) is written once.
  const deduplicated = parts.filter((part, index) => index === 0 || part !== parts[index - 1]);
  return { name: address.name, mobile: address.phone, printAddr: deduplicated.join('') };
}
