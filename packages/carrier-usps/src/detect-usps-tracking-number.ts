import type { DetectionConfidence } from '@parcelgate/carrier-kit';
import { getTracking, s10, type TrackingCourier, usps } from 'ts-tracking-number';

const USPS_ONLY: readonly TrackingCourier[] = [usps];
const S10_ONLY: readonly TrackingCourier[] = [s10];

/** IMpb and the older 20-digit USPS numbers, optionally behind `420` and a 5- or 9-digit ZIP. */
const USPS_DIGITS = /^(?:420(?:\d{5}|\d{9}))?\d{20,22}$/;
/** UPU S10: two letters, eight digits, a check digit, the country's two letters. */
const S10_SHAPE = /^[A-Z]{2}\d{9}[A-Z]{2}$/;

/**
 * Offline guess for `carrier=auto`, from ts-tracking-number's data set and algorithms:
 * - USPS IMpb numbers (20-22 digits, optionally behind `420` + ZIP): `verified` when the
 *   mod-10 check digit (weights 3 and 1) agrees, `format` otherwise;
 * - S10 international numbers (`EA123456785US`): `verified` when the S10 mod-11 check
 *   digit agrees and the two last letters are a UPU country, `format` otherwise. USPS
 *   tracks inbound international mail too, so the country is not required to be `US`.
 * Undefined for anything else. Never calls the network.
 */
export function detectUspsTrackingNumber(trackingNumber: string): DetectionConfidence | undefined {
  if (USPS_DIGITS.test(trackingNumber)) {
    return getTracking(trackingNumber, USPS_ONLY) === undefined ? 'format' : 'verified';
  }
  if (S10_SHAPE.test(trackingNumber)) {
    return getTracking(trackingNumber, S10_ONLY) === undefined ? 'format' : 'verified';
  }
  return undefined;
}
