import type { InterceptReason, ParcelDetails } from '@parcelgate/carrier-kit';
import { actionOptionsFor } from '../../carriers/carrier-extras.ts';
import { presentIntercept } from '../../lifecycle/present-action.ts';
import { evaluateIntercept } from '../../policy/evaluate-intercept.ts';
import type { PickupMode, PolicyEvaluation } from '../../policy/policy-types.ts';
import { ProblemError } from '../../problems.ts';
import {
  ActiveInterceptExistsError,
  findActiveIntercept,
  findIntercept,
  findInterceptWithHistory,
  type InterceptRecord,
  insertIntercept,
  listIntercepts,
} from '../../store/intercepts.ts';
import { effectivePolicyFor } from '../tenant-policy.ts';
import type { ActionKind } from './action-kind.ts';

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

/** An intercept as answered. */
export type PresentedIntercept = ReturnType<typeof presentIntercept>;

/**
 * Intercepts: stop a parcel in transit and send it back. One live intercept per parcel
 * (the store's unique index); the policy weighs status, reason, pickup, value and category.
 */
export const interceptKind: ActionKind<InterceptInput, InterceptRecord, PresentedIntercept> = {
  operation: 'intercept',
  table: 'intercepts',
  idPrefix: 'icp',
  idField: 'interceptId',
  path: '/v1/intercepts',
  done: 'intercepted',
  carrierOperation(definition) {
    const intercept = definition.intercept;
    return intercept === undefined
      ? undefined
      : (ctx, input, record) =>
          intercept.call(definition, ctx, {
            trackingNumber: record.trackingNumber,
            reason: input.reason,
            reference: record.id,
            ...(input.orderRef === undefined ? {} : { orderRef: input.orderRef }),
            ...(input.note === undefined ? {} : { note: input.note }),
            ...(input.parcel === undefined ? {} : { parcel: input.parcel }),
            ...actionOptionsFor(input),
          });
  },
  cancelOperation(definition) {
    const cancel = definition.cancelIntercept;
    return cancel === undefined
      ? undefined
      : (ctx, request) => cancel.call(definition, ctx, request);
  },
  cancellable: ['pending', 'accepted'],
  async evaluate({ app, request }, carrier, input, snapshot) {
    const { capabilities, id } = carrier.definition;
    const policy = effectivePolicyFor(request.tenant, capabilities);
    const active = await findActiveIntercept(
      app.database,
      request.tenant.id,
      id,
      input.trackingNumber,
    );
    const evaluation = evaluateIntercept({
      status: snapshot.status,
      ...(snapshot.subStatus === undefined ? {} : { subStatus: snapshot.subStatus }),
      ...(input.parcel === undefined ? {} : { parcel: input.parcel }),
      pickupMode: input.pickupMode,
      reason: input.reason,
      policy: policy.intercept,
      ...(capabilities.intercept === undefined ? {} : { feePolicy: capabilities.intercept.fees }),
      activeIntercept: active !== undefined,
    });
    return active === undefined ? evaluation : namingTheActiveOne(evaluation, active);
  },
  record(common, input, status) {
    return {
      ...common,
      ...status,
      orderRef: input.orderRef ?? null,
      pickupMode: input.pickupMode,
      parcel: input.parcel ?? null,
    };
  },
  insert: insertIntercept,
  list: listIntercepts,
  find: findIntercept,
  findWithHistory: findInterceptWithHistory,
  present: presentIntercept,
  async alreadyUnderWay(app, error, record) {
    if (!(error instanceof ActiveInterceptExistsError)) {
      return undefined;
    }
    // Another request stored one in the meantime: name it, as the policy check would.
    const active = await findActiveIntercept(
      app.database,
      record.tenantId,
      record.carrier,
      record.trackingNumber,
    );
    return new ProblemError(
      'not-eligible',
      'The parcel cannot be intercepted now: already_intercepted.',
      {
        reasons: [{ code: 'already_intercepted', message: underWay(active) }],
        carrier: record.carrier,
      },
    );
  },
};

/** Says which intercept is under way, so the merchant can read it. */
function underWay(id: string | undefined): string {
  return id === undefined
    ? 'an intercept of this parcel is already under way'
    : `intercept ${id} of this parcel is already under way (GET /v1/intercepts/${id})`;
}

/** The evaluation with its `already_intercepted` reason naming the intercept under way. */
function namingTheActiveOne(evaluation: PolicyEvaluation, id: string): PolicyEvaluation {
  return {
    ...evaluation,
    reasons: evaluation.reasons.map((reason) =>
      reason.code === 'already_intercepted' ? { ...reason, message: underWay(id) } : reason,
    ),
  };
}
