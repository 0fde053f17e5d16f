import type { InterceptReason, NormalizedStatus, TrackingSnapshot } from '@parcelgate/carrier-kit';
import { trackingRequestFor } from '../../carriers/carrier-extras.ts';
import type { RegisteredCarrier } from '../../carriers/carrier-registry.ts';
import { resolveCarrierAccount } from '../../connections/carrier-accounts.ts';
import { DEFAULT_POLICY } from '../../policy/defaults.ts';
import {
  type DeadlineReason,
  operationCalledFor,
  type ParcelProgress,
  progressOf,
} from '../../policy/judge-order-deadline.ts';
import {
  matchRule,
  type OrderEventType,
  type OrderRule,
  type StatusWindow,
} from '../../policy/order-rules.ts';
import { NEVER_IN_WINDOW, placeInWindow } from '../../policy/status-window.ts';
import { ProblemError } from '../../problems.ts';
import {
  claimIdempotencyKey,
  completeIdempotencyKey,
  detachIdempotencyAction,
  type IdempotencyScope,
  releaseIdempotencyKey,
} from '../../store/idempotency.ts';
import {
  type DeliveryEvidence,
  insertRuleAction,
  type OrderAddress,
  type OrderParcel,
  type ParcelDecision,
} from '../../store/order-events.ts';
import { redirectsUsed } from '../../store/redirects.ts';
import type { ActionScope } from '../actions/action-kind.ts';
import { interceptKind } from '../actions/intercept-kind.ts';
import { redirectKind } from '../actions/redirect-kind.ts';
import { runAction } from '../actions/run-action.ts';
import { readTracking } from '../read-tracking.ts';
import { effectivePolicyFor } from '../tenant-policy.ts';

/** The order event a parcel is decided for. */
export interface DecidedEvent {
  readonly id: string;
  readonly type: OrderEventType;
  readonly orderRef: string;
  readonly orderTags: readonly string[];
  readonly newAddress: OrderAddress | undefined;
  readonly note: string | undefined;
}

/** What was decided for one parcel: as stored, as the deadline sees it, and its evidence. */
export interface ParcelOutcome {
  readonly decision: ParcelDecision;
  readonly progress: ParcelProgress;
  readonly evidence: DeliveryEvidence | undefined;
}

/** The intercept reason an automatic action records (docs/domain.md's reasons). */
const REASON_OF: Record<OrderEventType, InterceptReason> = {
  refund_requested: 'buyer_cancelled',
  cancellation_requested: 'buyer_cancelled',
  address_change_requested: 'address_error',
  return_requested: 'other',
  damage_reported: 'logistics_exception',
};

/** How long a parcel's claim is held before a retry of its event may take it over. */
const CLAIM_LEASE_MS = 60_000;

/** Problems that say the carrier could not be asked or did not answer. */
const CARRIER_DOWN = new Set([
  'circuit-open',
  'carrier-unavailable',
  'carrier-timeout',
  'carrier-busy',
  'carrier-rate-limited',
  'carrier-error',
  'carrier-authentication-failed',
]);

/** Policy reasons that say the parcel is too early or too late for the operation. */
const OUT_OF_WINDOW = new Set([
  'not_picked_up',
  'out_for_delivery',
  'delivered',
  'returning_or_returned',
  'cancelled',
  'status_unknown',
]);

/**
 * Decides one parcel of an order event: reads its tracking, finds the first rule that
 * matches it, and runs the rule's action through the one action pipeline (`runAction`,
 * with `cause: rule`), once per (event, parcel): the pair's claim in the Idempotency-Key
 * store ties the action to it, so a repeat or a takeover after a crash answers from it
 * instead of acting again. Never throws a problem: what stopped it is the decision's reason.
 */
