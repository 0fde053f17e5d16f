import type { ParcelEvent, ParcelEventKind } from '../../model/parcel.ts';
import type { ExceptionSubStatus } from '../../model/statuses.ts';

/** How FedEx shows one event in `scanEvents[]`. */
export interface FedexWireScan {
  /** The scan code (`eventType`). */
  readonly eventType: string;
  /** The derived status code FedEx sends beside it (`derivedStatusCode`). */
  readonly derivedStatusCode: string;
  readonly derivedStatus: string;
  readonly eventDescription: string;
  readonly exceptionCode?: string;
  readonly exceptionDescription?: string;
  readonly locationType: string;
}

const scan = (
  eventType: string,
  derivedStatusCode: string,
  derivedStatus: string,
  eventDescription: string,
  locationType = 'FEDEX_FACILITY',
  exception?: readonly [code: string, description: string],
): FedexWireScan => ({
  eventType,
  derivedStatusCode,
  derivedStatus,
  eventDescription,
  locationType,
  ...(exception === undefined
    ? {}
    : { exceptionCode: exception[0], exceptionDescription: exception[1] }),
});

/**
 * The Track API's rendering of each event kind: FedEx's scan codes (carriers.md: OC, PU,
 * AR, DP, OD, DL, DE, HL, RS, CA, IT) and its texts. An arrival at the last facility is
 * `AR` at a `DESTINATION_FEDEX_FACILITY`; a failed attempt `DE` with exception code `08`;
 * the return's arrival a delivery (`DL`) after the return scan (`RS`). FedEx has no
 * intercept API, so the action events are in-transit notes nobody triggers through it.
 */
const TRACK_SCAN: Readonly<Record<Exclude<ParcelEventKind, 'exception'>, FedexWireScan>> = {
  label_created: scan(
    'OC',
    'IN',
    'Label created',
    'Shipment information sent to FedEx',
    'CUSTOMER',
  ),
  picked_up: scan('PU', 'PU', 'Picked up', 'Picked up', 'PICKUP_LOCATION'),
  departed_facility: scan('DP', 'IT', 'In transit', 'Departed FedEx location'),
  arrived_at_hub: scan('AR', 'IT', 'In transit', 'Arrived at FedEx location', 'SORT_FACILITY'),
  arrived_at_last_mile: scan(
    'AR',
    'IT',
    'In transit',
    'At local FedEx facility',
    'DESTINATION_FEDEX_FACILITY',
  ),
  out_for_delivery: scan(
    'OD',
    'OD',
    'Out for delivery',
    'On FedEx vehicle for delivery',
    'VEHICLE',
  ),
  delivery_attempted: scan(
    'DE',
    'DE',
    'Delivery exception',
    'Delivery exception',
    'DELIVERY_LOCATION',
    ['08', 'Customer not available or business closed'],
  ),
  available_for_pickup: scan(
    'HL',
    'HL',
    'Ready for pickup',
    'Ready for recipient pickup',
    'FEDEX_OFFICE_LOCATION',
  ),
  delivered: scan('DL', 'DL', 'Delivered', 'Delivered', 'DELIVERY_LOCATION'),
  intercept_registered: scan('IT', 'IT', 'In transit', 'Delivery change requested'),
  return_in_transit: scan('RS', 'RS', 'Return to shipper', 'Returning package to shipper'),
  returned: scan('DL', 'DL', 'Delivered', 'Delivered', 'DELIVERY_LOCATION'),
  cancelled: scan('CA', 'CA', 'Cancelled', 'Shipment cancelled by sender', 'CUSTOMER'),
  redirected: scan('IT', 'IT', 'In transit', 'Delivery address changed'),
  intercept_cancelled: scan('IT', 'IT', 'In transit', 'Delivery change cancelled'),
  redirect_cancelled: scan('IT', 'IT', 'In transit', 'Delivery change cancelled'),
};

/** Exceptions, one per sub-status: codes FedEx documents where known, texts otherwise. */
const EXCEPTION_SCAN: Readonly<Record<ExceptionSubStatus, FedexWireScan>> = {
  held: scan('SE', 'SE', 'Shipment exception', 'Shipment exception', 'FEDEX_FACILITY', [
    'A12',
    'Package held at FedEx location pending instructions',
  ]),
  damaged: scan('SE', 'SE', 'Shipment exception', 'Shipment exception', 'FEDEX_FACILITY', [
    '17',
    'Package damaged',
  ]),
  lost: scan('SE', 'SE', 'Shipment exception', 'Shipment exception', 'FEDEX_FACILITY', [
    '61',
    'Unable to locate package',
  ]),
  address_issue: scan('DE', 'DE', 'Delivery exception', 'Delivery exception', 'DELIVERY_LOCATION', [
    '03',
    'Incorrect address',
  ]),
  refused: scan('DE', 'DE', 'Delivery exception', 'Delivery exception', 'DELIVERY_LOCATION', [
    '07',
    'Refused by recipient',
  ]),
  other: scan('SE', 'SE', 'Shipment exception', 'Shipment exception', 'FEDEX_FACILITY', [
    'A25',
    'Shipment exception',
  ]),
};

/** Every exception sub-status has a scan; `held` is the default. */
export const FEDEX_EXCEPTION_SUB_STATUSES: readonly ExceptionSubStatus[] = [
  'held',
  'damaged',
  'lost',
  'address_issue',
  'refused',
  'other',
];

/** How the Track API shows an event. */
export function fedexScanOf(event: ParcelEvent): FedexWireScan {
  return event.kind === 'exception'
    ? EXCEPTION_SCAN[event.subStatus ?? 'held']
    : TRACK_SCAN[event.kind];
}

/** The scan code, shown by the control API beside each event. */
export function fedexCodeOf(event: ParcelEvent): string {
  return fedexScanOf(event).eventType;
}
