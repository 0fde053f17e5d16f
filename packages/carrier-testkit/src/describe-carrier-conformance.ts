import { CONTRACT_VERSION } from '@parcelgate/carrier-kit';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { conformanceChecks } from './checks/index.ts';
import { type ConformanceOptions, createConformanceHarness } from './harness.ts';

/** Per-check Vitest timeout: a check runs a dozen operations, each bounded by `timeoutMs`. */
const CHECK_TIMEOUT_FACTOR = 12;

/**
 * Registers the shared conformance suite in the calling Vitest file: one `it` per check
 * that applies to the adapter's capabilities. A check the environment cannot stage is
 * registered as skipped with the reason in its title, never passed silently.
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
  const capabilities = carrier.capabilities ?? { proofOfDelivery: false, callbacks: false };

  describe(`${carrier.id} conforms to carrier-kit v${CONTRACT_VERSION} (${environment.name})`, () => {
    beforeAll(() => harness.start());
    afterEach(() => harness.reset());
    afterAll(() => harness.stop());

    for (const check of conformanceChecks.filter((candidate) =>
      candidate.appliesTo(capabilities),
    )) {
      const missing = (check.requires ?? []).filter((feature) => !environment.supports(feature));
      if (missing.length > 0) {
        it.skip(`${check.title} [skipped: ${environment.name} cannot stage ${missing.join(', ')}]`, () => {});
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