export async function decideParcel(
  scope: ActionScope,
  event: DecidedEvent,
  parcel: OrderParcel,
  rules: readonly OrderRule[],
): Promise<ParcelOutcome> {
  const { app, request } = scope;
  const names = { carrier: parcel.carrier, trackingNumber: parcel.trackingNumber };
  let carrier: RegisteredCarrier | undefined;
  let snapshot: TrackingSnapshot | undefined;
  let unread: ProblemError | undefined;
  try {
    carrier = await resolveCarrierAccount(app, request.tenant, parcel.carrier, {
      purpose: 'read',
      trackingNumber: parcel.trackingNumber,
    });
    snapshot = await readTracking(
      app,
      request,
      carrier,
      trackingRequestFor(parcel.trackingNumber, parcel),
      request.deadline,
    );
  } catch (error) {
    if (!(error instanceof ProblemError)) {
      throw error;
    }
    unread = error;
  }
  const status = snapshot?.status;
  const inWindow = windowsOf(scope, carrier, status);
  const rule = matchRule(rules, {
    eventType: event.type,
    carrier: parcel.carrier,
    status,
    inWindow,
    declaredValue: parcel.declaredValue,
    category: parcel.category,
    pickupMode: parcel.pickupMode,
    orderTags: event.orderTags,
  });
  const evidence = event.type === 'damage_reported' ? evidenceOf(parcel, snapshot) : undefined;
  const base = {
    ...names,
    parcelStatus: status ?? null,
    ruleId: rule?.id ?? null,
    action: rule?.do ?? null,
    actionId: null,
    actionStatus: null,
  };
  const called = operationCalledFor(event.type);
  const unavailable = (problem: ProblemError): DeadlineReason => ({
    code: 'carrier_unavailable',
    message: `${problem.problemType}: ${problem.detail}`,
    ...names,
  });
  if (rule === undefined || rule.do === 'notify') {
    let blocked: DeadlineReason | undefined;
    if (called !== undefined && rule === undefined) {
      blocked =
        unread !== undefined
          ? unavailable(unread)
          : !inWindow[called]
            ? {
                code: 'out_of_window',
                message: `a parcel ${status ?? 'unknown'} is outside the ${called} window`,
                ...names,
              }
            : undefined;
    }
    const reasons = blocked === undefined ? [] : [{ code: blocked.code, message: blocked.message }];
    return {
      decision: { ...base, outcome: rule === undefined ? 'no_rule' : 'notified', reasons },
      progress: { ...names, needsAction: called !== undefined && rule === undefined, blocked },
      evidence,
    };
  }
  const notStarted = (
    reason: DeadlineReason,
    more: readonly { code: string; message: string }[] = [],
  ) => ({
    decision: {
      ...base,
      outcome: 'not_started' as const,
      reasons: more.length > 0 ? more : [{ code: reason.code, message: reason.message }],
    },
    progress: { ...names, needsAction: true, blocked: reason },
    evidence,
  });
  if (unread !== undefined || carrier === undefined) {
    return notStarted(
      unread === undefined
        ? { code: 'carrier_unavailable', message: 'the carrier could not be read', ...names }
        : unavailable(unread),
    );
  }
  if (rule.do === 'redirect') {
    const refusal = await redirectRefusal(scope, carrier, event);
    if (refusal !== undefined) {
      return notStarted({ ...refusal, ...names });
    }
  }
  const claimScope: IdempotencyScope = {
    tenantId: request.tenant.id,
    key: `order-event:${event.id}:${parcel.carrier}:${parcel.trackingNumber}`,
  };
  const claimed = await claimIdempotencyKey(app.database, {
    ...claimScope,
    requestHash: `order-event:${event.id}`,
    method: 'POST',
    path: '/v1/order-events',
    leaseMs: CLAIM_LEASE_MS,
    ttlHours: app.config.client.idempotencyTtlHours,
  });
  if (claimed.kind === 'replay') {
    // Decided before (a repeat after a crash mid-event): the stored decision stands.
    const decision = claimed.response.body as ParcelDecision;
    return { decision, progress: progressOf(decision, called !== undefined), evidence };
  }
  if (claimed.kind !== 'process') {
    return {
      decision: { ...base, outcome: 'in_progress', reasons: [] },
      progress: { ...names, needsAction: false },
      evidence,
    };
  }
  const claim: NonNullable<ActionScope['request']['idempotency']> = {
    scope: claimScope,
    earlierActionId: claimed.actionId,
    detachAction: () => detachIdempotencyAction(app.database, claimScope),
  };
  const actionScope: ActionScope = {
    app,
    request: {
      id: request.id,
      log: request.log,
      tenant: request.tenant,
      signal: request.signal,
      logContext: request.logContext,
      method: request.method,
      deadline: request.deadline,
      idempotency: claim,
    },
    origin: {
      cause: 'rule',
      detail: `rule ${rule.id} for order event ${event.id} (${event.type})`,
    },
  };
  let outcome: ParcelOutcome;
  try {
    const common = {
      carrier: parcel.carrier,
      trackingNumber: parcel.trackingNumber,
      reason: REASON_OF[event.type],
      orderRef: event.orderRef,
      pickupMode: parcel.pickupMode,
      ...(event.note === undefined ? {} : { note: event.note }),
      ...(parcel.phoneLastDigits === undefined ? {} : { phoneLastDigits: parcel.phoneLastDigits }),
      ...(parcel.carrierOptions === undefined ? {} : { carrierOptions: parcel.carrierOptions }),
    };
    const answer =
      rule.do === 'intercept'
        ? await runAction(interceptKind, actionScope, {
            ...common,
            ...(parcel.declaredValue === undefined && parcel.category === undefined
              ? {}
              : {
                  parcel: {
                    ...(parcel.declaredValue === undefined
                      ? {}
                      : { declaredValue: parcel.declaredValue }),
                    ...(parcel.category === undefined ? {} : { category: parcel.category }),
                  },
                }),
          })
        : await runAction(redirectKind, actionScope, {
            ...common,
            newAddress: requiredAddress(event.newAddress),
          });
    const { id, status: actionStatus } = answer.action;
    await insertRuleAction(app.database, {
      orderEventId: event.id,
      parcelKey: `${parcel.carrier}:${parcel.trackingNumber}`,
      tenantId: request.tenant.id,
      ruleId: rule.id,
      actionTable: rule.do === 'intercept' ? 'intercepts' : 'redirects',
      actionId: id,
    });
    const decision: ParcelDecision = {
      ...base,
      outcome: 'started',
      actionId: id,
      actionStatus,
      reasons: [],
    };
    outcome = { decision, progress: progressOf(decision, called !== undefined), evidence };
  } catch (error) {
    if (!(error instanceof ProblemError)) {
      await releaseIdempotencyKey(app.database, claimScope);
      throw error;
    }
    outcome = refusedBy(error, names, notStarted, unavailable);
    if (CARRIER_DOWN.has(error.problemType)) {
      // Nothing was decided for good: a retry of the event may try the carrier again.
      await releaseIdempotencyKey(app.database, claimScope);
      return outcome;
    }
  }
  await completeIdempotencyKey(app.database, claimScope, {
    status: 201,
    headers: {},
    body: outcome.decision,
  });
  return outcome;
}

