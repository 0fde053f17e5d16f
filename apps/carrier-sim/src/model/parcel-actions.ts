import { unitHash } from '../random.ts';
import type { InterceptPolicy } from './intercept-policy.ts';
import {
  decideIntercept,
  decideRedirect,
  type InterceptRefusal,
  type RedirectRefusal,
} from './intercept-rules.ts';
import { recordEvent, scheduleNextStep, settleOpenRedirects } from './journey.ts';
import type { Address, InterceptRecord, Parcel, RedirectRecord } from './parcel.ts';

/** An intercept request as every carrier's wire format reduces it. */
export interface InterceptCommand {
  readonly reference: string;
  readonly reason: string;
  /** Called only when the carrier accepts, so refused attempts use up no identifiers. */
  readonly newId: () => string;
}

/** Result of {@link interceptParcel}. */
export type InterceptOutcome =
  | { readonly accepted: true; readonly intercept: InterceptRecord }
  | { readonly accepted: false; readonly refusal: InterceptRefusal };

/**
 * Runs one intercept attempt: decides it from the seed, the carrier, the tracking number
 * and the attempt number, and on acceptance records the intercept event now; the return
 * trip then follows on the clock.
 */
export function interceptParcel(
  parcel: Parcel,
  command: InterceptCommand,
  context: { readonly policy: InterceptPolicy; readonly seed: string; readonly now: number },
): InterceptOutcome {
  parcel.interceptAttempts++;
  const roll = unitHash(
    context.seed,
    'intercept',
    parcel.carrier,
    parcel.trackingNumber,
    parcel.interceptAttempts,
  );
  const decision = decideIntercept(parcel, context.policy, roll);
  parcel.version++;
  if (!decision.accepted) {
    return decision;
  }
  const intercept: InterceptRecord = {
    id: command.newId(),
    reference: command.reference,
    reason: command.reason,
    state: 'ACCEPTED',
    createdAt: context.now,
    updatedAt: context.now,
  };
  parcel.intercept = intercept;
  recordEvent(parcel, 'intercept_registered', context.now);
  scheduleNextStep(parcel, context.now);
  return { accepted: true, intercept };
}

/** A redirect request as every carrier's wire format reduces it. */
export interface RedirectCommand {
  readonly reference: string;
  readonly destination: Address;
  readonly newId: () => string;
}

/** Result of {@link redirectParcel}. */
export type RedirectOutcome =
  | { readonly accepted: true; readonly redirect: RedirectRecord }
  | { readonly accepted: false; readonly refusal: RedirectRefusal };

/**
 * Changes the destination of a parcel still inside the redirect window: records the
 * redirect event now, then the parcel travels on to the new last-mile station.
 */
export function redirectParcel(
  parcel: Parcel,
  command: RedirectCommand,
  now: number,
): RedirectOutcome {
  const refusal = decideRedirect(parcel);
  if (refusal !== null) {
    return { accepted: false, refusal };
  }
  const redirect: RedirectRecord = {
    id: command.newId(),
    reference: command.reference,
    destination: command.destination,
    previousDestination: parcel.destination,
    createdAt: now,
    state: 'ACCEPTED',
    updatedAt: now,
  };
  // The new address replaces any earlier one still pending: that redirect will never happen.
  settleOpenRedirects(parcel, 'FAILED', now);
  parcel.redirects.push(redirect);
  parcel.destination = command.destination;
  recordEvent(parcel, 'redirected', now);
  scheduleNextStep(parcel, now);
  return { accepted: true, redirect };
}
