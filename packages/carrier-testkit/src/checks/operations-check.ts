import type { ConformanceOperation } from '../operations.ts';
import { validateCancelResult } from '../validate/validate-cancel-result.ts';
import { validateFeeQuote } from '../validate/validate-fee-quote.ts';
import { validateMutationResult } from '../validate/validate-mutation-result.ts';
import { validateTrackingSnapshot } from '../validate/validate-tracking-snapshot.ts';
import type { ConformanceCheck } from './conformance-check.ts';
import { createCheckReport } from './conformance-check.ts';
import { describeSettlement } from './expect-carrier-error.ts';

const TITLE = 'performs every claimed operation and returns contract-valid results';

/**
 * Every operation the capabilities claim works on a parcel the environment prepared to
 * succeed, returns a contract-valid result, and really asked the carrier (an adapter that
 * answers from a cache or a stub would pass everything else).
 */
export const operationsCheck: ConformanceCheck = {
  id: 'operations',
  title: TITLE,
  appliesTo: () => true,
  async run(harness) {
    const report = createCheckReport(TITLE, harness);
    for (const operation of harness.operations) {
      report.ran();
      const attempt = await harness.attempt(operation);
      const { settlement, trackingNumber } = attempt;
      if (settlement.status !== 'fulfilled') {
        report.problem(
          `${operation} on a parcel prepared to succeed ${describeSettlement(settlement)}`,
        );
        continue;
      }
      report.problem(
        ...validateResult(operation, settlement.value, {
          carrierId: harness.carrier.id,
          trackingNumber,
        }),
      );
      const calls = await harness.environment.countCalls({ operation, trackingNumber });
      if (calls === 0) {
        report.problem(
          `${operation} resolved without sending the carrier a single ${operation} request`,
        );
      }
    }
    return report.finish();
  },
};

function validateResult(
  operation: ConformanceOperation,
  value: unknown,
  parcel: { readonly carrierId: string; readonly trackingNumber: string },
): string[] {
  switch (operation) {
    case 'track':
      return validateTrackingSnapshot(value, parcel);
    case 'intercept':
    case 'redirect':
      return validateMutationResult(operation, value);
    case 'cancelIntercept':
    case 'cancelRedirect':
      return validateCancelResult(operation, value);
    case 'quoteFee':
      return validateFeeQuote(value);
  }
}
