import type { InterceptReason, NormalizedStatus, ParcelDetails } from '@parcelgate/carrier-kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { RegisteredCarrier } from '../carriers/carrier-registry.ts';
import { checkCarrierOptions } from '../carriers/check-carrier-options.ts';
import { resolveCarrierAccount } from '../connections/carrier-accounts.ts';
import {
  AnsweredByDeadlineError,
  type AnswerGuard,
  guardHasAnswered,
} from '../http/answer-guard.ts';
import { newId } from '../ids.ts';
import { evaluateIntercept } from '../policy/evaluate-intercept.ts';
import type { PickupMode, PolicyEvaluation } from '../policy/policy-types.ts';
import { ProblemError } from '../problems.ts';
import type { Budget } from '../resilience/budgets.ts';
import { deadlineIn } from '../resilience/call-carrier.ts';
import {
  ActiveInterceptExistsError,
  findIntercept,
  hasActiveIntercept,
  type InterceptRecord,
  insertIntercept,
} from '../store/intercepts.ts';
import { mutationOptionsFor, trackingRequestFor } from './carrier-extras.ts';
import { lateAnswerOf } from './late-answer.ts';
import { presentIntercept } from './present.ts';
import { readTracking } from './read-tracking.ts';
import { failFastIfCircuitOpen, sendMutation } from './send-mutation.ts';
import { loadSubjectHistory, storeNewSubject } from './subject-records.ts';
import { effectivePolicyFor } from './tenant-policy.ts';

/** The body of `POST /v1/intercepts` and of its dry run. */
export interface InterceptInput {
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly reason: InterceptReason;
  readonly orderRef?: string | undefined;
  readonly pickupMode: PickupMode;
  readonly parcel?: ParcelDetails | undefined;
  readonly note?: string | undefined;
  readonly phoneLastDigits?: string | undefined;
  readonly carrierOptions?: Readonly<Record<string, string>> | undefined;
}

/** An intercept as answered, with the HTTP status it is answered with. */
export interface InterceptAnswer {
  readonly httpStatus: 201 | 202;
  readonly intercept: ReturnType<typeof presentIntercept>;
}

/** Below this, an intercept is not started: it could not finish, and would end unknown. */
const MIN_MUTATION_BUDGET_MS = 100;

/**
 * The dry run: reads the parcel's tracking and evaluates the tenant's policy at the
 * carrier, reporting every reason. Never calls the carrier's intercept.
 */
export async function checkInterceptEligibility(
  app: FastifyInstance,
  request: FastifyRequest,
  input: InterceptInput,
): Promise<PolicyEvaluation & { readonly parcelStatus: NormalizedStatus }> {
  checkCarrierOptions(
    app.carriers.resolve(input.carrier).definition,
    'intercept',
    input.carrierOptions,
  );
  // The dry run answers for the account the intercept would use, or says it has none.
  const carrier = await resolveCarrierAccount(app, request.tenant, input.carrier, {
    purpose: 'act',
    trackingNumber: input.trackingNumber,
  });
  const snapshot = await readTracking(
    app,
    request,
    carrier,
    trackingRequestFor(input.trackingNumber, input),
    deadlineIn(app.config.budgetsMs.track),
  );
  const evaluation = await evaluateFor(
    app,
    request,
    carrier,
    input,
    snapshot.status,
    snapshot.subStatus,
  );
  return { ...evaluation, parcelStatus: snapshot.status };
}

/**
 * Runs an intercept: policy first (a refusal never reaches the carrier and is answered as a
 * 422 listing every reason), then the carrier within the budget. Every step is stored: the
 * intercept, each transition with its cause, each carrier attempt.
 */
