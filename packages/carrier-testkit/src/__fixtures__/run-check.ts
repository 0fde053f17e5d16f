import type { CarrierCredentials, CarrierDefinition } from '@parcelgate/carrier-kit';
import type { CheckOutcome, ConformanceCheck } from '../checks/conformance-check.ts';
import type { ConformanceEnvironment } from '../environment.ts';
import type { CarrierFixtures } from '../environments/carrier-fixtures.ts';
import { createMswEnvironment } from '../environments/msw-environment.ts';
import { createConformanceHarness } from '../harness.ts';
import {
  ACME_CREDENTIALS,
  ACME_STATUS_CODES,
  type AcmeQuirks,
  createAcmeCarrier,
} from './acme-carrier.ts';
import { ACME_BASE_URL, acmeFixtures } from './acme-fixtures.ts';

/** What to vary from the well-behaved Acme run. */
export interface RunCheckOptions {
  readonly quirks?: AcmeQuirks;
  /** Replaces the adapter outright (e.g. a hand-broken definition). */
  readonly carrier?: CarrierDefinition;
  readonly credentials?: CarrierCredentials;
  readonly documentedStatusCodes?: readonly string[];
  readonly fixtures?: CarrierFixtures;
  readonly environment?: ConformanceEnvironment;
}

/**
 * Runs one check against Acme in a fresh msw environment, the way
 * `describeCarrierConformance` would, without nesting Vitest.
 */
export async function runCheck(
  check: ConformanceCheck,
  options: RunCheckOptions = {},
): Promise<CheckOutcome> {
  const harness = createConformanceHarness({
    carrier: options.carrier ?? createAcmeCarrier(options.quirks),
    credentials: options.credentials ?? ACME_CREDENTIALS,
    documentedStatusCodes: options.documentedStatusCodes ?? ACME_STATUS_CODES,
    environment:
      options.environment ??
      createMswEnvironment({
        baseUrl: ACME_BASE_URL,
        fixtures: options.fixtures ?? acmeFixtures,
        refusesWrongCredentials: true,
      }),
    timeoutMs: 2000,
  });
  await harness.start();
  try {
    return await check.run(harness);
  } finally {
    await harness.reset();
    await harness.stop();
  }
}
