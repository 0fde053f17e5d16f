import type { InterceptReason, ParcelDetails } from '@parcelgate/carrier-kit';
import { actionOptionsFor } from '../../carriers/carrier-extras.ts';
import { evaluateIntercept } from '../../policy/evaluate-intercept.ts';
import type { PickupMode } from '../../policy/policy-types.ts';
import { ProblemError } from '../../problems.ts';
import {
  ActiveInterceptExistsError,
  findIntercept,
  hasActiveIntercept,
  type InterceptRecord,
  insertIntercept,
  listIntercepts,
} from '../../store/intercepts.ts';
import { presentIntercept } from '../present.ts';
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
    return evaluateIntercept({
      status: snapshot.status,
      ...(snapshot.subStatus === undefined ? {} : { subStatus: snapshot.subStatus }),
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
  present: presentIntercept,
  alreadyUnderWay(error, record) {
    if (!(error instanceof ActiveInterceptExistsError)) {
      return undefined;
    }
    return new ProblemError(
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
  },
};
