import type { CarrierCredentials } from '@parcelgate/carrier-kit';
import type { ConformanceHarness } from '../harness.ts';
import type { ConformanceCheck } from './conformance-check.ts';
import { createCheckReport } from './conformance-check.ts';
import { describeError, expectCarrierError } from './expect-carrier-error.ts';

const TITLE =
  'verifyCredentials accepts the suite credentials and refuses wrong ones as authentication';

/**
 * What wrong credentials are made of: every secret value with this in front. A prefix,
 * not a suffix, because carriers (and the simulator) often recognise keys by how they
 * begin (`sbx_...`); and the real secret stays inside, so an adapter that echoes the wrong
 * one into an error or a log is still caught by the credentials check.
 */
export const WRONG_CREDENTIAL_PREFIX = 'wrong-';

/**
 * For adapters that implement the optional `verifyCredentials` (the gateway's "test this
 * connection"): with the suite's credentials it must resolve; with every secret credential
 * made wrong it must throw an `authentication` carrier error in the adapter's name, since
 * that is what tells an operator "fix the credentials" rather than "try again later".
 *
 * The second half needs an environment that refuses wrong credentials (`wrongCredentials`):
 * carrier-sim does, msw fixtures only when written to (`refusesWrongCredentials`); elsewhere
 * it is reported as skipped.
 */
export const verifyCredentialsCheck: ConformanceCheck = {
  id: 'verify-credentials',
  title: TITLE,
  // Without the adapter (a planner written before appliesTo took it) the check is planned
  // and skips itself when it finds no verifyCredentials.
  appliesTo: (_capabilities, carrier) =>
    carrier === undefined || typeof carrier.verifyCredentials === 'function',
  async run(harness) {
    const report = createCheckReport(TITLE, harness);
    if (typeof harness.carrier.verifyCredentials !== 'function') {
      report.skipped('the adapter does not implement the optional verifyCredentials');
      return report.finish();
    }
    report.ran();
    const accepted = await harness.attemptVerifyCredentials();
    const { settlement } = accepted;
    if (settlement.status === 'rejected') {
      report.problem(
        `with the suite's credentials: threw ${describeError(settlement.reason)} instead of resolving`,
      );
    } else if (settlement.status === 'timed-out') {
      report.problem(
        `with the suite's credentials: did not settle within ${Math.round(settlement.durationMs)} ms`,
      );
    }

    if (!harness.environment.supports('wrongCredentials')) {
      report.skipped(
        `wrong credentials: the ${harness.environment.name} environment cannot stage "wrongCredentials"`,
      );
      return report.finish();
    }
    const wrong = wrongCredentials(harness);
    if (wrong === undefined) {
      report.skipped('wrong credentials: the suite gives no secret credential to make wrong');
      return report.finish();
    }
    report.ran();
    const refused = await harness.attemptVerifyCredentials(wrong);
    report.problem(
      ...expectCarrierError('with every secret credential wrong', refused, {
        kinds: ['authentication'],
      }),
    );
    return report.finish();
  },
};

/**
 * The suite's credentials with every field the adapter declares `secret` prefixed with
 * {@link WRONG_CREDENTIAL_PREFIX}; undefined when none has a value. All at once: a carrier
 * may not check each (Kuaidi100 never sees the salt it signs pushes with).
 */
export function wrongCredentials(harness: ConformanceHarness): CarrierCredentials | undefined {
  // A broken definition (no list, holes in it) is the definition check's to report.
  const declared = Array.isArray(harness.carrier.credentials) ? harness.carrier.credentials : [];
  const secretKeys = new Set(
    declared.filter((field) => field?.secret === true).map((field) => field.key),
  );
  let changed = false;
  const wrong = Object.fromEntries(
    Object.entries(harness.credentials).map(([key, value]) => {
      if (!secretKeys.has(key) || value === '') {
        return [key, value];
      }
      changed = true;
      return [key, `${WRONG_CREDENTIAL_PREFIX}${value}`];
    }),
  );
  return changed ? wrong : undefined;
}
