import type { EnvironmentFeature, Fault } from '../environment.ts';
import type { ConformanceHarness } from '../harness.ts';
import { type ConformanceOperation, isReadOperation } from '../operations.ts';
import type { CheckOutcome } from './conformance-check.ts';
import { createCheckReport, stageOrSkip } from './conformance-check.ts';
import { type ErrorExpectation, expectCarrierError } from './expect-carrier-error.ts';

/**
 * Which of the claimed operations a scenario runs on: `reads` (track, fee quote),
 * `mutations` (intercept, redirect and their cancels) or `all`.
 */
export type ScenarioScope = 'reads' | 'mutations' | 'all';

/** One way the carrier fails, and how the adapter must classify it. */
export interface FailureScenario {
  /** What goes wrong, for messages: `HTTP 503`, `a connection reset after sending`. */
  readonly label: string;
  readonly scope: ScenarioScope;
  /** The fault to stage, or `refused` to point the adapter at a port nobody listens on. */
  readonly stage: Fault | 'refused' | ((harness: ConformanceHarness) => Fault);
  /** An environment feature the scenario needs; without it the scenario is skipped. */
  readonly requires?: EnvironmentFeature;
  readonly expect:
    | ErrorExpectation
    | ((operation: ConformanceOperation, harness: ConformanceHarness) => ErrorExpectation);
}

/** The claimed operations a scope covers. */
export function operationsIn(
  harness: ConformanceHarness,
  scope: ScenarioScope,
): ConformanceOperation[] {
  return harness.operations.filter(
    (operation) => scope === 'all' || (scope === 'reads') === isReadOperation(operation),
  );
}

/**
 * Stages each scenario on a fresh parcel for every operation in its scope and checks how
 * the adapter classified the failure. Scenarios the environment cannot stage are reported
 * as skipped, with the reason.
 */
export async function runFailureScenarios(
  title: string,
  harness: ConformanceHarness,
  scenarios: readonly FailureScenario[],
): Promise<CheckOutcome> {
  const report = createCheckReport(title, harness);
  for (const scenario of scenarios) {
    if (scenario.requires !== undefined && !harness.environment.supports(scenario.requires)) {
      report.skipped(
        `${scenario.label}: the ${harness.environment.name} environment cannot stage "${scenario.requires}"`,
      );
      continue;
    }
    for (const operation of operationsIn(harness, scenario.scope)) {
      const { stage } = scenario;
      const attempt = await stageOrSkip(report, async () =>
        stage === 'refused'
          ? harness.attempt(operation, { baseUrl: await harness.refusedBaseUrl() })
          : harness.attempt(operation, {
              fault: typeof stage === 'function' ? stage(harness) : stage,
            }),
      );
      if (attempt === undefined) {
        continue;
      }
      const expectation =
        typeof scenario.expect === 'function'
          ? scenario.expect(operation, harness)
          : scenario.expect;
      report.problem(
        ...expectCarrierError(`${operation} on ${scenario.label}`, attempt, expectation),
      );
    }
  }
  return report.finish();
}
