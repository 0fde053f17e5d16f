import type { ParcelEvent, ParcelEventKind } from '../../model/parcel.ts';
import type { ExceptionSubStatus } from '../../model/statuses.ts';

/** How Tracking v3r2 shows one event: the USPS scan event code and its text. */
export interface UspsWireStatus {
  readonly eventCode: string;
  readonly eventType: string;
}

const wire = (eventCode: string, eventType: string): UspsWireStatus => ({ eventCode, eventType });

/**
 * Each event kind as USPS scans it (USPS event codes, with the texts USPS.com shows).
 * USPS has no intercept or redirect API, so the kinds only those make never occur here;
 * they read as the processing scans they would look like. USPS shows no scan for a label
 * that was never used: a cancelled parcel keeps its label-created scan.
 */
const TRACK_STATUS: Readonly<Record<Exclude<ParcelEventKind, 'exception'>, UspsWireStatus>> = {
  label_created: wire('GX', 'Shipping Label Created, USPS Awaiting Item'),
  picked_up: wire('OA', 'USPS in possession of item'),
  departed_facility: wire('10', 'Departed USPS Regional Facility'),
  arrived_at_hub: wire('10', 'Arrived at USPS Regional Facility'),
  arrived_at_last_mile: wire('07', 'Arrived at Post Office'),
  out_for_delivery: wire('OF', 'Out for Delivery'),
  delivery_attempted: wire('02', 'Notice Left (No Authorized Recipient Available)'),
  available_for_pickup: wire('16', 'Available for Pickup'),
  delivered: wire('01', 'Delivered, Front Door/Porch'),
  intercept_registered: wire('10', 'Processed through USPS Facility'),
  return_in_transit: wire('09', 'Return to Sender'),
  returned: wire('01', 'Delivered to Sender'),
  cancelled: wire('GX', 'Shipping Label Created, USPS Awaiting Item'),
  redirected: wire('10', 'Processed through USPS Facility'),
  intercept_cancelled: wire('10', 'Processed through USPS Facility'),
  redirect_cancelled: wire('10', 'Processed through USPS Facility'),
};

/** The alerts USPS has codes for; other sub-statuses cannot be expressed. */
const ALERT_STATUS: Readonly<Partial<Record<ExceptionSubStatus, UspsWireStatus>>> = {
  address_issue: wire('05', 'Undeliverable as Addressed'),
  refused: wire('04', 'Refused'),
  other: wire('08', 'Missent'),
};

/** Sub-statuses USPS codes can express; `address_issue` is the default. */
export const USPS_EXCEPTION_SUB_STATUSES: readonly ExceptionSubStatus[] = [
  'address_issue',
  'refused',
  'other',
];

/** How USPS shows an event. */
export function uspsStatusOf(event: ParcelEvent): UspsWireStatus {
  if (event.kind === 'exception') {
    return (
      ALERT_STATUS[event.subStatus ?? 'address_issue'] ?? wire('05', 'Undeliverable as Addressed')
    );
  }
  return TRACK_STATUS[event.kind];
}

/** The event code, shown by the control API beside each event. */
export function uspsCodeOf(event: ParcelEvent): string {
  return uspsStatusOf(event).eventCode;
}
