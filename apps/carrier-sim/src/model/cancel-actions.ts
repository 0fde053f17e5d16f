import { recordEvent, scheduleNextStep } from './journey.ts';
import type { InterceptRecord, Parcel, RedirectRecord } from './parcel.ts';

/**
 * Why a carrier cannot cancel an intercept or a redirect, in carrier-neutral words:
 * nothing (or nothing by that id) to cancel, already cancelled, or too late (the parcel
 * is returning or returned, out for delivery, delivered).
 */
export type CancelRefusal =
  | 'nothing_to_cancel'
  | 'already_cancelled'
  | 'returning_or_returned'
  | 'out_for_delivery'
  | 'delivered';

/** Result of a cancel: what was withdrawn, or why not. */
export type CancelOutcome<Withdrawn> =
  | { readonly cancelled: true; readonly withdrawn: Withdrawn }
  | { readonly cancelled: false; readonly refusal: CancelRefusal };

/** The intercept in force on the parcel: accepted or under way, not cancelled. */
export function activeIntercept(parcel: Parcel): InterceptRecord | null {
  return parcel.intercept !== null && parcel.intercept.state !== 'CANCELLED'
    ? parcel.intercept
    : null;
}

/**
 * Withdraws the parcel's intercept while it is only registered (`ACCEPTED`): the parcel has
 * not turned back yet, so it goes on to the recipient (an `intercept_cancelled` event, then
 * the journey resumes). Once it is returning or returned it is too late. `id`, when given,
 * must be the intercept's.
 */
export function cancelIntercept(
  parcel: Parcel,
  id: string | undefined,
  now: number,
): CancelOutcome<InterceptRecord> {
  const intercept = parcel.intercept;
  if (intercept === null || (id !== undefined && intercept.id !== id)) {
    return refuse('nothing_to_cancel');
  }
  switch (intercept.state) {
    case 'CANCELLED':
      return refuse('already_cancelled');
    case 'RETURNING':
    case 'RETURNED':
      return refuse('returning_or_returned');
    case 'FAILED':
      return refuse(parcel.status === 'delivered' ? 'delivered' : 'nothing_to_cancel');
    case 'ACCEPTED':
      break;
  }
  intercept.state = 'CANCELLED';
  intercept.updatedAt = now;
  recordEvent(parcel, 'intercept_cancelled', now);
  scheduleNextStep(parcel, now);
  return { cancelled: true, withdrawn: intercept };
}

/**
 * Withdraws a redirect still in force (`ACCEPTED`, the newest one when `id` is absent)
 * while the parcel can still be steered (not yet out for delivery): the parcel goes to the
 * address it had before (a `redirect_cancelled` event, then the journey resumes).
 */
export function cancelRedirect(
  parcel: Parcel,
  id: string | undefined,
  now: number,
): CancelOutcome<RedirectRecord> {
  const redirect =
    id === undefined
      ? parcel.redirects.findLast((candidate) => candidate.state !== 'FAILED')
      : parcel.redirects.find((candidate) => candidate.id === id);
  if (redirect === undefined) {
    return refuse('nothing_to_cancel');
  }
  switch (redirect.state) {
    case 'CANCELLED':
      return refuse('already_cancelled');
    case 'REDIRECTED':
      return refuse('delivered');
    case 'FAILED':
      return refuse(
        activeIntercept(parcel) === null ? 'nothing_to_cancel' : 'returning_or_returned',
      );
    case 'ACCEPTED':
      break;
  }
  const tooLate = lateRefusal(parcel);
  if (tooLate !== null) {
    return refuse(tooLate);
  }
  redirect.state = 'CANCELLED';
  redirect.updatedAt = now;
  parcel.destination = redirect.previousDestination;
  recordEvent(parcel, 'redirect_cancelled', now);
  scheduleNextStep(parcel, now);
  return { cancelled: true, withdrawn: redirect };
}

function lateRefusal(parcel: Parcel): CancelRefusal | null {
  switch (parcel.status) {
    case 'out_for_delivery':
    case 'delivery_attempted':
    case 'available_for_pickup':
      return 'out_for_delivery';
    case 'delivered':
      return 'delivered';
    case 'return_in_transit':
    case 'returned':
      return 'returning_or_returned';
    default:
      return null;
  }
}

function refuse(refusal: CancelRefusal): {
  readonly cancelled: false;
  readonly refusal: CancelRefusal;
} {
  return { cancelled: false, refusal };
}
