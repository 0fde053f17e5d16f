import type { ExceptionSubStatus, NormalizedStatus } from '@parcelgate/carrier-kit';
import { POLICY_WARNING_CODES, type PolicyReason, type PolicyReasonCode } from './codes.ts';
import type { Findings, GradedCode } from './findings.ts';
import type { PolicyWindow, RuleSeverity } from './policy-types.ts';

/** The two mutating operations whose eligibility depends on the parcel's status. */
export type PolicyOperation = 'intercept' | 'redirect';

/** Where a status falls in a window. */
export type WindowPlacement = 'high' | 'low' | 'outside';

/**
 * Statuses no window may hold, whatever a tenant or carrier says: these are facts of the
 * domain, not policy. Before pickup there is nothing to stop; after delivery it is a return;
 * a returning, cancelled or unknown parcel cannot be judged eligible. (Out-for-delivery
 * statuses are left to the window: some carriers, e.g. UPS, act on the delivery day.)
 */
export const NEVER_IN_WINDOW: ReadonlySet<NormalizedStatus> = new Set<NormalizedStatus>([
  'label_created',
  'delivered',
  'return_in_transit',
  'returned',
  'cancelled',
  'unknown',
]);

/** Where `status` falls in `window`; a status listed as both is low (the cautious reading). */
export function placeInWindow(status: NormalizedStatus, window: PolicyWindow): WindowPlacement {
  if (window.lowLikelihood.includes(status)) {
    return 'low';
  }
  return window.highLikelihood.includes(status) ? 'high' : 'outside';
}

type StatusCode = Extract<
  PolicyReasonCode,
  | 'not_picked_up'
  | 'out_for_delivery'
  | 'delivered'
  | 'returning_or_returned'
  | 'cancelled'
  | 'status_unknown'
>;

/** The domain's name for why each status outside the window is too early or too late. */
const STATUS_CODES: Partial<Record<NormalizedStatus, StatusCode>> = {
  label_created: 'not_picked_up',
  out_for_delivery: 'out_for_delivery',
  delivery_attempted: 'out_for_delivery',
  available_for_pickup: 'out_for_delivery',
  delivered: 'delivered',
  return_in_transit: 'returning_or_returned',
  returned: 'returning_or_returned',
  cancelled: 'cancelled',
  unknown: 'status_unknown',
};

const PARTICIPLE: Record<PolicyOperation, string> = {
  intercept: 'intercepted',
  redirect: 'redirected',
};

const MESSAGES: Record<StatusCode, (operation: PolicyOperation, status: string) => string> = {
  not_picked_up: (operation) =>
    `the carrier has not picked the parcel up yet, so it cannot be ${PARTICIPLE[operation]}: cancel or correct the shipment instead`,
  out_for_delivery: (operation, status) =>
    `the parcel has been handed to the delivery courier (${status}): too late for it to be ${PARTICIPLE[operation]}`,
  delivered: (operation) =>
    `the parcel was delivered and can no longer be ${PARTICIPLE[operation]}: file a return instead`,
  returning_or_returned: (_operation, status) =>
    `the parcel is already going back to the sender (${status})`,
  cancelled: () => 'the shipment was cancelled: there is no parcel in transit',
  status_unknown: () =>
    'the parcel status is unknown, so eligibility cannot be judged until the carrier reports tracking',
};

/** The status part of an eligibility answer: where the status falls, and why it blocks. */
export interface StatusJudgement {
  readonly placement: WindowPlacement;
  readonly reason: PolicyReason<PolicyReasonCode> | undefined;
}

/**
 * Judges a status against an effective window. Outside it, the reason is the domain's code
 * for the status, or `outside_<operation>_window` for a status that would be fine but was
 * left out (a narrowed tenant window, a carrier that refuses it). Without a window (the
 * carrier lacks the operation) only statuses with a domain code give a reason; the caller
 * reports `operation_not_supported`.
 */
export function judgeStatus(
  operation: PolicyOperation,
  status: NormalizedStatus,
  window: PolicyWindow | undefined,
): StatusJudgement {
  const placement =
    window === undefined || NEVER_IN_WINDOW.has(status) ? 'outside' : placeInWindow(status, window);
  if (placement !== 'outside') {
    return { placement, reason: undefined };
  }
  const code = STATUS_CODES[status];
  if (code !== undefined) {
    return { placement, reason: { code, message: MESSAGES[code](operation, status) } };
  }
  if (window === undefined) {
    return { placement, reason: undefined };
  }
  const outside =
    operation === 'intercept' ? 'outside_intercept_window' : 'outside_redirect_window';
  return {
    placement,
    reason: {
      code: outside,
      message: `the parcel status ${status} is outside the ${operation} window of this carrier and tenant policy`,
    },
  };
}

/** The warning for a status in the low-likelihood part of the window. */
export function lowSuccessWarning(
  operation: PolicyOperation,
  status: NormalizedStatus,
  subStatus: ExceptionSubStatus | undefined,
): PolicyReason<'last_mile_low_success'> {
  const where =
    status === 'at_destination_facility'
      ? 'at the last-mile station (at_destination_facility)'
      : status === 'exception' && subStatus !== undefined
        ? `in exception (${subStatus})`
        : `in status ${status}`;
  return {
    code: 'last_mile_low_success',
    message: `the parcel is ${where}: the carrier accepts the request but often fails to have it ${PARTICIPLE[operation]} there`,
  };
}

/** The parts of a policy the status rules read. */
export interface StatusRules {
  /** The tenant's window bounded by the carrier's. */
  readonly window: PolicyWindow;
  /** The carrier's own window: a status outside it is refused whatever the tenant says. */
  readonly carrierWindow: PolicyWindow;
  readonly severity: { readonly statusWindow: RuleSeverity; readonly lastMile: RuleSeverity };
}

/**
 * The status rules: outside the carrier's window (or never in one) refuses; outside only
 * the tenant's window follows the `statusWindow` severity; in the low-likelihood part, the
 * `lastMile` severity. Without rules (the carrier lacks the operation) only statuses with a
 * domain code give a reason; the caller reports `operation_not_supported`.
 */
export function applyStatusRules(
  findings: Findings,
  operation: PolicyOperation,
  parcel: {
    readonly status: NormalizedStatus;
    readonly subStatus?: ExceptionSubStatus | undefined;
  },
  rules: StatusRules | undefined,
): void {
  const judgement = judgeStatus(operation, parcel.status, rules?.window);
  const { reason } = judgement;
  if (judgement.placement === 'low' && rules !== undefined) {
    findings.apply(
      rules.severity.lastMile,
      lowSuccessWarning(operation, parcel.status, parcel.subStatus),
    );
  }
  if (reason === undefined) {
    return;
  }
  const carrierAccepts =
    rules !== undefined &&
    !NEVER_IN_WINDOW.has(parcel.status) &&
    placeInWindow(parcel.status, rules.carrierWindow) !== 'outside';
  if (carrierAccepts && isGraded(reason)) {
    findings.apply(rules.severity.statusWindow, reason);
  } else {
    findings.refuse(reason);
  }
}

function isGraded(reason: PolicyReason<PolicyReasonCode>): reason is PolicyReason<GradedCode> {
  return (POLICY_WARNING_CODES as readonly string[]).includes(reason.code);
}
