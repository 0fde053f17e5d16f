import type {
  InterceptResult,
  Location,
  RedirectResult,
  TrackingSnapshot,
} from '@parcelgate/carrier-kit';
import type { ActionTable } from '../store/actions.ts';
import { forwardPath, isFinalStatus } from './lifecycle.ts';

/** What the carrier said when asked about an action. */
export type CarrierView =
  /** The adapter's status query answered (`interceptStatus`), or the carrier pushed it. */
  | { readonly kind: 'status'; readonly result: InterceptResult }
  /** The carrier pushed how a redirect went (a callback). */
  | { readonly kind: 'redirect-status'; readonly result: RedirectResult }
  /** The status query found no such intercept: the request never arrived (or was refused). */
  | { readonly kind: 'not-found' }
  /** Tracking answered; the outcome is inferred from the parcel's status and destination. */
  | { readonly kind: 'tracking'; readonly snapshot: TrackingSnapshot }
  /** Nothing usable (carrier down, rate-limited, not loaded): ask again later. */
  | { readonly kind: 'no-answer'; readonly detail: string };

/** The action as the decision needs it. */
export interface ActionState {
  readonly table: ActionTable;
  readonly status: string;
  /** Where a redirect sends the parcel; absent for intercepts. */
  readonly newAddress?: Pick<Location, 'city' | 'postalCode' | 'country'> | undefined;
  /** How long ago the action last changed status. */
  readonly sinceChangeMs: number;
}

/** One transition to store, in order. */
export interface ReconcileStep {
  readonly status: string;
  readonly cause: 'reconciliation' | 'tracking' | 'callback' | 'merchant';
  readonly detail?: string | undefined;
  readonly carrierReference?: string | undefined;
  readonly carrierReason?: string | undefined;
}

/** What to store, and whether the action is final afterwards. */
export interface Decision {
  readonly steps: readonly ReconcileStep[];
  readonly final: boolean;
}

/** Tunables of the decision. */
export interface DecisionOptions {
  /**
   * How long after its last change a "no record of it" is believed: a carrier may still be
   * processing a request whose answer we gave up on, so an early empty lookup proves
   * nothing.
   */
  readonly notFoundGraceMs: number;
}

/**
 * Decides what a carrier's answer means for an action whose outcome is not final: the
 * transitions to store (one per status, never backwards) and whether it is final then.
 * Pure: the job asks the carrier, this decides, the store applies.
 *
 * - An intercept status query is the carrier's word: `accepted`/`returning`/`returned` move
 *   forward, `rejected` and `failed` end it, `pending` changes nothing; "not found" for a
 *   pending intercept ends it `failed` (nothing was placed) once the grace has passed.
 * - Tracking is inferred: for an intercept, `return_in_transit` means returning, `returned`
 *   returned, `delivered` failed (delivered anyway); for a redirect, the parcel's
 *   destination matching the new address means accepted, delivered there redirected,
 *   delivered elsewhere or turned back failed. Anything else leaves it as it is.
 */
export function decideReconciliation(
  action: ActionState,
  view: CarrierView,
  options: DecisionOptions,
): Decision {
  if (isFinalStatus(action.table, action.status)) {
    return { steps: [], final: true };
  }
  const steps =
    action.table === 'intercepts'
      ? interceptSteps(action, view, options)
      : redirectSteps(action, view);
  const last = steps.at(-1)?.status ?? action.status;
  return { steps, final: isFinalStatus(action.table, last) };
}

function interceptSteps(
  action: ActionState,
  view: CarrierView,
  options: DecisionOptions,
): ReconcileStep[] {
  switch (view.kind) {
    case 'no-answer':
      return [];
    case 'not-found':
      // After an acceptance a vanished record is the carrier's oddity, not a refusal: a
      // person looks once the deadline passes.
      if (action.status !== 'pending' || action.sinceChangeMs < options.notFoundGraceMs) {
        return [];
      }
      return [
        {
          status: 'failed',
          cause: 'reconciliation',
          detail: 'the carrier has no record of it: the request never reached the carrier',
        },
      ];
    case 'status':
      return fromCarrierStatus('intercepts', action, view.result);
    case 'tracking':
      return fromInterceptTracking(action, view.snapshot);
    case 'redirect-status':
      return [];
  }
}

