import type { ParcelEvent, ParcelEventKind } from '../../model/parcel.ts';
import type { ExceptionSubStatus } from '../../model/statuses.ts';

/** Every status code of docs/carriers/sandbox-api.md with its published description. */
export const SANDBOX_STATUS_CODES = {
  CR: 'Shipment information received, label created',
  PU: 'Picked up',
  DP: 'Departed facility',
  AR: 'Arrived at hub',
  LM: 'Arrived at the last-mile delivery station',
  OD: 'Out for delivery',
  NA: 'Delivery attempted, recipient not available',
  PP: 'Available for pickup at a parcel point',
  DL: 'Delivered',
  XD: 'Exception: parcel damaged',
  XL: 'Exception: parcel lost',
  XA: 'Exception: address problem',
  XH: 'Exception: held (customs, security, weather)',
  XR: 'Exception: refused by the recipient',
  IR: 'Intercept registered, parcel will be returned',
  RT: 'Returning to sender',
  RS: 'Returned to sender',
  CX: 'Shipment cancelled before pickup',
  RD: 'Redirected to a new address',
  IC: 'Intercept cancelled, delivery to the recipient resumes',
  RC: 'Redirect cancelled, delivery to the previous address resumes',
} as const;

/** A sandbox status code. */
export type SandboxStatusCode = keyof typeof SANDBOX_STATUS_CODES;

const CODE_OF_KIND: Readonly<Record<Exclude<ParcelEventKind, 'exception'>, SandboxStatusCode>> = {
  label_created: 'CR',
  picked_up: 'PU',
  departed_facility: 'DP',
  arrived_at_hub: 'AR',
  arrived_at_last_mile: 'LM',
  out_for_delivery: 'OD',
  delivery_attempted: 'NA',
  available_for_pickup: 'PP',
  delivered: 'DL',
  intercept_registered: 'IR',
  return_in_transit: 'RT',
  returned: 'RS',
  cancelled: 'CX',
  redirected: 'RD',
  intercept_cancelled: 'IC',
  redirect_cancelled: 'RC',
};

/** The sandbox has one code per exception sub-status except `other`, which it cannot express. */
const CODE_OF_EXCEPTION: Readonly<Partial<Record<ExceptionSubStatus, SandboxStatusCode>>> = {
  held: 'XH',
  damaged: 'XD',
  lost: 'XL',
  address_issue: 'XA',
  refused: 'XR',
};

/** Exception sub-statuses the sandbox can express; `held` first, the default. */
export const SANDBOX_EXCEPTION_SUB_STATUSES: readonly ExceptionSubStatus[] = [
  'held',
  'damaged',
  'lost',
  'address_issue',
  'refused',
];

/** The sandbox code of a model event. */
export function sandboxCodeOf(event: ParcelEvent): SandboxStatusCode {
  if (event.kind === 'exception') {
    return CODE_OF_EXCEPTION[event.subStatus ?? 'held'] ?? 'XH';
  }
  return CODE_OF_KIND[event.kind];
}
