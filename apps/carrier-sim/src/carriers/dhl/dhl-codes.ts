import type { ParcelEvent, ParcelEventKind } from '../../model/parcel.ts';
import type { ExceptionSubStatus } from '../../model/statuses.ts';

/** How Shipment Tracking - Unified shows one event: the normalized `statusCode` and DHL's words. */
export interface DhlWireStatus {
  /** The spec's enum: pre-transit, transit, delivered, failure, unknown. */
  readonly statusCode: string;
  /** The short status text (`status`). */
  readonly status: string;
  /** The longer text (`description`). */
  readonly description: string;
}

const wire = (statusCode: string, status: string, description: string): DhlWireStatus => ({
  statusCode,
  status,
  description,
});

/**
 * Each event kind as DHL Express words it. The codes are the spec's enum; the texts are
 * the simulator's own, in the wording DHL divisions use (DHL publishes no text table).
 * DHL has no intercept or redirect API, so the kinds only those make never occur here;
 * they are worded as the neutral updates they would be.
 */
const TRACK_STATUS: Readonly<Record<Exclude<ParcelEventKind, 'exception'>, DhlWireStatus>> = {
  label_created: wire(
    'pre-transit',
    'SHIPMENT INFORMATION RECEIVED',
    'The instruction data for this shipment have been provided by the sender to DHL electronically',
  ),
  picked_up: wire('transit', 'SHIPMENT PICKED UP', 'Shipment picked up'),
  departed_facility: wire('transit', 'DEPARTED FACILITY', 'Departed Facility in LEIPZIG - GERMANY'),
  arrived_at_hub: wire(
    'transit',
    'ARRIVED AT SORT FACILITY',
    'Arrived at Sort Facility LEIPZIG - GERMANY',
  ),
  arrived_at_last_mile: wire(
    'transit',
    'ARRIVED AT DELIVERY FACILITY',
    'Arrived at Delivery Facility in BONN - GERMANY',
  ),
  out_for_delivery: wire('transit', 'WITH DELIVERY COURIER', 'Shipment is out for delivery'),
  delivery_attempted: wire(
    'transit',
    'DELIVERY ATTEMPTED',
    'A delivery attempt was made; the recipient was not at home',
  ),
  available_for_pickup: wire(
    'transit',
    'AWAITING COLLECTION',
    'The shipment is ready for pickup at the DHL Service Point',
  ),
  delivered: wire('delivered', 'DELIVERED', 'Delivered'),
  intercept_registered: wire('unknown', 'STATUS UPDATE', 'Shipment information updated'),
  return_in_transit: wire('transit', 'RETURNING', 'The shipment is being returned to the sender'),
  returned: wire('delivered', 'RETURNED', 'The shipment has been returned to the sender'),
  cancelled: wire('pre-transit', 'CANCELLED', 'The shipment has been cancelled by the sender'),
  redirected: wire('unknown', 'STATUS UPDATE', 'Shipment information updated'),
  intercept_cancelled: wire('unknown', 'STATUS UPDATE', 'Shipment information updated'),
  redirect_cancelled: wire('unknown', 'STATUS UPDATE', 'Shipment information updated'),
};

/** Failure texts, one per sub-status (the adapter reads the words). */
const FAILURE_STATUS: Readonly<Record<ExceptionSubStatus, DhlWireStatus>> = {
  held: wire('failure', 'ON HOLD', 'The shipment is on hold'),
  damaged: wire('failure', 'DAMAGED', 'The shipment was damaged'),
  lost: wire('failure', 'NOT LOCATED', 'The shipment cannot be located'),
  address_issue: wire(
    'failure',
    'ADDRESS ISSUE',
    'Incorrect address: the recipient could not be found',
  ),
  refused: wire('failure', 'REFUSED', 'Delivery refused by the recipient'),
  other: wire('failure', 'FAILURE', 'A DHL exception has occurred'),
};

/** Every sub-status has a text; `held` is the default. */
export const DHL_EXCEPTION_SUB_STATUSES: readonly ExceptionSubStatus[] = [
  'held',
  'damaged',
  'lost',
  'address_issue',
  'refused',
  'other',
];

/** How DHL shows an event. */
export function dhlStatusOf(event: ParcelEvent): DhlWireStatus {
  return event.kind === 'exception'
    ? FAILURE_STATUS[event.subStatus ?? 'held']
    : TRACK_STATUS[event.kind];
}

/** The `statusCode`, shown by the control API beside each event. */
export function dhlCodeOf(event: ParcelEvent): string {
  return dhlStatusOf(event).statusCode;
}
