import { CANCEL_OUTCOMES } from '@parcelgate/carrier-kit';
import { describeValue, isRecord } from './describe-value.ts';

/**
 * Every way `value` falls short of a `CancelResult` for an action the environment prepared
 * to be cancellable: `cancelled` or `pending` is right; `rejected` is a problem there (the
 * carrier could cancel), and so is any other outcome.
 */
export function validateCancelResult(
  operation: 'cancelIntercept' | 'cancelRedirect',
  value: unknown,
): string[] {
  if (!isRecord(value)) {
    return [`${operation}() resolved ${describeValue(value)}, not a result object`];
  }
  const problems: string[] = [];
  const outcome = value.outcome;
  if (typeof outcome !== 'string' || !CANCEL_OUTCOMES.some((known) => known === outcome)) {
    problems.push(
      `${operation} outcome is ${describeValue(outcome)}, not one of ${CANCEL_OUTCOMES.join(', ')}`,
    );
  } else if (outcome === 'rejected') {
    problems.push(
      `${operation} outcome is "rejected" for an action the environment prepared to be cancellable (carrierReason ${describeValue(value.carrierReason)})`,
    );
  }
  for (const field of ['carrierReference', 'carrierReason', 'message'] as const) {
    if (value[field] !== undefined && typeof value[field] !== 'string') {
      problems.push(`${operation} ${field} is ${describeValue(value[field])}, expected a string`);
    }
  }
  return problems;
}
