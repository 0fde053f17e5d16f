import { isCarrierError } from '@parcelgate/carrier-kit';
import { type ConformanceHarness, settle } from '../harness.ts';
import type { ConformanceOperation } from '../operations.ts';
import type { CheckReport, ConformanceCheck } from './conformance-check.ts';
import { createCheckReport } from './conformance-check.ts';
import { describeError } from './expect-carrier-error.ts';

const TITLE = 'gives up within 50 ms when ctx.signal fires, rejecting with its reason';

/**
 * How fast an operation must give up once its signal fired, in its own time: the time the
 * process was held up by others (a busy machine, a long GC) does not count.
 */
export const ABORT_LIMIT_MS = 50;
/**
 * How long to wait for the hung request to reach the carrier before aborting anyway: far
 * beyond a request's trip on loopback, so only an adapter that never sends it waits it out.
 */
const ARRIVAL_TIMEOUT_MS = 30_000;
/** How long to keep waiting after the limit, to say how late (or whether ever) it settled. */
const LATE_GRACE_MS = 2_000;
/**
 * A gap between two ticks of the 1 ms timer below longer than this is the process being held
 * up (descheduled on a busy machine, collecting garbage), not the adapter waiting.
 */
const STALL_MS = 10;

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
  operation: ConformanceOperation,
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
  const stalls = watchStalls();
  controller.abort(reason);
  const settlement = await settle(pending, ABORT_LIMIT_MS + LATE_GRACE_MS);
  const stalledMs = stalls.stop();
  const took = Math.round(settlement.durationMs);
  const ownMs = Math.max(0, Math.round(settlement.durationMs - stalledMs));
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
  if (ownMs > ABORT_LIMIT_MS) {
    report.problem(
      `${operation} took ${ownMs} ms to give up after the signal fired (limit ${ABORT_LIMIT_MS} ms; ${took} ms in all, the process held up for ${Math.round(stalledMs)} ms of it)`,
    );
  }
}

/**
 * Measures how long the process is held up from now until `stop()`: a 1 ms timer ticks, and
 * every gap between ticks longer than {@link STALL_MS} counts. An adapter waiting on a timer
 * of its own leaves the ticks regular, so its wait counts as its own; a busy machine shows
 * as long gaps, subtracted.
 */
function watchStalls(): { stop(): number } {
  let last = performance.now();
  let stalledMs = 0;
  let stopped = false;
  const measure = () => {
    const now = performance.now();
    if (now - last > STALL_MS) {
      stalledMs += now - last;
    }
    last = now;
  };
  const tick = () => {
    if (!stopped) {
      measure();
      setTimeout(tick, 1);
    }
  };
  setTimeout(tick, 1);
  return {
    stop() {
      stopped = true;
      measure();
      return stalledMs;
    },
  };
}

/** Polls the carrier's call count until the request arrived; false when it never did. */
async function waitForArrival(
  harness: ConformanceHarness,
  operation: ConformanceOperation,
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
