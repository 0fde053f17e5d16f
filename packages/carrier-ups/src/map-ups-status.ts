import type { StatusMapping } from '@parcelgate/carrier-kit';

/**
 * Every UPS activity status type: the Track API's `status.type` letters (carriers.md §1.4:
 * the same list in six independent codebases; UPS's appendix page is not published as a
 * file) and `U` from Track Alert (UPSTrackAlert.yaml, activityStatus.type). Exported so
 * the conformance kit checks that each one maps to a normalized status.
 */
export const UPS_STATUS_CODES = [
  'M',
  'MV',
  'P',
  'I',
  'O',
  'D',
  'X',
  'RS',
  'DO',
  'DD',
  'W',
  'NA',
  'U',
] as const;

/** One of {@link UPS_STATUS_CODES}. */
export type UpsStatusType = (typeof UPS_STATUS_CODES)[number];

/** A normalized reading plus UPS's wording, used when an event comes without text. */
export interface UpsStatusEntry extends StatusMapping {
  readonly meaning: string;
}

/**
 * The base reading of each type, before the activity's code and text refine it (see
 * {@link mapUpsActivityStatus}). `NA` ("Not Available") becomes `label_created`: UPS
 * knows the shipment but has no scan to report. `U` ("Updated Delivery Date or Time")
 * stays `in_transit`: UPS sends it while the parcel moves, with a new date. `DO`/`W`
 * (freight at the origin station, in a warehouse) are still on their way; `DD` (freight
 * delivered to the destination station) waits at the destination facility.
 */
const UPS_STATUS_TABLE: Readonly<Record<UpsStatusType, UpsStatusEntry>> = {
  M: { status: 'label_created', meaning: 'Billing Information Received' },
  MV: { status: 'cancelled', meaning: 'Billing Information Voided' },
  P: { status: 'picked_up', meaning: 'Pickup' },
  I: { status: 'in_transit', meaning: 'In Transit' },
  O: { status: 'out_for_delivery', meaning: 'Out for Delivery' },
  D: { status: 'delivered', meaning: 'Delivered' },
  X: { status: 'exception', subStatus: 'other', meaning: 'Exception' },
  RS: { status: 'returned', meaning: 'Returned to Shipper' },
  DO: { status: 'in_transit', meaning: 'Delivered Origin CFS' },
  DD: { status: 'at_destination_facility', meaning: 'Delivered Destination CFS' },
  W: { status: 'in_transit', meaning: 'Warehousing' },
  NA: { status: 'label_created', meaning: 'Not Available' },
  U: { status: 'in_transit', meaning: 'Updated Delivery Date or Time' },
};

const UNDOCUMENTED: UpsStatusEntry = { status: 'unknown', meaning: 'Undocumented status' };

/** Whether `type` is one of the documented status types. */
export function isUpsStatusType(type: string): type is UpsStatusType {
  return Object.hasOwn(UPS_STATUS_TABLE, type);
}

/** The base reading of a status type alone; undocumented types are `unknown`, never guessed. */
export function mapUpsStatusType(type: string): UpsStatusEntry {
  return isUpsStatusType(type) ? UPS_STATUS_TABLE[type] : UNDOCUMENTED;
}

/** What an activity says about its status. */
export interface UpsActivityStatus {
  readonly type: string;
  /** The 2-character activity code, e.g. `OT`, `FS`. */
  readonly code?: string | undefined;
  /** The 3-digit status code (Track API `statusCode`, Track Alert `descriptionCode`). */
  readonly statusCode?: string | undefined;
  /** UPS's text, English because the adapter always asks for `en_US`. */
  readonly description?: string | undefined;
}

/** Out for delivery: code `OT`, 3-digit `021` (UPSTrackAlert.yaml example 1). */
const OUT_FOR_DELIVERY_CODES = new Set(['OT']);
const OUT_FOR_DELIVERY_STATUS_CODES = new Set(['021']);
/** "Preparing for Delivery" at the delivering building: code `YP`, `071` (Track Alert v1 examples). */
const AT_DESTINATION_CODES = new Set(['YP']);
const AT_DESTINATION_STATUS_CODES = new Set(['071']);
/** "Returning to Sender", activity code `H8` (UPS-API/api-documentation issue #7, [3P]). */
const RETURNING_CODES = new Set(['H8']);
const RETURNING_TEXT = /\breturn(?:ing|ed)? to (?:the )?(?:sender|shipper)\b/i;
const RETURNED_TEXT = /\breturned to (?:the )?(?:sender|shipper)\b/i;
const READY_FOR_PICKUP_TEXT = /\b(?:ready|available) for (?:customer )?pick ?up\b/i;

