/**
 * Normalized parcel statuses the simulator can put a parcel in. Same strings as the
 * gateway's taxonomy (docs/domain.md), minus `unknown`, which no journey ever reaches.
 */
export const SIM_STATUSES = [
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
] as const;

/** A normalized status a simulated parcel can be in. */
export type SimStatus = (typeof SIM_STATUSES)[number];

/** What kind of exception a parcel in status `exception` is in. */
export const EXCEPTION_SUB_STATUSES = [
  'damaged',
  'lost',
  'address_issue',
  'held',
  'refused',
  'other',
] as const;

/** Sub-status of a parcel in status `exception`. */
export type ExceptionSubStatus = (typeof EXCEPTION_SUB_STATUSES)[number];

const statusSet: ReadonlySet<string> = new Set(SIM_STATUSES);
const subStatusSet: ReadonlySet<string> = new Set(EXCEPTION_SUB_STATUSES);

/** Narrows an unknown value to a {@link SimStatus}. */
export function isSimStatus(value: unknown): value is SimStatus {
  return typeof value === 'string' && statusSet.has(value);
}

/** Narrows an unknown value to an {@link ExceptionSubStatus}. */
export function isExceptionSubStatus(value: unknown): value is ExceptionSubStatus {
  return typeof value === 'string' && subStatusSet.has(value);
}
