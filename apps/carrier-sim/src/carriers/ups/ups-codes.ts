import type { ParcelEvent, ParcelEventKind } from '../../model/parcel.ts';
import type { ExceptionSubStatus } from '../../model/statuses.ts';

/** How UPS shows one event: status type letter, 2-character code, 3-digit code, text. */
export interface UpsWireStatus {
  readonly type: string;
  readonly code: string;
  /** Only where UPS's own examples show one (003, 005, 071, 021, 011). */
  readonly statusCode: string | undefined;
  readonly description: string;
}

const status = (
  type: string,
  code: string,
  statusCode: string | undefined,
  description: string,
): UpsWireStatus => ({ type, code, statusCode, description });

/**
 * The Track API's rendering of each event kind. Types are UPS's letters; codes and texts
 * come from UPS's examples where they exist (MP/003, DP/005, YP/071, OT/021, FS/011) and
 * are the simulator's own otherwise (UPS publishes no code table as a file).
 */
const TRACK_STATUS: Readonly<Record<Exclude<ParcelEventKind, 'exception'>, UpsWireStatus>> = {
  label_created: status('M', 'MP', '003', 'Shipment Ready for UPS'),
  picked_up: status('P', 'PU', undefined, 'Pickup Scan'),
  departed_facility: status('I', 'DP', '005', 'Departed from Facility'),
  arrived_at_hub: status('I', 'AR', '005', 'Arrived at Facility'),
  arrived_at_last_mile: status('I', 'YP', '071', 'Preparing for Delivery'),
  out_for_delivery: status('O', 'OT', '021', 'Out for Delivery'),
  delivery_attempted: status(
    'X',
    'NA',
    undefined,
    'The receiver was not available for delivery. We will make a second attempt the next business day.',
  ),
  available_for_pickup: status(
    'I',
    'ZP',
    undefined,
    'Your package is ready for pickup at the UPS Access Point location.',
  ),
  delivered: status('D', 'FS', '011', 'Delivered'),
  intercept_registered: status(
    'I',
    'DC',
    undefined,
    'A delivery change for this package is in progress.',
  ),
  return_in_transit: status(
    'I',
    'H8',
    undefined,
    'Returning to Sender: In transit to the shipper.',
  ),
  returned: status('RS', 'RS', undefined, 'Returned to Shipper'),
  cancelled: status('MV', 'MV', undefined, 'Shipment Voided'),
  redirected: status(
    'I',
    'DC',
    undefined,
    'The delivery address was changed at the shipper’s request.',
  ),
  intercept_cancelled: status(
    'I',
    'DC',
    undefined,
    'The delivery change was cancelled at the shipper’s request. The package continues to the receiver.',
  ),
  redirect_cancelled: status(
    'I',
    'DC',
    undefined,
    'The delivery change was cancelled at the shipper’s request. The package continues to the original address.',
  ),
};

/** Exception texts, one per sub-status UPS can express (the adapter reads the text). */
const EXCEPTION_STATUS: Readonly<Record<ExceptionSubStatus, UpsWireStatus>> = {
  held: status(
    'X',
    'HL',
    undefined,
    'The package is being held at a UPS facility pending instructions.',
  ),
  damaged: status('X', 'DM', undefined, 'Damage has been reported to the package.'),
  lost: status('X', 'LS', undefined, 'We are unable to locate the package.'),
  address_issue: status('X', 'AD', undefined, 'The address is incomplete or incorrect.'),
  refused: status('X', 'RF', undefined, 'The receiver refused the delivery.'),
  other: status('X', 'EX', undefined, 'A UPS exception has occurred.'),
};

/** Every exception sub-status has a text; `held` is the default. */
export const UPS_EXCEPTION_SUB_STATUSES: readonly ExceptionSubStatus[] = [
  'held',
  'damaged',
  'lost',
  'address_issue',
  'refused',
  'other',
];

/** How the Track API shows an event. */
export function upsTrackStatusOf(event: ParcelEvent): UpsWireStatus {
  return event.kind === 'exception'
    ? EXCEPTION_STATUS[event.subStatus ?? 'held']
    : TRACK_STATUS[event.kind];
}

/**
 * How Track Alert shows an event: its types are only D, I, M, MV, U and X
 * (UPSTrackAlert.yaml), so a pickup is `I`, out for delivery `I`/`OT`/`021` (its own
 * example) and a parcel back with its shipper a `D` "Returned to Sender".
 */
export function upsPushStatusOf(event: ParcelEvent): UpsWireStatus {
  const track = upsTrackStatusOf(event);
  switch (track.type) {
    case 'P':
    case 'O':
      return { ...track, type: 'I' };
    case 'RS':
      return status('D', 'RS', undefined, 'Returned to Sender');
    default:
      return track;
  }
}

/** The status type letter, shown by the control API beside each event. */
export function upsCodeOf(event: ParcelEvent): string {
  return upsTrackStatusOf(event).type;
}
