import type { Address, InterceptReason } from '@parcelgate/carrier-kit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { checkCarrierOptions } from '../carriers/check-carrier-options.ts';
import { resolveCarrierAccount } from '../connections/carrier-accounts.ts';
import {
  AnsweredByDeadlineError,
  type AnswerGuard,
  guardHasAnswered,
} from '../http/answer-guard.ts';
import { newId } from '../ids.ts';
import { evaluateRedirect } from '../policy/evaluate-redirect.ts';
import type { PickupMode, PolicyEvaluation } from '../policy/policy-types.ts';
import { ProblemError } from '../problems.ts';
import type { Budget } from '../resilience/budgets.ts';
import { deadlineIn } from '../resilience/call-carrier.ts';
import {
  ActiveRedirectExistsError,
  consumeRedirectQuota,
  findRedirect,
  insertRedirect,
  type RedirectRecord,
  redirectsUsed,
  releaseRedirectQuota,
} from '../store/redirects.ts';
import { mutationOptionsFor, trackingRequestFor } from './carrier-extras.ts';
import { lateAnswerOf } from './late-answer.ts';
import { presentRedirect } from './present.ts';
import { readTracking } from './read-tracking.ts';
import { failFastIfCircuitOpen, sendMutation } from './send-mutation.ts';
import { loadSubjectHistory, storeNewSubject } from './subject-records.ts';
import { effectivePolicyFor } from './tenant-policy.ts';

/** The body of `POST /v1/redirects`. */
export interface RedirectInput {
  readonly carrier: string;
  readonly trackingNumber: string;
  readonly orderRef: string;
  readonly reason: InterceptReason;
  readonly pickupMode?: PickupMode | undefined;
  readonly newAddress: Address;
  readonly note?: string | undefined;
  readonly phoneLastDigits?: string | undefined;
  readonly carrierOptions?: Readonly<Record<string, string>> | undefined;
}

/** A redirect as answered, with its HTTP status. */
export interface RedirectAnswer {
  readonly httpStatus: 201 | 202;
  readonly redirect: ReturnType<typeof presentRedirect>;
}

const MIN_MUTATION_BUDGET_MS = 100;
/** Statuses after which the redirect did not happen, so its quota is given back. */
const NOT_REDIRECTED = new Set(['rejected', 'failed']);

/**
 * Runs a redirect: policy first (status window; the order's free redirect, then charged
 * or refused per the tenant's policy), then the carrier within the budget. The free
 * redirect is counted atomically, so two racing redirects cannot both be free.
 */
