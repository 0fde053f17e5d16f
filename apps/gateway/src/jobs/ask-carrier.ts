import { type CarrierContext, isCarrierErrorOfKind } from '@parcelgate/carrier-kit';
import type { FastifyInstance } from 'fastify';
import { trackingRequestFor } from '../carriers/carrier-extras.ts';
import type { RegisteredCarrier } from '../carriers/carrier-registry.ts';
import { accountOfAction } from '../connections/carrier-accounts.ts';
import { Deadline } from '../deadline/deadline.ts';
import type { ReconcileAction } from '../lifecycle/action-store.ts';
import type { CarrierView } from '../lifecycle/decide-reconciliation.ts';
import type { JobCaller } from '../resilience/call-carrier.ts';
import { callCarrierResiliently, type ResilientFailure } from '../resilience/resilient-call.ts';

/**
 * Asks the carrier about an action: the adapter's intercept status query where it has one
 * (by `carrierReference` when the carrier gave one, else by our reference, the action's
 * id), tracking otherwise, and for redirects (the contract has no redirect status query).
 * Every call goes through the carrier's resilience like a request's read (circuit breaker,
 * limiter, retry budget, the read budget) and is recorded among the action's attempts: a
 * carrier that is down is not hammered by reconciliation either.
 */
export async function askCarrier(
  app: FastifyInstance,
  caller: JobCaller,
  action: ReconcileAction,
): Promise<CarrierView> {
  const carrier = await accountOfAction(app, action);
  if (carrier === undefined) {
    return {
      kind: 'no-answer',
      detail:
        action.connectionId === null
          ? `carrier ${action.carrier} is not loaded`
          : `carrier ${action.carrier} is not loaded, or connection ${action.connectionId} is gone`,
    };
  }
  const interceptStatus = carrier.definition.interceptStatus;
  if (action.table === 'intercepts' && interceptStatus !== undefined) {
    const result = await call(app, caller, carrier, action, 'interceptStatus', (ctx) =>
      interceptStatus(ctx, {
        trackingNumber: action.trackingNumber,
        reference: action.id,
        ...(action.carrierReference === null ? {} : { carrierReference: action.carrierReference }),
      }),
    );
    if (result.ok) {
      return { kind: 'status', result: result.value };
    }
    if (isKind(result.failure, 'not-found')) {
      return { kind: 'not-found' };
    }
    // A carrier that cannot look this intercept up (e.g. only by an id we never got) may
    // still show the outcome in tracking; any other failure is asked again later.
    if (!isKind(result.failure, 'invalid-request')) {
      return { kind: 'no-answer', detail: describe(result.failure) };
    }
  }
  const tracked = await call(app, caller, carrier, action, 'track', (ctx) =>
    carrier.definition.track(ctx, trackingRequestFor(action.trackingNumber, action)),
  );
  return tracked.ok
    ? { kind: 'tracking', snapshot: tracked.value }
    : { kind: 'no-answer', detail: describe(tracked.failure) };
}

function call<Value>(
  app: FastifyInstance,
  caller: JobCaller,
  carrier: RegisteredCarrier,
  action: ReconcileAction,
  recordedAs: 'interceptStatus' | 'track',
  run: (ctx: CarrierContext) => Promise<Value>,
) {
  return callCarrierResiliently<Value>({
    carrier,
    // Both questions are reads: they get the read budget, breaker and retries.
    operation: 'track',
    recordedAs,
    request: caller,
    actionId: action.id,
    resilience: app.resilience.of(carrier),
    // No client waits on a job: its deadline is the read budget alone, nothing held back.
    deadline: Deadline.in(app.resilience.budgetsMs(carrier.definition.id).track),
    abortOnClientDisconnect: false,
    run,
  });
}

function isKind(failure: ResilientFailure, kind: 'not-found' | 'invalid-request'): boolean {
  return failure.kind === 'carrier-error' && isCarrierErrorOfKind(failure.error, kind);
}

function describe(failure: ResilientFailure): string {
  switch (failure.kind) {
    case 'rejected':
      return `not asked: ${failure.reason} (retry in ${Math.ceil(failure.retryAfterMs / 1000)} s)`;
    case 'carrier-error':
      return `${failure.error.kind}: ${failure.error.message}`;
    case 'timeout':
      return 'the carrier did not answer within the read budget';
    case 'adapter-defect':
      return 'the adapter failed';
  }
}