/**
 * The carrier's word on an intercept or redirect (its status query or its push): forward
 * outcomes move along the lifecycle, `rejected` and `failed` end it, `pending` changes
 * nothing.
 */
function fromCarrierStatus(
  table: ActionTable,
  action: ActionState,
  result: InterceptResult | RedirectResult,
): ReconcileStep[] {
  const said = {
    cause: 'reconciliation' as const,
    carrierReference: result.carrierReference,
    carrierReason: result.carrierReason,
  };
  switch (result.outcome) {
    case 'pending':
      return [];
    case 'rejected':
    case 'failed': {
      // A refusal reported after an acceptance means the carrier could not do it.
      const status = action.status === 'pending' ? result.outcome : 'failed';
      return [{ ...said, status, detail: result.message ?? `the carrier reports it ${status}` }];
    }
    default:
      return forwardPath(table, action.status, result.outcome).map((status, index, all) => ({
        ...said,
        status,
        detail:
          index === all.length - 1
            ? (result.message ?? `the carrier reports it ${status}`)
            : `implied by the carrier reporting it ${result.outcome}`,
      }));
  }
}

function fromInterceptTracking(action: ActionState, snapshot: TrackingSnapshot): ReconcileStep[] {
  const to = (status: string, detail: string): ReconcileStep[] =>
    forwardPath('intercepts', action.status, status).map((step) => ({
      status: step,
      cause: 'tracking',
      detail: step === status ? detail : `implied by tracking: ${detail}`,
    }));
  switch (snapshot.status) {
    case 'return_in_transit':
      return to('returning', 'the parcel is on its way back to the sender');
    case 'returned':
      return to('returned', 'the parcel is back with the sender');
    case 'delivered':
      return [
        {
          status: 'failed',
          cause: 'tracking',
          detail: 'the parcel was delivered: the carrier did not stop it',
        },
      ];
    default:
      return [];
  }
}

function redirectSteps(action: ActionState, view: CarrierView): ReconcileStep[] {
  if (view.kind === 'redirect-status') {
    return fromCarrierStatus('redirects', action, view.result);
  }
  // The contract has no redirect status query: tracking (or a push) is the only witness.
  if (view.kind !== 'tracking') {
    return [];
  }
  const { snapshot } = view;
  const there =
    action.newAddress !== undefined &&
    snapshot.destination !== undefined &&
    sameDestination(snapshot.destination, action.newAddress);
  const failed = (detail: string): ReconcileStep[] => [
    { status: 'failed', cause: 'tracking', detail },
  ];
  if (snapshot.status === 'return_in_transit' || snapshot.status === 'returned') {
    return failed('the parcel turned back to the sender');
  }
  if (snapshot.status === 'delivered') {
    if (snapshot.destination === undefined) {
      return [];
    }
    return there
      ? forwardPath('redirects', action.status, 'redirected').map((status) => ({
          status,
          cause: 'tracking',
          detail:
            status === 'redirected'
              ? 'delivered at the new address'
              : 'implied by delivery at the new address',
        }))
      : failed('the parcel was delivered at its original address');
  }
  return there
    ? forwardPath('redirects', action.status, 'accepted').map((status) => ({
        status,
        cause: 'tracking',
        detail: "the carrier's tracking shows the new address",
      }))
    : [];
}

/** Same city and country, and the same postal code where both sides have one. */
function sameDestination(
  reported: Location,
  wanted: Pick<Location, 'city' | 'postalCode' | 'country'>,
): boolean {
  const same = (left: string | undefined, right: string | undefined) =>
    left?.trim().toLowerCase() === right?.trim().toLowerCase();
  if (!same(reported.city, wanted.city) || !same(reported.country, wanted.country)) {
    return false;
  }
  return (
    reported.postalCode === undefined ||
    wanted.postalCode === undefined ||
    same(reported.postalCode, wanted.postalCode)
  );
}
