import type { InterceptReason } from '@parcelgate/carrier-kit';
import type { UpsInterceptRequest } from './ups-wire-types.ts';

/** UPS's return-to-sender reason codes (DeliveryIntercept.yaml, `reasonForReturn`). */
export type UpsReturnReason = NonNullable<UpsInterceptRequest['reasonForReturn']>;

/**
 * Our intercept reason as UPS's `reasonForReturn`. UPS's list is written from the
 * receiver's side (refused, cancelled order, bad address); where none of its codes says
 * what happened we send `KV` ("OTHER NON-DELIVERY") rather than a code that would tell
 * UPS something untrue:
 * - `buyer_cancelled` → `AM` (CANCELLED: receiver refused, cancelled order);
 * - `address_error` → `FA` (BAD ADDRESS: unable to resolve incorrect address);
 * - `merchant_error` (wrong goods, duplicate shipment, price error) → `KV`: `AN`
 *   (duplicate order) fits only one kind of merchant error;
 * - `logistics_exception`, `other` → `KV`.
 */
export const UPS_RETURN_REASONS: Readonly<Record<InterceptReason, UpsReturnReason>> = {
  buyer_cancelled: 'AM',
  address_error: 'FA',
  merchant_error: 'KV',
  logistics_exception: 'KV',
  other: 'KV',
};

/** The `reasonForReturn` sent for an intercept reason. */
export function toUpsReturnReason(reason: InterceptReason): UpsReturnReason {
  return UPS_RETURN_REASONS[reason];
}
