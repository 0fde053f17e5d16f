import type { FeeQuote, NormalizedStatus } from '@parcelgate/carrier-kit';
import type { FastifyInstance } from 'fastify';
import { actionOptionsFor, trackingRequestFor } from '../../carriers/carrier-extras.ts';
import { checkCarrierOptions } from '../../carriers/check-carrier-options.ts';
import { checkOperationOffered } from '../../carriers/check-operation-offered.ts';
import { checkTrackingNumber } from '../../carriers/check-tracking-number.ts';
import { resolveCarrierAccount } from '../../connections/carrier-accounts.ts';
import {
  AnsweredByDeadlineError,
  type AnswerGuard,
  guardHasAnswered,
} from '../../deadline/answer-guard.ts';
import { newId } from '../../ids.ts';
import { actionEvent, eventKindOf } from '../../lifecycle/action-events.ts';
import { HeldAction } from '../../lifecycle/held-action.ts';
import {
  availabilityForParcel,
  type OperationAvailability,
  operationAvailability,
} from '../../policy/operation-availability.ts';
import type { PolicyEvaluation } from '../../policy/policy-types.ts';
import { ProblemError } from '../../problems.ts';
import { lateAnswerOf } from '../late-answer.ts';
import { quoteFeeIfOffered } from '../quote-fee.ts';
import { readTracking } from '../read-tracking.ts';
import { failFastIfCircuitOpen, type SentOutcome, sendAction } from '../send-action.ts';
import type {
  ActionInput,
  ActionKind,
  ActionRecord,
  ActionScope,
  PresentedAction,
} from './action-kind.ts';

/** An action as answered, with the HTTP status it is answered with. */
export interface ActionAnswer<Presented> {
  readonly httpStatus: 201 | 202;
  readonly action: Presented;
}

/** Below this, an action is not started: it could not finish, and would end unknown. */
const MIN_ACTION_BUDGET_MS = 100;
/** Statuses after which the action did not happen, so what it held is given back. */
const NOT_DONE = new Set(['rejected', 'failed']);

/**
 * The checks of an action's request alone, before any account, store or carrier: the
 * carrier is loaded, the number could be its (a number it could never have issued is the
 * client's mistake: said first), it offers the operation by API (refused whoever would
 * send it) and the request's `carrierOptions` are its. The route runs them before the
 * Idempotency-Key is claimed, so a refused request leaves the key free; `runAction` runs
 * them for every other way of asking (batches, order events).
 */
export function checkActionRequest(
  kind: Pick<ActionKind<ActionInput, ActionRecord, PresentedAction>, 'operation'>,
  app: Pick<FastifyInstance, 'carriers'>,
  input: ActionInput,
): void {
  const named = app.carriers.resolve(input.carrier).definition;
  checkTrackingNumber(named, input.trackingNumber);
  checkOperationOffered(named, kind.operation);
  checkCarrierOptions(named, kind.operation, input.carrierOptions);
}

/**
 * Runs one action, whatever its kind: the carrier account and its capability, the
 * Idempotency-Key's earlier action, the circuit, the parcel's tracking, the tenant's policy
 * (a refusal never reaches the carrier: stored, then answered 422 with every reason), what
 * the action holds, the point of no return (`guard`), the stored action, the carrier within
 * `request.deadline`, and the answer. Every step is stored: the action, each transition
 * with its cause, each carrier attempt.
 */
export async function runAction<
  Input extends ActionInput & { readonly reason: string },
  Stored extends ActionRecord,
  Presented extends PresentedAction,
  Extra,
