import { describe, expect, it } from 'vitest';
import { mapUpsActivityStatus, mapUpsStatusType, UPS_STATUS_CODES } from './map-ups-status.ts';

describe('mapUpsStatusType', () => {
  // The whole documented table, row by row: a change to any mapping fails here.
  it.each([
    ['M', 'label_created', undefined],
    ['MV', 'cancelled', undefined],
    ['P', 'picked_up', undefined],
    ['I', 'in_transit', undefined],
    ['O', 'out_for_delivery', undefined],
    ['D', 'delivered', undefined],
    ['X', 'exception', 'other'],
    ['RS', 'returned', undefined],
    ['DO', 'in_transit', undefined],
    ['DD', 'at_destination_facility', undefined],
    ['W', 'in_transit', undefined],
    ['NA', 'label_created', undefined],
    ['U', 'in_transit', undefined],
  ])('maps %s to %s', (type, status, subStatus) => {
    const mapping = mapUpsStatusType(type);
    expect(mapping.status).toBe(status);
    expect(mapping.subStatus).toBe(subStatus);
  });

  it('covers every documented type, none as unknown', () => {
    expect(UPS_STATUS_CODES).toHaveLength(13);
    for (const type of UPS_STATUS_CODES) {
      expect(mapUpsStatusType(type).status).not.toBe('unknown');
    }
  });

  it('keeps undocumented types unknown', () => {
    expect(mapUpsStatusType('Q').status).toBe('unknown');
  });
});

describe('mapUpsActivityStatus', () => {
  it.each([
    // UPSTrackAlert.yaml example 1: out for delivery arrives as type I, OT, 021.
    [
      { type: 'I', code: 'OT', statusCode: '021', description: 'Out for Delivery' },
      'out_for_delivery',
    ],
    // Track Alert's D covers "loaded on delivery vehicle, out for delivery, delivered".
    [{ type: 'D', statusCode: '021' }, 'out_for_delivery'],
    [{ type: 'D', code: 'FS', statusCode: '011', description: 'Delivered' }, 'delivered'],
    [{ type: 'D', code: 'RS', description: 'Returned to Sender' }, 'returned'],
    [
      { type: 'I', code: 'YP', statusCode: '071', description: 'Preparing for Delivery' },
      'at_destination_facility',
    ],
    [{ type: 'I', code: 'H8', description: 'In transit' }, 'return_in_transit'],
    [{ type: 'X', description: 'Returning to Sender: the receiver moved' }, 'return_in_transit'],
    [
      {
        type: 'I',
        description: 'Your package is ready for pickup at the UPS Access Point location.',
      },
      'available_for_pickup',
    ],
    [
      { type: 'X', description: 'The receiver was not available for delivery.' },
      'delivery_attempted',
    ],
  ])('reads %j as %s', (activity, status) => {
    expect(mapUpsActivityStatus(activity).status).toBe(status);
  });

  it.each([
    ['Damage has been reported to the package.', 'damaged', 'damaged'],
    ['The receiver refused the delivery.', 'refused', 'refused'],
    ['The address is incomplete or incorrect.', 'address_issue', 'address_not_found'],
    ['We are unable to locate the package.', 'lost', 'lost'],
    // Tracking.yaml's own Status example.
    ['Your package was released by the customs agency.', 'held', 'customs'],
    ['Severe weather conditions have delayed delivery.', 'held', 'weather'],
    ['The package is being held at a UPS facility.', 'held', undefined],
    ['A UPS exception has occurred.', 'other', undefined],
  ])('reads the exception "%s" as %s', (description, subStatus, incident) => {
    expect(mapUpsActivityStatus({ type: 'X', description })).toMatchObject({
      status: 'exception',
      subStatus,
      ...(incident === undefined ? {} : { incident }),
    });
  });
});