/** The decision for a problem the pipeline answered instead of an action. */
function refusedBy(
  problem: ProblemError,
  names: { readonly carrier: string; readonly trackingNumber: string },
  notStarted: (
    reason: DeadlineReason,
    more?: readonly { code: string; message: string }[],
  ) => ParcelOutcome,
  unavailable: (problem: ProblemError) => DeadlineReason,
): ParcelOutcome {
  if (CARRIER_DOWN.has(problem.problemType)) {
    return notStarted(unavailable(problem));
  }
  const reasons = policyReasonsOf(problem);
  const outOfWindow = reasons.some((reason) => OUT_OF_WINDOW.has(reason.code));
  return notStarted(
    {
      code: outOfWindow ? 'out_of_window' : 'not_eligible',
      message: problem.detail,
      ...names,
    },
    reasons.length > 0 ? reasons : [{ code: problem.problemType, message: problem.detail }],
  );
}

function policyReasonsOf(problem: ProblemError): { code: string; message: string }[] {
  const reasons = problem.extensions.reasons;
  if (!Array.isArray(reasons)) {
    return [];
  }
  return reasons.flatMap((reason: unknown) =>
    typeof reason === 'object' &&
    reason !== null &&
    'code' in reason &&
    typeof reason.code === 'string' &&
    'message' in reason &&
    typeof reason.message === 'string'
      ? [{ code: reason.code, message: reason.message }]
      : [],
  );
}

