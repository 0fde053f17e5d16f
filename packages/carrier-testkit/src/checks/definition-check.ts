import { assertCarrierDefinition } from '@parcelgate/carrier-kit';
import type { ConformanceCheck } from './conformance-check.ts';
import { createCheckReport } from './conformance-check.ts';

const TITLE = 'is a complete defineCarrier() definition with documented status codes';

/**
 * The definition passes carrier-kit's own load-time check (what `defineCarrier` runs), the
 * documented status codes are usable, and the conformance credentials cover every
 * required field (otherwise later checks would fail for the wrong reason).
 */
export const definitionCheck: ConformanceCheck = {
  id: 'definition',
  title: TITLE,
  appliesTo: () => true,
  async run(harness) {
    const report = createCheckReport(TITLE, harness);
    report.ran();
    try {
      assertCarrierDefinition(harness.carrier);
    } catch (error) {
      const problems: unknown = (error as { problems?: unknown }).problems;
      report.problem(
        ...(Array.isArray(problems)
          ? problems.map(String)
          : [`assertCarrierDefinition threw: ${String(error)}`]),
      );
    }
    const codes = harness.documentedStatusCodes;
    if (codes.length === 0) {
      report.problem(
        'documentedStatusCodes is empty: pass every carrier status code the adapter maps (its <ID>_STATUS_CODES)',
      );
    }
    const seen = new Set<string>();
    for (const code of codes) {
      if (typeof code !== 'string' || code === '') {
        report.problem(`documentedStatusCodes holds ${JSON.stringify(code)}, not a carrier code`);
      } else if (seen.has(code)) {
        report.problem(`documentedStatusCodes lists "${code}" twice`);
      }
      seen.add(code);
    }
    const fields = Array.isArray(harness.carrier.credentials) ? harness.carrier.credentials : [];
    for (const field of fields) {
      if (field.required && harness.credentials[field.key] === undefined) {
        report.problem(`credentials has no value for the required field "${field.key}"`);
      }
    }
    return report.finish();
  },
};
