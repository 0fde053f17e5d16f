import { CONTRACT_VERSION } from '@parcelgate/carrier-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { ConformanceCheck } from './checks/conformance-check.ts';
import { conformanceChecks } from './checks/index.ts';
import type { ConformanceEnvironment } from './environment.ts';
import { type ConformanceOptions, createConformanceHarness } from './harness.ts';

/** Per-check Vitest timeout: a check runs a dozen operations, each bounded by `timeoutMs`. */
const CHECK_TIMEOUT_FACTOR = 12;

/** One check as the suite will register it. */
export interface PlannedCheck {
  readonly check: ConformanceCheck;
  /** Why the environment cannot run it; the test is registered as skipped with this. */
  readonly skipReason?: string;
}

/**
 * The checks that apply to the adapter's capabilities, each marked skipped when the
 * environment cannot stage what it needs.
 */
export function planConformance(
  carrier: ConformanceOptions['carrier'],
  environment: ConformanceEnvironment,
): PlannedCheck[] {
  // A definition without capabilities is still tested: the definition check reports it.
  const capabilities = carrier.capabilities ?? { proofOfDelivery: false, callbacks: false };
  return conformanceChecks
    .filter((check) => check.appliesTo(capabilities, carrier))
    .map((check) => {
      const missing = (check.requires ?? []).filter((feature) => !environment.supports(feature));
      return missing.length === 0
        ? { check }
        : { check, skipReason: `${environment.name} cannot stage ${missing.join(', ')}` };
    });
}

/**
 * Registers the shared conformance suite in the calling Vitest file: one `it` per check
 * that applies to the adapter's capabilities. A check the environment cannot stage is
 * registered as skipped with the reason in its title, and scenarios skipped inside a
 * check are annotated on its test: nothing unstaged ever counts as passed.
 *
 * @example
 * ```ts
 * describeCarrierConformance({
 *   carrier: acmeCarrier,
 *   credentials: { apiKey: 'acme_conformance_key' },
 *   documentedStatusCodes: ACME_STATUS_CODES,
 *   environment: createMswEnvironment({ baseUrl: 'https://api.acme.test', fixtures: acmeFixtures }),
 * });
 * ```
 */
export function describeCarrierConformance(options: ConformanceOptions): void {
  const { carrier, environment } = options;
  const harness = createConformanceHarness(options);
  const checkTimeout = harness.timeoutMs * CHECK_TIMEOUT_FACTOR;

  describe(`${carrier.id} conforms to carrier-kit v${CONTRACT_VERSION} (${environment.name})`, () => {
    beforeAll(() => harness.start());
    afterEach(() => harness.reset());
    afterAll(() => harness.stop());

    for (const { check, skipReason } of planConformance(carrier, environment)) {
      if (skipReason !== undefined) {
        it.skip(`${check.title} [skipped: ${skipReason}]`, () => {});
        continue;
      }
      it(
        check.title,
        async (context) => {
          const outcome = await check.run(harness);
          for (const reason of outcome.skipped ?? []) {
            await context.annotate(`skipped: ${reason}`);
          }
          if (outcome.skip !== undefined && outcome.problems.length === 0) {
            context.skip(outcome.skip);
          }
          expect(outcome.problems, outcome.summary).toEqual([]);
        },
        checkTimeout,
      );
    }
  });
}
