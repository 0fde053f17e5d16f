import { isNormalizedStatus } from '@parcelgate/carrier-kit';
import { describeValue, isRecord } from '../validate/describe-value.ts';
import type { ConformanceCheck } from './conformance-check.ts';
import { createCheckReport, stageOrSkip } from './conformance-check.ts';
import { describeSettlement } from './expect-carrier-error.ts';

const TITLE = 'maps every documented carrier status code to a normalized status, keeping raw.code';

/**
 * Each documented carrier status code, shown on a parcel, maps to a normalized status
 * other than `unknown`, with the carrier's code kept in `raw.code`. `unknown` is for codes
 * the carrier adds later, never for one the adapter claims to know.
 */
export const statusCodesCheck: ConformanceCheck = {
  id: 'status-codes',
  title: TITLE,
  requires: ['statusCodes'],
  appliesTo: () => true,
  async run(harness) {
    const report = createCheckReport(TITLE, harness);
    for (const code of harness.documentedStatusCodes) {
      const staged = await stageOrSkip(report, () =>
        harness.attempt('track', { statusCode: code }),
      );
      if (staged === undefined) {
        continue;
      }
      const { settlement } = staged;
      if (settlement.status !== 'fulfilled') {
        report.problem(`track of a parcel showing "${code}" ${describeSettlement(settlement)}`);
        continue;
      }
      const events: unknown = isRecord(settlement.value) ? settlement.value.events : undefined;
      const matching = (Array.isArray(events) ? events : []).filter(
        (event: unknown) => isRecord(event) && isRecord(event.raw) && event.raw.code === code,
      ) as Record<string, unknown>[];
      if (matching.length === 0) {
        report.problem(
          `no event keeps raw.code "${code}" for a parcel showing it (is the code dropped, or does the track fixture ignore its statusCode?)`,
        );
      }
      for (const event of matching) {
        if (event.status === 'unknown') {
          report.problem(`documented code "${code}" maps to "unknown"`);
        } else if (!isNormalizedStatus(event.status)) {
          report.problem(
            `documented code "${code}" maps to ${describeValue(event.status)}, not a normalized status`,
          );
        }
      }
    }
    return report.finish();
  },
};
