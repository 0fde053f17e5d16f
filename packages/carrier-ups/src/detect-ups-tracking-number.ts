import type { DetectionConfidence } from '@parcelgate/carrier-kit';

/** `1Z`, six characters of shipper account, two of service, seven of package, one check digit. */
const UPS_TRACKING_NUMBER = /^1Z([A-Z0-9]{15})([0-9])$/;

/**
 * Offline guess for `carrier=auto`: `verified` when a 1Z number's check digit agrees,
 * `format` when only the shape matches (`1Z` and 16 letters or digits), undefined
 * otherwise. Never calls the network.
 */
export function detectUpsTrackingNumber(trackingNumber: string): DetectionConfidence | undefined {
  const match = UPS_TRACKING_NUMBER.exec(trackingNumber);
  if (match === null) {
    return /^1Z[A-Z0-9]{16}$/.test(trackingNumber) ? 'format' : undefined;
  }
  const [, body = '', check = ''] = match;
  return upsCheckDigit(body) === Number(check) ? 'verified' : 'format';
}

/**
 * The check digit of a 1Z number's 15 characters after `1Z` (the industry's mod-10 rule
 * for UPS 1Z barcodes): digits count as themselves, letters as `(charCode - 63) % 10`
 * (A=2, B=3, ... J=1, ...), characters at odd positions (0-based) count double, and the
 * digit is what brings the sum to a multiple of ten. `1Z999AA1012345678` gives 4.
 */
export function upsCheckDigit(fifteen: string): number {
  let sum = 0;
  for (let index = 0; index < fifteen.length; index++) {
    const char = fifteen.charCodeAt(index);
    const value = char >= 48 && char <= 57 ? char - 48 : (char - 63) % 10;
    sum += index % 2 === 1 ? value * 2 : value;
  }
  return (10 - (sum % 10)) % 10;
}
