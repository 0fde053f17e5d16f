import type { DetectionConfidence } from '@parcelgate/carrier-kit';

/** `SBX` and nine digits (docs/carriers/sandbox-api.md, "Tracking numbers"). */
const SANDBOX_TRACKING_NUMBER = /^SBX(\d{9})$/;

/** Weights of the first eight digits; the ninth is the check digit. */
const WEIGHTS = [3, 1, 3, 1, 3, 1, 3, 1] as const;

/**
 * Offline guess for `carrier=auto`: `verified` when the format and its check digit agree
 * (`(10 - weighted sum % 10) % 10`, e.g. `SBX100000016`), `format` when only the shape
 * matches, undefined otherwise. Never calls the network.
 */
export function detectSandboxTrackingNumber(
  trackingNumber: string,
): DetectionConfidence | undefined {
  const digits = SANDBOX_TRACKING_NUMBER.exec(trackingNumber)?.[1];
  if (digits === undefined) {
    return undefined;
  }
  return sandboxCheckDigit(digits.slice(0, 8)) === Number(digits[8]) ? 'verified' : 'format';
}

/** The check digit for the first eight digits of a sandbox tracking number. */
export function sandboxCheckDigit(firstEightDigits: string): number {
  const sum = WEIGHTS.reduce(
    (total, weight, index) => total + weight * Number(firstEightDigits[index]),
    0,
  );
  return (10 - (sum % 10)) % 10;
}