>(
  kind: ActionKind<Input, Stored, Presented, Extra>,
  scope: ActionScope,
  input: Input,
  guard?: AnswerGuard,
): Promise<ActionAnswer<Presented>> {
  const { app, request } = scope;
  checkActionRequest(kind, app, input);
  const carrier = await resolveCarrierAccount(app, request.tenant, input.carrier, {
    purpose: 'act',
    trackingNumber: input.trackingNumber,
  });
  const { definition } = carrier;
  const send = kind.carrierOperation(definition);
  if (send === undefined) {
    // defineCarrier() refuses a declared capability without its function: a defect.
    throw new Error(`${definition.id} declares ${kind.operation} but implements none`);
  }
  const earlier = request.idempotency?.earlierActionId;
  if (earlier !== undefined) {
    // A previous holder of this Idempotency-Key created it and died: answer, never resend.
    return answerFor(kind, app, request.tenant.id, earlier);
  }
  failFastIfCircuitOpen(app, carrier, kind.operation);
  const { deadline } = request;
  const snapshot = await readTracking(
    app,
    request,
    carrier,
    trackingRequestFor(input.trackingNumber, input),
    deadline,
  );
  let evaluation = await kind.evaluate(scope, carrier, input, snapshot);
  if (guardHasAnswered(guard)) {
    throw new AnsweredByDeadlineError();
  }
  let extra: Extra | undefined;
  let release = async (): Promise<void> => {};
  if (evaluation.eligible) {
    if (deadline.remainingMs() < MIN_ACTION_BUDGET_MS) {
      throw new ProblemError(
        'carrier-timeout',
        'The latency budget was spent reading tracking; the carrier was not asked.',
        { carrier: definition.id },
      );
    }
    const hold = await kind.hold?.(scope, carrier, input, snapshot);
    if (hold !== undefined) {
      ({ evaluation, extra } = hold);
      if (evaluation.eligible) {
        release = () => hold.release();
      } else {
        await hold.release();
      }
    }
  }
  if (!evaluation.eligible) {
    // A refusal by the tenant's own policy is an answer, not an action: nothing is stored,
    // so lists hold only what was asked of a carrier.
    request.logContext.outcome = 'rejected_by_policy';
    throw notEligible(kind, evaluation, definition.id);
  }
  const now = new Date();
  const record = kind.record(
    {
      id: newId(kind.idPrefix),
      tenantId: request.tenant.id,
      carrier: definition.id,
      trackingNumber: input.trackingNumber,
      reason: input.reason,
      note: input.note ?? null,
      phoneLastDigits: input.phoneLastDigits ?? null,
      carrierOptions: input.carrierOptions ?? null,
      connectionId: carrier.account.connectionId,
      parcelStatus: snapshot.status,
      likelihood: evaluation.likelihood,
      fee: evaluation.fee,
      policyReasons: evaluation.reasons,
      warnings: evaluation.warnings,
      carrierReference: null,
      carrierReason: null,
      createdAt: now,
      updatedAt: now,
    },
    input,
    { status: 'pending', statusDetail: null },
    extra,
  );
  // The point of no return: from here the client learns of this action, whenever it is
  // answered.
  const lateAnswer = kind.present(...lateAnswerOf(record));
  if (
    guard !== undefined &&
    !guard.commit({
      status: 202,
      headers: { location: `${kind.path}/${record.id}` },
      json: JSON.stringify(lateAnswer),
    })
  ) {
    await release();
    throw new AnsweredByDeadlineError();
  }
  const first = {
    status: record.status,
    cause: scope.origin?.cause ?? 'request',
    detail: scope.origin?.detail ?? record.statusDetail,
    at: record.createdAt,
  } as const;
  const held = HeldAction.inserted(record, first, kind.present);
  const evented = { table: kind.table, tenantId: record.tenantId, id: record.id };
  try {
    // Tied to the request's Idempotency-Key claim, before the carrier is called: a
    // takeover after a crash then answers from it instead of calling again. The action,
    // its first transition, its key's claim and its `created` event (presented from what
    // is stored: the event log is an outbox, docs/events.md) are one statement.
    await kind.insert(app.database, record, first, request.idempotency?.scope, [
      actionEvent(evented, `${eventKindOf(kind.table)}.created`, held.present()),
    ]);
  } catch (error) {
    await release();
    throw (await kind.alreadyUnderWay(app, error, record)) ?? error;
  }
  app.activeIntercepts.forget(definition.id, input.trackingNumber);
  let sent: SentOutcome<Presented> | undefined;
  try {
    sent = await sendAction(
      app,
      request,
      carrier,
      { ...evented, fee: record.fee, held },
      deadline,
      (ctx) => send(ctx, input, record),
    );
  } finally {
    // An action that did not happen gives back what it held (a problem means failed).
    if (sent === undefined || NOT_DONE.has(sent.status)) {
      await release();
    }
    app.activeIntercepts.forget(definition.id, input.trackingNumber);
  }
  if (guardHasAnswered(guard)) {
    // The client has the guard's 202: reading the action back would answer nobody.
    return { httpStatus: 202, action: lateAnswer };
  }
  if (sent.presented !== undefined) {
    return { httpStatus: sent.status === 'pending' ? 202 : 201, action: sent.presented };
  }
  return answerFor(kind, app, request.tenant.id, record.id);
}

