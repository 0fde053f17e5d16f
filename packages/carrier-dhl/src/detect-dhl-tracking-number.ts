import type { DetectionConfidence } from '@parcelgate/carrier-kit';
import { dhl, getTracking, type TrackingCourier } from 'ts-tracking-number';

/** ts-tracking-number's name of the DHL Express waybill format (its data set's `dhl_express`). */
const DHL_EXPRESS_NAME = 'DHL Express';

/**
 * DHL as ts-tracking-number describes it, reduced to the Express waybill entry: nine
 * digits and a check digit that is their value modulo 7. (Its other DHL entries, piece
 * ids and eCommerce numbers, carry no check digit.)
 */
const DHL_EXPRESS_ONLY: readonly TrackingCourier[] = [
  {
    ...dhl,
    tracking_numbers: dhl.tracking_numbers.filter((entry) => entry.name === DHL_EXPRESS_NAME),
  },
];

/** Ten digits: the DHL Express waybill number's shape. */
const TEN_DIGITS = /^\d{10}$/;

/**
 * Offline guess for `carrier=auto`: `verified` for a 10-digit DHL Express waybill number
 * whose mod-7 check digit agrees (ts-tracking-number's data and algorithm), `format` for
 * any other 10 digits, undefined otherwise. Never calls the network.
 */
export function detectDhlTrackingNumber(trackingNumber: string): DetectionConfidence | undefined {
  if (!TEN_DIGITS.test(trackingNumber)) {
    return undefined;
  }
  return isVerifiedDhlExpressNumber(trackingNumber) ? 'verified' : 'format';
}

/** Whether the number is a 10-digit DHL Express waybill number with a valid check digit. */
export function isVerifiedDhlExpressNumber(trackingNumber: string): boolean {
  return (
    TEN_DIGITS.test(trackingNumber) &&
    getTracking(trackingNumber, DHL_EXPRESS_ONLY)?.name === DHL_EXPRESS_NAME
  );
}
