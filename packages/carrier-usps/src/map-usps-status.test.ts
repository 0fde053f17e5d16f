import { describe, expect, it } from 'vitest';
import { mapUspsEvent, USPS_STATUS_CODES } from './map-usps-status.ts';

describe('mapUspsEvent', () => {
  it('maps every code the adapter documents, none to unknown', () => {
    const table = Object.fromEntries(
      USPS_STATUS_CODES.map((code) => {
        const { status, subStatus } = mapUspsEvent(code, undefined);
        return [code, subStatus === undefined ? status : `${status}/${subStatus}`];
      }),
    );
    expect(table).toEqual({
      GX: 'label_created',
      MA: 'label_created',
      TM: 'picked_up',
      OA: 'picked_up',
      UA: 'picked_up',
      AD: 'picked_up',
      '03': 'picked_up',
      '10': 'in_transit',
      '08': 'exception/other',
      '07': 'at_destination_facility',
      OF: 'out_for_delivery',
      '02': 'delivery_attempted',
      '52': 'delivery_attempted',
      '53': 'delivery_attempted',
      '55': 'delivery_attempted',
      '56': 'delivery_attempted',
      '57': 'delivery_attempted',
      '14': 'available_for_pickup',
      '16': 'available_for_pickup',
      '01': 'delivered',
      '43': 'delivered',
      '04': 'exception/refused',
      '05': 'exception/address_issue',
      '21': 'exception/address_issue',
      '22': 'exception/address_issue',
      '23': 'exception/address_issue',
      '25': 'exception/address_issue',
      '09': 'return_in_transit',
      '29': 'return_in_transit',
      '44': 'return_in_transit',
    });
  });

  it('reads a delivery to the sender as returned', () => {
    expect(mapUspsEvent('01', 'Delivered to Sender').status).toBe('returned');
    expect(mapUspsEvent('01', 'Delivered, Front Door/Porch').status).toBe('delivered');
  });

  it('leaves codes it does not know unknown, never guessed', () => {
    expect(mapUspsEvent('ZZ', 'Delivered').status).toBe('unknown');
    expect(mapUspsEvent('', undefined).status).toBe('unknown');
  });
});