export async function createIntercept(
  app: FastifyInstance,
  request: FastifyRequest,
  input: InterceptInput,
  budget: Budget,
  guard?: AnswerGuard,
): Promise<InterceptAnswer> {
  const carrier = await resolveCarrierAccount(app, request.tenant, input.carrier, {
    purpose: 'act',
    trackingNumber: input.trackingNumber,
  });
  const interceptOperation = carrier.definition.intercept;
  if (carrier.definition.capabilities.intercept === undefined || interceptOperation === undefined) {
    throw new ProblemError(
      'operation-not-supported',
      `${carrier.definition.displayName} offers no intercept API.`,
      {
        carrier: carrier.definition.id,
        capability: 'intercept',
      },
    );
  }
  checkCarrierOptions(carrier.definition, 'intercept', input.carrierOptions);
  const earlier = request.idempotency?.earlierSubjectId;
  if (earlier !== undefined) {
    // A previous holder of this Idempotency-Key created it and died: answer, never resend.
    return answerFor(app, request.tenant.id, earlier);
  }
  failFastIfCircuitOpen(app, carrier, 'intercept');
  const deadline = deadlineIn(budget.totalMs);
  const snapshot = await readTracking(
    app,
    request,
    carrier,
    trackingRequestFor(input.trackingNumber, input),
    deadline,
  );
  const evaluation = await evaluateFor(
    app,
    request,
    carrier,
    input,
    snapshot.status,
    snapshot.subStatus,
  );
  const now = new Date();
  const record: InterceptRecord = {
    id: newId('icp'),
    tenantId: request.tenant.id,
    carrier: carrier.definition.id,
    trackingNumber: input.trackingNumber,
    reason: input.reason,
    orderRef: input.orderRef ?? null,
    pickupMode: input.pickupMode,
    parcel: input.parcel ?? null,
    note: input.note ?? null,
    phoneLastDigits: input.phoneLastDigits ?? null,
    carrierOptions: input.carrierOptions ?? null,
    connectionId: carrier.account.connectionId,
    status: evaluation.eligible ? 'pending' : 'rejected',
    likelihood: evaluation.likelihood,
    parcelStatus: snapshot.status,
    fee: evaluation.fee,
    policyReasons: evaluation.reasons,
    warnings: evaluation.warnings,
    carrierReference: null,
    carrierReason: null,
    statusDetail: evaluation.eligible ? null : 'refused by policy before reaching the carrier',
    createdAt: now,
    updatedAt: now,
  };
  if (guard?.answered === true) {
    throw new AnsweredByDeadlineError();
  }
  if (!evaluation.eligible) {
    await storeNewSubject(app, request, record, insertIntercept, 'policy');
    request.logContext.outcome = 'rejected_by_policy';
    throw new ProblemError(
      'not-eligible',
      `The parcel cannot be intercepted now: ${evaluation.reasons.map((reason) => reason.code).join(', ')}.`,
      { reasons: evaluation.reasons, interceptId: record.id, carrier: record.carrier },
    );
  }
  if (deadline.remainingMs() < MIN_MUTATION_BUDGET_MS) {
    throw new ProblemError(
      'carrier-timeout',
      'The latency budget was spent reading tracking; the carrier was not asked.',
      {
        carrier: record.carrier,
      },
    );
  }
  // The point of no return: from here the client learns of this intercept, whenever it is
  // answered.
  const lateAnswer = presentIntercept(...lateAnswerOf(record));
  if (
    guard !== undefined &&
    !guard.commit({
      status: 202,
      headers: { location: `/v1/intercepts/${record.id}` },
      json: JSON.stringify(lateAnswer),
    })
  ) {
    throw new AnsweredByDeadlineError();
  }
  try {
    await storeNewSubject(app, request, record, insertIntercept, 'request');
  } catch (error) {
    if (error instanceof ActiveInterceptExistsError) {
      throw new ProblemError(
        'not-eligible',
        'The parcel cannot be intercepted now: already_intercepted.',
        {
          reasons: [
            {
              code: 'already_intercepted',
              message: 'an intercept of this parcel is already under way',
            },
          ],
          carrier: record.carrier,
        },
      );
    }
    throw error;
  }
  await sendMutation(
    app,
    request,
    carrier,
    { table: 'intercepts', id: record.id, fee: record.fee },
    deadline,
    (ctx) =>
      interceptOperation(ctx, {
        trackingNumber: record.trackingNumber,
        reason: input.reason,
        reference: record.id,
        ...(input.orderRef === undefined ? {} : { orderRef: input.orderRef }),
        ...(input.note === undefined ? {} : { note: input.note }),
        ...(input.parcel === undefined ? {} : { parcel: input.parcel }),
        ...mutationOptionsFor(input),
      }),
  );
  if (guardHasAnswered(guard)) {
    // The client has the guard's 202: reading the intercept back would answer nobody.
    return { httpStatus: 202, intercept: lateAnswer };
  }
  return answerFor(app, request.tenant.id, record.id);
}

/** One intercept of the tenant, with its history; 404 for another tenant's. */
export async function getIntercept(app: FastifyInstance, tenantId: string, id: string) {
  return (await answerFor(app, tenantId, id)).intercept;
}

async function evaluateFor(
  app: FastifyInstance,
  request: FastifyRequest,
  carrier: RegisteredCarrier,
  input: InterceptInput,
  status: Parameters<typeof evaluateIntercept>[0]['status'],
  subStatus: Parameters<typeof evaluateIntercept>[0]['subStatus'],
): Promise<PolicyEvaluation> {
  const { capabilities, id } = carrier.definition;
  const policy = effectivePolicyFor(request.tenant, capabilities);
  return evaluateIntercept({
    status,
    ...(subStatus === undefined ? {} : { subStatus }),
    ...(input.parcel === undefined ? {} : { parcel: input.parcel }),
    pickupMode: input.pickupMode,
    reason: input.reason,
    policy: policy.intercept,
    ...(capabilities.intercept === undefined ? {} : { feePolicy: capabilities.intercept.fees }),
    activeIntercept: await hasActiveIntercept(
      app.database,
      request.tenant.id,
      id,
      input.trackingNumber,
    ),
  });
}

async function answerFor(
  app: FastifyInstance,
  tenantId: string,
  id: string,
): Promise<InterceptAnswer> {
  const record = await findIntercept(app.database, tenantId, id);
  if (record === undefined) {
    throw new ProblemError('not-found', `No intercept ${id}.`);
  }
  return {
    httpStatus: record.status === 'pending' ? 202 : 201,
    intercept: presentIntercept(record, await loadSubjectHistory(app, id)),
  };
}
