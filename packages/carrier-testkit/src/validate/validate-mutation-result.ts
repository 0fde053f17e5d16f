import type { CarrierOperation } from '@parcelgate/carrier-kit';
import { INTERCEPT_OUTCOMES, isMoney, REDIRECT_OUTCOMES } from '@parcelgate/carrier-kit';
import { describeValue, isRecord } from './describe-value.ts';

/** Outcomes that mean the carrier took the instruction (or will decide later). */
const SUCCESSFUL_OUTCOMES: Readonly<Record<'intercept' | 'redirect', readonly string[]>> = {
  intercept: ['pending', 'accepted', 'returning', 'returned'],
  redirect: ['pending', 'accepted', 'redirected'],
};

const ALL_OUTCOMES: Readonly<Record<'intercept' | 'redirect', readonly string[]>> = {
  intercept: INTERCEPT_OUTCOMES,
  redirect: REDIRECT_OUTCOMES,
};

/**
 * Every way `value` falls short of an `InterceptResult` / `RedirectResult` for a parcel the
 * environment prepared to succeed. A refusal is a problem too: the fixture said yes.
 */
export function validateMutationResult(
  operation: Exclude<CarrierOperation, 'track'>,
  value: unknown,
): string[] {
  if (!isRecord(value)) {
    return [`${operation}() resolved ${describeValue(value)}, not a result object`];
  }
  const problems: string[] = [];
  const outcome = value.outcome;
  if (typeof outcome !== 'string' || !ALL_OUTCOMES[operation].includes(outcome)) {
    problems.push(
      `${operation} outcome is ${describeValue(outcome)}, not one of ${ALL_OUTCOMES[operation].join(', ')}`,
    );
  } else if (!SUCCESSFUL_OUTCOMES[operation].includes(outcome)) {
    problems.push(
      `${operation} outcome is "${outcome}" on a parcel the environment prepared to succeed (carrierReason ${describeValue(value.carrierReason)})`,
    );
  }
  if (value.fee !== undefined && !isMoney(value.fee)) {
    problems.push(
      `${operation} fee is ${describeValue(value.fee)}, not money ({ amount: "10.00", currency: "CNY" })`,
    );
  }
  for (const field of ['carrierReference', 'carrierReason', 'message'] as const) {
    if (value[field] !== undefined && typeof value[field] !== 'string') {
      problems.push(`${operation} ${field} is ${describeValue(value[field])}, expected a string`);
    }
  }
  return problems;
}
