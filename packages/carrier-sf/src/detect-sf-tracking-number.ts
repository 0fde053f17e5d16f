import type { DetectionConfidence } from '@parcelgate/carrier-kit';

/**
 * SF waybill numbers as SF prints them today: `SF` and 12 or 13 digits (e.g. carriers.md's
 * sample `SF7444407228423`). SF publishes no check digit, so a match is `format` only;
 * SF's older all-digit numbers (12 digits) overlap too many carriers to claim.
 */
const SF_WAYBILL = /^SF\d{12,13}$/;

/** Offline guess for `carrier=auto`: `format` for an SF-shaped number, undefined otherwise. */
export function detectSfTrackingNumber(trackingNumber: string): DetectionConfidence | undefined {
  return SF_WAYBILL.test(trackingNumber.trim().toUpperCase()) ? 'format' : undefined;
}
