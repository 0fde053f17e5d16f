import type { RegisteredCarrier } from '../carriers/carrier-registry.ts';
import { ProblemError } from '../problems.ts';

/**
 * The carriers whose tracking-number format matches, most certain first: a verified check
 * digit before a format-only match, since formats overlap between carriers.
 */
export function detectCarriers(
  carriers: readonly RegisteredCarrier[],
  trackingNumber: string,
): RegisteredCarrier[] {
  const verified: RegisteredCarrier[] = [];
  const formatOnly: RegisteredCarrier[] = [];
  for (const carrier of carriers) {
    const confidence = carrier.definition.detect?.(trackingNumber);
    if (confidence === 'verified') {
      verified.push(carrier);
    } else if (confidence === 'format') {
      formatOnly.push(carrier);
    }
  }
  const candidates = [...verified, ...formatOnly];
  if (candidates.length === 0) {
    throw new ProblemError(
      'unknown-carrier',
      'No loaded carrier recognises this tracking number; name the carrier instead of "auto".',
      { carrier: 'auto' },
    );
  }
  return candidates;
}
