import type { ExceptionSubStatus, SimStatus } from './statuses.ts';

/**
 * What happened to a parcel, in carrier-neutral words. Finer than {@link SimStatus}
 * because carriers tell a departure from an arrival, an intercept from a redirect,
 * although all of them are `in_transit`. Each carrier module maps kinds to wire codes.
 */
export const PARCEL_EVENT_KINDS = [
  'label_created',
  'picked_up',
  'departed_facility',
  'arrived_at_hub',
  'arrived_at_last_mile',
  'out_for_delivery',
  'delivery_attempted',
  'available_for_pickup',
  'delivered',
  'exception',
  'intercept_registered',
  'return_in_transit',
  'returned',
  'cancelled',
  'redirected',
  'intercept_cancelled',
  'redirect_cancelled',
] as const;

/** One of {@link PARCEL_EVENT_KINDS}. */
export type ParcelEventKind = (typeof PARCEL_EVENT_KINDS)[number];

/** A city-level place, as carriers report scan locations. */
export interface Place {
  readonly city: string;
  readonly region: string;
  readonly postalCode: string;
  readonly country: string;
}

/** A delivery address; street and contact fields are only known after a redirect. */
export interface Address extends Place {
  readonly name: string | null;
  readonly phone: string | null;
  readonly line1: string | null;
  readonly line2: string | null;
}

/** Money as the domain writes it: a decimal string and an ISO 4217 currency. */
export interface Money {
  readonly amount: string;
  readonly currency: string;
}

/** One entry of a parcel's history. */
export interface ParcelEvent {
  readonly kind: ParcelEventKind;
  /** Simulated epoch milliseconds. */
  readonly at: number;
  readonly location: Place;
  /** Set only on `exception` events. */
  readonly subStatus: ExceptionSubStatus | null;
}

/**
 * Lifecycle of an accepted intercept, as carriers report it: `CANCELLED` once the sender
 * withdrew it before the parcel turned back.
 */
export type InterceptState = 'ACCEPTED' | 'RETURNING' | 'RETURNED' | 'FAILED' | 'CANCELLED';

/** An intercept the carrier accepted. Refused attempts leave no record, only a count. */
export interface InterceptRecord {
  readonly id: string;
  readonly reference: string;
  readonly reason: string;
  state: InterceptState;
  readonly createdAt: number;
  updatedAt: number;
}

/**
 * Lifecycle of an accepted redirect: `REDIRECTED` once the parcel is delivered at its
 * address, `FAILED` when it never will be (a later redirect replaced it, or the parcel
 * turned back to the sender), `CANCELLED` when the sender withdrew it.
 */
export type RedirectState = 'ACCEPTED' | 'REDIRECTED' | 'FAILED' | 'CANCELLED';

/** A redirect the carrier accepted. */
export interface RedirectRecord {
  readonly id: string;
  readonly reference: string;
  readonly destination: Address;
  /** Where the parcel was going before: a cancel sends it there again. */
  readonly previousDestination: Address;
  readonly createdAt: number;
  state: RedirectState;
  updatedAt: number;
}

/**
 * Carrier operations the simulator counts per parcel (see README, "What `calls` counts").
 * The cancels and the fee quote appear once counted, so views of parcels nobody cancelled
 * or quoted stay as they were.
 */
export interface CallCounts {
  track: number;
  intercept: number;
  redirect: number;
  cancelIntercept?: number;
  cancelRedirect?: number;
  quoteFee?: number;
}

const COUNTED_OPERATIONS: ReadonlySet<string> = new Set([
  'track',
  'intercept',
  'redirect',
  'cancelIntercept',
  'cancelRedirect',
  'quoteFee',
]);

/** Whether an operation name is one of the counted {@link CallCounts} operations. */
export function isCountedOperation(operation: string): operation is keyof CallCounts {
  return COUNTED_OPERATIONS.has(operation);
}

/** Counts one call of `operation`. */
export function countOperation(counts: CallCounts, operation: keyof CallCounts): void {
  counts[operation] = (counts[operation] ?? 0) + 1;
}

/** A simulated parcel: carrier-neutral state that every carrier module renders in its wire format. */
export interface Parcel {
  readonly carrier: string;
  readonly trackingNumber: string;
  /**
   * The carrier account that shipped the parcel, in the carrier's own terms (see
   * model/accounts.ts); null for a parcel every account may act on.
   */
  readonly account: string | null;
  status: SimStatus;
  subStatus: ExceptionSubStatus | null;
  readonly category: string | null;
  readonly declaredValue: Money | null;
  readonly origin: Place;
  readonly hub: Place;
  destination: Address;
  /** Oldest first; carriers that answer newest first reverse it when rendering. */
  readonly events: ParcelEvent[];
  /** When the journey takes its next step, or null when it has stopped. */
  nextStepAt: number | null;
  intercept: InterceptRecord | null;
  /** Intercept requests decided so far; part of the seed of the next decision. */
  interceptAttempts: number;
  readonly redirects: RedirectRecord[];
  readonly calls: CallCounts;
  /**
   * Calls the carrier authenticated that named this parcel, by account, refused ones
   * included (see model/accounts.ts). Unlike {@link Parcel.calls}, requests a fault
   * answered before the carrier's logic ran are not here: their account is never known.
   */
  readonly callsByAccount: Map<string, CallCounts>;
  /** Bumped on every change, so renderers can cache a wire body per version. */
  version: number;
}