/**
 * Exception texts, first match wins. UPS publishes no machine-readable table of its
 * 2-character exception codes, so the sub-status comes from the English description;
 * a text none of these match stays `exception`/`other` with the raw code and text kept.
 */
const EXCEPTION_TEXTS: readonly (readonly [RegExp, StatusMapping])[] = [
  [/\bdamage/i, { status: 'exception', subStatus: 'damaged', incident: 'damaged' }],
  [/\brefus/i, { status: 'exception', subStatus: 'refused', incident: 'refused' }],
  [
    /\baddress\b/i,
    { status: 'exception', subStatus: 'address_issue', incident: 'address_not_found' },
  ],
  [
    /\b(?:lost|missing|unable to locate)\b/i,
    { status: 'exception', subStatus: 'lost', incident: 'lost' },
  ],
  [/\bcustoms\b/i, { status: 'exception', subStatus: 'held', incident: 'customs' }],
  [
    /\b(?:weather|emergency conditions)\b/i,
    { status: 'exception', subStatus: 'held', incident: 'weather' },
  ],
  [/\b(?:held|hold)\b/i, { status: 'exception', subStatus: 'held' }],
  [
    /\b(?:not available|not home|no one was available|delivery attempt)/i,
    { status: 'delivery_attempted' },
  ],
];

/**
 * Maps one activity to the normalized taxonomy: the type's base reading, refined where the
 * type alone misleads. Track Alert sends out-for-delivery scans as type `I` or `D`
 * ("D = delivery information (loaded on delivery vehicle, out for delivery, delivered)",
 * UPSTrackAlert.yaml FAQ), so `OT`/`021` wins over both; a return under way is type `I` or
 * `X` with "Returning to Sender" (or code `H8`); an exception's sub-status comes from its
 * text (see {@link EXCEPTION_TEXTS}).
 */
export function mapUpsActivityStatus(activity: UpsActivityStatus): UpsStatusEntry {
  const base = mapUpsStatusType(activity.type);
  const { code, statusCode, description = '' } = activity;
  if (activity.type === 'I' || activity.type === 'D' || activity.type === 'X') {
    if (
      (code !== undefined && OUT_FOR_DELIVERY_CODES.has(code)) ||
      (statusCode !== undefined && OUT_FOR_DELIVERY_STATUS_CODES.has(statusCode))
    ) {
      return { status: 'out_for_delivery', meaning: 'Out for Delivery' };
    }
  }
  // Track Alert has no `RS` type: a parcel back with its shipper arrives as a delivery.
  if (activity.type === 'D' && RETURNED_TEXT.test(description)) {
    return { status: 'returned', meaning: 'Returned to Shipper' };
  }
  if (activity.type === 'I' || activity.type === 'X') {
    if ((code !== undefined && RETURNING_CODES.has(code)) || RETURNING_TEXT.test(description)) {
      return { status: 'return_in_transit', meaning: 'Returning to Sender' };
    }
    if (READY_FOR_PICKUP_TEXT.test(description)) {
      return { status: 'available_for_pickup', meaning: 'Ready for pickup' };
    }
  }
  if (
    activity.type === 'I' &&
    ((code !== undefined && AT_DESTINATION_CODES.has(code)) ||
      (statusCode !== undefined && AT_DESTINATION_STATUS_CODES.has(statusCode)))
  ) {
    return { status: 'at_destination_facility', meaning: 'Preparing for Delivery' };
  }
  if (activity.type === 'X') {
    const match = EXCEPTION_TEXTS.find(([pattern]) => pattern.test(description));
    if (match !== undefined) {
      return { ...match[1], meaning: base.meaning };
    }
  }
  return base;
}
