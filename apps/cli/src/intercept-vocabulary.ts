/**
 * The API's words an operator types: intercept reasons, pickup modes, the final statuses.
 * Each list is a record over the SDK's union, so a word the API adds fails to compile here
 * until it is listed.
 */
import type { InterceptReason, InterceptStatus, PickupMode } from '@parcelgate/sdk';

const REASONS: Record<InterceptReason, true> = {
  buyer_cancelled: true,
  merchant_error: true,
  logistics_exception: true,
  address_error: true,
  other: true,
};

const PICKUP_MODES: Record<PickupMode, true> = { platform_pickup: true, self_dropoff: true };

/** Which statuses end an intercept's lifecycle, and whether each is the one wanted. */
const FINAL: Record<InterceptStatus, 'open' | 'good' | 'bad'> = {
  pending: 'open',
  accepted: 'open',
  returning: 'open',
  returned: 'good',
  rejected: 'bad',
  failed: 'bad',
  cancelled: 'bad',
};

/** Every intercept reason the API takes. */
export const INTERCEPT_REASONS = Object.keys(REASONS) as InterceptReason[];

/** Every pickup mode the API takes. */
export const PICKUP_MODE_NAMES = Object.keys(PICKUP_MODES) as PickupMode[];

/** Whether a status is final (returned, rejected, failed, cancelled). */
export function isFinalStatus(status: InterceptStatus): boolean {
  return FINAL[status] !== 'open';
}

/** Whether a status says the intercept did not (or will not) stop the parcel. */
export function isUnsuccessfulStatus(status: InterceptStatus): boolean {
  return FINAL[status] === 'bad';
}

/** Narrows a typed word to a reason. */
export function isInterceptReason(value: string): value is InterceptReason {
  return Object.hasOwn(REASONS, value);
}

/** Narrows a typed word to a pickup mode. */
export function isPickupMode(value: string): value is PickupMode {
  return Object.hasOwn(PICKUP_MODES, value);
}
