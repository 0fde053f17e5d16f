import { type CarrierContext, isCarrierErrorOfKind } from '@parcelgate/carrier-kit';
import type { FastifyInstance } from 'fastify';
import type { RegisteredCarrier } from '../carriers/carrier-registry.ts';
import { type CarrierFailure, callCarrier, type JobCaller } from '../resilience/call-carrier.ts';
import { trackingRequestFor } from '../services/carrier-extras.ts';
import type { CarrierView } from './decide-reconciliation.ts';
import type { ReconcileSubject } from './subject-store.ts';

/**
 * Asks the carrier about a subject: the adapter's intercept status query where it has one
 * (by `carrierReference` when the carrier gave one, else by our reference, the subject's
 * id), tracking otherwise, and for redirects (the contract has no redirect status query).
 * Every call goes through `callCarrier`, so it is bounded by the read budget and recorded
 * among the subject's attempts like the request's own calls.
 */
export async function askCarrier(
  app: FastifyInstance,
  caller: JobCaller,
  subject: ReconcileSubject,
): Promise<CarrierView> {
  const carrier = app.carriers.list().find((entry) => entry.definition.id === subject.carrier);
  if (carrier === undefined) {
    return { kind: 'no-answer', detail: `carrier ${subject.carrier} is not loaded` };
  }
  const interceptStatus = carrier.definition.interceptStatus;
  if (subject.table === 'intercepts' && interceptStatus !== undefined) {
    const result = await call(app, caller, carrier, subject, 'interceptStatus', (ctx) =>
      interceptStatus(ctx, {
        trackingNumber: subject.trackingNumber,
        reference: subject.id,
        ...(subject.carrierReference === null
          ? {}
          : { carrierReference: subject.carrierReference }),
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
  const tracked = await call(app, caller, carrier, subject, 'track', (ctx) =>
    carrier.definition.track(ctx, trackingRequestFor(subject.trackingNumber, subject)),
  );
  return tracked.ok
    ? { kind: 'tracking', snapshot: tracked.value }
    : { kind: 'no-answer', detail: describe(tracked.failure) };
}

function call<Value>(
  app: FastifyInstance,
  caller: JobCaller,
  carrier: RegisteredCarrier,
  subject: ReconcileSubject,
  operation: string,
  run: (ctx: CarrierContext) => Promise<Value>,
) {
  return callCarrier<Value>({
    carrier,
    operation,
    request: caller,
    database: app.database,
    subjectId: subject.id,
    // Both questions are reads: they get the read budget.
    timeoutMs: app.config.budgetsMs.track,
    abortOnClientDisconnect: false,
    run,
  });
}

function isKind(failure: CarrierFailure, kind: 'not-found' | 'invalid-request'): boolean {
  return failure.kind === 'carrier-error' && isCarrierErrorOfKind(failure.error, kind);
}

function describe(failure: CarrierFailure): string {
  switch (failure.kind) {
    case 'carrier-error':
      return `${failure.error.kind}: ${failure.error.message}`;
    case 'timeout':
      return 'the carrier did not answer within the read budget';
    case 'adapter-defect':
      return 'the adapter failed';
  }
}
