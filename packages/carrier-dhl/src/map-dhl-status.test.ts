import { describe, expect, it } from 'vitest';
import { DHL_STATUS_CODES, mapDhlEventStatus } from './map-dhl-status.ts';

describe('mapDhlEventStatus', () => {
  it('maps every documented statusCode to a known status, even without words', () => {
    expect(
      Object.fromEntries(
        DHL_STATUS_CODES.map((code) => [code, mapDhlEventStatus(code, {}).status]),
      ),
    ).toEqual({
      'pre-transit': 'label_created',
      transit: 'in_transit',
      delivered: 'delivered',
      failure: 'exception',
      unknown: 'in_transit',
    });
    expect(mapDhlEventStatus('failure', {}).subStatus).toBe('other');
  });

  it('leaves a code the spec does not list unknown, never guessed', () => {
    expect(mapDhlEventStatus('lost-in-space', { description: 'Delivered' }).status).toBe('unknown');
  });

  it.each([
    ['pre-transit', 'Shipment picked up', { status: 'picked_up' }],
    ['pre-transit', 'The shipment has been cancelled by the sender', { status: 'cancelled' }],
    ['transit', 'Shipment is out for delivery', { status: 'out_for_delivery' }],
    ['transit', 'WITH DELIVERY COURIER', { status: 'out_for_delivery' }],
    [
      'transit',
      'Arrived at Delivery Facility in BONN - GERMANY',
      { status: 'at_destination_facility' },
    ],
    [
      'transit',
      'The shipment is ready for pickup at the retail outlet',
      { status: 'available_for_pickup' },
    ],
    [
      'transit',
      'A delivery attempt was made; the recipient was not at home',
      { status: 'delivery_attempted' },
    ],
    ['transit', 'The shipment is being returned to the sender', { status: 'return_in_transit' }],
    ['transit', 'Processed at LEIPZIG - GERMANY', { status: 'in_transit' }],
    ['unknown', 'Shipment is out for delivery', { status: 'out_for_delivery' }],
    ['delivered', 'Delivered - Signed for by: JOHN DOE', { status: 'delivered' }],
    ['delivered', 'The shipment has been returned to the sender', { status: 'returned' }],
    [
      'failure',
      'The shipment was damaged',
      { status: 'exception', subStatus: 'damaged', incident: 'damaged' },
    ],
    [
      'failure',
      'Delivery refused by the recipient',
      { status: 'exception', subStatus: 'refused', incident: 'refused' },
    ],
    [
      'failure',
      'Incorrect address: the recipient could not be found',
      { status: 'exception', subStatus: 'address_issue', incident: 'address_not_found' },
    ],
    [
      'failure',
      'The shipment is lost',
      { status: 'exception', subStatus: 'lost', incident: 'lost' },
    ],
    [
      'failure',
      'Clearance event: held by customs',
      { status: 'exception', subStatus: 'held', incident: 'customs' },
    ],
    [
      'failure',
      'Delayed by adverse weather conditions',
      { status: 'exception', subStatus: 'held', incident: 'weather' },
    ],
    ['failure', 'The shipment is on hold', { status: 'exception', subStatus: 'held' }],
    ['failure', 'Returned to shipper: addressee moved', { status: 'return_in_transit' }],
    ['failure', 'Something went wrong', { status: 'exception', subStatus: 'other' }],
  ])('reads %s "%s"', (code, description, expected) => {
    const { meaning: _meaning, ...mapping } = mapDhlEventStatus(code, { description });
    expect(mapping).toEqual(expected);
  });
});
