import type { Address, InterceptReason, TrackingSnapshot } from '@parcelgate/carrier-kit';
import { actionOptionsFor } from '../../carriers/carrier-extras.ts';
import type { RegisteredCarrier } from '../../carriers/carrier-registry.ts';
import { presentRedirect } from '../../lifecycle/present-action.ts';
import { evaluateRedirect } from '../../policy/evaluate-redirect.ts';
import type { PickupMode, PolicyEvaluation } from '../../policy/policy-types.ts';
import { ProblemError } from '../../problems.ts';
import {
  ActiveRedirectExistsError,
  consumeRedirectQuota,
  findRedirect,
  findRedirectWithHistory,
  insertRedirect,
  listRedirects,
  type RedirectRecord,
  redirectsUsed,
  releaseRedirectQuota,
} from '../../store/redirects.ts';
import { effectivePolicyFor } from '../tenant-policy.ts';
import type { ActionKind, ActionScope } from './action-kind.ts';

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

/** A redirect as answered. */
export type PresentedRedirect = ReturnType<typeof presentRedirect>;

/** What a redirect holds: its place in the order's count, and whether that place is free. */
interface RedirectHold {
  readonly free: boolean;
}

/**
 * Redirects: deliver a parcel in transit to a new address. The platform pays for the
 * order's first redirects (`freePerOrder`); the count is taken atomically before the carrier
 * is asked, so two racing redirects cannot both be free, and given back when the redirect
 * does not happen.
 */
export const redirectKind: ActionKind<
  RedirectInput,
  RedirectRecord,
  PresentedRedirect,
  RedirectHold
> = {
  operation: 'redirect',
  table: 'redirects',
  idPrefix: 'rdr',
  idField: 'redirectId',
  path: '/v1/redirects',
  done: 'redirected',
  carrierOperation(definition) {
    const redirect = definition.redirect;
    return redirect === undefined
      ? undefined
      : (ctx, input, record) =>
          redirect.call(definition, ctx, {
            trackingNumber: record.trackingNumber,
            reference: record.id,
            orderRef: record.orderRef,
            newAddress: input.newAddress,
            ...(input.note === undefined ? {} : { note: input.note }),
            ...actionOptionsFor(input),
          });
  },
  cancelOperation(definition) {
    const cancel = definition.cancelRedirect;
    return cancel === undefined
      ? undefined
      : (ctx, request) => cancel.call(definition, ctx, request);
  },
  cancellable: ['pending', 'accepted'],
  quoteExtras: (input) => ({ newAddress: input.newAddress }),
  async evaluate(scope, carrier, input, snapshot) {
    const used = await redirectsUsed(scope.app.database, scope.request.tenant.id, input.orderRef);
    return judge(scope, carrier, input, snapshot)(used);
  },
  async hold(scope, carrier, input, snapshot) {
    const { database } = scope.app;
    const tenantId = scope.request.tenant.id;
    // Count this redirect now; judge again on the count it really got, which a racing
    // redirect of the same order may have changed.
    const used = await consumeRedirectQuota(database, tenantId, input.orderRef);
    const freePerOrder =
      effectivePolicyFor(scope.request.tenant, carrier.definition.capabilities).redirect
        ?.freePerOrder ?? 0;
    return {
      evaluation: judge(scope, carrier, input, snapshot)(used - 1),
      extra: { free: used <= freePerOrder },
      release: () => releaseRedirectQuota(database, tenantId, input.orderRef),
    };
  },
  record(common, input, status, extra) {
    return {
      ...common,
      ...status,
      orderRef: input.orderRef,
      pickupMode: input.pickupMode ?? null,
      newAddress: input.newAddress,
      free: extra?.free ?? false,
    };
  },
  insert: insertRedirect,
  list: listRedirects,
  find: findRedirect,
  findWithHistory: findRedirectWithHistory,
  present: presentRedirect,
  async alreadyUnderWay(_app, error, record) {
    if (!(error instanceof ActiveRedirectExistsError)) {
      return undefined;
    }
    return new ProblemError('not-eligible', 'The parcel already has a redirect in progress.', {
      reasons: [
        { code: 'already_redirecting', message: 'a redirect of this parcel is already under way' },
      ],
      carrier: record.carrier,
    });
  },
};

/** The tenant's redirect policy for this parcel, given how many redirects its order used. */
function judge(
  { request }: ActionScope,
  carrier: RegisteredCarrier,
  input: RedirectInput,
  snapshot: TrackingSnapshot,
): (redirectsUsedForOrder: number) => PolicyEvaluation {
  const { capabilities } = carrier.definition;
  const policy = effectivePolicyFor(request.tenant, capabilities).redirect;
  return (redirectsUsedForOrder) =>
    evaluateRedirect({
      status: snapshot.status,
      ...(snapshot.subStatus === undefined ? {} : { subStatus: snapshot.subStatus }),
      policy,
      // The pipeline asks only carriers with a redirect capability.
      ...(capabilities.redirect === undefined ? {} : { feePolicy: capabilities.redirect.fees }),
      ...(input.pickupMode === undefined ? {} : { pickupMode: input.pickupMode }),
      redirectsUsedForOrder,
    });
}
