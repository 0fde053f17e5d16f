import type { CarrierContext, Money } from '@parcelgate/carrier-kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RegisteredCarrier } from '../carriers/carrier-registry.ts';
import type { Deadline } from '../deadline/deadline.ts';
import { actionEvent, recordStatusEvent, statusEventOf } from '../lifecycle/action-events.ts';
import { followIfOpen } from '../lifecycle/follow-outcome.ts';
import type { PresentableAction } from '../lifecycle/held-action.ts';
import type { FeeAssessment } from '../policy/policy-types.ts';
import { ProblemError } from '../problems.ts';
import type { CallerParts, CarrierFailure } from '../resilience/call-carrier.ts';
import { rejectionProblem } from '../resilience/rejection-problem.ts';
import { callCarrierResiliently } from '../resilience/resilient-call.ts';
import { type ActionChange, type ActionTable, transitionAction } from '../store/actions.ts';
import type { HeldAttempts } from '../store/attempt-log.ts';
import type { CarrierAttempt } from '../store/attempts.ts';
import { actionFailureOutcome } from './action-outcome.ts';

/** What intercept and redirect answers have in common. */
export interface CarrierActionAnswer {
  readonly outcome: string;
  readonly carrierReference?: string;
  readonly carrierReason?: string;
  readonly fee?: Money;
  readonly message?: string;
}

/** The stored intercept or redirect the call is made for. */
export interface SentAction<Presented> {
  readonly table: ActionTable;
  readonly id: string;
  readonly tenantId: string;
  readonly fee: FeeAssessment;
  /**
   * The action as its request just stored it: then its outcome and event are written by one
   * guarded statement and presented from it (see `HeldAction`), with no transaction and no
   * read; without it, or when the guard finds the action changed, they are read back.
   */
  readonly held?: PresentableAction<Presented>;
}

/** How a sent action ended: its status, and its presentation when it was held throughout. */
export interface SentOutcome<Presented> {
  readonly status: string;
  readonly presented?: Presented | undefined;
}

/**
 * Fails fast when the carrier's circuit for this action is open: answers 503
 * `circuit-open` with Retry-After before the tracking read, the policy and the stored
 * action, which would all be spent on a call the circuit is about to refuse (and, under a
 * client retrying in a loop, would take the event loop from requests still in flight).
 * Nothing is stored and the Idempotency-Key is freed (a 5xx), so the client simply retries.
 * A circuit that opens after this check still refuses the call in {@link sendAction}.
 */
export function failFastIfCircuitOpen(
  app: Pick<FastifyInstance, 'resilience'>,
  carrier: RegisteredCarrier,
  operation: 'intercept' | 'redirect',
): void {
  const refusal = app.resilience.of(carrier).breakers[operation].refusal();
  if (refusal !== undefined) {
    throw rejectionProblem(carrier.definition.id, {
      kind: 'rejected',
      reason: 'circuit-open',
      retryAfterMs: refusal.retryAfterMs,
    });
  }
}

/**
 * Sends an intercept or redirect within what is left of the deadline (retried only where
 * `retry-policy.ts` proves it safe), then stores its outcome as a transition. The
 * carrier's answer becomes the new status; a failure becomes pending, rejected or failed
 * by `actionFailureOutcome`, and one where the operation was not placed (including a call
 * the gateway refused: open circuit, full queue, no time left) is answered as a problem.
 * Returns the status the action ended in, and the action as `GET` shows it when it was held.
 */
export async function sendAction<Presented extends object>(
  app: Pick<FastifyInstance, 'resilience' | 'database' | 'reconciler' | 'attempts'>,
  request: CallerParts & Pick<FastifyRequest, 'idempotency'>,
  carrier: RegisteredCarrier,
  action: SentAction<Presented>,
  deadline: Deadline,
  run: (ctx: CarrierContext) => Promise<CarrierActionAnswer>,
): Promise<SentOutcome<Presented>> {
  // The call's attempts are stored with its outcome, by one statement.
  const held = app.attempts.hold(action.id);
  try {
    return await sendAndStore(app, request, carrier, action, deadline, run, held);
  } finally {
    await held.close();
  }
}

