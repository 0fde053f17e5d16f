import type { StatusMapping } from '@parcelgate/carrier-kit';

/**
 * Every status code the sandbox documents (docs/carriers/sandbox-api.md, "Status codes"),
 * exported so the conformance kit can check that each one maps to a normalized status.
 */
export const SANDBOX_STATUS_CODES = [
  'CR',
  'PU',
  'DP',
  'AR',
  'LM',
  'OD',
  'NA',
  'PP',
  'DL',
  'XD',
  'XL',
  'XA',
  'XH',
  'XR',
  'IR',
  'RT',
  'RS',
  'CX',
  'RD',
  'IC',
  'RC',
] as const;

/** One of {@link SANDBOX_STATUS_CODES}. */
export type SandboxStatusCode = (typeof SANDBOX_STATUS_CODES)[number];

/** A normalized reading plus the spec's own wording, used when an event has no text. */
interface SandboxStatusEntry extends StatusMapping {
  readonly meaning: string;
}

/**
 * The spec's table, one row per code. `XH` carries no incident: the spec says "held
 * (customs, security, weather)" without telling which, and guessing would mislead support.
 * `IR` and `RD` stay `in_transit`: the parcel is still moving, only its destination changed.
 */
const SANDBOX_STATUS_TABLE: Readonly<Record<SandboxStatusCode, SandboxStatusEntry>> = {
  CR: { status: 'label_created', meaning: 'Shipment information received, label created' },
  PU: { status: 'picked_up', meaning: 'Picked up by the courier' },
  DP: { status: 'in_transit', meaning: 'Departed a facility' },
  AR: { status: 'in_transit', meaning: 'Arrived at a hub' },
  LM: {
    status: 'at_destination_facility',
    meaning: 'Arrived at the last-mile delivery station',
  },
  OD: { status: 'out_for_delivery', meaning: 'Out for delivery' },
  NA: { status: 'delivery_attempted', meaning: 'Delivery attempted, recipient not available' },
  PP: { status: 'available_for_pickup', meaning: 'Available for pickup at a parcel point' },
  DL: { status: 'delivered', meaning: 'Delivered' },
  XD: {
    status: 'exception',
    subStatus: 'damaged',
    incident: 'damaged',
    meaning: 'Exception: parcel damaged',
  },
  XL: {
    status: 'exception',
    subStatus: 'lost',
    incident: 'lost',
    meaning: 'Exception: parcel lost',
  },
  XA: {
    status: 'exception',
    subStatus: 'address_issue',
    incident: 'address_not_found',
    meaning: 'Exception: address problem',
  },
  XH: { status: 'exception', subStatus: 'held', meaning: 'Exception: held' },
  XR: {
    status: 'exception',
    subStatus: 'refused',
    incident: 'refused',
    meaning: 'Exception: refused by the recipient',
  },
  IR: { status: 'in_transit', meaning: 'Intercept registered, parcel will be returned' },
  RT: { status: 'return_in_transit', meaning: 'Returning to sender' },
  RS: { status: 'returned', meaning: 'Returned to sender' },
  CX: { status: 'cancelled', meaning: 'Shipment cancelled before pickup' },
  RD: { status: 'in_transit', meaning: 'Redirected to a new address' },
  IC: { status: 'in_transit', meaning: 'Intercept cancelled, delivery to the recipient resumes' },
  RC: {
    status: 'in_transit',
    meaning: 'Redirect cancelled, delivery to the previous address resumes',
  },
};

/** The normalized reading of an undocumented code: kept as `unknown`, never guessed. */
const UNDOCUMENTED: SandboxStatusEntry = { status: 'unknown', meaning: 'Undocumented status' };

/** Whether `code` is one the spec documents. */
export function isSandboxStatusCode(code: string): code is SandboxStatusCode {
  return Object.hasOwn(SANDBOX_STATUS_TABLE, code);
}

/**
 * Maps a sandbox event code to the normalized taxonomy. Undocumented codes become
 * `unknown` (the raw code still travels with the event) rather than failing the whole
 * tracking answer: a carrier adding a code must not blind every merchant.
 */
export function mapSandboxStatus(code: string): StatusMapping {
  const { meaning: _meaning, ...mapping } = describeSandboxStatus(code);
  return mapping;
}

/** Like {@link mapSandboxStatus}, with the spec's wording for events sent without text. */
export function describeSandboxStatus(code: string): SandboxStatusEntry {
  return isSandboxStatusCode(code) ? SANDBOX_STATUS_TABLE[code] : UNDOCUMENTED;
}
