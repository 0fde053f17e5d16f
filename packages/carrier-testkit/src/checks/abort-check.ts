import { type CarrierOperation, isCarrierError } from '@parcelgate/carrier-kit';
import { type ConformanceHarness, settle } from '../harness.ts';
import type { CheckReport, ConformanceCheck } from './conformance-check.ts';
import { createCheckReport } from './conformance-check.ts';
import { describeError } from './expect-carrier-error.ts';

const TITLE = 'gives up within 50 ms when ctx.signal fires, rejecting with its reason';

/** How fast an operation must give up once its signal fired. */
export const ABORT_LIMIT_MS = 50;
/** How long to wait for the hung request to reach the carrier before aborting anyway. */
const ARRIVAL_TIMEOUT_MS = 2000;
/** How long to keep waiting after the limit, to say how late (or whether ever) it settled. */
const LATE_GRACE_MS = 1000;

/**
 * The carrier hangs; once the request reached it, the context's signal fires. The
 * operation must reject within 50 ms with the signal's reason (or an AbortError), never a
 * carrier error: the gateway tells "our budget ran out" from "the carrier failed" by it,
 * and only the latter counts against the carrier or gets retried.
 */
export const abortCheck: ConformanceCheck = {
  id: 'abort-signal',
  title: TITLE,
  requires: ['hang'],
  appliesTo: () => true,
  async run(harness) {
    const report = createCheckReport(TITLE, harness);
    for (const operation of harness.operations) {
      report.ran();
      await checkAbort(report, harness, operation);
    }
    return report.finish();
  },
};

async function checkAbort(
  report: CheckReport,
  harness: ConformanceHarness,
  operation: CarrierOperation,
): Promise<void> {
  const { environment } = harness;
  const { trackingNumber } = await environment.prepareParcel({ operation });
  await environment.injectFault({ operation, trackingNumber, fault: { type: 'hang' } });
  const controller = new AbortController();
  const context = harness.createContext({ signal: controller.signal });
  let settled = false;
  const pending = harness.invoke(operation, context, trackingNumber).finally(() => {
    settled = true;
  });
  // Keeps an early rejection from being reported as unhandled before `settle` takes over.
  pending.catch(() => undefined);
  const arrived = await waitForArrival(harness, operation, trackingNumber, () => settled);
  if (settled) {
    const early = await settle(pending, 0);
    report.problem(
      `${operation} settled before the signal fired although the carrier hangs (${early.status === 'rejected' ? describeError(early.reason) : early.status})`,
    );
    return;
  }
  if (!arrived) {
    report.problem(
      `${operation}: no request reached the carrier within ${ARRIVAL_TIMEOUT_MS} ms; aborting anyway`,
    );
  }
  const reason = new DOMException('conformance check: the latency budget ran out', 'TimeoutError');
  controller.abort(reason);
  const settlement = await settle(pending, ABORT_LIMIT_MS + LATE_GRACE_MS);
  const took = Math.round(settlement.durationMs);
  if (settlement.status === 'timed-out') {
    report.problem(
      `${operation} was still pending ${took} ms after the signal fired: is ctx.signal passed on?`,
    );
    return;
  }
  if (settlement.status === 'fulfilled') {
    report.problem(`${operation} resolved after the signal fired instead of rejecting`);
    return;
  }
  const error = settlement.reason;
  if (isCarrierError(error)) {
    report.problem(
      `${operation} turned the abort into ${describeError(error)}: rethrow the signal's reason so the gateway does not blame the carrier`,
    );
  } else if (error !== reason && !isAbortError(error)) {
    report.problem(
      `${operation} rejected with ${describeError(error)}, not the signal's reason or an AbortError`,
    );
  }
  if (settlement.durationMs > ABORT_LIMIT_MS) {
    report.problem(
      `${operation} took ${took} ms to give up after the signal fired (limit ${ABORT_LIMIT_MS} ms)`,
    );
  }
}

/** Polls the carrier's call count until the request arrived; false when it never did. */
async function waitForArrival(
  harness: ConformanceHarness,
  operation: CarrierOperation,
  trackingNumber: string,
  settled: () => boolean,
): Promise<boolean> {
  const deadline = performance.now() + ARRIVAL_TIMEOUT_MS;
  while (performance.now() < deadline && !settled()) {
    if ((await harness.environment.countCalls({ operation, trackingNumber })) > 0) {
      return true;
    }
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return false;
}

function isAbortError(error: unknown): boolean {
  const name: unknown =
    typeof error === 'object' && error !== null ? (error as { name?: unknown }).name : undefined;
  return name === 'AbortError' || name === 'TimeoutError';
}