async function sendAndStore<Presented extends object>(
  app: Pick<FastifyInstance, 'resilience' | 'database' | 'reconciler'>,
  request: CallerParts & Pick<FastifyRequest, 'idempotency'>,
  carrier: RegisteredCarrier,
  action: SentAction<Presented>,
  deadline: Deadline,
  run: (ctx: CarrierContext) => Promise<CarrierActionAnswer>,
  held: HeldAttempts,
): Promise<SentOutcome<Presented>> {
  let presented: Presented | undefined;
  const store = async (change: ActionChange<string>) => {
    const attempts = held.held();
    presented = await storeOutcome(app, action, change, attempts);
    held.written(attempts.length);
  };
  const operation = action.table === 'intercepts' ? 'intercept' : 'redirect';
  const resilience = app.resilience.of(carrier);
  const result = await callCarrierResiliently({
    carrier,
    operation,
    request,
    actionId: action.id,
    resilience,
    // Storing the outcome, queueing its reconciliation and answering come after the call.
    deadline: deadline.child(),
    abortOnClientDisconnect: false,
    run,
  });
  if (result.ok) {
    const answer = result.value;
    await store({
      status: answer.outcome,
      cause: 'carrier_answer',
      statusDetail: answer.outcome === 'pending' ? 'the carrier decides later' : answer.message,
      carrierReference: answer.carrierReference,
      carrierReason: answer.carrierReason,
      fee: answer.fee === undefined ? undefined : { ...action.fee, amount: answer.fee },
    });
    request.logContext.outcome = answer.outcome;
    await followIfOpen(app, action.table, action.id, answer.outcome);
    return { status: answer.outcome, presented };
  }
  const idField =
    action.table === 'intercepts' ? { interceptId: action.id } : { redirectId: action.id };
  if (result.failure.kind === 'rejected') {
    // The gateway never sent it: the action failed, and the same key may be used again.
    const problem = rejectionProblem(carrier.definition.id, result.failure);
    await store({
      status: 'failed',
      cause: 'carrier_unreachable',
      statusDetail: `not sent: ${problem.detail}`,
    });
    request.logContext.outcome = 'failed';
    await request.idempotency?.detachAction();
    throw new ProblemError(
      problem.problemType,
      problem.detail,
      { ...problem.extensions, ...idField },
      problem.headers,
    );
  }
  const outcome = actionFailureOutcome(
    carrier.definition.id,
    decisiveFailure(carrier.definition.id, result.failures, result.failure),
  );
  await store({
    status: outcome.status,
    cause: outcome.cause,
    statusDetail: outcome.detail,
    carrierReason: outcome.carrierReason,
    reasons: outcome.reasons,
  });
  request.logContext.outcome = outcome.status;
  await followIfOpen(app, action.table, action.id, outcome.status);
  if (outcome.problem !== undefined) {
    if (outcome.neverPlaced) {
      // Nothing reached the carrier: let the client retry with the same Idempotency-Key.
      await request.idempotency?.detachAction();
    }
    throw new ProblemError(
      outcome.problem.problemType,
      outcome.problem.detail,
      { ...outcome.problem.extensions, ...idField },
      outcome.problem.headers,
    );
  }
  return { status: outcome.status, presented };
}

/**
 * Stores a sent action's outcome, its attempts and its event. A held action takes one
 * guarded statement and is presented from what it holds; otherwise (or when the action
 * changed meanwhile) a transaction writes the change and the event reads the action back.
 * Sent actions start pending: the outcome's event, if it raises one, commits with it.
 */
async function storeOutcome<Presented extends object>(
  app: Pick<FastifyInstance, 'database'>,
  action: SentAction<Presented>,
  change: ActionChange<string>,
  attempts: readonly CarrierAttempt[],
): Promise<Presented | undefined> {
  if (action.held !== undefined) {
    const at = new Date();
    const next = action.held.after(change, attempts, at);
    const type = statusEventOf(action.table, action.held.record.status, change.status);
    const presented = next.present();
    const applied = await transitionAction(app.database, action.table, action.id, change, {
      attempts,
      expected: action.held.expected,
      events: type === undefined ? [] : [actionEvent(action, type, presented)],
      at,
    });
    if (applied) {
      return presented;
    }
  }
  await app.database.transaction(async (tx) => {
    await transitionAction(tx, action.table, action.id, change, { attempts });
    await recordStatusEvent(tx, action, 'pending', change.status);
  });
  return undefined;
}

/**
 * The failure that decides a retried action's outcome: the first one that leaves it in
 * doubt, else the last. Once an attempt may have reached the carrier, a later clear
 * failure (a 503 to the retry) cannot prove the first did nothing.
 */
function decisiveFailure(
  carrierId: string,
  failures: readonly CarrierFailure[],
  last: CarrierFailure,
): CarrierFailure {
  return (
    failures.find((failure) => actionFailureOutcome(carrierId, failure).status === 'pending') ??
    last
  );
}