/**
 * The dry run: reads the parcel's tracking within `request.deadline` and evaluates the
 * tenant's policy for the account the action would use (or says it has none), reporting
 * every reason. Never calls the carrier's operation.
 */
export async function checkActionEligibility<
  Input extends ActionInput,
  Stored extends ActionRecord,
  Presented extends PresentedAction,
  Extra,
>(
  kind: ActionKind<Input, Stored, Presented, Extra>,
  scope: ActionScope,
  input: Input,
): Promise<
  PolicyEvaluation & {
    readonly parcelStatus: NormalizedStatus;
    readonly feeQuote: FeeQuote | null;
    readonly availability: OperationAvailability;
  }
> {
  const { app, request } = scope;
  const named = app.carriers.resolve(input.carrier).definition;
  checkCarrierOptions(named, kind.operation, input.carrierOptions);
  checkTrackingNumber(named, input.trackingNumber);
  const carrier = await resolveCarrierAccount(app, request.tenant, input.carrier, {
    purpose: 'act',
    trackingNumber: input.trackingNumber,
  });
  // The carrier's price is asked beside the tracking read, within the same deadline.
  const [snapshot, quote] = await Promise.all([
    readTracking(
      app,
      request,
      carrier,
      trackingRequestFor(input.trackingNumber, input),
      request.deadline,
    ),
    quoteFeeIfOffered(app, request, carrier, {
      trackingNumber: input.trackingNumber,
      action: kind.operation,
      ...actionOptionsFor(input),
      ...kind.quoteExtras?.(input),
    }),
  ]);
  const evaluation = await kind.evaluate(scope, carrier, input, snapshot);
  return {
    ...evaluation,
    // Said beside the reasons: an operation offered only elsewhere names where, and what
    // the carrier's tracking said of it for this parcel (FedEx's delivery options).
    availability: availabilityForParcel(
      operationAvailability(named.capabilities)[kind.operation],
      kind.operation,
      named.displayName,
      snapshot.deliveryOptions,
    ),
    feeQuote: quote ?? null,
    parcelStatus: snapshot.status,
  };
}

/** One action of the tenant, with its history; 404 for another tenant's. */
export async function answerFor<
  Input extends ActionInput,
  Stored extends ActionRecord,
  Presented extends PresentedAction,
  Extra,
>(
  kind: ActionKind<Input, Stored, Presented, Extra>,
  app: Pick<FastifyInstance, 'database'>,
  tenantId: string,
  id: string,
): Promise<ActionAnswer<Presented>> {
  // The row and its history in one statement (one round trip, one on the embedded database).
  const found = await kind.findWithHistory(app.database, tenantId, id);
  if (found === undefined) {
    throw new ProblemError('not-found', `No ${kind.operation} ${id}.`);
  }
  return {
    httpStatus: found.record.status === 'pending' ? 202 : 201,
    action: kind.present(found.record, found.history),
  };
}

function notEligible(
  kind: Pick<ActionKind<ActionInput, ActionRecord, PresentedAction>, 'done'>,
  evaluation: PolicyEvaluation,
  carrierId: string,
): ProblemError {
  return new ProblemError(
    'not-eligible',
    `The parcel cannot be ${kind.done} now: ${evaluation.reasons.map((reason) => reason.code).join(', ')}.`,
    { reasons: evaluation.reasons, carrier: carrierId },
  );
}
