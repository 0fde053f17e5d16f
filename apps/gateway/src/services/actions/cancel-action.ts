import type { CancelResult } from '@parcelgate/carrier-kit';
import { accountOfAction } from '../../connections/carrier-accounts.ts';
import { applySteps, loadAction } from '../../lifecycle/action-store.ts';
import type { ReconcileStep } from '../../lifecycle/decide-reconciliation.ts';
import { isFinalStatus } from '../../lifecycle/lifecycle.ts';
import type { CancelRefusalCode } from '../../policy/codes.ts';
import { ProblemError } from '../../problems.ts';
import { rejectionProblem } from '../../resilience/rejection-problem.ts';
import { callCarrierResiliently } from '../../resilience/resilient-call.ts';
import { readFailureProblem } from '../carrier-problems.ts';
import type {
  ActionInput,
  ActionKind,
  ActionRecord,
  ActionScope,
  PresentedAction,
} from './action-kind.ts';
import { answerFor } from './run-action.ts';

/** A cancelled action (200), or one whose cancel the carrier decides later (202). */
export interface CancelAnswer<Presented> {
  readonly httpStatus: 200 | 202;
  readonly action: Presented;
}

/**
 * `POST /v1/{intercepts,redirects}/{id}/cancel`: asks the carrier to withdraw an action it
 * may still act on, within `request.deadline`. Cancelled, it ends `cancelled` (a redirect
 * gives its order's free redirect back) and is answered 200; when the carrier decides
 * later it stays as it is, the request is noted in its history and it is answered 202.
 * What cannot be cancelled is a 409 `not-cancellable` saying why: the parcel is already
 * coming back, the action is final, the carrier has no cancel, or the carrier refused.
 * A cancel whose answer was lost changes nothing: reconciliation reads the outcome.
 */
export async function cancelAction<
  Input extends ActionInput,
  Stored extends ActionRecord,
  Presented extends PresentedAction,
  Extra,
>(
  kind: ActionKind<Input, Stored, Presented, Extra>,
  scope: ActionScope,
  id: string,
): Promise<CancelAnswer<Presented>> {
  const { app, request } = scope;
  // Read once, as reconciliation reads it: applySteps compares its status again under a lock
  // after the carrier answered. Another tenant's action is as unknown as a missing one.
  const loaded = await loadAction(app.database, kind.table, id);
  const record = loaded?.tenantId === request.tenant.id ? loaded : undefined;
  if (record === undefined) {
    throw new ProblemError('not-found', `No ${kind.operation} ${id}.`);
  }
  const refuse = (code: CancelRefusalCode, message: string, carrierCode?: string) =>
    new ProblemError(
      'not-cancellable',
      `${kind.operation === 'intercept' ? 'Intercept' : 'Redirect'} ${id} cannot be cancelled: ${message}.`,
      {
        reasons: [{ code, message }],
        [kind.idField]: id,
        carrier: record.carrier,
        ...(carrierCode === undefined ? {} : { carrierCode }),
      },
    );
  if (!kind.cancellable.includes(record.status)) {
    throw record.status === 'returning'
      ? refuse('already_returning', 'the parcel is already on its way back')
      : refuse('final_status', `it is already ${record.status}`);
  }
  const carrier = await accountOfAction(app, record);
  const cancel = carrier === undefined ? undefined : kind.cancelOperation(carrier.definition);
  const capability =
    carrier?.definition.capabilities[
      kind.operation === 'intercept' ? 'cancelIntercept' : 'cancelRedirect'
    ];
  if (carrier === undefined || cancel === undefined || capability === undefined) {
    throw refuse('carrier_cannot_cancel', `${record.carrier} offers no way to cancel it`);
  }
  const result = await callCarrierResiliently<CancelResult>({
    carrier,
    operation: kind.operation,
    recordedAs: kind.operation === 'intercept' ? 'cancelIntercept' : 'cancelRedirect',
    request,
    actionId: id,
    resilience: app.resilience.of(carrier),
    // What is kept back is for storing the outcome and answering.
    deadline: request.deadline.child(),
    abortOnClientDisconnect: false,
    safeToRetry: capability.safeToRetry,
    run: (ctx) =>
      cancel(ctx, {
        trackingNumber: record.trackingNumber,
        reference: id,
        ...(record.carrierReference === null ? {} : { carrierReference: record.carrierReference }),
        ...(record.carrierOptions === null ? {} : { carrierOptions: record.carrierOptions }),
      }),
  });
  if (!result.ok) {
    throw result.failure.kind === 'rejected'
      ? rejectionProblem(carrier.definition.id, result.failure)
      : readFailureProblem(carrier.definition.id, result.failure);
  }
  const answer = result.value;
  if (answer.outcome === 'rejected') {
    request.logContext.outcome = 'cancel_refused';
    throw refuse(
      'carrier_refused',
      `${record.carrier} refused: ${answer.message ?? answer.carrierReason ?? 'no reason given'}`,
      answer.carrierReason,
    );
  }
  const step: ReconcileStep =
    answer.outcome === 'cancelled'
      ? {
          status: 'cancelled',
          cause: 'merchant',
          detail: answer.message ?? 'cancelled at the merchant’s request',
          carrierReference: answer.carrierReference,
          carrierReason: answer.carrierReason,
        }
      : {
          status: record.status,
          cause: 'merchant',
          detail: 'cancel requested: the carrier decides later',
        };
  const applied = await applySteps(app.database, record, [step]);
  app.activeIntercepts.forget(record.carrier, record.trackingNumber);
  if (!applied) {
    // It moved while the carrier was asked (a push, a reconciliation): say what it is now.
    throw refuse('final_status', 'it changed while the carrier was asked; read it again');
  }
  request.logContext.outcome = answer.outcome === 'cancelled' ? 'cancelled' : 'cancel_pending';
  const stored = await answerFor(kind, app, request.tenant.id, id);
  return {
    httpStatus: isFinalStatus(kind.table, step.status) ? 200 : 202,
    action: stored.action,
  };
}

/** The carrier of one of the tenant's actions, if it has it: its budgets apply to a cancel. */
export async function carrierOfAction<
  Input extends ActionInput,
  Stored extends ActionRecord,
  Presented extends PresentedAction,
  Extra,
>(
  kind: ActionKind<Input, Stored, Presented, Extra>,
  app: ActionScope['app'],
  tenantId: string,
  id: string,
): Promise<string | undefined> {
  return (await kind.find(app.database, tenantId, id))?.carrier;
}
