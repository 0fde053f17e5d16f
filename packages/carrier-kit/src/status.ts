/**
 * Every status a parcel can be in, whatever the carrier. Extend with care, never rename:
 * these strings are stored, returned by the API and matched by merchants' code.
 */
export const NORMALIZED_STATUSES = [
  'label_created',
  'picked_up',
  'in_transit',
  'at_destination_facility',
  'out_for_delivery',
  'delivery_attempted',
  'available_for_pickup',
  'delivered',
  'exception',
  'return_in_transit',
  'returned',
  'cancelled',
  'unknown',
] as const;

/** A parcel's normalized status (see {@link NORMALIZED_STATUSES}). */
export type NormalizedStatus = (typeof NORMALIZED_STATUSES)[number];

/** What kind of exception a parcel in status `exception` is in. */
export const EXCEPTION_SUB_STATUSES = [
  'damaged',
  'lost',
  'address_issue',
  'held',
  'refused',
  'other',
] as const;

/** The sub-status of a parcel in status `exception`. */
export type ExceptionSubStatus = (typeof EXCEPTION_SUB_STATUSES)[number];

/**
 * Why an exception event happened, finer than {@link ExceptionSubStatus}: support teams and
 * merchants act differently on customs than on weather, though both leave a parcel held.
 */
export const INCIDENT_REASONS = [
  'damaged',
  'lost',
  'address_not_found',
  'recipient_unavailable',
  'refused',
  'customs',
  'weather',
  'delayed',
  'security',
  'other',
] as const;

/** A normalized incident reason carried by exception events. */
export type IncidentReason = (typeof INCIDENT_REASONS)[number];

/** Statuses after which a parcel's journey is over: nothing later can overrule them. */
export const TERMINAL_STATUSES: readonly NormalizedStatus[] = [
  'delivered',
  'returned',
  'cancelled',
];

const normalizedStatusSet: ReadonlySet<string> = new Set(NORMALIZED_STATUSES);
const subStatusSet: ReadonlySet<string> = new Set(EXCEPTION_SUB_STATUSES);

/** Narrows an unknown value to a {@link NormalizedStatus}. */
export function isNormalizedStatus(value: unknown): value is NormalizedStatus {
  return typeof value === 'string' && normalizedStatusSet.has(value);
}

/** Narrows an unknown value to an {@link ExceptionSubStatus}. */
export function isExceptionSubStatus(value: unknown): value is ExceptionSubStatus {
  return typeof value === 'string' && subStatusSet.has(value);
}

/**
 * The normalized reading of one carrier status code, with the carrier's own code kept
 * beside it so nothing is lost in translation.
 */
export interface StatusMapping {
  readonly status: NormalizedStatus;
  /** Set only when `status` is `exception`. */
  readonly subStatus?: ExceptionSubStatus;
  /** Set on exception mappings when the carrier code says why. */
  readonly incident?: IncidentReason;
}
