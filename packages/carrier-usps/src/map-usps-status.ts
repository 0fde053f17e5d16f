import type { StatusMapping } from '@parcelgate/carrier-kit';

/** A normalized reading plus USPS's wording, used when an event comes without text. */
export interface UspsStatusEntry extends StatusMapping {
  readonly meaning: string;
}

const entry = (mapping: StatusMapping, meaning: string): UspsStatusEntry => ({
  ...mapping,
  meaning,
});

/**
 * USPS scan event codes (`trackingEvents[].eventCode`) and their reading. Sources, by
 * confidence: `GX`, `MA`, `OA`, `UA`, `TM`, `AD` from the shipping-platform table of USPS
 * event codes carriers.md §3.2 records; the rest from USPS's classic Track/Confirm event
 * code list (`01` Delivered, `02` Notice Left, `OF` Out for Delivery, ...), which USPS
 * kept for its APIs v3 but which no stored official file lists. An undocumented code
 * reads `unknown`, never a guess. See the README's table.
 */
const USPS_STATUS_TABLE = {
  // Before USPS has the parcel.
  GX: entry({ status: 'label_created' }, 'Shipping Label Created, USPS Awaiting Item'),
  MA: entry({ status: 'label_created' }, 'Pre-Shipment Info Sent to USPS, USPS Awaiting Item'),
  // USPS takes it.
  TM: entry({ status: 'picked_up' }, 'Shipment Received, Package Acceptance Pending'),
  OA: entry({ status: 'picked_up' }, 'USPS in possession of item'),
  UA: entry({ status: 'picked_up' }, 'Accepted at USPS Facility'),
  AD: entry({ status: 'picked_up' }, 'Accepted at USPS Destination Facility'),
  '03': entry({ status: 'picked_up' }, 'Picked Up'),
  // On its way.
  '10': entry({ status: 'in_transit' }, 'Processed through USPS Facility'),
  '08': entry(
    { status: 'exception', subStatus: 'other', incident: 'delayed' },
    'Missent: the item was sent to the wrong facility',
  ),
  '07': entry({ status: 'at_destination_facility' }, 'Arrived at Post Office'),
  OF: entry({ status: 'out_for_delivery' }, 'Out for Delivery'),
  // Delivery attempts and alerts.
  '02': entry({ status: 'delivery_attempted' }, 'Notice Left (No Authorized Recipient Available)'),
  '52': entry({ status: 'delivery_attempted' }, 'Notice Left (Receptacle Full / Item Oversized)'),
  '53': entry({ status: 'delivery_attempted' }, 'Delivery Attempted: Receptacle Blocked'),
  '55': entry({ status: 'delivery_attempted' }, 'Delivery Attempted: No Secure Location Available'),
  '56': entry({ status: 'delivery_attempted' }, 'Delivery Attempted: Animal Interference'),
  '57': entry(
    { status: 'delivery_attempted' },
    'Delivery Attempted: No Access to Delivery Location',
  ),
  '14': entry({ status: 'available_for_pickup' }, 'Arrived at Pickup Point'),
  '16': entry({ status: 'available_for_pickup' }, 'Available for Pickup'),
  // Delivered, or collected by the recipient.
  '01': entry({ status: 'delivered' }, 'Delivered'),
  '43': entry({ status: 'delivered' }, 'Picked Up at Postal Facility'),
  // Alerts that stop delivery.
  '04': entry({ status: 'exception', subStatus: 'refused', incident: 'refused' }, 'Refused'),
  '05': entry(
    { status: 'exception', subStatus: 'address_issue', incident: 'address_not_found' },
    'Undeliverable as Addressed',
  ),
  '21': entry(
    { status: 'exception', subStatus: 'address_issue', incident: 'address_not_found' },
    'No Such Number',
  ),
  '22': entry(
    { status: 'exception', subStatus: 'address_issue', incident: 'address_not_found' },
    'Insufficient Address',
  ),
  '23': entry(
    { status: 'exception', subStatus: 'address_issue', incident: 'address_not_found' },
    'Moved, Left No Address',
  ),
  '25': entry(
    { status: 'exception', subStatus: 'address_issue', incident: 'address_not_found' },
    'Addressee Unknown',
  ),
  // Back to the sender.
  '09': entry({ status: 'return_in_transit' }, 'Return to Sender'),
  '29': entry({ status: 'return_in_transit' }, 'Return to Sender: Not Picked Up'),
  '44': entry({ status: 'return_in_transit' }, 'Customer Recall: Package Intercept'),
} as const satisfies Readonly<Record<string, UspsStatusEntry>>;

/** One of {@link USPS_STATUS_CODES}. */
export type UspsEventCode = keyof typeof USPS_STATUS_TABLE;

/**
 * Every USPS event code the adapter maps (see {@link USPS_STATUS_TABLE}). Exported so the
 * conformance kit checks that each one maps to a normalized status.
 */
export const USPS_STATUS_CODES = Object.keys(USPS_STATUS_TABLE) as readonly UspsEventCode[];

const UNDOCUMENTED: UspsStatusEntry = { status: 'unknown', meaning: 'Undocumented event' };

/** Whether `code` is one of {@link USPS_STATUS_CODES}. */
export function isUspsEventCode(code: string): code is UspsEventCode {
  return Object.hasOwn(USPS_STATUS_TABLE, code);
}

/** A returned parcel arrives as a delivery whose text says it went back to the sender. */
const DELIVERED_TO_SENDER = /\b(?:delivered|returned) to (?:the )?(?:sender|shipper)\b/i;

/**
 * Maps one event by its code. `01` whose text says it went back to the sender reads
 * `returned` (USPS delivers a returned parcel to its sender with the ordinary delivery
 * scan). Codes USPS adds later read `unknown`.
 */
export function mapUspsEvent(code: string, eventType: string | undefined): UspsStatusEntry {
  if (!isUspsEventCode(code)) {
    return UNDOCUMENTED;
  }
  if (code === '01' && eventType !== undefined && DELIVERED_TO_SENDER.test(eventType)) {
    return entry({ status: 'returned' }, 'Delivered to Sender');
  }
  return USPS_STATUS_TABLE[code];
}