/** Whether the parcel's status lies in the tenant's effective window of each operation. */
function windowsOf(
  scope: ActionScope,
  carrier: RegisteredCarrier | undefined,
  status: NormalizedStatus | undefined,
): Record<StatusWindow, boolean> {
  if (carrier === undefined || status === undefined || NEVER_IN_WINDOW.has(status)) {
    return { intercept: false, redirect: false };
  }
  const policy = effectivePolicyFor(scope.request.tenant, carrier.definition.capabilities);
  return {
    intercept:
      policy.intercept !== undefined &&
      placeInWindow(status, policy.intercept.window) !== 'outside',
    redirect:
      policy.redirect !== undefined && placeInWindow(status, policy.redirect.window) !== 'outside',
  };
}

/**
 * Why a rule's redirect is not started: the event names no new address, or the order's
 * free redirect is used (a rule only spends the free one; a charged redirect is the
 * merchant's own call).
 */
async function redirectRefusal(
  scope: ActionScope,
  carrier: RegisteredCarrier,
  event: DecidedEvent,
): Promise<Pick<DeadlineReason, 'code' | 'message'> | undefined> {
  if (event.newAddress === undefined) {
    return { code: 'not_eligible', message: 'the order event names no new address' };
  }
  const policy = effectivePolicyFor(scope.request.tenant, carrier.definition.capabilities);
  const free = policy.redirect?.freePerOrder ?? DEFAULT_POLICY.redirect.freePerOrder;
  const used = await redirectsUsed(scope.app.database, scope.request.tenant.id, event.orderRef);
  return used >= free
    ? {
        code: 'free_redirect_used',
        message: `order ${event.orderRef} has used its ${free} free redirect(s); a rule never spends a charged one`,
      }
    : undefined;
}

function requiredAddress(address: OrderAddress | undefined): OrderAddress {
  if (address === undefined) {
    throw new ProblemError('validation-failed', 'An address change names its new address.', {
      errors: [{ pointer: '/body/newAddress', detail: 'is required' }],
    });
  }
  return address;
}

/**
 * A damage report's evidence: the carrier's proof of delivery when its tracking gives one,
 * else its delivery scans (said so by `source`), else nothing (tracking could not be read).
 */
export function evidenceOf(
  parcel: OrderParcel,
  snapshot: TrackingSnapshot | undefined,
): DeliveryEvidence {
  const names = { carrier: parcel.carrier, trackingNumber: parcel.trackingNumber };
  if (snapshot === undefined) {
    return { ...names, source: 'unavailable', proofOfDelivery: null, events: [] };
  }
  const events = snapshot.events
    .filter((event) => DELIVERY_STATUSES.has(event.status))
    .map((event) => ({
      occurredAt: event.occurredAt,
      status: event.status,
      description: event.description,
    }));
  const pod = snapshot.proofOfDelivery;
  return pod === undefined
    ? { ...names, source: 'tracking_events', proofOfDelivery: null, events }
    : {
        ...names,
        source: 'proof_of_delivery',
        proofOfDelivery: {
          ...(pod.deliveredAt === undefined ? {} : { deliveredAt: pod.deliveredAt }),
          ...(pod.signedBy === undefined ? {} : { signedBy: pod.signedBy }),
          ...(pod.photoUrl === undefined ? {} : { photoUrl: pod.photoUrl }),
        },
        events,
      };
}

/** The scans that show how the parcel was delivered. */
const DELIVERY_STATUSES = new Set<NormalizedStatus>([
  'out_for_delivery',
  'delivery_attempted',
  'available_for_pickup',
  'delivered',
]);