export async function createRedirect(
  app: FastifyInstance,
  request: FastifyRequest,
  input: RedirectInput,
  budget: Budget,
  guard?: AnswerGuard,
): Promise<RedirectAnswer> {
  const carrier = await resolveCarrierAccount(app, request.tenant, input.carrier, {
    purpose: 'act',
    trackingNumber: input.trackingNumber,
  });
  const redirectOperation = carrier.definition.redirect;
  const capability = carrier.definition.capabilities.redirect;
  if (capability === undefined || redirectOperation === undefined) {
    throw new ProblemError(
      'operation-not-supported',
      `${carrier.definition.displayName} offers no redirect API.`,
      {
        carrier: carrier.definition.id,
        capability: 'redirect',
      },
    );
  }
  checkCarrierOptions(carrier.definition, 'redirect', input.carrierOptions);
  const earlier = request.idempotency?.earlierSubjectId;
  if (earlier !== undefined) {
    return answerFor(app, request.tenant.id, earlier);
  }
  const tenantId = request.tenant.id;
  failFastIfCircuitOpen(app, carrier, 'redirect');
  const deadline = deadlineIn(budget.totalMs);
  const snapshot = await readTracking(
    app,
    request,
    carrier,
    trackingRequestFor(input.trackingNumber, input),
    deadline,
  );
  const policy = effectivePolicyFor(request.tenant, carrier.definition.capabilities).redirect;
  const evaluate = (redirectsUsedForOrder: number): PolicyEvaluation =>
    evaluateRedirect({
      status: snapshot.status,
      ...(snapshot.subStatus === undefined ? {} : { subStatus: snapshot.subStatus }),
      policy,
      feePolicy: capability.fees,
      ...(input.pickupMode === undefined ? {} : { pickupMode: input.pickupMode }),
      redirectsUsedForOrder,
    });
  let evaluation = evaluate(await redirectsUsed(app.database, tenantId, input.orderRef));
  const now = new Date();
  const base = {
    id: newId('rdr'),
    tenantId,
    carrier: carrier.definition.id,
    trackingNumber: input.trackingNumber,
    reason: input.reason,
    orderRef: input.orderRef,
    pickupMode: input.pickupMode ?? null,
    newAddress: input.newAddress,
    note: input.note ?? null,
    phoneLastDigits: input.phoneLastDigits ?? null,
    carrierOptions: input.carrierOptions ?? null,
    connectionId: carrier.account.connectionId,
    parcelStatus: snapshot.status,
    carrierReference: null,
    carrierReason: null,
    createdAt: now,
    updatedAt: now,
  };
  if (guard?.answered === true) {
    throw new AnsweredByDeadlineError();
  }
  let free = false;
  if (evaluation.eligible) {
    if (deadline.remainingMs() < MIN_MUTATION_BUDGET_MS) {
      throw new ProblemError(
        'carrier-timeout',
        'The latency budget was spent reading tracking; the carrier was not asked.',
        {
          carrier: base.carrier,
        },
      );
    }
    // Count this redirect now; judge again on the count it really got, which a racing
    // redirect of the same order may have changed.
    const used = await consumeRedirectQuota(app.database, tenantId, input.orderRef);
    evaluation = evaluate(used - 1);
    free = used <= (policy?.freePerOrder ?? 0);
    if (!evaluation.eligible) {
      await releaseRedirectQuota(app.database, tenantId, input.orderRef);
    }
  }
  const record: RedirectRecord = {
    ...base,
    status: evaluation.eligible ? 'pending' : 'rejected',
    likelihood: evaluation.likelihood,
    fee: evaluation.fee,
    free,
    policyReasons: evaluation.reasons,
    warnings: evaluation.warnings,
    statusDetail: evaluation.eligible ? null : 'refused by policy before reaching the carrier',
  };
  if (!evaluation.eligible) {
    await storeNewSubject(app, request, record, insertRedirect, 'policy');
    request.logContext.outcome = 'rejected_by_policy';
    throw new ProblemError(
      'not-eligible',
      `The parcel cannot be redirected now: ${evaluation.reasons.map((reason) => reason.code).join(', ')}.`,
      { reasons: evaluation.reasons, redirectId: record.id, carrier: record.carrier },
    );
  }
  // The point of no return: from here the client learns of this redirect, whenever it is
  // answered. Refused, the order's quota counted above is given back.
  const lateAnswer = presentRedirect(...lateAnswerOf(record));
  if (
    guard !== undefined &&
    !guard.commit({
      status: 202,
      headers: { location: `/v1/redirects/${record.id}` },
      json: JSON.stringify(lateAnswer),
    })
  ) {
    await releaseRedirectQuota(app.database, tenantId, input.orderRef);
    throw new AnsweredByDeadlineError();
  }
  try {
    await storeNewSubject(app, request, record, insertRedirect, 'request');
  } catch (error) {
    await releaseRedirectQuota(app.database, tenantId, input.orderRef);
    if (error instanceof ActiveRedirectExistsError) {
      throw new ProblemError('not-eligible', 'The parcel already has a redirect in progress.', {
        reasons: [
          {
            code: 'already_redirecting',
            message: 'a redirect of this parcel is already under way',
          },
        ],
        carrier: record.carrier,
      });
    }
    throw error;
  }
  let finalStatus: string | undefined;
  try {
    finalStatus = await sendMutation(
      app,
      request,
      carrier,
      { table: 'redirects', id: record.id, fee: record.fee },
      deadline,
      (ctx) =>
        redirectOperation(ctx, {
          trackingNumber: record.trackingNumber,
          reference: record.id,
          orderRef: record.orderRef,
          newAddress: input.newAddress,
          ...(input.note === undefined ? {} : { note: input.note }),
          ...mutationOptionsFor(input),
        }),
    );
  } finally {
    // A redirect that did not happen gives the order's quota back (a problem means failed).
    if (finalStatus === undefined || NOT_REDIRECTED.has(finalStatus)) {
      await releaseRedirectQuota(app.database, tenantId, input.orderRef);
    }
  }
  if (guardHasAnswered(guard)) {
    // The client has the guard's 202: reading the redirect back would answer nobody.
    return { httpStatus: 202, redirect: lateAnswer };
  }
  return answerFor(app, tenantId, record.id);
}

/** One redirect of the tenant, with its history; 404 for another tenant's. */
export async function getRedirect(app: FastifyInstance, tenantId: string, id: string) {
  return (await answerFor(app, tenantId, id)).redirect;
}

async function answerFor(
  app: FastifyInstance,
  tenantId: string,
  id: string,
): Promise<RedirectAnswer> {
  const record = await findRedirect(app.database, tenantId, id);
  if (record === undefined) {
    throw new ProblemError('not-found', `No redirect ${id}.`);
  }
  return {
    httpStatus: record.status === 'pending' ? 202 : 201,
    redirect: presentRedirect(record, await loadSubjectHistory(app, id)),
  };
}
