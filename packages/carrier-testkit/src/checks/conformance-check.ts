import type { CarrierCapabilities, CarrierDefinition } from '@parcelgate/carrier-kit';
import { redactSecrets } from '@parcelgate/carrier-kit/wire';
import { type EnvironmentFeature, isStagingUnsupported } from '../environment.ts';
import type { ConformanceHarness } from '../harness.ts';

/** How a check went. */
export interface CheckOutcome {
  /** Every way the adapter falls short; empty when it passed. */
  readonly problems: readonly string[];
  /** One paragraph for the test report: what was tried and what went wrong. */
  readonly summary: string;
  /** Scenarios the environment could not stage, each with why: reported, never passed. */
  readonly skipped?: readonly string[];
  /** Set when nothing at all could be staged: the whole check is reported as skipped. */
  readonly skip?: string;
}

/**
 * One conformance check as plain data, so the testkit's own tests run it against broken
 * adapters without nesting Vitest, and `describeCarrierConformance` turns it into an `it`.
 */
export interface ConformanceCheck {
  /** Stable kebab-case id, e.g. `abort-signal`. */
  readonly id: string;
  /** The test title: what a conforming adapter does. */
  readonly title: string;
  /** Environment features the check cannot run without; missing ones skip it. */
  readonly requires?: readonly EnvironmentFeature[];
  /**
   * Whether the check concerns an adapter with these capabilities; `carrier` is there for
   * checks of optional operations no capability declares (`verifyCredentials`).
   */
  appliesTo(capabilities: CarrierCapabilities, carrier?: CarrierDefinition): boolean;
  run(harness: ConformanceHarness): Promise<CheckOutcome>;
}

/** Collects a check's findings into a {@link CheckOutcome}. */
export interface CheckReport {
  /** Counts one scenario that was actually staged and run. */
  ran(): void;
  problem(...messages: readonly string[]): void;
  skipped(reason: string): void;
  finish(): CheckOutcome;
}

/**
 * A report for the check titled `title`. The summary lists every problem, then what
 * could not be staged, then the environment's own hints (e.g. requests no fixture matched).
 */
export function createCheckReport(title: string, harness: ConformanceHarness): CheckReport {
  const secrets = Object.values(harness.credentials);
  const found: string[] = [];
  const skipped: string[] = [];
  let scenarios = 0;
  return {
    ran() {
      scenarios += 1;
    },
    problem(...messages) {
      found.push(...messages);
    },
    skipped(reason) {
      skipped.push(reason);
    },
    finish() {
      // Test output is logged and shared: even test credentials never appear in it.
      const problems = collapseRepeats(found).map((problem) => redactSecrets(problem, secrets));
      const lines = [
        problems.length === 0
          ? `${title}: ${scenarios} scenario(s) passed in the ${harness.environment.name} environment`
          : `${title}: ${problems.length} problem(s) in the ${harness.environment.name} environment`,
        ...problems.map((problem) => `  - ${problem}`),
        ...skipped.map((reason) => `  (skipped) ${reason}`),
      ];
      if (problems.length > 0) {
        lines.push(...(harness.environment.diagnose?.() ?? []).map((hint) => `  (hint) ${hint}`));
      }
      return {
        problems,
        summary: lines.join('\n'),
        ...(skipped.length === 0 ? {} : { skipped }),
        ...(scenarios === 0 && problems.length === 0 && skipped.length > 0
          ? { skip: skipped.join('; ') }
          : {}),
      };
    },
  };
}

/** The same message seen n times once, with `(n times)`: a leak repeated per scenario is one finding. */
function collapseRepeats(messages: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const message of messages) {
    counts.set(message, (counts.get(message) ?? 0) + 1);
  }
  return [...counts].map(([message, count]) =>
    count === 1 ? message : `${message} (${count} times)`,
  );
}

/**
 * Runs one staged scenario, counting it as run; when the environment cannot stage it,
 * records it as skipped (with the environment's reason) and answers undefined.
 */
export async function stageOrSkip<Result>(
  report: CheckReport,
  stage: () => Promise<Result>,
): Promise<Result | undefined> {
  try {
    const result = await stage();
    report.ran();
    return result;
  } catch (error) {
    if (isStagingUnsupported(error)) {
      report.skipped(error.message);
      return undefined;
    }
    throw error;
  }
}
